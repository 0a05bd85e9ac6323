import { ForgotPasswordPage } from './forgot-password.page';
import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountModule } from '../account/account.module';
import { ThrottlingModule } from '../throttling/throttling.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { ForgotPasswordController } from './forgot-password.controller';
import { ForgotPasswordService } from './forgot-password.service';
import { LocalStrategy } from './local.strategy';
import { RegistrationService } from './registration.service';
import { SessionRecord } from '../sessions/session.entity';
import { SessionSerializer } from './session.serializer';
import { SessionsModule } from '../sessions/sessions.module';

@Module({
  imports: [
    PassportModule.register({ session: true }),
    TypeOrmModule.forFeature([SessionRecord]),
    UsersModule,
    AccountModule,
    SessionsModule,
    ThrottlingModule,
  ],
  controllers: [AuthController, ForgotPasswordController],
  providers: [AuthService, LocalStrategy, SessionSerializer, ForgotPasswordService, ForgotPasswordPage, RegistrationService],
  exports: [AuthService],
})
export class AuthModule {}
