import { Body, Controller, Post, Req, Res } from '@nestjs/common';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import { Public } from '../common/access.decorators';
import { safeLocalPath } from '../common/safe-redirect';
import { LANGUAGES } from '../i18n/i18n';
import { LanguagePreference } from './language-preference';

export class SwitchLanguageDto {
  @IsIn(LANGUAGES)
  lang: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  next?: string;
}

@Controller('language')
export class LanguageController {
  constructor(private readonly language: LanguagePreference) {}

  /** Remembered in a long-lived cookie and on the account when signed in; a visitor's choice writes nothing to the database. */
  @Post()
  @Public()
  async switch(@Body() body: SwitchLanguageDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.language.remember(request, response, body.lang);
    response.redirect(303, safeLocalPath(body.next, '/'));
  }
}
