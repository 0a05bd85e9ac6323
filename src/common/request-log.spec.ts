import express from 'express';
import request from 'supertest';
import { requestLogger, RequestLogLine } from './request-log';

function appWithLog(lines: string[]) {
  const app = express();
  app.use(requestLogger((line) => lines.push(line)));
  app.use((req, _res, next) => {
    if (req.get('x-test-user')) Object.assign(req, { user: { id: Number(req.get('x-test-user')), email: 'rosa@example.org' } });
    next();
  });
  app.post('/account/set-password/:token', express.urlencoded({ extended: false }), (_req, res) => {
    res.status(303).end();
  });
  app.get('/courses/:slug', (_req, res) => {
    res.send('ok');
  });
  return app;
}

describe('requestLogger', () => {
  it('writes one JSON line per request with id, user id, method, route pattern, status and duration', async () => {
    const lines: string[] = [];
    const response = await request(appWithLog(lines)).get('/courses/trata?email=rosa@example.org').set('x-test-user', '7');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]) as RequestLogLine;
    expect(line).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      level: 'info',
      msg: 'request',
      requestId: response.headers['x-request-id'],
      userId: 7,
      method: 'GET',
      route: '/courses/:slug',
      status: 200,
      durationMs: expect.any(Number),
    });
  });

  it('never writes tokens, passwords, cookies, emails or query strings', async () => {
    const lines: string[] = [];
    const token = 'tok3n-abcdefghijklmnopqrstuvwxyz0123456789ABCDE';
    await request(appWithLog(lines))
      .post(`/account/set-password/${token}?next=/secret-place`)
      .set('Cookie', 'sid=s%3Acookie-value-123')
      .set('x-test-user', '3')
      .type('form')
      .send({ password: 'mi frase secreta', email: 'rosa@example.org' });
    expect(lines).toHaveLength(1);
    for (const secret of [token, 'mi frase secreta', 'cookie-value-123', 'rosa@example.org', 'secret-place'])
      expect(lines[0]).not.toContain(secret);
    expect(JSON.parse(lines[0])).toMatchObject({ route: '/account/set-password/:token', status: 303, userId: 3, level: 'info' });
  });

  it('keeps a well-formed X-Request-Id from the proxy and replaces a hostile one', async () => {
    const lines: string[] = [];
    const app = appWithLog(lines);
    const kept = await request(app).get('/nowhere').set('X-Request-Id', 'abc12345-proxy');
    expect(kept.headers['x-request-id']).toBe('abc12345-proxy');
    const replaced = await request(app).get('/nowhere').set('X-Request-Id', '"injected", {"level":"error"}');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.map((l) => JSON.parse(l) as RequestLogLine).map((l) => [l.route, l.status])).toEqual([
      ['(no route)', 404],
      ['(no route)', 404],
    ]);
  });
});
