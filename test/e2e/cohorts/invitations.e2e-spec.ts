import request from 'supertest';
import { DataSource } from 'typeorm';
import { CohortInvitation } from '../../../src/cohorts/invitations/cohort-invitation.entity';
import { Course } from '../../../src/content/entities/course.entity';
import { UsersService } from '../../../src/users/users.service';
import { createUser, DEFAULT_PASSWORD, profileFields, signedInAgent } from '../../utils/factories';
import { assignFacilitator, createCohort, createCourse, enrolmentsOf } from '../../utils/cohort-factories';
import { Agent, createTestApp, csrfToken, submitForm, TestApp } from '../../utils/test-app';

/** The links on the "invitations created" page, in order (HTML-decoded). */
function linksIn(html: string): string[] {
  return [...html.matchAll(/value="(http[^"]+\/invitations\/[^"]+)"/g)].map((m) => m[1]).map((link) => link.replace(/&#x3D;/g, '='));
}
const pathOf = (link: string) => new URL(link).pathname;

describe('invitations', () => {
  let testApp: TestApp;
  let course: Course;
  let facilitator: Agent;
  let cohortId: number;

  beforeAll(async () => {
    testApp = await createTestApp();
    course = await createCourse(testApp.app);
    const cohort = await createCohort(testApp.app, course, { enrolmentMode: 'invitation', name: 'Solo invitación HN', country: 'HN' });
    cohortId = cohort.id;
    const user = await createUser(testApp.app, { role: 'facilitator' });
    await assignFacilitator(testApp.app, cohort, user);
    facilitator = await signedInAgent(testApp.app, user);
  });
  afterAll(async () => {
    await testApp.close();
  });

  async function invite(emails: string) {
    return submitForm(facilitator, `/cohorts/${cohortId}/invitations`, `/cohorts/${cohortId}/invitations`, { emails });
  }

  it('creates one link per valid address, shows them once, stores only hashes and lists the invalid ones', async () => {
    const res = await invite('nueva@example.org; otra@example.org,\nno-es-un-correo\nNUEVA@example.org');
    expect(res.status).toBe(200);
    const links = linksIn(res.text);
    expect(links).toHaveLength(2);
    expect(res.text).toContain('no-es-un-correo');
    const stored = await testApp.app.get(DataSource).getRepository(CohortInvitation).find({ where: { cohortId } });
    expect(stored.map((invitation) => invitation.email).sort()).toEqual(['nueva@example.org', 'otra@example.org']);
    const token = pathOf(links[0]).split('/').pop() ?? '';
    expect(stored.some((invitation) => invitation.tokenHash === token)).toBe(false);
    const list = await facilitator.get(`/cohorts/${cohortId}/invitations`);
    expect(list.text).toContain('nueva@example.org');
    expect(list.text).not.toContain(token);
  });

  it('registers a newcomer through the link and enrols them; the link then stops working', async () => {
    const [link] = linksIn((await invite('recien@example.org')).text);
    const visitor = request.agent(testApp.server);
    const page = await visitor.get(pathOf(link));
    expect(page.status).toBe(200);
    expect(page.text).toContain('Solo invitación HN');
    expect(page.text).toContain('Cree su cuenta para inscribirse');
    const fields = {
      ...profileFields({ name: 'Recién Llegada' }),
      password: DEFAULT_PASSWORD,
      passwordConfirmation: DEFAULT_PASSWORD,
      dataConsent: 'yes',
    };
    const mismatch = await submitForm(visitor, pathOf(link), pathOf(link), { ...fields, passwordConfirmation: 'otra cosa' });
    expect(mismatch.status).toBe(422);
    expect(mismatch.text).toContain('Las contraseñas no coinciden.');
    const res = await submitForm(visitor, pathOf(link), pathOf(link), fields);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/courses/${course.slug}`);
    const user = await testApp.app.get(UsersService).findByEmail('recien@example.org');
    expect(user?.name).toBe('Recién Llegada');
    expect(await enrolmentsOf(testApp.app, { userId: user!.id })).toEqual([expect.objectContaining({ cohortId, status: 'active' })]);
    expect((await request(testApp.server).get(pathOf(link))).status).toBe(404);
  });

  it('makes one account and one enrolment when the same link is sent seven times at once, and never a 500', async () => {
    const [link] = linksIn((await invite('rafaga@example.org')).text);
    const fields = {
      ...profileFields({ name: 'Ráfaga' }),
      password: DEFAULT_PASSWORD,
      passwordConfirmation: DEFAULT_PASSWORD,
      dataConsent: 'yes',
    };
    const visitors = Array.from({ length: 7 }, () => request.agent(testApp.server));
    const tokens = await Promise.all(visitors.map((visitor) => csrfToken(visitor, pathOf(link))));
    const responses = await Promise.all(
      visitors.map((visitor, index) =>
        visitor
          .post(pathOf(link))
          .type('form')
          .send({ ...fields, _csrf: tokens[index] }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(statuses.filter((status) => status === 303)).toHaveLength(1);
    // The others are told plainly: the link was used (404) or the account now exists (422), never a crash.
    for (const status of statuses.filter((status) => status !== 303)) expect([404, 422]).toContain(status);
    const user = await testApp.app.get(UsersService).findByEmail('rafaga@example.org');
    expect(await enrolmentsOf(testApp.app, { userId: user!.id })).toEqual([expect.objectContaining({ cohortId, status: 'active' })]);
  });

  it('lets an existing account accept after signing in, and refuses another account', async () => {
    const existing = await createUser(testApp.app, { email: 'ya-tengo@example.org' });
    const [link] = linksIn((await invite('ya-tengo@example.org')).text);
    const anonymous = await request(testApp.server).get(pathOf(link));
    expect(anonymous.text).toContain('Iniciar sesión y aceptar');
    const strangerUser = await createUser(testApp.app);
    const stranger = await signedInAgent(testApp.app, strangerUser);
    expect((await stranger.get(pathOf(link))).text).toContain('Esta invitación es para otra dirección de correo');
    const strangerTry = await submitForm(stranger, pathOf(link), `${pathOf(link)}/accept`, {});
    expect(strangerTry.status).toBe(303);
    expect((await stranger.get(strangerTry.headers.location)).text).toContain('Esta invitación es para otra dirección de correo');
    expect(await enrolmentsOf(testApp.app, { userId: strangerUser.id })).toEqual([]);
    const owner = await signedInAgent(testApp.app, existing);
    const accepted = await submitForm(owner, pathOf(link), `${pathOf(link)}/accept`, {});
    expect(accepted.status).toBe(303);
    expect(await enrolmentsOf(testApp.app, { userId: existing.id })).toEqual([expect.objectContaining({ cohortId, status: 'active' })]);
    const again = await owner.get(pathOf(link));
    expect(again.status).toBe(404);
    expect(again.text).toContain('Este enlace de invitación ya no es válido');
  });

  it('rejects expired, revoked and made-up links, and replaces an older link with a new one', async () => {
    const [old] = linksIn((await invite('dos-veces@example.org')).text);
    const [fresh] = linksIn((await invite('dos-veces@example.org')).text);
    expect((await request(testApp.server).get(pathOf(old))).status).toBe(404);
    expect((await request(testApp.server).get(pathOf(fresh))).status).toBe(200);
    const invitations = testApp.app.get(DataSource).getRepository(CohortInvitation);
    await invitations.update({ email: 'dos-veces@example.org', cohortId }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await request(testApp.server).get(pathOf(fresh))).status).toBe(404);
    const [toRevoke] = linksIn((await invite('anulada@example.org')).text);
    const row = await invitations.findOneByOrFail({ email: 'anulada@example.org' });
    expect(
      (await submitForm(facilitator, `/cohorts/${cohortId}/invitations`, `/cohorts/${cohortId}/invitations/${row.id}/revoke`, {})).status,
    ).toBe(303);
    expect((await request(testApp.server).get(pathOf(toRevoke))).status).toBe(404);
    expect((await request(testApp.server).get('/invitations/inventado')).status).toBe(404);
  });
});
