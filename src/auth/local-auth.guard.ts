import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { loginFailed } from './auth.service';

/** Checks the credentials and starts the session (Passport regenerates the session id). */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const language = request.session.lang;
    await super.canActivate(context);
    await super.logIn(request);
    if (language) request.session.lang = language;
    return true;
  }

  // Missing credentials reach here without an error: same message as a wrong password.
  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error) throw error;
    if (!user) throw loginFailed();
    return user;
  }
}
