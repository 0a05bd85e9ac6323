import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SessionRecord } from './session.entity';
import { UserSessionsService } from './user-sessions.service';

/** Small on purpose: both AuthModule and AccountModule end sessions, and AuthModule already imports AccountModule. */
@Module({
  imports: [TypeOrmModule.forFeature([SessionRecord])],
  providers: [UserSessionsService],
  exports: [UserSessionsService],
})
export class SessionsModule {}
