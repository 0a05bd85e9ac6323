import request from 'supertest';
import { Agent, createTestApp, submitForm, TestApp } from '../../utils/test-app';
import { facilitatorOfNewCohort, linksOnPage } from './mail-helpers';
import { closedPort } from './smtp-sink';

// Its own file: Passport keeps session (de)serializers process-wide, so one app per test file.
describe('when the mail server cannot be reached', () => {
  let testApp: TestApp;
  let agent: Agent;
  let cohortId: number;

  beforeAll(async () => {
    testApp = await createTestApp({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}` });
    const setup = await facilitatorOfNewCohort(testApp, 'Sin servidor de correo');
    agent = setup.agent;
    cohortId = setup.cohort.id;
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('still shows every link, marks them as not sent and tells the facilitator to send them another way', async () => {
    const res = await submitForm(agent, `/cohorts/${cohortId}/invitations`, `/cohorts/${cohortId}/invitations`, {
      emails: 'alguien@example.org, otra.persona@example.org',
    });
    expect(res.status).toBe(200);
    expect(res.text).toContain('2 enlaces no se pudieron enviar por correo');
    expect(res.text).toContain('role="alert"');
    expect(res.text.match(/No se pudo enviar por correo: copie este enlace y envíelo usted\./g)).toHaveLength(2);
    expect(res.text).not.toContain('Enviado por correo electrónico.');
    const links = linksOnPage(res.text, 'invitations');
    expect(links).toHaveLength(2);
    expect((await request(testApp.server).get(new URL(links[0]).pathname)).status).toBe(200);
  });
});
