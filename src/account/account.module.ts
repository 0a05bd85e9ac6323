import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SessionsModule } from '../sessions/sessions.module';
import { UsersModule } from '../users/users.module';
import { AccountToken } from './account-token.entity';
import { AccountController } from './account.controller';
import { AccountService } from './account.service';
import { AccountTokensService } from './account-tokens.service';
import { AdminPasswordLinkController } from './admin-password-link.controller';
import { PasswordLinksService } from './password-links.service';

/**
 * Account links: set-password pages for accounts created on someone's behalf,
 * and new set-password links for people who cannot sign in (made by an admin,
 * or asked for by email from the "forgot password" page in AuthModule).
 */
@Module({
  imports: [TypeOrmModule.forFeature([AccountToken]), UsersModule, SessionsModule],
  controllers: [AccountController, AdminPasswordLinkController],
  providers: [AccountService, AccountTokensService, PasswordLinksService],
  exports: [AccountTokensService, PasswordLinksService],
})
export class AccountModule {}
