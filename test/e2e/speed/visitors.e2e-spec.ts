import request from 'supertest';
import { DataSource } from 'typeorm';
import { createCourse } from '../../utils/course-factories';
import { createTestApp, csrfTokenFrom, TestApp } from '../../utils/test-app';

/** Cookies a response sets, by name. */
function setCookies(response: request.Response): Map<string, string> {
  const header = response.headers['set-cookie'] as unknown as string[] | undefined;
  return new Map(
    (header ?? []).map((cookie) => {
      const [pair] = cookie.split(';');
      const index = pair.indexOf('=');
      return [pair.slice(0, index), pair.slice(index + 1)];
    }),
  );
}

describe('visitors without a cookie', () => {
  let testApp: TestApp;
  let courseSlug: string;
  beforeAll(async () => {
    testApp = await createTestApp();
    courseSlug = (await createCourse(testApp.app)).course.slug;
  });
  afterAll(async () => {
    await testApp.close();
  });

  const sessionRows = async (): Promise<number> => {
    const [row] = (await testApp.app.get(DataSource).query('SELECT COUNT(*) AS n FROM session')) as { n: string | number }[];
    return Number(row.n);
  };

  it('leaves the session table unchanged after 100 anonymous page views, and gets no session cookie', async () => {
    const before = await sessionRows();
    const paths = [
      '/',
      '/courses',
      `/courses/${courseSlug}`,
      '/auth/login',
      '/auth/register',
      '/healthz',
      '/static/styles.css',
      '/auth/forgot-password',
      '/courses?topic=trafficking',
      '/nowhere',
    ];
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, index) => request(testApp.server).get(paths[index % paths.length])),
    );
    for (const response of responses) {
      expect(response.status).toBeLessThan(500);
      expect(setCookies(response).has('sid')).toBe(false);
    }
    expect(responses.filter((response) => response.status === 200).length).toBeGreaterThanOrEqual(90);
    expect(await sessionRows()).toBe(before);
  });

  it('switches language without JavaScript and without a session row', async () => {
    const before = await sessionRows();
    const agent = request.agent(testApp.server);
    const home = await agent.get('/courses');
    expect(home.text).toContain('lang="es"');
    const switched = await agent
      .post('/language')
      .type('form')
      .send({ lang: 'en', next: '/courses', _csrf: csrfTokenFrom(home.text) });
    expect(switched.status).toBe(303);
    expect(switched.headers.location).toBe('/courses');
    expect(setCookies(switched).get('lang')).toBe('en');
    expect(setCookies(switched).has('sid')).toBe(false);
    expect((await agent.get('/courses')).text).toContain('lang="en"');
    expect(await sessionRows()).toBe(before);
  });

  it('refuses a visitor POST without a token, or with a token made for another browser, and sets no session cookie', async () => {
    const missing = await request(testApp.server).post('/language').type('form').send({ lang: 'en' });
    expect(missing.status).toBe(403);
    expect(setCookies(missing).has('sid')).toBe(false);
    expect(setCookies(missing).has('lang')).toBe(false);

    const otherBrowser = request.agent(testApp.server);
    const token = csrfTokenFrom((await otherBrowser.get('/')).text);
    const attacker = request.agent(testApp.server);
    await attacker.get('/');
    const forged = await attacker.post('/language').type('form').send({ lang: 'en', _csrf: token });
    expect(forged.status).toBe(403);
    expect(setCookies(forged).has('lang')).toBe(false);
  });

  it('still signs in from a visitor page (the form token is the visitor one)', async () => {
    const agent = request.agent(testApp.server);
    const page = await agent.get('/auth/login');
    const response = await agent
      .post('/auth/login')
      .type('form')
      .send({ email: 'nobody@example.test', password: 'wrong-password-123', _csrf: csrfTokenFrom(page.text) });
    // Reaches the credential check (not a CSRF refusal).
    expect(response.status).not.toBe(403);
  });

  it('compresses pages with Brotli or gzip as the client accepts, and says so in Vary', async () => {
    const brotli = await request(testApp.server).get('/courses').set('Accept-Encoding', 'br, gzip');
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers.vary).toMatch(/Accept-Encoding/i);
    const gzip = await request(testApp.server).get('/courses').set('Accept-Encoding', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const css = await request(testApp.server).get('/static/styles.css').set('Accept-Encoding', 'gzip');
    expect(css.headers['content-encoding']).toBe('gzip');
  });

  it('links static files with a content hash and lets browsers keep them for a year', async () => {
    const page = await request(testApp.server).get('/');
    const href = page.text.match(/href="(\/static\/styles\.css\?v=[0-9a-f]{12})"/)?.[1];
    expect(href).toBeDefined();
    const css = await request(testApp.server).get(href as string);
    expect(css.status).toBe(200);
    expect(css.headers['cache-control']).toContain('max-age=31536000');
    expect(css.headers['cache-control']).toContain('immutable');
  });
});
