import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** The signed-in user (the users feature's User entity, as the session serializer loads it), or undefined. */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): Express.User | undefined => {
  const request = ctx.switchToHttp().getRequest<Request>();
  return request.user;
});
