import request from 'supertest';
import { DataSource } from 'typeorm';
import { SessionRecord } from '../../../src/sessions/session.entity';
import { User } from '../../../src/users/user.entity';
import { createUser, DEFAULT_PASSWORD, profileFields, signedInAgent } from '../../utils/factories';
import { createTestApp, csrfToken, submitForm, TestApp } from '../../utils/test-app';

function registration(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    ...(profileFields() as unknown as Record<string, string>),
    email: `new-${Date.now()}-${Math.random().toString(36).slice(2)}@example.org`,
    password: 'una frase larga y segura',
    passwordConfirmation: 'una frase larga y segura',
    dataConsent: 'yes',
    ...overrides,
  };
}

function sessionCookie(response: request.Response): string {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const cookie = cookies.find((c) => c.startsWith('sid='));
  if (!cookie) throw new Error('no session cookie set');
  return cookie;
}

async function signInThrough(agent: ReturnType<typeof request.agent>, email: string): Promise<void> {
  const page = await agent.get('/auth/login');
  const response = await agent
    .post('/auth/login')
    .type('form')
    .send({ email, password: DEFAULT_PASSWORD, _csrf: page.text.match(/name="_csrf" value="([^"]+)"/)?.[1] });
  expect(response.status).toBe(303);
}

describe('accounts: register, sign in, profile, password, sign out', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('registers a civil servant with every profile field and signs them in', async () => {
    const agent = request.agent(testApp.server);
    const fields = registration({
      email: 'Rosa.Martinez@PNC.gob.sv',
      institution: 'other',
      institutionOther: 'Unidad especial',
      country: 'GT',
    });
    const response = await submitForm(agent, '/auth/register', '/auth/register', fields);
    expect(response.status).toBe(303);
    const user = await testApp.app.get(DataSource).getRepository(User).findOneByOrFail({ email: 'rosa.martinez@pnc.gob.sv' });
    expect(user).toMatchObject({
      institution: 'other',
      institutionOther: 'Unidad especial',
      country: 'GT',
      dutyStation: 'El Amatillo',
      sex: 'female',
      ageGroup: '25-34',
      role: 'learner',
    });
    expect(user.dataConsentAt).toBeInstanceOf(Date);
    const profile = await agent.get('/profile');
    expect(profile.status).toBe(200);
    expect(profile.text).toContain('rosa.martinez@pnc.gob.sv');
  });

  it('stores the password with argon2id and accepts long passphrases without truncation', async () => {
    const long = 'palabra '.repeat(60).trim();
    const agent = request.agent(testApp.server);
    const fields = registration({ email: 'long@example.org', password: long, passwordConfirmation: long });
    expect((await submitForm(agent, '/auth/register', '/auth/register', fields)).status).toBe(303);
    const row = await testApp.app
      .get(DataSource)
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :e', { e: 'long@example.org' })
      .getOneOrFail();
    expect(row.passwordHash.startsWith('$argon2id$')).toBe(true);
    const truncated = long.slice(0, 72);
    const wrong = await submitForm(request.agent(testApp.server), '/auth/login', '/auth/login', {
      email: 'long@example.org',
      password: truncated,
    });
    expect(wrong.status).toBe(401);
    const right = await submitForm(request.agent(testApp.server), '/auth/login', '/auth/login', {
      email: 'long@example.org',
      password: long,
    });
    expect(right.status).toBe(303);
  });

  it('re-renders the form with the input kept and a Spanish message per field', async () => {
    const agent = request.agent(testApp.server);
    const fields = registration({
      email: 'not-an-email',
      password: 'short',
      passwordConfirmation: 'short',
      name: 'Juana Pérez',
      country: 'XX',
    });
    delete fields.dataConsent;
    const response = await submitForm(agent, '/auth/register', '/auth/register', fields);
    expect(response.status).toBe(422);
    expect(response.text).toContain('value="Juana Pérez"');
    expect(response.text).toContain('value="not-an-email"');
    expect(response.text).not.toContain('value="short"');
    expect(response.text).toContain('Escriba un correo válido');
    expect(response.text).toContain('Debe tener al menos 8 caracteres');
    expect(response.text).toContain('Elija una opción de la lista');
    expect(response.text).toContain('Debe marcar esta casilla');
    expect(await testApp.app.get(DataSource).getRepository(User).countBy({ name: 'Juana Pérez' })).toBe(0);
  });

  it('refuses a second account with the same email, whatever its case', async () => {
    const existing = await createUser(testApp.app, { email: 'taken@example.org' });
    const response = await submitForm(
      request.agent(testApp.server),
      '/auth/register',
      '/auth/register',
      registration({ email: 'TAKEN@example.org' }),
    );
    expect(response.status).toBe(422);
    expect(response.text).toContain('Ya existe una cuenta con este correo');
    expect(await testApp.app.get(DataSource).getRepository(User).countBy({ email: existing.email })).toBe(1);
  });

  it('answers the same for an unknown email and a wrong password', async () => {
    const user = await createUser(testApp.app);
    const unknown = await submitForm(request.agent(testApp.server), '/auth/login', '/auth/login', {
      email: 'nobody@example.org',
      password: 'whatever-123',
    });
    const wrong = await submitForm(request.agent(testApp.server), '/auth/login', '/auth/login', {
      email: user.email,
      password: 'wrong-password',
    });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const message = (html: string) => html.match(/<div class="error-summary"[\s\S]*?<\/div>/)?.[0];
    expect(message(unknown.text)).toBeDefined();
    expect(message(unknown.text)).toEqual(message(wrong.text));
    expect(wrong.text).toContain(`value="${user.email}"`);
  });

  it('regenerates the session id at sign-in, with an HttpOnly SameSite=Lax cookie', async () => {
    const user = await createUser(testApp.app);
    const agent = request.agent(testApp.server);
    // A session held before signing in (here: an earlier sign-in in the same browser) is never reused.
    await signInThrough(agent, user.email);
    const page = await agent.get('/auth/login');
    const before =
      (await agent.get('/profile')).status === 200
        ? agent.jar.getCookie('sid', { path: '/', domain: '127.0.0.1', secure: false, script: false })?.value
        : undefined;
    expect(before).toBeDefined();
    const response = await agent
      .post('/auth/login')
      .type('form')
      .send({ email: user.email, password: DEFAULT_PASSWORD, _csrf: page.text.match(/name="_csrf" value="([^"]+)"/)?.[1] });
    expect(response.status).toBe(303);
    const after = sessionCookie(response);
    expect(after.split(';')[0]).not.toBe(`sid=${before}`);
    expect(after).toMatch(/HttpOnly/i);
    expect(after).toMatch(/SameSite=Lax/i);
    expect(after).not.toMatch(/Secure/i);
  });

  it('creates no session before sign-in: the sign-in page sets no session cookie', async () => {
    const page = await request(testApp.server).get('/auth/login');
    expect(([] as string[]).concat(page.headers['set-cookie'] ?? []).some((cookie) => cookie.startsWith('sid='))).toBe(false);
  });

  it('destroys the session at sign-out: the old cookie no longer opens the profile', async () => {
    const user = await createUser(testApp.app);
    const agent = await signedInAgent(testApp.app, user);
    const sessions = testApp.app.get(DataSource).getRepository(SessionRecord);
    const before = await sessions.count();
    const token = await csrfToken(agent, '/profile');
    const logout = await agent.post('/auth/logout').type('form').send({ _csrf: token });
    expect(logout.status).toBe(303);
    expect(await sessions.count()).toBe(before - 1);
    const profile = await agent.get('/profile');
    expect(profile.status).toBe(303);
    expect(profile.headers.location).toBe('/auth/login?next=%2Fprofile');
  });

  it('edits the profile and keeps the input when a field is invalid', async () => {
    const user = await createUser(testApp.app);
    const agent = await signedInAgent(testApp.app, user);
    const bad = await submitForm(agent, '/profile', '/profile', {
      ...(profileFields({ position: '' }) as unknown as Record<string, string>),
      dutyStation: 'Anguiatú',
    });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('value="Anguiatú"');
    expect(bad.text).toContain('Este campo es obligatorio');
    const good = await submitForm(
      agent,
      '/profile',
      '/profile',
      profileFields({ position: 'Jefa de delegación', dutyStation: 'Anguiatú', preferredLanguage: 'en' }) as unknown as Record<
        string,
        string
      >,
    );
    expect(good.status).toBe(303);
    const saved = await testApp.app.get(DataSource).getRepository(User).findOneByOrFail({ id: user.id });
    expect(saved).toMatchObject({ position: 'Jefa de delegación', dutyStation: 'Anguiatú', preferredLanguage: 'en' });
    const page = await agent.get('/profile');
    expect(page.text).toContain('<html lang="en">');
    expect(page.text).toContain('Your details were saved.');
  });

  it('changes the password only with the current one', async () => {
    const user = await createUser(testApp.app);
    const agent = await signedInAgent(testApp.app, user);
    const wrong = await submitForm(agent, '/profile/password', '/profile/password', {
      currentPassword: 'nope-nope',
      newPassword: 'otra frase segura',
      passwordConfirmation: 'otra frase segura',
    });
    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain('La contraseña actual no es correcta');
    const mismatch = await submitForm(agent, '/profile/password', '/profile/password', {
      currentPassword: DEFAULT_PASSWORD,
      newPassword: 'otra frase segura',
      passwordConfirmation: 'otra frase distinta',
    });
    expect(mismatch.text).toContain('Las contraseñas no coinciden');
    const ok = await submitForm(agent, '/profile/password', '/profile/password', {
      currentPassword: DEFAULT_PASSWORD,
      newPassword: 'otra frase segura',
      passwordConfirmation: 'otra frase segura',
    });
    expect(ok.status).toBe(303);
    await expect(signedInAgent(testApp.app, user)).rejects.toThrow(/401/);
    await expect(signedInAgent(testApp.app, user, 'otra frase segura')).resolves.toBeDefined();
  });
});
