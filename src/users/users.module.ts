import { MiddlewareConsumer, Module, NestModule, OnModuleInit, RequestMethod } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { registerOptionLists } from '../common/view-helpers';
import { AdminPrivacyController } from './admin-privacy.controller';
import { PasswordHasher } from './password-hasher';
import { AGE_GROUPS, COUNTRIES, DUTY_STATIONS, INSTITUTIONS, SEXES, SV_DEPARTMENTS } from './profile-options';
import { AdminUsersController } from './admin-users.controller';
import { PrivacyNotice } from './privacy-notice.entity';
import { PrivacyNoticeMiddleware } from './privacy-notice.middleware';
import { PrivacyNoticeService } from './privacy-notice.service';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** Accounts and profiles (the user table), password hashing, admin user management, the privacy notice (privacy_notice table). */
@Module({
  imports: [TypeOrmModule.forFeature([User, PrivacyNotice])],
  controllers: [UsersController, AdminUsersController, AdminPrivacyController],
  providers: [UsersService, PasswordHasher, PrivacyNoticeService],
  exports: [UsersService, PasswordHasher, PrivacyNoticeService],
})
export class UsersModule implements NestModule, OnModuleInit {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(PrivacyNoticeMiddleware)
      .forRoutes({ path: 'auth/register', method: RequestMethod.GET }, { path: 'auth/register', method: RequestMethod.POST });
  }

  onModuleInit(): void {
    // The profile form's choices, for {{optionList "..."}} in every view.
    registerOptionLists({
      institutions: INSTITUTIONS,
      countries: COUNTRIES,
      sexes: SEXES,
      ageGroups: AGE_GROUPS,
      departments: SV_DEPARTMENTS,
      dutyStations: DUTY_STATIONS,
    });
  }
}
