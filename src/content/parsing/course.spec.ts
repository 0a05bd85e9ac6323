import type { ContentFiles } from './content.types';
import { parseCourseFolder } from './course';

const COURSE = `---
title:
  es: Curso
  en: Course
summary:
  es: Resumen
  en: Summary
topic: other
hours: 0.1
languages: [es, en]
pass_mark: 80
certificate: completion
---
`;

function moduleText(title: string, order: number, extra = ''): string {
  const quiz = '::: quiz\n\n### q1 (single) [o1]\n¿?\n\n- [x] A\n- [ ] B\n\n### q2 (single) [o2]\n¿?\n\n- [ ] C\n- [x] D\n\n:::\n';
  return `---\ntitle: ${title}\nobjectives: { o1: Uno, o2: Dos }\norder: ${order}\n---\n\n## ${title}\n\n${extra}\n\n${quiz}`;
}

function folder(overrides: Record<string, string | Buffer | null> = {}): ContentFiles {
  const files: Record<string, string | Buffer | null> = {
    'course.md': COURSE,
    // Keys say the topic, order says the sequence: 10-cierre comes first on purpose.
    '10-cierre.es.md': moduleText('Cierre', 1, '![mapa](media/mapa.png)'),
    '10-cierre.en.md': moduleText('Closing', 1, '![map](media/mapa.png)'),
    '02-inicio.es.md': moduleText('Inicio', 2),
    '02-inicio.en.md': moduleText('Start', 2),
    'media/mapa.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    ...overrides,
  };
  return new Map(Object.entries(files).filter((entry): entry is [string, string | Buffer] => entry[1] !== null));
}

describe('parseCourseFolder', () => {
  it('builds the whole course with modules sorted by order and every language version', () => {
    const { course, problems } = parseCourseFolder(folder(), 'demo');
    expect(problems).toEqual([]);
    expect(course?.slug).toBe('demo');
    expect(course?.modules.map((module) => [module.key, module.order])).toEqual([
      ['10-cierre', 1],
      ['02-inicio', 2],
    ]);
    expect(Object.keys(course?.modules[0].versions ?? {})).toEqual(['es', 'en']);
    expect(course?.modules[0].versions.en?.lessonHtml).toContain('src="/courses/demo/media/mapa.png"');
    expect(course?.mediaFiles).toEqual(['media/mapa.png']);
    expect(course?.assessment).toBeNull();
  });

  it('changes the course hash when any file changes, and only then', () => {
    const hash = parseCourseFolder(folder(), 'demo').course?.courseSourceHash;
    expect(parseCourseFolder(folder(), 'demo').course?.courseSourceHash).toBe(hash);
    const changed = parseCourseFolder(folder({ 'media/mapa.png': Buffer.from([1, 2, 3]) }), 'demo').course?.courseSourceHash;
    expect(changed).toHaveLength(64);
    expect(changed).not.toBe(hash);
  });

  it('builds nothing when one file has an error, but reports every problem, sorted, with the slug in the path', () => {
    const { course, problems } = parseCourseFolder(
      folder({ '02-inicio.en.md': moduleText('Start', 2).replace('- [x] A', '- [ ] A'), 'notes.txt': 'x' }),
      'demo',
    );
    expect(course).toBeNull();
    expect(problems.map((problem) => `${problem.file}:${problem.line}:${problem.code}`)).toEqual([
      'demo/02-inicio.en.md:13:question.no-correct-option',
      'demo/notes.txt:1:file.ignored',
    ]);
  });

  it('reports a translation that marks a different option as correct', () => {
    const swapped = moduleText('Start', 2).replace('- [x] A', '- [ ] A').replace('- [ ] B', '- [x] B');
    const { problems } = parseCourseFolder(folder({ '02-inicio.en.md': swapped }), 'demo');
    expect(problems.map((problem) => `${problem.file}:${problem.code}`)).toContain('demo/02-inicio.en.md:translation.correct-mismatch');
  });

  it('keeps the course when there are only warnings', () => {
    const { course, problems } = parseCourseFolder(folder({ 'media/otro.png': Buffer.from([1]) }), 'demo');
    expect(problems.map((problem) => problem.code)).toEqual(['media.unused']);
    expect(course).not.toBeNull();
  });

  it('still checks modules when course.md is unusable, in the languages of the files, without warnings that only its defaults would cause', () => {
    const assessment = '---\ntitle: E\n---\n\n::: quiz\n\n### p1 (single)\n¿?\n\n- [x] A\n- [ ] B\n\n:::\n';
    const noQuiz = '---\ntitle: T\nobjectives: { o1: Uno, o2: Dos }\norder: 3\n---\n\nTexto.\n';
    const files = folder({ 'course.md': '---\ntitle: a: b\n---\n', '02-inicio.en.md': null, '03-x.es.md': noQuiz, 'assessment.es.md': assessment });
    // The broken course.md does not hide that 02-inicio has no English file while the other modules have one.
    expect(parseCourseFolder(files, 'demo').problems.map((problem) => `${problem.file}:${problem.code}`)).toEqual([
      'demo/02-inicio.es.md:module.missing-language',
      'demo/03-x.es.md:module.missing-language',
      'demo/course.md:front-matter.bad-yaml',
    ]);
    const broken = folder({ 'course.md': null, '10-cierre.en.md': moduleText('Closing', 1).replace('- [x] A', '- [ ] A\n- [x] C') });
    expect(parseCourseFolder(broken, 'demo').problems.map((problem) => `${problem.file}:${problem.code}`)).toEqual([
      'demo/10-cierre.es.md:translation.option-count-mismatch',
      'demo/course.md:course.missing-course-file',
    ]);
  });

  it('includes present assessments and warns when no test uses them', () => {
    const assessment = '---\ntitle: Evaluación\n---\n\n::: quiz\n\n### p1 (single)\n¿?\n\n- [x] A\n- [ ] B\n\n:::\n';
    const { course, problems } = parseCourseFolder(folder({ 'assessment.es.md': assessment, 'assessment.en.md': assessment }), 'demo');
    expect(problems.map((problem) => `${problem.file}:${problem.code}`)).toEqual([
      'demo/assessment.en.md:assessment.unused',
      'demo/assessment.es.md:assessment.unused',
    ]);
    expect(course?.assessment?.es?.questions).toHaveLength(1);
  });

  it('compares the assessment languages like modules', () => {
    const es = '---\ntitle: E\n---\n\n::: quiz\n\n### p1 (single)\n¿?\n\n- [x] A\n- [ ] B\n\n:::\n';
    const en = es.replace('### p1', '### p2');
    const { problems } = parseCourseFolder(folder({ 'assessment.es.md': es, 'assessment.en.md': en }), 'demo');
    expect(problems.map((problem) => `${problem.file}:${problem.line}:${problem.code}`)).toEqual([
      'demo/assessment.en.md:1:assessment.unused',
      'demo/assessment.en.md:7:translation.question-missing',
      'demo/assessment.es.md:1:assessment.unused',
      'demo/assessment.es.md:7:translation.question-missing',
    ]);
  });

  it('accepts Windows path separators and a leading ./ in the file map', () => {
    const files = new Map([...folder()].map(([path, content]) => [`./${path.replace('/', '\\')}`, content]));
    expect(parseCourseFolder(files, 'demo').problems).toEqual([]);
  });
});
