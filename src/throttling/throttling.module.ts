import { Module } from '@nestjs/common';
import { ThrottlingService } from './throttling.service';

/** Shared limits (sign-in, forgotten password, registration, certificate verification); a feature imports this module to inject ThrottlingService. */
@Module({
  providers: [ThrottlingService],
  exports: [ThrottlingService],
})
export class ThrottlingModule {}
