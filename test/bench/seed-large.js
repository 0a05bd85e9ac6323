// Seeds a large data set into an already migrated database (after one start of the app with demo data):
// 10,000 learners, 40 cohorts (10 per course), 100,000 enrolments (every learner active in each of the
// four courses, plus 60,000 earlier enrolments withdrawn or moved), some with module progress.
// Used by the benchmarks; written through TypeORM so it runs on SQLite and PostgreSQL alike.
const { DataSource } = require('typeorm');

const LEARNERS = 10_000;
const COHORTS_PER_COURSE = 10;
const EARLIER_ENROLMENTS = 60_000;
const CHUNK = 400;
const COUNTRIES = ['SV', 'GT', 'HN', 'NI', 'CR', 'PA', 'MX', 'BZ'];
const SEXES = ['female', 'male', 'prefer_not_to_say'];
const AGE_GROUPS = ['18-24', '25-34', '35-44', '45-54', '55-64'];
const INSTITUTIONS = ['pnc', 'dgme', 'minsal', 'fgr', 'municipality', 'other'];

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

/** @param {import('typeorm').DataSourceOptions} options @param {string} passwordHash argon2id hash for every seeded learner */
async function seedLarge(options, passwordHash) {
  const dataSource = await new DataSource({ ...options, logging: false }).initialize();
  try {
    const courses = await dataSource.query('SELECT id FROM course ORDER BY id');
    const now = new Date();
    const start = new Date(now.getTime() - 30 * 24 * 3600 * 1000);
    const end = new Date(now.getTime() + 60 * 24 * 3600 * 1000);
    const before = new Date(now.getTime() - 400 * 24 * 3600 * 1000);
    const earlierEnd = new Date(now.getTime() - 200 * 24 * 3600 * 1000);

    const userRows = Array.from({ length: LEARNERS }, (_, i) => ({
      email: `bench-${i}@bench.test`,
      passwordHash,
      name: `Participante de prueba ${i}`,
      institution: INSTITUTIONS[i % INSTITUTIONS.length],
      position: 'Agente',
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

    const enrolmentRows = [];
    for (let i = 0; i < LEARNERS; i++) {
      for (const course of courses) {
        const open = cohortsOf(course.id, true);
        const completed = i % 7 === 0;
        enrolmentRows.push({
          userId: firstUserId + i,
          courseId: course.id,
          cohortId: open[i % open.length].id,
          status: 'active',
          completedAt: completed ? now : null,
          lastActivityAt: now,
          preTestScore: i % 3 === 0 ? 40 + (i % 50) : null,
          postTestScore: completed ? 80 : null,
        });
      }
    }
    for (let n = 0; n < EARLIER_ENROLMENTS; n++) {
      const course = courses[n % courses.length];
      const earlier = cohortsOf(course.id, false);
      enrolmentRows.push({
        userId: firstUserId + (n % LEARNERS),
        courseId: course.id,
        cohortId: earlier[n % earlier.length].id,
        status: n % 2 === 0 ? 'withdrawn' : 'moved',
        lastActivityAt: before,
      });
    }
    await dataSource.transaction((manager) => insertChunks(manager, 'enrolment', enrolmentRows));
    return { learners: LEARNERS, cohorts: cohortRows.length, enrolments: enrolmentRows.length };
  } finally {
    await dataSource.destroy();
  }
}

module.exports = { seedLarge };
