import { profileFields, DEFAULT_PASSWORD } from '../utils/factories';
import type { Kit, Persona, Scene } from '../utils/access-world';

/**
 * THE ACCESS MATRIX: every route of the app, and what each kind of person gets.
 * access-matrix.e2e-spec.ts walks it against the real app (SQLite and
 * PostgreSQL), and fails when the app serves a route this table does not list.
 *
 * Adding a route: copy the row of a similar route and adjust
 *   - method, path: exactly as Nest registers it (controller prefix + method path, e.g. '/cohorts/:id/learners');
 *   - url(s, kit): a concrete address; `s` is the scene (a course `s.slug` with module `s.moduleKey`, file `s.file`,
 *     cohort `s.cohortId` and a second cohort `s.otherCohortId`); `kit` makes targets (users, enrolments, invitations...);
 *   - form(s, kit) for POSTs: a minimal valid body (the CSRF token is added by the test); fields to fuzz are its keys;
 *   - query: GET parameters the route reads (the fuzz test throws hostile values at them);
 *   - fresh: 'scene' when the request changes what other personas would see (a new scene per persona),
 *            'cast' when it ends or replaces the session or the password (new signed-in users for the row);
 *   - expect: one outcome per persona (see PERSONA_MEANING in test/utils/access-world.ts):
 *       'ok'    2xx, 304, or a redirect that is not to the sign-in page
 *       'login' a redirect to /auth/login (signed-out visitor)
 *       a number: that exact status (403 role refused, 404 hidden, 409/422 refused by a rule after access was granted).
 */

export type Outcome = 'ok' | 'login' | 400 | 401 | 403 | 404 | 409 | 422 | 429;
export type Expectations = Record<Persona, Outcome>;
type Maybe<T> = T | Promise<T>;
export type Fields = Record<string, string | string[]>;

export interface RouteRow {
  method: 'GET' | 'POST';
  path: string;
  url: (s: Scene, kit: Kit) => Maybe<string>;
  form?: (s: Scene, kit: Kit) => Maybe<Fields>;
  /** Multipart upload: the file part (the CSRF token is the body's first field, as the app's forms send it). */
  upload?: { field: string; name: string; content: string };
  query?: Fields;
  fresh?: 'scene' | 'cast';
  expect: Expectations;
}

// Shorthands for the usual patterns; a row may always spell its seven outcomes out.
const all = (outcome: Outcome): Expectations => ({
  visitor: outcome,
  enrolled: outcome,
  outsider: outcome,
  facilitator: outcome,
  otherFacilitator: outcome,
  coordinator: outcome,
  admin: outcome,
});
/** Anyone signed in; visitors are sent to sign in. */
const signedIn = (outcome: Outcome = 'ok'): Expectations => ({ ...all(outcome), visitor: 'login' });
/** The enrolled learner only; everybody else signed in is told it does not exist. */
const enrolledOnly = (outcome: Outcome = 'ok', others: Outcome = 404): Expectations => ({ ...signedIn(others), enrolled: outcome });
/** Staff of the cohort: its facilitator, coordinators and admins; learners refused, other facilitators told it does not exist. */
const cohortStaff = (outcome: Outcome = 'ok'): Expectations => ({
  visitor: 'login',
  enrolled: 403,
  outsider: 403,
  facilitator: outcome,
  otherFacilitator: 404,
  coordinator: outcome,
  admin: outcome,
});
const coordinators = (outcome: Outcome = 'ok'): Expectations => ({ ...cohortStaff(outcome), facilitator: 403, otherFacilitator: 403 });
const admins = (outcome: Outcome = 'ok'): Expectations => ({ ...coordinators(403), admin: outcome });
/** Editors of the course (its facilitator) and admins; coordinators and learners are refused by role. */
const editors = (outcome: Outcome = 'ok'): Expectations => ({ ...cohortStaff(outcome), coordinator: 403 });
/** Reports: every member of staff (each sees only their scope); learners are told there is nothing. */
const reportStaff = (): Expectations => ({ ...signedIn(), enrolled: 404, outsider: 404 });
/** Course content: the enrolled learner, and staff who may preview it (the course's facilitator, coordinators, admins). */
const content = (): Expectations => ({ ...cohortStaff(), enrolled: 'ok', outsider: 404 });
/** Recording progress: enrolled learners only; staff previewing are refused, outsiders told it does not exist. */
const learnerAction = (): Expectations => ({ ...enrolledOnly(), facilitator: 403, coordinator: 403, admin: 403 });

const newAccount = (email: string): Fields => ({
  ...profileFields(),
  email,
  password: DEFAULT_PASSWORD,
  passwordConfirmation: DEFAULT_PASSWORD,
  dataConsent: 'yes',
});
let unique = 0;
const freshEmail = () => `matrix${++unique}-${Date.now()}@example.org`;

const quiz = (s: Scene) => `/courses/${s.slug}/modules/${s.moduleKey}/quiz`;
const cohort = (s: Scene) => `/cohorts/${s.cohortId}`;
const authoring = (s: Scene) => `/authoring/courses/${s.slug}`;

export const ROUTES: RouteRow[] = [
  // Public pages, accounts and language
  { method: 'GET', path: '/', url: () => '/', expect: all('ok') },
  { method: 'GET', path: '/healthz', url: () => '/healthz', expect: all('ok') },
  { method: 'GET', path: '/auth/login', url: () => '/auth/login', query: { next: '/my/courses' }, expect: all('ok') },
  {
    method: 'POST',
    path: '/auth/login',
    url: () => '/auth/login',
    fresh: 'cast',
    form: async (s, kit) => ({ email: (await kit.user()).email, password: DEFAULT_PASSWORD, next: '/my/courses' }),
    expect: all('ok'),
  },
  { method: 'GET', path: '/auth/register', url: () => '/auth/register', expect: all('ok') },
  {
    method: 'POST',
    path: '/auth/register',
    url: () => '/auth/register',
    fresh: 'cast',
    form: () => newAccount(freshEmail()),
    expect: all('ok'),
  },
  { method: 'POST', path: '/auth/logout', url: () => '/auth/logout', fresh: 'cast', expect: signedIn() },
  { method: 'GET', path: '/auth/forgot-password', url: () => '/auth/forgot-password', expect: all('ok') },
  // Without SMTP_URL (as here) nobody can be sent a link: the form only says whom to ask, and posting it is "not found".
  {
    method: 'POST',
    path: '/auth/forgot-password',
    url: () => '/auth/forgot-password',
    form: () => ({ email: freshEmail() }),
    expect: all(404),
  },
  { method: 'GET', path: '/profile', url: () => '/profile', expect: signedIn() },
  { method: 'POST', path: '/profile', url: () => '/profile', form: () => ({ ...profileFields() }), expect: signedIn() },
  { method: 'GET', path: '/profile/password', url: () => '/profile/password', expect: signedIn() },
  {
    method: 'POST',
    path: '/profile/password',
    url: () => '/profile/password',
    fresh: 'cast',
    form: () => ({ currentPassword: DEFAULT_PASSWORD, newPassword: DEFAULT_PASSWORD, passwordConfirmation: DEFAULT_PASSWORD }),
    expect: signedIn(),
  },
  { method: 'POST', path: '/language', url: () => '/language', form: () => ({ lang: 'es', next: '/courses' }), expect: all('ok') },
  {
    method: 'GET',
    path: '/account/set-password/:token',
    url: async (s, kit) => `/account/set-password/${await kit.passwordToken()}`,
    expect: all('ok'),
  },
  {
    method: 'POST',
    path: '/account/set-password/:token',
    url: async (s, kit) => `/account/set-password/${await kit.passwordToken()}`,
    fresh: 'cast',
    form: () => ({ password: DEFAULT_PASSWORD, passwordConfirmation: DEFAULT_PASSWORD, dataConsent: 'yes' }),
    expect: all('ok'),
  },

  // Administration
  { method: 'GET', path: '/admin/users', url: () => '/admin/users', query: { q: 'a', role: 'learner', page: '1' }, expect: admins() },
  {
    method: 'POST',
    path: '/admin/users/:id/role',
    url: async (s, kit) => `/admin/users/${(await kit.user()).id}/role`,
    form: () => ({ role: 'facilitator', returnTo: '/admin/users' }),
    expect: admins(),
  },
  {
    method: 'POST',
    path: '/admin/users/:id/password-link',
    url: async (s, kit) => `/admin/users/${(await kit.user()).id}/password-link`,
    expect: admins(),
  },

  // Catalogue, course pages, modules and media
  { method: 'GET', path: '/courses', url: () => '/courses', query: { topic: 'other', language: 'es', page: '1' }, expect: all('ok') },
  { method: 'GET', path: '/courses/:slug', url: (s) => `/courses/${s.slug}`, expect: all('ok') },
  { method: 'GET', path: '/courses/:slug/modules/:key', url: (s) => `/courses/${s.slug}/modules/${s.moduleKey}`, expect: content() },
  {
    method: 'POST',
    path: '/courses/:slug/modules/:key/complete',
    url: (s) => `/courses/${s.slug}/modules/${s.moduleKey}/complete`,
    fresh: 'scene',
    expect: learnerAction(),
  },
  { method: 'GET', path: '/my/courses', url: () => '/my/courses', expect: signedIn() },
  // A course tool (added with content tools): the fixture course has none, so the key does not exist for anyone.
  { method: 'GET', path: '/courses/:slug/tools/:key', url: (s) => `/courses/${s.slug}/tools/no-such-tool`, expect: signedIn(404) },
  { method: 'GET', path: '/courses/:slug/media/*path', url: (s) => `/courses/${s.slug}/media/mapa.png`, expect: content() },

  // Joining a cohort
  { method: 'GET', path: '/courses/:slug/cohorts', url: (s) => `/courses/${s.slug}/cohorts`, expect: all('ok') },
  {
    method: 'POST',
    path: '/courses/:slug/cohorts/:id/enrol',
    url: (s) => `/courses/${s.slug}/cohorts/${s.cohortId}/enrol`,
    fresh: 'scene',
    form: () => ({}),
    expect: { ...signedIn(), enrolled: 409 },
  },
  {
    method: 'POST',
    path: '/courses/:slug/cohorts/:id/withdraw',
    url: (s) => `/courses/${s.slug}/cohorts/${s.cohortId}/withdraw`,
    fresh: 'scene',
    expect: enrolledOnly(),
  },
  {
    method: 'GET',
    path: '/invitations/:token',
    url: async (s, kit) => `/invitations/${(await kit.invitation(s)).token}`,
    expect: all('ok'),
  },
  {
    method: 'POST',
    path: '/invitations/:token/accept',
    url: async (s, kit) => `/invitations/${(await kit.invitation(s)).token}/accept`,
    expect: signedIn(),
  },
  {
    method: 'POST',
    path: '/invitations/:token',
    fresh: 'cast',
    expect: all('ok'),
    url: async (s, kit) => `/invitations/${(await kit.invitation(s)).token}`,
    form: () => {
      const { email: _email, ...fields } = newAccount('');
      return fields;
    },
  },

  // Quizzes, pre-test and post-test
  { method: 'GET', path: '/courses/:slug/modules/:key/quiz', url: (s) => quiz(s), expect: content() },
  {
    method: 'POST',
    path: '/courses/:slug/modules/:key/quiz/start',
    url: (s) => `${quiz(s)}/start`,
    fresh: 'scene',
    expect: learnerAction(),
  },
  {
    method: 'POST',
    path: '/courses/:slug/modules/:key/quiz/attempts/:attemptId',
    fresh: 'scene',
    expect: enrolledOnly(),
    url: async (s, kit) => `${quiz(s)}/attempts/${await kit.attempt(s, 'module')}`,
    form: () => ({ 'answers[q-m1-q1]': 'a', confirmIncomplete: '1' }),
  },
  {
    method: 'GET',
    path: '/courses/:slug/modules/:key/quiz/attempts/:attemptId',
    url: async (s, kit) => `${quiz(s)}/attempts/${await kit.attempt(s, 'module')}`,
    expect: enrolledOnly(),
  },
  { method: 'GET', path: '/courses/:slug/pre-test', url: (s) => `/courses/${s.slug}/pre-test`, expect: content() },
  {
    method: 'POST',
    path: '/courses/:slug/pre-test/start',
    url: (s) => `/courses/${s.slug}/pre-test/start`,
    fresh: 'scene',
    expect: learnerAction(),
  },
  {
    method: 'POST',
    path: '/courses/:slug/pre-test/attempts/:attemptId',
    fresh: 'scene',
    expect: enrolledOnly(),
    url: async (s, kit) => `/courses/${s.slug}/pre-test/attempts/${await kit.attempt(s, 'pre')}`,
    form: () => ({ 'answers[q-pt-q1]': 'a', confirmIncomplete: '1' }),
  },
  {
    method: 'GET',
    path: '/courses/:slug/pre-test/attempts/:attemptId',
    url: async (s, kit) => `/courses/${s.slug}/pre-test/attempts/${await kit.attempt(s, 'pre')}`,
    expect: enrolledOnly(),
  },
  { method: 'GET', path: '/courses/:slug/post-test', url: (s) => `/courses/${s.slug}/post-test`, expect: content() },
  {
    method: 'POST',
    path: '/courses/:slug/post-test/start',
    url: (s) => `/courses/${s.slug}/post-test/start`,
    fresh: 'scene',
    expect: learnerAction(),
  },
  {
    method: 'POST',
    path: '/courses/:slug/post-test/attempts/:attemptId',
    fresh: 'scene',
    expect: enrolledOnly(),
    url: async (s, kit) => `/courses/${s.slug}/post-test/attempts/${await kit.attempt(s, 'post')}`,
    form: () => ({ 'answers[q-pt-q1]': 'a', confirmIncomplete: '1' }),
  },
  {
    method: 'GET',
    path: '/courses/:slug/post-test/attempts/:attemptId',
    url: async (s, kit) => `/courses/${s.slug}/post-test/attempts/${await kit.attempt(s, 'post')}`,
    expect: enrolledOnly(),
  },
  { method: 'GET', path: '/courses/:slug/attempts', url: (s) => `/courses/${s.slug}/attempts`, query: { page: '1' }, expect: content() },

  // Cohorts (staff)
  {
    method: 'GET',
    path: '/cohorts',
    url: () => '/cohorts',
    query: { q: 'Cohorte', country: 'SV', show: 'all', page: '1' },
    expect: { ...cohortStaff(), otherFacilitator: 'ok' },
  },
  { method: 'GET', path: '/cohorts/new', url: () => '/cohorts/new', expect: coordinators() },
  {
    method: 'POST',
    path: '/cohorts',
    url: () => '/cohorts',
    expect: coordinators(),
    form: (s) => ({
      courseId: String(s.courseId),
      name: 'Cohorte nueva',
      country: 'SV',
      startsOn: '2026-01-10',
      endsOn: '2026-12-20',
      enrolmentMode: 'open',
    }),
  },
  { method: 'GET', path: '/cohorts/:id', url: (s) => cohort(s), expect: cohortStaff() },
  { method: 'GET', path: '/cohorts/:id/edit', url: (s) => `${cohort(s)}/edit`, expect: coordinators() },
  {
    method: 'POST',
    path: '/cohorts/:id/edit',
    url: (s) => `${cohort(s)}/edit`,
    fresh: 'scene',
    expect: coordinators(),
    form: (s) => ({
      courseId: String(s.courseId),
      name: 'Cohorte cambiada',
      country: 'SV',
      startsOn: '2026-01-10',
      endsOn: '2026-12-20',
      enrolmentMode: 'open',
    }),
  },
  { method: 'POST', path: '/cohorts/:id/archive', url: (s) => `${cohort(s)}/archive`, fresh: 'scene', expect: coordinators() },
  { method: 'POST', path: '/cohorts/:id/restore', url: (s) => `${cohort(s)}/restore`, fresh: 'scene', expect: coordinators() },
  {
    method: 'POST',
    path: '/cohorts/:id/duplicate',
    url: (s) => `${cohort(s)}/duplicate`,
    fresh: 'scene',
    form: () => ({ countries: ['GT'] }),
    expect: coordinators(),
  },
  {
    method: 'GET',
    path: '/cohorts/:id/learners',
    url: (s) => `${cohort(s)}/learners`,
    query: { q: 'a', status: 'all', page: '1' },
    expect: cohortStaff(),
  },
  { method: 'GET', path: '/cohorts/:id/requests', url: (s) => `${cohort(s)}/requests`, query: { page: '1' }, expect: cohortStaff() },
  {
    method: 'POST',
    path: '/cohorts/:id/requests/:enrolmentId/approve',
    expect: cohortStaff(),
    url: async (s, kit) => `${cohort(s)}/requests/${await kit.enrolment(s, 'pending')}/approve`,
    form: (s) => ({ returnTo: `${cohort(s)}/requests` }),
  },
  {
    method: 'POST',
    path: '/cohorts/:id/requests/:enrolmentId/decline',
    expect: cohortStaff(),
    url: async (s, kit) => `${cohort(s)}/requests/${await kit.enrolment(s, 'pending')}/decline`,
    form: (s) => ({ returnTo: `${cohort(s)}/requests` }),
  },
  {
    method: 'POST',
    path: '/cohorts/:id/learners/:enrolmentId/withdraw',
    expect: cohortStaff(),
    url: async (s, kit) => `${cohort(s)}/learners/${await kit.enrolment(s)}/withdraw`,
    form: (s) => ({ returnTo: `${cohort(s)}/learners` }),
  },
  {
    // Moving is for coordinators; to facilitators (who may not) the action does not exist.
    method: 'POST',
    path: '/cohorts/:id/learners/:enrolmentId/move',
    expect: { ...coordinators(), facilitator: 404, otherFacilitator: 404 },
    url: async (s, kit) => `${cohort(s)}/learners/${await kit.enrolment(s)}/move`,
    form: (s) => ({ targetCohortId: String(s.otherCohortId), returnTo: `${cohort(s)}/learners` }),
  },
  {
    method: 'POST',
    path: '/cohorts/:id/learners/:enrolmentId/access',
    expect: cohortStaff(),
    url: async (s, kit) => `${cohort(s)}/learners/${await kit.enrolment(s)}/access`,
    form: (s) => ({ until: '2027-01-31', returnTo: `${cohort(s)}/learners` }),
  },
  { method: 'GET', path: '/cohorts/:id/invitations', url: (s) => `${cohort(s)}/invitations`, query: { page: '1' }, expect: cohortStaff() },
  {
    method: 'POST',
    path: '/cohorts/:id/invitations',
    url: (s) => `${cohort(s)}/invitations`,
    form: () => ({ emails: `${freshEmail()}, ${freshEmail()}` }),
    expect: cohortStaff(),
  },
  {
    method: 'POST',
    path: '/cohorts/:id/invitations/:invitationId/revoke',
    expect: cohortStaff(),
    url: async (s, kit) => `${cohort(s)}/invitations/${(await kit.invitation(s)).id}/revoke`,
  },

  // Bulk enrolment (coordinators)
  { method: 'GET', path: '/cohorts/:id/bulk', url: (s) => `${cohort(s)}/bulk`, expect: coordinators() },
  { method: 'GET', path: '/cohorts/:id/bulk/template.csv', url: (s) => `${cohort(s)}/bulk/template.csv`, expect: coordinators() },
  { method: 'GET', path: '/cohorts/:id/bulk/template.xlsx', url: (s) => `${cohort(s)}/bulk/template.xlsx`, expect: coordinators() },
  {
    method: 'POST',
    path: '/cohorts/:id/bulk',
    url: (s) => `${cohort(s)}/bulk`,
    expect: coordinators(),
    upload: {
      field: 'file',
      name: 'participantes.csv',
      content: 'email,name,institution,country,sex,age group\nmasiva@example.org,Persona Masiva,pnc,SV,female,25-34\n',
    },
  },
  {
    method: 'GET',
    path: '/cohorts/:id/bulk/:importId',
    url: async (s, kit) => `${cohort(s)}/bulk/${await kit.bulkImport(s)}`,
    expect: coordinators(),
  },
  {
    method: 'POST',
    path: '/cohorts/:id/bulk/:importId/confirm',
    url: async (s, kit) => `${cohort(s)}/bulk/${await kit.bulkImport(s)}/confirm`,
    fresh: 'scene',
    expect: coordinators(),
  },
  {
    method: 'POST',
    path: '/cohorts/:id/bulk/:importId/discard',
    url: async (s, kit) => `${cohort(s)}/bulk/${await kit.bulkImport(s)}/discard`,
    expect: coordinators(),
  },
  {
    method: 'GET',
    path: '/cohorts/:id/bulk/:importId/result',
    url: async (s, kit) => `${cohort(s)}/bulk/${await kit.bulkImport(s, true)}/result`,
    expect: coordinators(),
  },
  {
    method: 'GET',
    path: '/cohorts/:id/bulk/:importId/result.csv',
    url: async (s, kit) => `${cohort(s)}/bulk/${await kit.bulkImport(s, true)}/result.csv`,
    expect: coordinators(),
  },

  // Authoring (editors of the course, admins)
  { method: 'GET', path: '/authoring', url: () => '/authoring', expect: { ...editors(), otherFacilitator: 'ok' } },
  { method: 'GET', path: '/authoring/courses/:slug', url: (s) => authoring(s), query: { page: '1' }, expect: editors() },
  { method: 'GET', path: '/authoring/courses/:slug/files/:file', url: (s) => `${authoring(s)}/files/${s.file}`, expect: editors() },
  {
    method: 'POST',
    path: '/authoring/courses/:slug/files/:file',
    url: (s) => `${authoring(s)}/files/${s.file}`,
    expect: editors(),
    form: () => ({
      text: '---\ntitle: Bienvenida\nminutes: 10\norder: 1\n---\n\n## Introducción\n\nTexto.\n',
      baseHash: '',
      intent: 'preview',
    }),
  },
  { method: 'GET', path: '/authoring/courses/:slug/modules/new', url: (s) => `${authoring(s)}/modules/new`, expect: editors() },
  {
    method: 'POST',
    path: '/authoring/courses/:slug/modules/new',
    url: (s) => `${authoring(s)}/modules/new`,
    expect: editors(),
    form: () => ({ key: '03-nuevo', textEs: '---\ntitle: Nuevo\nminutes: 10\norder: 3\n---\n\nTexto.\n', intent: 'preview' }),
  },
  // Any facilitator may send a zip (whose course they may edit, or admins a new one); what is not a zip is sent back with a message.
  {
    method: 'POST',
    path: '/authoring/upload',
    url: () => '/authoring/upload',
    upload: { field: 'file', name: 'curso.zip', content: 'not a zip' },
    expect: { ...editors(), otherFacilitator: 'ok' },
  },
  {
    // A module file checked like the editor does: access first (others: 404), then the content (this one lacks its quiz: 422).
    method: 'POST',
    path: '/authoring/courses/:slug/upload',
    url: (s) => `${authoring(s)}/upload`,
    fresh: 'scene',
    expect: editors(422),
    upload: {
      field: 'file',
      name: '01-conceptos.es.md',
      content: '---\ntitle: Conceptos\nminutes: 30\norder: 1\n---\n\n## Conceptos\n\nTexto nuevo.\n',
    },
  },
  { method: 'GET', path: '/authoring/courses/:slug/download', url: (s) => `${authoring(s)}/download`, expect: editors() },
  { method: 'GET', path: '/authoring/courses/:slug/editors', url: (s) => `${authoring(s)}/editors`, expect: admins() },
  {
    method: 'POST',
    path: '/authoring/courses/:slug/editors',
    url: (s) => `${authoring(s)}/editors`,
    expect: admins(),
    form: async (s, kit) => ({ email: (await kit.user('facilitator')).email }),
  },
  {
    method: 'POST',
    path: '/authoring/courses/:slug/editors/:userId/remove',
    expect: admins(),
    url: async (s, kit) => `${authoring(s)}/editors/${(await kit.editor(s)).id}/remove`,
  },

  // Certificates (rows added at the merge with certs; ids of certificates that do not exist: 999999)
  { method: 'GET', path: '/verify', url: () => '/verify', expect: all('ok') },
  { method: 'GET', path: '/verify/:code', url: () => '/verify/NO-SUCH-CODE', expect: all(404) },
  { method: 'GET', path: '/.well-known/jwks.json', url: () => '/.well-known/jwks.json', expect: all('ok') },
  { method: 'GET', path: '/my/certificates', url: () => '/my/certificates', expect: signedIn() },
  // Nobody has completed the course, so there is no certificate to show yet.
  { method: 'GET', path: '/courses/:slug/certificate', url: (s) => `/courses/${s.slug}/certificate`, expect: signedIn(404) },
  { method: 'GET', path: '/certificates/:id/pdf', url: () => '/certificates/999999/pdf', expect: signedIn(404) },
  { method: 'GET', path: '/certificates/:id/credential', url: () => '/certificates/999999/credential', expect: signedIn(404) },
  { method: 'GET', path: '/staff/certificates', url: () => '/staff/certificates', expect: { ...cohortStaff(), otherFacilitator: 'ok' } },
  { method: 'GET', path: '/staff/certificates/:id', url: () => '/staff/certificates/999999', expect: cohortStaff(404) },
  {
    method: 'POST',
    path: '/staff/certificates/:id/revoke',
    url: () => '/staff/certificates/999999/revoke',
    form: () => ({ reason: 'issued_in_error' }),
    expect: cohortStaff(404),
  },
  { method: 'POST', path: '/staff/certificates/:id/reissue', url: () => '/staff/certificates/999999/reissue', expect: cohortStaff(404) },
  { method: 'GET', path: '/admin/certificates', url: () => '/admin/certificates', expect: admins() },
  { method: 'POST', path: '/admin/certificates', url: () => '/admin/certificates', form: () => ({}), expect: admins() },
  {
    method: 'POST',
    path: '/admin/certificates/logo',
    url: () => '/admin/certificates/logo',
    upload: { field: 'logo', name: 'logo.png', content: 'not a png' },
    expect: admins(),
  },
  { method: 'POST', path: '/admin/certificates/logo/remove', url: () => '/admin/certificates/logo/remove', expect: admins() },
  { method: 'GET', path: '/admin/certificates/logo', url: () => '/admin/certificates/logo', expect: admins(404) },
  { method: 'GET', path: '/cohorts/:id/certificates', url: (s) => `${cohort(s)}/certificates`, expect: cohortStaff() },
  {
    method: 'POST',
    path: '/cohorts/:id/certificates/participation',
    url: (s) => `${cohort(s)}/certificates/participation`,
    fresh: 'scene',
    expect: cohortStaff(),
  },
  { method: 'GET', path: '/cohorts/:id/certificates/zip', url: (s) => `${cohort(s)}/certificates/zip`, expect: cohortStaff() },
  // End page and keeping a quiz's answers across a language switch (issue #14)
  { method: 'GET', path: '/courses/:slug/completed', url: (s) => `/courses/${s.slug}/completed`, expect: content() },
  {
    method: 'POST',
    path: '/courses/:slug/modules/:key/quiz/attempts/:attemptId/language',
    fresh: 'scene',
    expect: enrolledOnly(),
    url: async (s, kit) => `${quiz(s)}/attempts/${await kit.attempt(s, 'module')}/language`,
    form: () => ({ lang: 'en', 'answers[q-m1-q1]': 'a' }),
  },
  {
    method: 'POST',
    path: '/courses/:slug/pre-test/attempts/:attemptId/language',
    fresh: 'scene',
    expect: enrolledOnly(),
    url: async (s, kit) => `/courses/${s.slug}/pre-test/attempts/${await kit.attempt(s, 'pre')}/language`,
    form: () => ({ lang: 'en', 'answers[q-pt-q1]': 'a' }),
  },
  {
    method: 'POST',
    path: '/courses/:slug/post-test/attempts/:attemptId/language',
    fresh: 'scene',
    expect: enrolledOnly(),
    url: async (s, kit) => `/courses/${s.slug}/post-test/attempts/${await kit.attempt(s, 'post')}/language`,
    form: () => ({ lang: 'en', 'answers[q-pt-q1]': 'a' }),
  },

  // Reports (issue #9): staff in their scope; learners are told there is nothing
  { method: 'GET', path: '/reports', url: () => '/reports', query: { course: '', status: 'completed' }, expect: reportStaff() },
  {
    method: 'GET',
    path: '/reports/roster.:format',
    url: () => '/reports/roster.csv',
    query: { status: 'completed' },
    expect: reportStaff(),
  },
  { method: 'GET', path: '/reports/summary.:format', url: () => '/reports/summary.xlsx', expect: reportStaff() },
  { method: 'GET', path: '/reports/questions', url: () => '/reports/questions', expect: reportStaff() },
  { method: 'GET', path: '/reports/downloads', url: () => '/reports/downloads', expect: admins() },
  { method: 'GET', path: '/reports/coordinators', url: () => '/reports/coordinators', expect: admins() },
  {
    method: 'POST',
    path: '/reports/coordinators/:id',
    url: async (s, kit) => `/reports/coordinators/${(await kit.user('coordinator')).id}`,
    form: () => ({ countries: ['SV', 'GT'] }),
    expect: admins(),
  },
  { method: 'GET', path: '/admin/privacy', url: () => '/admin/privacy', expect: admins() },
  {
    method: 'POST',
    path: '/admin/privacy',
    url: () => '/admin/privacy',
    form: () => ({ es: 'Aviso de privacidad.', en: 'Privacy notice.' }),
    expect: admins(),
  },
  {
    method: 'GET',
    path: '/admin/users/:id/anonymise',
    url: async (s, kit) => `/admin/users/${(await kit.user()).id}/anonymise`,
    expect: admins(),
  },
  {
    method: 'POST',
    path: '/admin/users/:id/anonymise',
    url: async (s, kit) => `/admin/users/${(await kit.user()).id}/anonymise`,
    form: () => ({ confirm: 'yes' }),
    expect: admins(),
  },
  { method: 'GET', path: '/profile/data/json', url: () => '/profile/data/json', expect: signedIn() },
  { method: 'GET', path: '/profile/data/csv', url: () => '/profile/data/csv', expect: signedIn() },
];

/** The line to paste into ROUTES for a route the table lacks, shown when the test finds one. */
export function rowTemplate(method: string, path: string): string {
  const url = path.replace(/:(\w+)/g, (_, name: string) => `\${/* ${name} */ ''}`).replace(/\*(\w+)/, 'some/file');
  return `{ method: '${method}', path: '${path}', url: (s, kit) => \`${url}\`, expect: { visitor: ?, enrolled: ?, outsider: ?, facilitator: ?, otherFacilitator: ?, coordinator: ?, admin: ? } },`;
}
