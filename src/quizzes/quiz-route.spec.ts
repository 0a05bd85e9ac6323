import { NotFoundException } from '@nestjs/common';
import { quizBasePath, quizRoutes, quizTargetOf } from './quiz-route';

describe('quiz routes: one handler per action, the kind read from the matched address', () => {
  it('serves each action at the three quiz addresses', () => {
    expect(quizRoutes('/start')).toEqual(['modules/:key/quiz/start', 'pre-test/start', 'post-test/start']);
    expect(quizRoutes()).toEqual(['modules/:key/quiz', 'pre-test', 'post-test']);
  });

  it.each([
    ['/courses/:slug/modules/:key/quiz', { kind: 'module', key: 'm1' }],
    ['/courses/:slug/modules/:key/quiz/start', { kind: 'module', key: 'm1' }],
    ['/courses/:slug/modules/:key/quiz/attempts/:attemptId/language', { kind: 'module', key: 'm1' }],
    ['/courses/:slug/pre-test', { kind: 'pre' }],
    ['/courses/:slug/pre-test/attempts/:attemptId', { kind: 'pre' }],
    ['/courses/:slug/post-test/start', { kind: 'post' }],
    ['/courses/:slug/post-test/attempts/:attemptId/language', { kind: 'post' }],
  ])('%s is %j', (path, target) => {
    expect(quizTargetOf(path, 'm1')).toEqual(target);
  });

  it('is a 404 for any other address, and for a module quiz without its key', () => {
    for (const path of ['/courses/:slug/attempts', '/courses/:slug/pre-testing', '/courses/:slug/modules/:key', '']) {
      expect(() => quizTargetOf(path, 'm1')).toThrow(NotFoundException);
    }
    expect(() => quizTargetOf('/courses/:slug/modules/:key/quiz', '')).toThrow(NotFoundException);
  });

  it('builds the quiz page address back from the kind (encoded)', () => {
    expect(quizBasePath('trata', { kind: 'module', key: '01-intro' })).toBe('/courses/trata/modules/01-intro/quiz');
    expect(quizBasePath('trata', { kind: 'pre' })).toBe('/courses/trata/pre-test');
    expect(quizBasePath('a b', { kind: 'post' })).toBe('/courses/a%20b/post-test');
  });
});
