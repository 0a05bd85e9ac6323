import { Body, Controller, Post, Req, Res } from '@nestjs/common';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import { Public } from '../common/access.decorators';
import { LANGUAGE_COOKIE } from '../common/request-locals.middleware';
import { safeLocalPath } from '../common/safe-redirect';
import { LANGUAGES } from '../i18n/i18n';
import { UsersService } from '../users/users.service';

export class SwitchLanguageDto {
  @IsIn(LANGUAGES)
  lang: string;

  @IsOptional() @IsString() @MaxLength(2000)
  next?: string;
}

@Controller('language')
export class LanguageController {
  constructor(private readonly users: UsersService) {}

  /** Remembered in a long-lived cookie and on the account when signed in; a visitor's choice writes nothing to the database. */
  @Post()
  @Public()
  async switch(@Body() body: SwitchLanguageDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (request.user) await this.users.setPreferredLanguage(request.user.id, body.lang);
    response.cookie(LANGUAGE_COOKIE, body.lang, { maxAge: 365 * 24 * 3600 * 1000, httpOnly: true, sameSite: 'lax', secure: request.secure });
    response.redirect(303, safeLocalPath(body.next, '/'));
  }
}
