import { composeLinkMail, escapeHtml } from './link-mail';
import { summariseDeliveries } from './link-mailer';
import { isServerProblem } from './smtp-link-mailer';

const expiresAt = new Date(Date.UTC(2026, 10, 22, 15, 30));
const link = 'https://cursos.example.org/invitations/abc_DEF-123';

describe('composeLinkMail', () => {
  it('writes an invitation in Spanish when the language is unknown', () => {
    const mail = composeLinkMail({ kind: 'invitation', link, expiresAt, params: { cohort: 'Cohorte SV', course: 'Trata de personas' } });
    expect(mail.subject).toBe('Invitación: Cohorte SV');
    expect(mail.text).toContain('Hola:');
    expect(mail.text).toContain('«Cohorte SV» (Trata de personas)');
    expect(mail.text).toContain(`Para inscribirse, abra este enlace:\n${link}`);
    expect(mail.text).toMatch(/vence el .*2026/);
    expect(mail.html).toContain(`<a href="${link}">${link}</a>`);
    expect(mail.html).toContain('<html lang="es">');
  });

  it('uses the recipient’s language and name', () => {
    const mail = composeLinkMail({ kind: 'passwordByAdmin', link, expiresAt, lang: 'en', params: { name: 'Rosa' } });
    expect(mail.subject).toBe('Choose a new password for Aprende Protección');
    expect(mail.text.startsWith('Hello Rosa,')).toBe(true);
    expect(mail.text).toMatch(/expires on Nov 22, 2026/);
  });

  it('escapes names in the HTML and keeps the subject on one line', () => {
    const mail = composeLinkMail({ kind: 'invitation', link, expiresAt, params: { cohort: 'A <b>&\nBcc: x@example.org', course: 'C' } });
    expect(mail.html).toContain('A &lt;b&gt;&amp;');
    expect(mail.html).not.toContain('<b>');
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it('escapes the characters that matter in HTML text and attributes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('deliveries', () => {
  it('are counted by outcome for the page', () => {
    expect(summariseDeliveries(['mailed', 'failed', 'mailed', 'shown'])).toEqual({ mailed: 2, failed: 1, shown: 1 });
    expect(summariseDeliveries([])).toEqual({ mailed: 0, failed: 0, shown: 0 });
  });

  it('blame the server for connection problems, not for a refused recipient or message', () => {
    expect(isServerProblem(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET' }))).toBe(true);
    expect(isServerProblem(Object.assign(new Error('Greeting never received'), { code: 'ETIMEDOUT' }))).toBe(true);
    expect(isServerProblem(Object.assign(new Error('Invalid login'), { code: 'EAUTH' }))).toBe(true);
    expect(isServerProblem(Object.assign(new Error('Recipient refused'), { code: 'EENVELOPE' }))).toBe(false);
    expect(isServerProblem(Object.assign(new Error('Too large'), { code: 'EMESSAGE' }))).toBe(false);
  });
});
