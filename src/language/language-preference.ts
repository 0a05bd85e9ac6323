import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { LANGUAGE_COOKIE } from '../common/request-locals.middleware';
import { UsersService } from '../users/users.service';

/** Switching language: remembered in a long-lived cookie and on the account when signed in; a visitor's choice writes nothing to the database. */
@Injectable()
export class LanguagePreference {
  constructor(private readonly users: UsersService) {}

  async remember(request: Request, response: Response, lang: string): Promise<void> {
    if (request.user) await this.users.setPreferredLanguage(request.user.id, lang);
    response.cookie(LANGUAGE_COOKIE, lang, { maxAge: 365 * 24 * 3600 * 1000, httpOnly: true, sameSite: 'lax', secure: request.secure });
  }
}
