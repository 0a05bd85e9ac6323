import { CourseRecord, ModuleRecord, VersionRecord } from './course-mapping';
import { isEmptyPlan, planCourseImport, StoredCourseState, StoredModuleState } from './import-plan';

const quiz = { maxAttempts: 3, grading: 'highest' as const, shuffle: true, timeLimitMinutes: 0, showAnswers: true, passMark: 80 };

function course(hash = 'course-1'): CourseRecord {
  return {
    title: { es: 'Curso' }, summary: { es: 'Resumen' }, topic: 'other', hours: 2, languages: ['es', 'en'], passMark: 80,
    certificateType: 'completion', hasPreTest: false, hasPostTest: false, completionRule: { modules: true, quizzes: false, postTest: false },
    quizDefaults: quiz, sourceHash: hash, sourceText: 'course.md text',
  };
}

function version(language: string, hash: string): VersionRecord {
  return { language, title: `Título ${language}`, sourceText: hash, sourceHash: hash, lessonHtml: `<p>${hash}</p>`, questions: [], quizSettings: quiz, objectives: null };
}

function module(key: string, position: number, hashes: Record<string, string>): ModuleRecord {
  const versions = Object.entries(hashes).map(([language, hash]) => version(language, hash));
  return { key, kind: 'lesson', position, minutes: 30, files: Object.fromEntries(versions.map((v) => [v.language, `${key}.${v.language}.md`])), versions };
}

/** The state the database would hold right after importing these modules. */
function storedFrom(courseRecord: CourseRecord, modules: ModuleRecord[], media: { path: string; sha256: string }[] = []): StoredCourseState {
  let id = 0;
  return {
    id: 1,
    sourceHash: courseRecord.sourceHash,
    hasSourceText: true,
    media,
    modules: modules.map((record): StoredModuleState => ({
      id: (id += 1), key: record.key, kind: record.kind, position: record.position, minutes: record.minutes, active: true,
      current: Object.fromEntries(record.versions.map((v) => [v.language, { ...v, id: (id += 1), version: 1 }])),
      maxVersion: Object.fromEntries(record.versions.map((v) => [v.language, 1])),
    })),
  };
}

describe('planCourseImport', () => {
  const modules = [module('01-uno', 1, { es: 'u-es', en: 'u-en' }), module('02-dos', 2, { es: 'd-es', en: 'd-en' })];
  const media = [{ path: 'media/a.png', sha256: 'img-1' }];

  it('creates everything for a new course and records one change per file', () => {
    const plan = planCourseImport(course(), modules, media, null);
    expect(plan.course).toBe('create');
    expect(plan.modules.map((m) => [m.key, m.newVersions.map((v) => `${v.language}@${v.version}`)])).toEqual([
      ['01-uno', ['es@1', 'en@1']], ['02-dos', ['es@1', 'en@1']],
    ]);
    expect(plan.media.write).toEqual(['media/a.png']);
    expect(plan.changes).toContainEqual({ file: 'course.md', action: 'created', version: null });
    expect(plan.changes).toContainEqual({ file: '02-dos.en.md', action: 'created', version: 1 });
    expect(plan.changes).toHaveLength(6);
  });

  it('plans nothing when nothing changed', () => {
    const plan = planCourseImport(course(), modules, media, storedFrom(course(), modules, media));
    expect(isEmptyPlan(plan)).toBe(true);
    expect(plan.changes).toEqual([]);
  });

  it('makes a new version of only the changed language of the changed module', () => {
    const stored = storedFrom(course(), modules, media);
    stored.modules[1].maxVersion.es = 4;
    const edited = [modules[0], module('02-dos', 2, { es: 'd-es-edited', en: 'd-en' })];
    const plan = planCourseImport(course(), edited, media, stored);
    expect(plan.course).toBe('keep');
    expect(plan.modules).toHaveLength(1);
    expect(plan.modules[0]).toMatchObject({ key: '02-dos', moduleId: stored.modules[1].id, row: null, retiredLanguages: [] });
    expect(plan.modules[0].newVersions.map((v) => `${v.language}@${v.version}`)).toEqual(['es@5']);
    expect(plan.changes).toEqual([{ file: '02-dos.es.md', action: 'updated', version: 5 }]);
  });

  it('makes a new version when the same file is read differently (quiz settings from course.md changed)', () => {
    const stored = storedFrom(course(), modules);
    const stricter = modules.map((m) => ({ ...m, versions: m.versions.map((v) => ({ ...v, quizSettings: { ...quiz, passMark: 90 } })) }));
    const plan = planCourseImport(course('course-2'), stricter, [], stored);
    expect(plan.course).toBe('update');
    expect(plan.modules.flatMap((m) => m.newVersions)).toHaveLength(4);
  });

  it('marks a removed module inactive instead of deleting it, and brings it back when it returns', () => {
    const stored = storedFrom(course(), modules);
    const removed = planCourseImport(course(), [modules[0]], [], stored);
    expect(removed.deactivate).toEqual([stored.modules[1].id]);
    expect(removed.changes).toEqual([
      { file: '02-dos.es.md', action: 'deactivated', version: null },
      { file: '02-dos.en.md', action: 'deactivated', version: null },
    ]);

    stored.modules[1].active = false;
    const back = planCourseImport(course(), modules, [], stored);
    expect(back.deactivate).toEqual([]);
    expect(back.modules).toHaveLength(1);
    expect(back.modules[0].row).toEqual({ kind: 'lesson', position: 2, minutes: 30, active: true });
    expect(back.modules[0].newVersions).toEqual([]);
    expect(back.changes.map((c) => c.action)).toEqual(['reactivated', 'reactivated']);
  });

  it('updates the position without a new version when only the order changed', () => {
    const stored = storedFrom(course(), modules);
    const reordered = [module('01-uno', 2, { es: 'u-es', en: 'u-en' }), module('02-dos', 1, { es: 'd-es', en: 'd-en' })];
    const plan = planCourseImport(course(), reordered, [], stored);
    expect(plan.modules.map((m) => [m.key, m.row?.position, m.newVersions.length])).toEqual([['01-uno', 2, 0], ['02-dos', 1, 0]]);
  });

  it('retires the current version of a language the course dropped', () => {
    const stored = storedFrom(course(), modules);
    const spanishOnly = [module('01-uno', 1, { es: 'u-es' }), module('02-dos', 2, { es: 'd-es' })];
    const plan = planCourseImport(course('course-es'), spanishOnly, [], stored);
    expect(plan.modules.map((m) => m.retiredLanguages)).toEqual([['en'], ['en']]);
    expect(plan.changes).toContainEqual({ file: '01-uno.en.md', action: 'deactivated', version: null });
  });

  it('writes changed and new media and removes media that left the folder', () => {
    const stored = storedFrom(course(), modules, [{ path: 'media/a.png', sha256: 'img-1' }, { path: 'media/old.pdf', sha256: 'pdf' }]);
    const plan = planCourseImport(course(), modules, [{ path: 'media/a.png', sha256: 'img-2' }, { path: 'media/new.png', sha256: 'n' }], stored);
    expect(plan.media).toEqual({ write: ['media/a.png', 'media/new.png'], remove: ['media/old.pdf'] });
    expect(plan.changes.map((c) => `${c.file}:${c.action}`)).toEqual(['media/a.png:updated', 'media/new.png:created', 'media/old.pdf:deleted']);
  });
});
