import type { ContentProblem } from './content.types';
import { defaultCourseSettings } from './course-settings';
import { parseModuleText } from './module';
import { sha256 } from './source-text';

const settings = { ...defaultCourseSettings(), languages: ['es' as const], quiz: { ...defaultCourseSettings().quiz, maxAttempts: 3 } };

const VALID = `---
title: Conceptos clave
objectives: { o1: "Nombrar los tres elementos", o2: "Explicar el consentimiento" }
order: 1
quiz:
  max_attempts: 2
---

## Introducción

Vea el [módulo 2](02-indicadores.md) y ![la ruta](media/ruta.png).

::: quiz

### q1 (unica) [o1]
¿Cuáles son los tres elementos?

- [x] Un acto, un medio y un fin
  > Correcto: artículo 3.
  > Segunda línea.
- [ ] El cruce de una frontera
  y un pago
- [ ] Solo el traslado

Explicación: El artículo 3...

Y un segundo párrafo.

### q2 (vf) [o2]
El consentimiento no cuenta si hubo engaño.

- [x] Verdadero
\t> Sí.
- [ ] Falso

:::
`;

function codesAndLines(problems: ContentProblem[]): string[] {
  return problems.map((problem) => `${problem.line}:${problem.code}`);
}

describe('parseModuleText', () => {
  it('parses a valid module into rendered HTML, questions and merged quiz settings', () => {
    const { module, problems } = parseModuleText(VALID, '01-conceptos.es.md', settings, { slug: 'trata' });
    expect(problems).toEqual([]);
    expect(module).toMatchObject({ key: '01-conceptos', language: 'es', title: 'Conceptos clave', minutes: 3, order: 1 });
    expect(module?.objectives).toEqual([{ id: 'o1', text: 'Nombrar los tres elementos' }, { id: 'o2', text: 'Explicar el consentimiento' }]);
    expect(module?.questions.map((question) => question.objective)).toEqual(['o1', 'o2']);
    expect(module?.quizSettings).toEqual({ ...settings.quiz, maxAttempts: 2 });
    expect(module?.lessonHtml).toContain('<a href="/courses/trata/modules/02-indicadores">módulo 2</a>');
    expect(module?.lessonHtml).toContain('<img src="/courses/trata/media/ruta.png" alt="la ruta" />');
    expect(module?.lessonHtml).not.toContain('quiz');
    expect(module?.sourceHash).toBe(sha256(VALID));
    expect(module?.sourceText).toBe(VALID);
  });

  it('reads questions: ids, aliases, option letters, feedback, continuation lines and explanations', () => {
    const { module } = parseModuleText(VALID, '01-conceptos.es.md', settings);
    const [first, second] = module?.questions ?? [];
    expect(first).toMatchObject({ id: 'q1', type: 'single', line: 15, promptHtml: '<p>¿Cuáles son los tres elementos?</p>' });
    expect(first.options.map((option) => [option.id, option.correct])).toEqual([
      ['a', true],
      ['b', false],
      ['c', false],
    ]);
    expect(first.options[0].feedbackHtml).toBe('Correcto: artículo 3.\nSegunda línea.');
    expect(first.options[1].textHtml).toBe('El cruce de una frontera\ny un pago');
    expect(first.options[1].feedbackHtml).toBeUndefined();
    expect(first.explanationHtml).toBe('<p>El artículo 3...</p>\n<p>Y un segundo párrafo.</p>');
    expect(second).toMatchObject({ id: 'q2', type: 'truefalse', line: 29 });
    expect(second.options[0].feedbackHtml).toBe('Sí.'); // a tab indents feedback too
    expect(second.explanationHtml).toBeUndefined();
  });

  it('counts lines the same with Windows line endings and a byte order mark', () => {
    const broken = VALID.replace('- [x] Verdadero', '- [ ] Verdadero');
    const windows = `\uFEFF${broken.replace(/\n/g, '\r\n')}`;
    expect(codesAndLines(parseModuleText(windows, '01-conceptos.es.md', settings).problems)).toEqual(['29:question.no-correct-option']);
  });

  it('returns no module when there is an error, and reports it against the given file name', () => {
    const { module, problems } = parseModuleText(VALID.replace('order: 1', 'order: 0'), 'trata/01-conceptos.es.md', settings);
    expect(module).toBeNull();
    expect(problems).toMatchObject([{ file: 'trata/01-conceptos.es.md', line: 4, code: 'front-matter.out-of-range', severity: 'error' }]);
    expect(problems[0].params).toMatchObject({ key: 'order', value: 0, min: 1 });
    expect(problems[0].message).toBe('"order" must be at least 1; it is 0');
  });

  it('still returns the module when there are only warnings', () => {
    const { module, problems } = parseModuleText(VALID.replace('## Introducción', '# Introducción'), '01-conceptos.es.md', settings);
    expect(codesAndLines(problems)).toEqual(['9:lesson.level-1-heading']);
    expect(module?.lessonHtml).toContain('<h2>Introducción</h2>');
  });

  it('warns when the file is in a language the course does not declare', () => {
    expect(codesAndLines(parseModuleText(VALID, '01-conceptos.en.md', settings).problems)).toEqual(['1:file.undeclared-language']);
  });

  it('refuses a file name that is not a module name', () => {
    const { module, problems } = parseModuleText(VALID, 'conceptos.md', settings);
    expect(module).toBeNull();
    expect(codesAndLines(problems)).toEqual(['1:file.bad-name']);
  });

  it('checks links for existence only when it knows the course modules and media', () => {
    expect(parseModuleText(VALID, '01-conceptos.es.md', settings).problems).toEqual([]);
    const known = { slug: 'trata', moduleKeys: ['01-conceptos'], mediaFiles: [] };
    expect(codesAndLines(parseModuleText(VALID, '01-conceptos.es.md', settings, known).problems)).toEqual([
      '11:link.missing-module',
      '11:link.missing-media',
    ]);
  });

  it('does not take a ::: quiz inside a code example for a quiz', () => {
    const text = '---\ntitle: T\nobjectives: { o1: Uno, o2: Dos }\norder: 1\n---\n\n## Ejemplo\n\n```\n::: quiz\n### q1 (single)\n:::\n```\n';
    const { module, problems } = parseModuleText(text, '01-a.es.md', { ...settings, completion: { ...settings.completion, quizzes: false } });
    expect(problems).toEqual([]);
    expect(module?.questions).toEqual([]);
    expect(module?.lessonHtml).toContain('<pre><code>::: quiz');
  });

  it('warns about a module without a quiz only when the course requires passing quizzes', () => {
    const text = '---\ntitle: T\nobjectives: { o1: Uno, o2: Dos }\norder: 1\n---\n\nTexto.\n';
    expect(codesAndLines(parseModuleText(text, '01-a.es.md', settings).problems)).toEqual(['1:module.no-quiz']);
    const lenient = { ...settings, completion: { ...settings.completion, quizzes: false } };
    expect(parseModuleText(text, '01-a.es.md', lenient).problems).toEqual([]);
  });

  it('reports a missing front matter without cascading into missing keys', () => {
    const { problems } = parseModuleText('## Sin ajustes\n\nTexto.\n', '01-a.es.md', { ...settings, completion: { ...settings.completion, quizzes: false } });
    expect(codesAndLines(problems)).toEqual(['1:front-matter.missing']);
  });

  it('accepts Spanish and accented type aliases in any case', () => {
    const text = VALID.replace('(unica)', '(ÚNICA)').replace('(vf)', '(Múltiple)');
    const { module, problems } = parseModuleText(text, '01-conceptos.es.md', settings);
    expect(problems).toEqual([]);
    expect(module?.questions.map((question) => question.type)).toEqual(['single', 'multiple']);
  });

  it('renders hostile Markdown inside questions inert', () => {
    const text = VALID.replace('¿Cuáles son los tres elementos?', '<img src=x onerror=alert(1)> [x](javascript:alert(1))');
    const { module, problems } = parseModuleText(text, '01-conceptos.es.md', settings);
    expect(codesAndLines(problems)).toEqual(['16:lesson.raw-html', '16:link.disallowed-scheme']);
    expect(module).toBeNull();
  });
});
