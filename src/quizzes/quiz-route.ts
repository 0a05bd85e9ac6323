import { createParamDecorator, ExecutionContext, NotFoundException } from '@nestjs/common';
import type { Request } from 'express';
import { routeParam } from '../common/route-params';
import { links } from '../learning/learning.service';

/** Which quiz a route is about: a module's quiz, or the course's pre- or post-test. */
export type QuizTarget = { kind: 'module'; key: string } | { kind: 'pre' } | { kind: 'post' };

/**
 * The three quizzes of a course, as route prefixes under /courses/:slug/: a module's quiz, the
 * pre-test and the post-test. Each quiz action is ONE handler served at the three addresses
 * (`@Get(quizRoutes('/attempts/:attemptId'))`); `@QuizRoute()` tells the handler which quiz it is.
 */
const QUIZ_ROUTES: Record<QuizTarget['kind'], string> = { module: 'modules/:key/quiz', pre: 'pre-test', post: 'post-test' };

/** The route paths of one action for every kind of quiz, e.g. quizRoutes('/start'). */
export function quizRoutes(suffix = ''): string[] {
  return Object.values(QUIZ_ROUTES).map((root) => `${root}${suffix}`);
}

/** Which quiz a matched route path (Express's `req.route.path`, e.g. "/courses/:slug/pre-test/start") is about. */
export function quizTargetOf(routePath: string, key: string): QuizTarget {
  const kinds = Object.keys(QUIZ_ROUTES) as QuizTarget['kind'][];
  const kind = kinds.find((candidate) => `${routePath}/`.includes(`/courses/:slug/${QUIZ_ROUTES[candidate]}/`));
  if (!kind) throw new NotFoundException();
  if (kind !== 'module') return { kind };
  if (!key) throw new NotFoundException();
  return { kind, key };
}

/** The quiz a request is about (see quizTargetOf). */
export function quizTargetOfRequest(request: Request): QuizTarget {
  const route = request.route as { path?: unknown } | undefined;
  return quizTargetOf(typeof route?.path === 'string' ? route.path : '', routeParam(request, 'key'));
}

/** `@QuizRoute() target: QuizTarget`: the quiz the route names, resolved once from the matched address. */
export const QuizRoute = createParamDecorator((_data: unknown, ctx: ExecutionContext): QuizTarget =>
  quizTargetOfRequest(ctx.switchToHttp().getRequest<Request>()),
);

/** A quiz's page; start is basePath/start, an attempt basePath/attempts/:id. */
export function quizBasePath(slug: string, target: QuizTarget): string {
  if (target.kind === 'module') return `${links.module(slug, target.key)}/quiz`;
  return target.kind === 'pre' ? links.preTest(slug) : links.postTest(slug);
}
