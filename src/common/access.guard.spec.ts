import { ExecutionContext, ForbiddenException, NotFoundException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Authenticated, Public, Roles } from './access.decorators';
import { AccessGuard } from './access.guard';
import { LoginRequiredError } from './errors';

class Undeclared {
  handler(): void {}
}
class OpenToAll {
  @Public() handler(): void {}
}
class SignedIn {
  @Authenticated() handler(): void {}
}
@Roles('coordinator')
class CoordinatorsOnly {
  handler(): void {}
  @Public() publicOverride(): void {}
}

function contextFor(controller: new () => object, method: string, user?: { id: number; role: string }): ExecutionContext {
  const instance = new controller() as Record<string, () => void>;
  const request = { user, method: 'GET', path: '/x' };
  return {
    getHandler: () => instance[method],
    getClass: () => controller,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

describe('AccessGuard (default deny)', () => {
  const guard = new AccessGuard(new Reflector());
  // The guard logs the undeclared route; keep the test output quiet.
  beforeAll(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));

  it('hides a route that does not say who may use it, even from admins', () => {
    expect(() => guard.canActivate(contextFor(Undeclared, 'handler', { id: 1, role: 'admin' }))).toThrow(NotFoundException);
  });

  it('lets anyone through a public route', () => {
    expect(guard.canActivate(contextFor(OpenToAll, 'handler'))).toBe(true);
  });

  it('asks signed-out visitors to sign in', () => {
    expect(() => guard.canActivate(contextFor(SignedIn, 'handler'))).toThrow(LoginRequiredError);
    expect(guard.canActivate(contextFor(SignedIn, 'handler', { id: 1, role: 'learner' }))).toBe(true);
  });

  it('checks roles, lets admins pass, and lets a method override its class', () => {
    expect(() => guard.canActivate(contextFor(CoordinatorsOnly, 'handler', { id: 1, role: 'learner' }))).toThrow(ForbiddenException);
    expect(guard.canActivate(contextFor(CoordinatorsOnly, 'handler', { id: 1, role: 'coordinator' }))).toBe(true);
    expect(guard.canActivate(contextFor(CoordinatorsOnly, 'handler', { id: 1, role: 'admin' }))).toBe(true);
    expect(guard.canActivate(contextFor(CoordinatorsOnly, 'publicOverride'))).toBe(true);
  });
});
