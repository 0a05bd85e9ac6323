import { CanActivate, ExecutionContext, ForbiddenException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ACCESS_KEY, AccessRule } from './access.decorators';
import { errorPagesOf } from './error-pages';
import { LoginRequiredError } from './errors';

/** Default deny: a route must say who may use it, or nobody can reach it. */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    request.errorPages = errorPagesOf(this.reflector, context.getHandler());
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (!rule) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no access rule; denied`);
      throw new NotFoundException();
    }
    if (rule.kind === 'public') return true;
    if (!request.user) throw new LoginRequiredError();
    if (rule.kind === 'roles' && request.user.role !== 'admin' && !rule.roles.some((role) => role === request.user?.role)) {
      throw new ForbiddenException();
    }
    return true;
  }
}
