import request from 'supertest';
import { createUser, signedInAgent } from '../../utils/factories';
import { createCohort, createCourse } from '../../utils/cohort-factories';
import { createTestApp, csrfToken, submitForm, TestApp } from '../../utils/test-app';
import { facilitatorOfNewCohort, linksOnPage } from './mail-helpers';
import { SmtpSink } from './smtp-sink';

describe('links sent by email through SMTP_URL', () => {
  let sink: SmtpSink;
  let testApp: TestApp;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    testApp = await createTestApp({ smtpUrl: sink.url, smtpFrom: 'Aprende Protección <cursos@example.org>' });
  });
  afterAll(async () => {
    await testApp.close();
    await sink.close();
  });

  it('mails each invitation, in the invitee’s language when they have an account, and says so on the page', async () => {
    const { cohort, agent } = await facilitatorOfNewCohort(testApp, 'Invitaciones por correo SV');
    await createUser(testApp.app, { email: 'english.reader@example.org', preferredLanguage: 'en' });
    const before = sink.messages.length;
    const res = await submitForm(agent, `/cohorts/${cohort.id}/invitations`, `/cohorts/${cohort.id}/invitations`, {
      emails: 'persona.nueva@example.org\nenglish.reader@example.org',
    });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Se enviaron 2 enlaces por correo electrónico.');
    expect(res.text.match(/Enviado por correo electrónico\./g)).toHaveLength(2);
    const [newcomerLink, readerLink] = linksOnPage(res.text, 'invitations');

    await sink.received(before + 2);
    const [toNewcomer] = sink.to('persona.nueva@example.org');
    expect(toNewcomer.from).toBe('cursos@example.org');
    expect(toNewcomer.subject).toBe('Invitación: Invitaciones por correo SV');
    expect(toNewcomer.body).toContain(newcomerLink);
    expect(toNewcomer.body).toContain('Trata de personas');
    expect(toNewcomer.body).toContain(`<a href="${newcomerLink}">`);
    expect(toNewcomer.raw).toMatch(/^Content-Type: text\/plain/im);
    expect(toNewcomer.raw).toMatch(/^Content-Type: text\/html/im);
    const [toReader] = sink.to('english.reader@example.org');
    expect(toReader.subject).toBe('Invitation: Invitaciones por correo SV');
    expect(toReader.body).toContain('Human trafficking');
    expect(toReader.body).toContain(readerLink);

    // The mailed link is the real one: it opens the invitation.
    const page = await request(testApp.server).get(new URL(newcomerLink).pathname);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Invitaciones por correo SV');
  });

  it('mails the set-password link of each account created by bulk enrolment', async () => {
    const course = await createCourse(testApp.app);
    const cohort = await createCohort(testApp.app, course);
    const coordinator = await signedInAgent(testApp.app, await createUser(testApp.app, { role: 'coordinator' }));
    const csv = Buffer.from('email,name,institution,country,sex,age group\ncorreo.masivo@example.org,Ana Masiva,pnc,SV,female,25-34\n');
    const token = await csrfToken(coordinator, `/cohorts/${cohort.id}/bulk`);
    const uploaded = await coordinator.post(`/cohorts/${cohort.id}/bulk`).field('_csrf', token).attach('file', csv, 'una.csv');
    expect(uploaded.status).toBe(303);
    const before = sink.messages.length;
    const result = await submitForm(coordinator, uploaded.headers.location, `${uploaded.headers.location}/confirm`, {});
    expect(result.text).toContain('Se envió 1 enlace por correo electrónico.');
    const [link] = linksOnPage(result.text, 'account/set-password');
    await sink.received(before + 1);
    const [mail] = sink.to('correo.masivo@example.org');
    expect(mail.subject).toBe('Su cuenta en Aprende Protección');
    expect(mail.body).toContain('Hola, Ana Masiva:');
    expect(mail.body).toContain(link);
  });
});
