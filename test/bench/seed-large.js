// The one large data set of the benchmarks (`run.js` for pages, `export.js` for roster exports), seeded into
// an already migrated database (after one start of the app with demo data):
// 10,000 learners, 40 cohorts (10 per course), 100,000 enrolments: every learner active in each of the four
// courses (40,000) plus 60,000 earlier enrolments in past cohorts, withdrawn. All 100,000 are roster rows.
// Progress is mixed, so the progress read model has real work: a seventh of the learners completed a course
// (every lesson done, quizzes passed, pre-test and post-test taken), the others are spread from "not started"
// to "all but one lesson", with quiz scores on the lessons they did; two learners in three took the pre-test,
// some of those who completed needed two post-test attempts.
// Written through TypeORM so it runs on SQLite and PostgreSQL alike.
const { DataSource } = require('typeorm');
const { join } = require('node:path');

const LEARNERS = 10_000;
const COHORTS_PER_COURSE = 10;
const EARLIER_ENROLMENTS = 60_000;
const CHUNK = 400;
const COUNTRIES = ['SV', 'GT', 'HN', 'NI', 'CR', 'PA', 'MX', 'BZ'];
const SEXES = ['female', 'male', 'prefer_not_to_say'];
const AGE_GROUPS = ['18-24', '25-34', '35-44', '45-54', '55-64'];
const INSTITUTIONS = ['pnc', 'dgme', 'minsal', 'fgr', 'municipality', 'other'];
const DAY = 24 * 3600 * 1000;

async function insertChunks(dataSource, table, rows) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await dataSource
      .createQueryBuilder()
      .insert()
      .into(table)
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

/** Lessons (in order), the assessment module and its current version's questions, per course. */
async function courseShapes(dataSource, courses) {
  const yes = dataSource.options.type === 'postgres' ? 'true' : '1';
  const modules = await dataSource.query(
    `SELECT m.id, m."courseId", m.kind, m.position, v.id AS "versionId", v."questionCount", v.questions
       FROM course_module m JOIN module_version v ON v."moduleId" = m.id
      WHERE m.active = ${yes} AND v.current = ${yes} ORDER BY m."courseId", m.position, v.id`,
  );
  return new Map(
    courses.map((course) => {
      const mine = modules.filter((m) => Number(m.courseId) === Number(course.id));
      const lessons = [...new Map(mine.filter((m) => m.kind === 'lesson').map((m) => [m.id, m])).values()];
      const assessment = mine.find((m) => m.kind === 'assessment') || null;
      let layout = [];
      if (assessment) {
        const questions = typeof assessment.questions === 'string' ? JSON.parse(assessment.questions) : assessment.questions;
        layout = questions.map((q) => ({ questionId: q.id, optionIds: q.options.map((o) => o.id) }));
      }
      return [course.id, { lessons, assessment, layout }];
    }),
  );
}

/** How far learner i got in a course: completed, or a number of lessons done (0 = enrolled only). */
function learnerState(i, courseIndex, lessonCount) {
  const completed = (i + courseIndex) % 7 === 0;
  const done = completed ? lessonCount : (i * 3 + courseIndex) % lessonCount;
  return { completed, done, preTest: (i + courseIndex) % 3 !== 2 || completed };
}

const scoreOf = (i, position) => 50 + ((i * 7 + position * 13) % 51);

/** Module progress rows and pre/post-test attempts of the active enrolments. */
function progressAndAttempts(firstUserId, courses, shapes, now) {
  const progress = [];
  const attempts = [];
  courses.forEach((course, courseIndex) => {
    const { lessons, assessment, layout } = shapes.get(course.id);
    if (!lessons.length) return;
    for (let i = 0; i < LEARNERS; i++) {
      const userId = firstUserId + i;
      const state = learnerState(i, courseIndex, lessons.length);
      const at = new Date(now.getTime() - ((i % 20) + 1) * DAY);
      lessons.slice(0, state.done).forEach((lesson, position) => {
        const score = lesson.questionCount > 0 ? scoreOf(i, position) : null;
        progress.push({
          userId,
          courseId: course.id,
          moduleId: lesson.id,
          completedAt: at,
          quizScore: score,
          quizPassed: score === null ? false : score >= 70 || state.completed,
        });
      });
      if (!assessment) continue;
      const attempt = (kind, attemptNumber, score) => ({
        userId,
        courseId: course.id,
        moduleId: assessment.id,
        moduleVersionId: assessment.versionId,
        kind,
        attemptNumber,
        status: 'submitted',
        language: i % 5 === 0 ? 'en' : 'es',
        layout,
        answers: Object.fromEntries(layout.map((q) => [q.questionId, q.optionIds.slice(0, 1)])),
        startedAt: at,
        submittedAt: at,
        late: false,
        questionCount: layout.length,
        correctCount: Math.round((score / 100) * layout.length),
        score,
        passed: score >= 70,
        passMark: 70,
      });
      if (state.preTest) attempts.push(attempt('pre', 1, 30 + (i % 50)));
      if (state.completed) {
        const retook = i % 2 === 0;
        if (retook) attempts.push(attempt('post', 1, 60));
        attempts.push(attempt('post', retook ? 2 : 1, 80 + (i % 20)));
        progress.push({
          userId,
          courseId: course.id,
          moduleId: assessment.id,
          completedAt: null,
          quizScore: 80 + (i % 20),
          quizPassed: true,
        });
      }
    }
  });
  return { progress, attempts };
}

/** @param {import('typeorm').DataSourceOptions} options @param {string} passwordHash argon2id hash for every seeded learner */
async function seedLarge(options, passwordHash) {
  const dataSource = await new DataSource({ ...options, logging: false }).initialize();
  try {
    const courses = await dataSource.query('SELECT id FROM course ORDER BY id');
    const shapes = await courseShapes(dataSource, courses);
    const now = new Date();
    const start = new Date(now.getTime() - 30 * DAY);
    const end = new Date(now.getTime() + 60 * DAY);
    const before = new Date(now.getTime() - 400 * DAY);
    const earlierEnd = new Date(now.getTime() - 200 * DAY);

    const userRows = Array.from({ length: LEARNERS }, (_, i) => ({
      email: `bench-${i}@bench.test`,
      passwordHash,
      name: i % 11 === 0 ? `María José Núñez-Hernández ${i}` : `Participante de prueba ${i}`,
      institution: INSTITUTIONS[i % INSTITUTIONS.length],
      institutionOther: INSTITUTIONS[i % INSTITUTIONS.length] === 'other' ? 'Cruz Roja' : null,
      position: i % 13 === 0 ? '=Jefe de sección' : 'Agente',
      country: COUNTRIES[i % COUNTRIES.length],
      department: 'San Salvador',
      dutyStation: 'San Salvador',
      sex: SEXES[i % SEXES.length],
      ageGroup: AGE_GROUPS[i % AGE_GROUPS.length],
      preferredLanguage: i % 5 === 0 ? 'en' : 'es',
      role: 'learner',
      dataConsentAt: now,
    }));
    await dataSource.transaction((manager) => insertChunks(manager, 'app_user', userRows));
    const [{ first }] = await dataSource.query(`SELECT MIN(id) AS first FROM app_user WHERE email LIKE 'bench-%'`);
    const firstUserId = Number(first);

    const cohortRows = [];
    for (const course of courses) {
      for (let c = 0; c < COHORTS_PER_COURSE; c++) {
        const current = c < COHORTS_PER_COURSE / 2;
        cohortRows.push({
          courseId: course.id,
          name: `Edición de prueba ${course.id}-${c}`,
          country: COUNTRIES[c % COUNTRIES.length],
          startsAt: current ? start : before,
          endsAt: current ? end : earlierEnd,
          enrolmentMode: 'open',
        });
      }
    }
    await insertChunks(dataSource, 'cohort', cohortRows);
    const cohorts = await dataSource.query(`SELECT id, "courseId", "endsAt" FROM cohort WHERE name LIKE 'Edición de prueba%' ORDER BY id`);
    const cohortsOf = (courseId, current) => cohorts.filter((c) => c.courseId === courseId && new Date(c.endsAt) > now === current);

    const { progress, attempts } = progressAndAttempts(firstUserId, courses, shapes, now);
    const enrolmentRows = [];
    for (let i = 0; i < LEARNERS; i++) {
      courses.forEach((course, courseIndex) => {
        const open = cohortsOf(course.id, true);
        const lessonCount = shapes.get(course.id).lessons.length || 1;
        const state = learnerState(i, courseIndex, lessonCount);
        enrolmentRows.push({
          userId: firstUserId + i,
          courseId: course.id,
          cohortId: open[i % open.length].id,
          status: 'active',
          completedAt: state.completed ? new Date(now.getTime() - (i % 20) * DAY) : null,
          lastActivityAt: state.done > 0 || state.preTest ? now : null,
          preTestScore: state.preTest ? 30 + (i % 50) : null,
          postTestScore: state.completed ? 80 + (i % 20) : null,
        });
      });
    }
    for (let n = 0; n < EARLIER_ENROLMENTS; n++) {
      const course = courses[n % courses.length];
      const earlier = cohortsOf(course.id, false);
      enrolmentRows.push({
        userId: firstUserId + (n % LEARNERS),
        courseId: course.id,
        cohortId: earlier[n % earlier.length].id,
        status: 'withdrawn',
        lastActivityAt: before,
      });
    }
    await dataSource.transaction(async (manager) => {
      await insertChunks(manager, 'enrolment', enrolmentRows);
      await insertChunks(manager, 'module_progress', progress);
      await insertChunks(manager, 'quiz_attempt', attempts);
    });
    await dataSource.query('ANALYZE');
    return {
      learners: LEARNERS,
      cohorts: cohortRows.length,
      enrolments: enrolmentRows.length,
      moduleProgressRows: progress.length,
      quizAttempts: attempts.length,
    };
  } finally {
    await dataSource.destroy();
  }
}

/**
 * A scratch database for a bench: SQLite in `dir`, or, with BENCH_DATABASE_URL=postgres://user@host:5432/postgres,
 * a new PostgreSQL database there (drop() removes it).
 */
async function scratchDatabase(dir) {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (!serverUrl)
    return { url: `sqlite:${join(dir, 'bench.sqlite')}`, file: join(dir, 'bench.sqlite'), kind: 'sqlite', drop: async () => undefined };
  const { Client } = require('pg');
  const name = `bench_${Date.now()}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    serverUrl,
    kind: 'postgres',
    drop: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Migrations, courses and demo data through the built app's own start-up code, then the large data set. */
async function prepareLarge(dist, databaseUrl, contentDir, password = 'bench-password-2026') {
  const { loadConfig } = require(join(dist, 'src', 'config', 'app-config'));
  const { createApp, prepareData } = require(join(dist, 'src', 'app.bootstrap'));
  const { buildDataSourceOptions } = require(join(dist, 'ormconfig'));
  const config = loadConfig({ DATABASE_URL: databaseUrl, ...(contentDir ? { CONTENT_DIR: contentDir } : {}), SEED_DEMO: 'true' });
  const app = await createApp(config, { logger: ['error'] });
  await prepareData(app, config);
  await app.close();
  const argon2 = require('argon2');
  const hash = await argon2.hash(password, { type: argon2.argon2id });
  return seedLarge(buildDataSourceOptions(config.database), hash);
}

module.exports = { seedLarge, scratchDatabase, prepareLarge };
