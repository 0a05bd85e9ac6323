import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PasswordHasher } from '../auth/password-hasher';
import { AdminPrivacyController } from './admin-privacy.controller';
import { AdminUsersController } from './admin-users.controller';
import { PrivacyNotice } from './privacy-notice.entity';
import { PrivacyNoticeMiddleware } from './privacy-notice.middleware';
import { PrivacyNoticeService } from './privacy-notice.service';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, PrivacyNotice])],
  controllers: [UsersController, AdminUsersController, AdminPrivacyController],
  providers: [UsersService, PasswordHasher, PrivacyNoticeService],
  exports: [UsersService, PasswordHasher, PrivacyNoticeService],
})
export class UsersModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(PrivacyNoticeMiddleware).forRoutes({ path: 'auth/register', method: RequestMethod.ALL });
  }
}
