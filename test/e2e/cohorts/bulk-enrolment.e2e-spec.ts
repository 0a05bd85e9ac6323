import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Cohort } from '../../../src/cohorts/entities/cohort.entity';
import { Course } from '../../../src/content/entities/course.entity';
import { User } from '../../../src/users/user.entity';
import { createUser, signedInAgent } from '../../utils/factories';
import { createCohort, createCourse, enrol, enrolmentsOf } from '../../utils/cohort-factories';
import { Agent, createTestApp, csrfToken, submitForm, TestApp } from '../../utils/test-app';

const FIXTURE = join(__dirname, '..', '..', 'fixtures', 'bulk', 'messy-participants.csv');

/** Row number -> outcome, read from the data attributes of the preview/result table. */
function outcomesIn(html: string): Record<number, string> {
  return Object.fromEntries([...html.matchAll(/<tr data-line="(\d+)" data-outcome="(\w+)"/g)].map((m) => [Number(m[1]), m[2]]));
}
/** The row's cells as text, for checking the messages shown. */
function rowText(html: string, line: number): string {
  const match = new RegExp(`<tr data-line="${line}"[\\s\\S]*?</tr>`).exec(html);
  return (match?.[0] ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x3D;/g, '=')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('bulk enrolment from a spreadsheet', () => {
  let testApp: TestApp;
  let course: Course;
  let coordinator: Agent;
  const users = () => testApp.app.get(DataSource).getRepository(User);

  beforeAll(async () => {
    testApp = await createTestApp();
    course = await createCourse(testApp.app);
    coordinator = await signedInAgent(testApp.app, await createUser(testApp.app, { role: 'coordinator' }));
  });
  afterAll(async () => {
    await testApp.close();
  });

  async function upload(cohort: Cohort, body: Buffer, fileName: string) {
    const token = await csrfToken(coordinator, `/cohorts/${cohort.id}/bulk`);
    return coordinator.post(`/cohorts/${cohort.id}/bulk`).field('_csrf', token).attach('file', body, fileName);
  }

  it('previews a messy CSV row by row without writing anything, then applies exactly the preview', async () => {
    // Seats: one learner already in, four left for the five rows that need one.
    const cohort = await createCohort(testApp.app, course, { capacity: 5, name: 'Cohorte masiva' });
    const other = await createCohort(testApp.app, course, { name: 'Cohorte vecina' });
    await createUser(testApp.app, { email: 'existente@example.org', name: 'Cuenta Existente' });
    await enrol(testApp.app, await createUser(testApp.app, { email: 'ya-inscrita@example.org' }), cohort);
    await enrol(testApp.app, await createUser(testApp.app, { email: 'otra-cohorte@example.org' }), other);
    const usersBefore = await users().count();

    const uploaded = await upload(cohort, readFileSync(FIXTURE), 'participantes.csv');
    expect(uploaded.status).toBe(303);
    const preview = await coordinator.get(uploaded.headers.location);
    expect(preview.status).toBe(200);
    const expected = {
      2: 'newAccount',
      3: 'enrolExisting',
      4: 'alreadyEnrolled',
      5: 'error',
      6: 'error',
      7: 'newAccount',
      8: 'error',
      9: 'newAccount',
      10: 'error',
      11: 'error',
      13: 'error',
    };
    expect(outcomesIn(preview.text)).toEqual(expected);
    expect(rowText(preview.text, 5)).toContain('Correo repetido: ya aparece en la fila 2.');
    expect(rowText(preview.text, 6)).toContain('«correo-malo» no es un correo válido.');
    expect(rowText(preview.text, 7)).toContain('=HYPERLINK("http://x.example";"clic")');
    for (const text of [
      'Institución desconocida: «Ministerio Inexistente»',
      'País desconocido: «Narnia»',
      'Valor de sexo desconocido: «X»',
      'Grupo de edad desconocido: «12»',
    ]) {
      expect(rowText(preview.text, 8)).toContain(text);
    }
    expect(rowText(preview.text, 9)).toContain('Pérez; Juan');
    expect(rowText(preview.text, 10)).toContain('Cohorte vecina');
    expect(rowText(preview.text, 11)).toContain('Falta Institución, necesario para crear la cuenta.');
    expect(rowText(preview.text, 13)).toContain('Cupo lleno');
    expect(await users().count()).toBe(usersBefore);
    expect(await enrolmentsOf(testApp.app, { cohortId: cohort.id })).toHaveLength(1);

    const confirmPath = `${new URL(uploaded.headers.location, 'http://x').pathname}/confirm`;
    const result = await submitForm(coordinator, uploaded.headers.location, confirmPath, {});
    expect(result.status).toBe(200);
    expect(outcomesIn(result.text)).toEqual(expected);

    expect(await users().count()).toBe(usersBefore + 3);
    const formula = await users().findOneByOrFail({ email: 'formula@example.org' });
    expect(formula).toMatchObject({
      name: '=HYPERLINK("http://x.example";"clic")',
      institution: 'pnc',
      country: 'GT',
      sex: 'male',
      ageGroup: '45-54',
      position: '+50377777777',
    });
    expect(await users().findOneByOrFail({ email: 'cita@example.org' })).toMatchObject({
      name: 'Pérez; Juan',
      institution: 'minsal',
      country: 'HN',
      ageGroup: '25-34',
    });
    expect(await enrolmentsOf(testApp.app, { cohortId: cohort.id, status: 'active' })).toHaveLength(5);

    // The result file: every row with its outcome, formula-looking cells quoted so spreadsheets show them as text.
    const resultPath = `${new URL(uploaded.headers.location, 'http://x').pathname}/result`;
    expect(outcomesIn((await coordinator.get(resultPath)).text)).toEqual(expected);
    const file = await coordinator
      .get(`${resultPath}.csv`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(file.headers['content-type']).toContain('text/csv');
    const text = (file.body as Buffer).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(text.slice(1)) as string[][];
    expect(rows[0]).toEqual(['Fila', 'Correo electrónico', 'Nombre completo', 'Resultado', 'Detalle']);
    expect(rows.slice(1).map((row) => Number(row[0]))).toEqual(Object.keys(expected).map(Number));
    expect(rows.find((row) => row[0] === '7')?.[2]).toBe('\'=HYPERLINK("http://x.example";"clic")');
    expect(rows.find((row) => row[0] === '13')?.[3]).toBe('Error: no se inscribió');
    expect(rows.find((row) => row[0] === '2')?.[3]).toBe('Cuenta creada e inscrita');

    // Confirming twice changes nothing.
    await submitForm(coordinator, resultPath, confirmPath, {});
    expect(await users().count()).toBe(usersBefore + 3);
  });

  it('gives new accounts a single-use set-password link (no password in any file)', async () => {
    const cohort = await createCohort(testApp.app, course);
    const csv = Buffer.from('email,name,institution,country,sex,age group\nnueva.cuenta@example.org,Nueva Cuenta,pnc,SV,female,25-34\n');
    const uploaded = await upload(cohort, csv, 'una.csv');
    const result = await submitForm(coordinator, uploaded.headers.location, `${uploaded.headers.location}/confirm`, {});
    const link = /value="(http[^"]+\/account\/set-password\/[^"]+)"/.exec(result.text)?.[1] ?? '';
    expect(link).not.toBe('');
    const path = new URL(link).pathname;
    const person = request.agent(testApp.server);
    const page = await person.get(path);
    expect(page.status).toBe(200);
    expect(page.text).toContain('nueva.cuenta@example.org');
    const noConsent = await submitForm(person, path, path, {
      password: 'una frase larga y segura',
      passwordConfirmation: 'una frase larga y segura',
    });
    expect(noConsent.status).toBe(422);
    const done = await submitForm(person, path, path, {
      password: 'una frase larga y segura',
      passwordConfirmation: 'una frase larga y segura',
      dataConsent: 'yes',
    });
    expect(done.status).toBe(303);
    expect((await person.get('/profile')).status).toBe(200);
    expect((await request(testApp.server).get(path)).status).toBe(404);
    await signedInAgent(testApp.app, { email: 'nueva.cuenta@example.org' }, 'una frase larga y segura');
  });

  it('reads XLSX files with English headers, keeping formula cells as text', async () => {
    const cohort = await createCohort(testApp.app, course);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Participants');
    sheet.addRow(['Email', 'Full name', 'Institution', 'Country', 'Sex', 'Age group', 'Notes']);
    sheet.addRow([
      'xlsx.one@example.org',
      { formula: 'UPPER("ana")', result: 'ANA' },
      'Ministry of Health (MINSAL)',
      'Guatemala',
      'Female',
      '35 to 44',
      'x',
    ]);
    sheet.addRow([{ text: 'xlsx.two@example.org', hyperlink: 'mailto:xlsx.two@example.org' }, 'Two', 'fgr', 'mx', 'Hombre', 50]);
    const uploaded = await upload(cohort, Buffer.from(await workbook.xlsx.writeBuffer()), 'participants.xlsx');
    expect(uploaded.status).toBe(303);
    const preview = await coordinator.get(uploaded.headers.location);
    expect(outcomesIn(preview.text)).toEqual({ 2: 'newAccount', 3: 'newAccount' });
    await submitForm(coordinator, uploaded.headers.location, `${uploaded.headers.location}/confirm`, {});
    expect(await users().findOneByOrFail({ email: 'xlsx.one@example.org' })).toMatchObject({
      name: '=UPPER("ana")',
      institution: 'minsal',
      country: 'GT',
      ageGroup: '35-44',
    });
    expect(await users().findOneByOrFail({ email: 'xlsx.two@example.org' })).toMatchObject({
      country: 'MX',
      sex: 'male',
      ageGroup: '45-54',
    });
  });

  it('explains files it cannot use: missing columns (422), too large (413), nothing chosen', async () => {
    const cohort = await createCohort(testApp.app, course);
    const noEmail = await upload(cohort, Buffer.from('nombre;cargo\nAna;Agente\n'), 'sin-correo.csv');
    expect(noEmail.status).toBe(422);
    expect(noEmail.text).toContain('Falta la columna «Correo electrónico».');
    const big = await upload(cohort, Buffer.alloc(3 * 1024 * 1024, 'a'), 'grande.csv');
    expect(big.status).toBe(413);
    expect(big.text).toContain('El archivo supera el tamaño permitido (2 MB)');
    const token = await csrfToken(coordinator, `/cohorts/${cohort.id}/bulk`);
    const none = await coordinator.post(`/cohorts/${cohort.id}/bulk`).field('_csrf', token);
    expect(none.status).toBe(422);
    expect(none.text).toContain('Elija un archivo CSV o XLSX.');
    const withoutToken = await coordinator.post(`/cohorts/${cohort.id}/bulk`).attach('file', Buffer.from('email,name\n'), 'a.csv');
    expect(withoutToken.status).toBe(403);
  });

  it('offers the template in CSV (UTF-8 with BOM) and XLSX with the accepted values', async () => {
    const cohort = await createCohort(testApp.app, course);
    const csv = await coordinator.get(`/cohorts/${cohort.id}/bulk/template.csv`);
    expect(csv.status).toBe(200);
    expect(csv.text.replace(/^\uFEFF/, '').trim()).toBe(
      'Correo electrónico,Nombre completo,Institución,Cargo,País,Departamento,Lugar de trabajo,Sexo,Grupo de edad',
    );
    const xlsx = await coordinator
      .get(`/cohorts/${cohort.id}/bulk/template.xlsx`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as Buffer as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Participantes', 'Valores aceptados']);
    expect(workbook.worksheets[0].getRow(1).getCell(1).value).toBe('Correo electrónico');
    expect(workbook.worksheets[1].rowCount).toBeGreaterThan(30);
  });
});
