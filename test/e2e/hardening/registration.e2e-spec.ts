import request from 'supertest';
import { DataSource } from 'typeorm';
import { RegistrationService } from '../../../src/auth/registration.service';
import { User } from '../../../src/users/user.entity';
import { createUser, profileFields, signedInAgent } from '../../utils/factories';
import { createTestApp, csrfTokenFrom, TestApp } from '../../utils/test-app';
import { SmtpSink } from '../mail/smtp-sink';
import { addressNumber, burst, tally } from './burst-helpers';

const PASSWORD = 'una frase larga y segura';

function registration(email: string): Record<string, string> {
  return {
    ...(profileFields() as unknown as Record<string, string>),
    email,
    password: PASSWORD,
    passwordConfirmation: PASSWORD,
    dataConsent: 'yes',
  };
}

describe('registration, with a mail server', () => {
  let sink: SmtpSink;
  let testApp: TestApp;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    testApp = await createTestApp({ smtpUrl: sink.url, trustProxy: true });
  });
  afterAll(async () => {
    await testApp.close();
    await sink.close();
  });

  async function register(email: string, address: string) {
    const visitor = request.agent(testApp.server);
    const token = csrfTokenFrom((await visitor.get('/auth/register')).text);
    const res = await visitor
      .post('/auth/register')
      .set('X-Forwarded-For', address)
      .type('form')
      .send({ ...registration(email), next: '/courses', _csrf: token });
    return { res, visitor };
  }

  it('answers an existing email exactly like a new one, and mails the owner instead', async () => {
    const owner = await createUser(testApp.app, { email: 'ya.registrada@example.org', name: 'Marta Dueña' });
    const fresh = await register('recien.llegada@example.org', '192.0.2.10');
    const taken = await register('YA.registrada@example.org', '192.0.2.11');

    expect(taken.res.status).toBe(fresh.res.status);
    expect(taken.res.status).toBe(303);
    expect(taken.res.headers.location).toBe(fresh.res.headers.location);
    expect(fresh.res.headers.location).toBe('/auth/login?next=%2Fcourses');
    const pageAfterFresh = (await fresh.visitor.get(fresh.res.headers.location)).text;
    const pageAfterTaken = (await taken.visitor.get(taken.res.headers.location)).text;
    expect(pageAfterTaken.replaceAll(csrfTokenFrom(pageAfterTaken), '')).toBe(pageAfterFresh.replaceAll(csrfTokenFrom(pageAfterFresh), ''));
    expect(pageAfterFresh).toContain('Si este correo es nuevo, su cuenta ya está creada');

    await testApp.app.get(RegistrationService).onModuleDestroy();
    const [notice] = sink.to('ya.registrada@example.org');
    expect(notice.subject).toBe('Alguien intentó crear una cuenta con su correo');
    expect(notice.body).toContain('Hola, Marta Dueña:');
    expect(notice.body).toContain('/auth/forgot-password');
    expect(sink.to('recien.llegada@example.org')).toHaveLength(0);

    const users = testApp.app.get(DataSource).getRepository(User);
    expect(await users.countBy({ email: 'ya.registrada@example.org' })).toBe(1);
    // The owner's password is untouched; the new person signs in with the password chosen.
    await expect(signedInAgent(testApp.app, owner)).resolves.toBeDefined();
    await expect(signedInAgent(testApp.app, { email: 'recien.llegada@example.org' }, PASSWORD)).resolves.toBeDefined();
  });

  it('is limited per client address: 45 at once from one address create 40 accounts, the rest get 429', async () => {
    const statuses = await burst(
      [testApp.server],
      '/auth/register',
      '/auth/register',
      (i) => registration(`rafaga-${i}@example.org`),
      45,
      () => '203.0.113.45',
    );
    expect(tally(statuses)).toEqual({ 303: 40, 429: 5 });
    const created = await testApp.app
      .get(DataSource)
      .getRepository(User)
      .createQueryBuilder('u')
      .where('u.email LIKE :p', { p: 'rafaga-%' })
      .getCount();
    expect(created).toBe(40);
    const refused = await register('una-mas@example.org', '203.0.113.45');
    expect(refused.res.status).toBe(429);
    expect(refused.res.text).toContain('Se crearon demasiadas cuentas desde esta conexión');
    // Another address is not affected.
    const elsewhere = await burst(
      [testApp.server],
      '/auth/register',
      '/auth/register',
      (i) => registration(`otra-red-${i}@example.org`),
      3,
      addressNumber('198.51.9'),
    );
    expect(tally(elsewhere)).toEqual({ 303: 3 });
  });
});
