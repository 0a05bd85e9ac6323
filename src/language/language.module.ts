import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { LanguagePreference } from './language-preference';
import { LanguageController } from './language.controller';

/** The language switch: the header's form, and the quiz's switch that keeps answers (QuizzesModule). */
@Module({
  imports: [UsersModule],
  controllers: [LanguageController],
  providers: [LanguagePreference],
  exports: [LanguagePreference],
})
export class LanguageModule {}
