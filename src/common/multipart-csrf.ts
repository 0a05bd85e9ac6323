import {
  applyDecorators,
  CallHandler,
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  NestInterceptor,
  SetMetadata,
  Type,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FileInterceptor } from '@nestjs/platform-express';
import type { MulterOptions } from '@nestjs/platform-express/multer/interfaces/multer-options.interface';
import type { Request } from 'express';
import type { Observable } from 'rxjs';

/**
 * Uploads (multipart forms) carry their CSRF token as the first field of the body, never in the
 * address (where it would end up in history and server logs). The CSRF middleware cannot read a
 * multipart body, so it leaves request.csrfCheck for the upload route; the route reads the body
 * with multer and checks the token before it accepts the file, and again when there is no file.
 */
export const MULTIPART_CSRF = 'multipartCsrf';

const refused = () => new ForbiddenException('errors.csrf');

/** Checks the token the body has delivered so far; on success it is removed so validation never sees it. */
function bodyTokenPasses(request: Request): boolean {
  if (!request.csrfCheck) return true; // not a deferred request (e.g. a test posting JSON): the middleware already checked
  const body = request.body as Record<string, unknown> | undefined;
  return request.csrfCheck(body?._csrf);
}

function tokenChecked(field: string, options: MulterOptions): Type<NestInterceptor> {
  const Base = FileInterceptor(field, {
    ...options,
    // Multer hands over the fields that came before the file: the token must be among them.
    fileFilter: (request: Request, _file, accept) => (bodyTokenPasses(request) ? accept(null, true) : accept(refused(), false)),
  });
  @Injectable()
  class CsrfCheckedFileInterceptor extends Base {
    override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const request = context.switchToHttp().getRequest<Request>();
      return super.intercept(context, {
        handle: () => {
          if (!bodyTokenPasses(request)) throw refused();
          const body = request.body as Record<string, unknown> | undefined;
          if (body && '_csrf' in body) delete body._csrf;
          request.csrfCheck = undefined;
          return next.handle();
        },
      });
    }
  }
  return CsrfCheckedFileInterceptor;
}

/** An upload route: one file in `field`, read with multer, the CSRF token checked from the body first. */
export function MultipartUpload(field: string, options: MulterOptions): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(MULTIPART_CSRF, true), UseInterceptors(tokenChecked(field, options)));
}

/** A multipart POST to a route that does not check its token from the body is refused, so no route is left unprotected. */
@Injectable()
export class MultipartCsrfGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (request.csrfCheck && !this.reflector.get<boolean | undefined>(MULTIPART_CSRF, context.getHandler())) throw refused();
    return true;
  }
}
