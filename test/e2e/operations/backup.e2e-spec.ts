import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Database, OPEN_READONLY } from 'sqlite3';
import { DataSource } from 'typeorm';
import { Cohort } from '../../../src/cohorts/entities/cohort.entity';
import { PROJECT_ROOT } from '../../../src/config/project-root';
import { createCohort, createCourse } from '../../utils/cohort-factories';
import { createUser, profileFields, signedInAgent } from '../../utils/factories';
import { createTestApp, csrfToken, TestApp } from '../../utils/test-app';
import { testDatabaseKind } from '../../utils/test-database';

const run = promisify(execFile);

/** `npm run db:backup -- <file>` as the README shows it, minus the build: the same CLI run from its TypeScript source. */
function backupCli(env: NodeJS.ProcessEnv, ...args: string[]) {
  return run(process.execPath, ['-r', 'ts-node/register', join(PROJECT_ROOT, 'src', 'cli', 'db-backup.ts'), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: '1', ...env },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

function query<T>(file: string, sql: string): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const db = new Database(file, OPEN_READONLY, (openError) => {
      if (openError) return reject(openError);
      db.all(sql, (error: Error | null, rows: T[]) => db.close(() => (error ? reject(error) : resolve(rows))));
    });
  });
}

describe('db:backup: a consistent copy of the live database', () => {
  let testApp: TestApp;
  let dir: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    dir = mkdtempSync(join(tmpdir(), 'aprende-backup-'));
  });
  afterAll(async () => {
    await testApp.close();
    rmSync(dir, { recursive: true, force: true });
  });

  if (testDatabaseKind() === 'postgres') {
    it('refuses PostgreSQL and points to pg_dump', async () => {
      const result = await backupCli({ DATABASE_URL: (testApp.config.database as { url: string }).url }, join(dir, 'copia.sqlite'));
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('pg_dump');
      expect(existsSync(join(dir, 'copia.sqlite'))).toBe(false);
    });
    return;
  }

  it('copies while people sign up, save profiles and cohorts are created, and the copy passes the integrity check', async () => {
    const { app } = testApp;
    const path = (testApp.config.database as { path: string }).path;
    const data = app.get(DataSource);
    const course = await createCourse(app);
    const { id: _id, ...template } = await createCohort(app, course);
    const user = await createUser(app);
    const agent = await signedInAgent(app, user);
    const token = await csrfToken(agent, '/profile');

    // Writers: profile saves through the site, and transactions that each add a cohort and its facilitator (two rows together).
    let running = true;
    let transactions = 0;
    const writers = [
      (async () => {
        for (let index = 0; running; index += 1) {
          const response = await agent
            .post('/profile')
            .type('form')
            .send({ ...profileFields({ name: `Nombre ${index}` }), _csrf: token });
          expect(response.status).toBe(303);
        }
      })(),
      (async () => {
        while (running) {
          await data.transaction(async (manager) => {
            const repository = manager.getRepository(Cohort);
            const cohort = await repository.save(repository.create({ ...template, id: undefined, name: `Copia ${transactions}` }));
            await manager.query('INSERT INTO cohort_facilitator ("cohortId", "userId") VALUES (?, ?)', [cohort.id, user.id]);
          });
          transactions += 1;
        }
      })(),
    ];
    await new Promise((resolve) => setTimeout(resolve, 300));
    const committedBefore = transactions;
    const target = join(dir, 'copia.sqlite');
    const result = await backupCli({ DATABASE_URL: `sqlite:${path}` }, target);
    running = false;
    await Promise.all(writers);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('integrity check: ok');
    expect(await query<{ integrity_check: string }>(target, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    // Consistent: no cohort without its facilitator, nothing committed before the copy began is missing.
    const [{ cohorts, linked }] = await query<{ cohorts: number; linked: number }>(
      target,
      'SELECT (SELECT COUNT(*) FROM cohort WHERE name LIKE \'Copia %\') AS cohorts, (SELECT COUNT(DISTINCT "cohortId") FROM cohort_facilitator) AS linked',
    );
    expect(linked).toBe(cohorts);
    expect(cohorts).toBeGreaterThanOrEqual(committedBefore);
    expect(await query(target, 'SELECT id FROM app_user')).toHaveLength(1);
    expect(existsSync(`${target}.partial`)).toBe(false);

    // Never over an existing file.
    const again = await backupCli({ DATABASE_URL: `sqlite:${path}` }, target);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  });
});
