import { DEFAULT_QUIZ_SETTINGS, parseCourseSettings } from './course-settings';

const MINIMAL = `---
title:
  es: Curso
  en: Course
summary:
  es: Resumen
  en: Summary
topic: children
hours: 2
languages: [es, en]
pass_mark: 70
certificate: participation
---
`;

function lines(text: string): string[] {
  return parseCourseSettings(text, 'c/course.md').problems.map((problem) => `${problem.line}:${problem.code}`);
}

describe('parseCourseSettings', () => {
  it('fills optional settings with documented defaults', () => {
    const { settings, problems } = parseCourseSettings(MINIMAL, 'c/course.md');
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      title: { es: 'Curso', en: 'Course' },
      summary: { es: 'Resumen', en: 'Summary' },
      topic: 'children',
      hours: 2,
      languages: ['es', 'en'],
      passMark: 70,
      certificate: 'participation',
      preTest: false,
      postTest: false,
      completion: { modules: true, quizzes: true, postTest: false },
      quiz: DEFAULT_QUIZ_SETTINGS,
      participation: null,
    });
  });

  it('counts the post-test towards completion by default when the course has one', () => {
    const { settings } = parseCourseSettings(MINIMAL.replace('---\n', '---\npost_test: true\n'), 'c/course.md');
    expect(settings.completion.postTest).toBe(true);
  });

  it('requires a title and summary in every declared language, pointing at the mapping', () => {
    expect(lines(MINIMAL.replace('  en: Course\n', ''))).toEqual(['2:front-matter.missing-key']);
    expect(lines(MINIMAL.replace('title:\n  es: Curso\n  en: Course', 'title: Curso'))).toEqual(['2:front-matter.wrong-type']);
  });

  it('rejects unknown languages inside a title', () => {
    expect(lines(MINIMAL.replace('  en: Course\n', '  en: Course\n  fr: Cours\n'))).toEqual(['5:front-matter.unknown-key']);
  });

  it('checks languages: a list, not empty, supported, no repeats', () => {
    expect(lines(MINIMAL.replace('languages: [es, en]', 'languages: es'))).toContain('10:front-matter.wrong-type');
    expect(lines(MINIMAL.replace('languages: [es, en]', 'languages: []'))).toContain('10:course.no-languages');
    expect(lines(MINIMAL.replace('languages: [es, en]', 'languages:\n  - es\n  - en\n  - en'))).toEqual(['10:course.duplicate-language']);
  });

  it('gives the line of a nested key', () => {
    const text = MINIMAL.replace('---\n', '---\nquiz:\n  shuffle: true\n  # a comment\n  grading: best\n');
    expect(lines(text)).toEqual(['5:front-matter.bad-value']);
  });

  it('gives the YAML line of a syntax error, with a hint for the usual slips', () => {
    const colon = parseCourseSettings(MINIMAL.replace('  es: Curso', '  es: Curso: uno'), 'c/course.md').problems;
    expect(colon).toMatchObject([{ line: 3, code: 'front-matter.bad-yaml' }]);
    expect(colon[0].message).toContain('put a value that contains ": " in quotes');
    expect(lines(MINIMAL.replace('hours: 2', 'hours: 2\nhours: 3'))).toEqual(['10:front-matter.bad-yaml']);
    const tab = parseCourseSettings(MINIMAL.replace('  es: Resumen', '\tes: Resumen'), 'c/course.md').problems;
    expect(tab).toMatchObject([{ line: 7, code: 'front-matter.bad-yaml' }]);
    expect(tab[0].message).toContain('tabs');
  });

  it('warns when completion requires nothing', () => {
    const text = MINIMAL.replace('---\n', '---\ncompletion:\n  modules: false\n  quizzes: false\n');
    expect(lines(text)).toEqual(['2:course.nothing-required']);
  });

  it('reads the participation rule for bulk participation certificates, 1-100 % of the modules', () => {
    expect(parseCourseSettings(MINIMAL, 'c/course.md').settings.participation).toBeNull();
    const text = MINIMAL.replace('---\n', '---\nparticipation:\n  modules_percent: 50\n');
    expect(lines(text)).toEqual([]);
    expect(parseCourseSettings(text, 'c/course.md').settings.participation).toEqual({ modulesPercent: 50 });
    expect(lines(MINIMAL.replace('---\n', '---\nparticipation:\n  modules_percent: 150\n'))).toEqual(['3:front-matter.out-of-range']);
    expect(lines(MINIMAL.replace('---\n', '---\nparticipation:\n  modules: 50\n'))).toEqual(['3:front-matter.unknown-key', '2:front-matter.missing-key']);
  });

  it('suggests the key an author meant', () => {
    const [problem] = parseCourseSettings(MINIMAL.replace('pass_mark', 'passMark'), 'c/course.md').problems;
    expect(problem).toMatchObject({ code: 'front-matter.unknown-key', params: { key: 'passMark', suggestion: 'pass_mark' } });
  });

  it('accepts hours with decimals but not pass marks with decimals', () => {
    expect(lines(MINIMAL.replace('hours: 2', 'hours: 1.5'))).toEqual([]);
    expect(lines(MINIMAL.replace('pass_mark: 70', 'pass_mark: 70.5'))).toEqual(['11:front-matter.wrong-type']);
  });
});
