import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { registerOptionLists } from '../common/view-helpers';
import { PasswordHasher } from './password-hasher';
import { AGE_GROUPS, COUNTRIES, DUTY_STATIONS, INSTITUTIONS, SEXES, SV_DEPARTMENTS } from './profile-options';
import { AdminUsersController } from './admin-users.controller';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** Accounts and profiles (the user table), password hashing, admin user management. */
@Module({
  imports: [TypeOrmModule.forFeature([User])],
  controllers: [UsersController, AdminUsersController],
  providers: [UsersService, PasswordHasher],
  exports: [UsersService, PasswordHasher],
})
export class UsersModule implements OnModuleInit {
  onModuleInit(): void {
    // The profile form's choices, for {{optionList "..."}} in every view.
    registerOptionLists({
      institutions: INSTITUTIONS, countries: COUNTRIES, sexes: SEXES, ageGroups: AGE_GROUPS, departments: SV_DEPARTMENTS, dutyStations: DUTY_STATIONS,
    });
  }
}
