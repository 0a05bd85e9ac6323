import type { ContentProblem } from '../parsing';
import { editableFile, normaliseEditorText } from './editable-files';
import { problemList } from './problem-view';

function problem(file: string, line: number, code: string, params: Record<string, string | number> = {}, severity: 'error' | 'warning' = 'error'): ContentProblem {
  return { file, line, code, params, severity, message: `English message for ${code}` };
}

describe('problemList', () => {
  const text = '---\ntitle: Uno\n---\n\n### q1 (single)\n- [ ] A\n';

  it('splits problems between the edited file and the rest of the course, with the offending line as written', () => {
    const list = problemList([
      problem('curso/01-uno.es.md', 6, 'question.no-correct-option', { id: 'q1' }),
      problem('curso/01-uno.en.md', 5, 'translation.correct-mismatch', { id: 'q1' }),
      problem('curso/01-uno.es.md', 2, 'front-matter.unknown-key', { key: 'titel', suggestion: 'title' }, 'warning'),
    ], 'curso', { '01-uno.es.md': text });
    expect(list.errorCount).toBe(2);
    expect(list.warningCount).toBe(1);
    expect(list.here.map((view) => [view.file, view.line, view.source])).toEqual([['01-uno.es.md', 6, '- [ ] A'], ['01-uno.es.md', 2, 'title: Uno']]);
    expect(list.elsewhere.map((view) => [view.file, view.line])).toEqual([['01-uno.en.md', 5]]);
  });

  it('refers each message to its translation, falling back to the English text, and adds the suggested fix', () => {
    const [view] = problemList([problem('curso/course.md', 3, 'front-matter.unknown-key', { key: 'titel', suggestion: 'title' })], 'curso', {}).elsewhere;
    expect(view.message).toEqual({
      key: 'content.problems.front-matter.unknown-key',
      params: { key: 'titel', suggestion: 'title', defaultValue: 'English message for front-matter.unknown-key' },
    });
    expect(view.hint).toEqual({ key: 'content.problemList.didYouMean', params: { suggestion: 'title' } });
  });
});

describe('editableFile', () => {
  const course = { languages: ['es', 'en'], activeModuleKeys: ['01-uno'] };

  it('accepts course.md, the course languages of active modules and the assessment', () => {
    expect(editableFile('course.md', course)).toEqual({ kind: 'course', file: 'course.md' });
    expect(editableFile('01-uno.en.md', course)).toEqual({ kind: 'module', file: '01-uno.en.md', key: '01-uno', language: 'en' });
    expect(editableFile('assessment.es.md', course)).toEqual({ kind: 'assessment', file: 'assessment.es.md', language: 'es' });
  });

  it('refuses anything else', () => {
    for (const name of ['02-dos.es.md', '01-uno.fr.md', 'media/a.png', '../course.md', 'README.md']) expect(editableFile(name, course)).toBeNull();
    expect(editableFile('01-uno.en.md', { languages: ['es'], activeModuleKeys: ['01-uno'] })).toBeNull();
  });

  it('turns the CRLF line ends a browser sends into LF', () => {
    expect(normaliseEditorText('a\r\nb\rc\n')).toBe('a\nb\nc\n');
  });
});
