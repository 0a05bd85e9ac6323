import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from '../users/user.entity';
import { UsersModule } from '../users/users.module';
import { AccountToken } from './account-token.entity';
import { AccountController } from './account.controller';
import { AccountService } from './account.service';
import { AccountTokensService } from './account-tokens.service';

/** Account links: set-password pages for accounts created on someone's behalf. */
@Module({
  imports: [TypeOrmModule.forFeature([AccountToken, User]), UsersModule],
  controllers: [AccountController],
  providers: [AccountService, AccountTokensService],
  exports: [AccountTokensService],
})
export class AccountModule {}
