import { checkItemWriting, correctIsStrictlyLongest, trueFalseKey, visibleText } from './item-writing';
import { ProblemReport } from './problems';
import type { QuestionType } from './content.types';
import type { RawQuestion } from './questions';

let line = 0;
/** options: texts, the correct ones starting with "*". */
function q(id: string, type: QuestionType, options: string[]): RawQuestion {
  line += 10;
  return {
    id, type, objective: null, line, prompt: '¿?', explanation: null, explanationLine: null,
    options: options.map((text, index) => ({
      id: 'abcdefgh'[index], correct: text.startsWith('*'), text: text.replace(/^\*/, ''), feedback: null, line: line + index + 2,
    })),
  };
}
const tf = (id: string, answer: boolean) => q(id, 'truefalse', answer ? ['*Verdadero', 'Falso'] : ['Verdadero', '*Falso']);

function codes(questions: RawQuestion[]): string[] {
  const report = new ProblemReport('x.md');
  checkItemWriting(questions, report);
  return report.problems.map((problem) => problem.code);
}

describe('item-writing warnings', () => {
  it('reads option text as the learner sees it', () => {
    expect(visibleText('**Un** [enlace](https://a.org)  y `código`')).toBe('Un enlace y código');
  });

  describe('quiz.correct-option-longest', () => {
    const longest = (id: string) => q(id, 'single', ['Uno', '*Una respuesta larga', 'Dos']);
    const notLongest = (id: string) => q(id, 'single', ['Una opción distinta', '*Corta', 'Otra opción']);
    it('warns when the key is strictly longest in more than half of the single-choice questions', () => {
      expect(codes([longest('a'), longest('b'), notLongest('c')])).toEqual(['quiz.correct-option-longest']);
    });
    it('accepts exactly half, ties, and a single question', () => {
      expect(codes([longest('a'), notLongest('b')])).toEqual([]);
      expect(correctIsStrictlyLongest(q('t', 'single', ['*Igual', 'igual']))).toBe(false);
      expect(codes([longest('a')])).toEqual([]);
    });
  });

  describe('quiz.true-false-unbalanced', () => {
    it('warns when more than 70% of at least four true/false keys go one way', () => {
      expect(codes([tf('a', false), tf('b', false), tf('c', false), tf('d', true)])).toEqual(['quiz.true-false-unbalanced']);
      expect(codes([tf('a', true), tf('b', true), tf('c', true), tf('d', true)])).toEqual(['quiz.true-false-unbalanced']);
    });
    it('accepts 70% or less, and fewer than four items', () => {
      expect(codes([...[1, 2, 3, 4, 5, 6, 7].map((n) => tf(`t${n}`, true)), tf('f1', false), tf('f2', false), tf('f3', false)])).toEqual([]);
      expect(codes([tf('a', false), tf('b', false), tf('c', false)])).toEqual([]);
    });
    it('recognises the key from the option words in Spanish and English', () => {
      expect(trueFalseKey(q('a', 'truefalse', ['*True', 'False']))).toBe(true);
      expect(trueFalseKey(q('b', 'truefalse', ['Cierto', '*Falso.']))).toBe(false);
      expect(trueFalseKey(q('c', 'truefalse', ['*Sí, debe referir', 'No']))).toBeNull();
    });
  });

  describe('question.all-or-none-of-the-above', () => {
    it('warns about "all/none of the above" in either language', () => {
      for (const text of ['Todas las anteriores', 'ninguna de las anteriores.', 'All of the above', 'None of the above']) {
        expect(codes([q('a', 'single', ['*Una opción real', text, 'Otra opción real'])])).toEqual(['question.all-or-none-of-the-above']);
      }
    });
    it('accepts options that only mention earlier things', () => {
      expect(codes([q('a', 'single', ['*Las instituciones anteriores a 2023', 'Otra opción', 'Una más'])])).toEqual([]);
    });
  });

  describe('quiz.repeated-option', () => {
    it('warns when an option of four words or more repeats in another question of the quiz', () => {
      expect(codes([q('a', 'multiple', ['*Guarda sus propios documentos', 'Viaja con su familia']), q('b', 'single', ['*Debe una deuda alta', 'guarda sus propios documentos.'])]))
        .toEqual(['quiz.repeated-option']);
    });
    it('accepts short options (institutions, numbers) and true/false options repeating', () => {
      expect(codes([q('a', 'single', ['*La PGR', 'La FGR']), q('b', 'single', ['La PGR', '*La FGR']), tf('c', true), tf('d', false)])).toEqual([]);
    });
  });

  describe('question.uneven-options', () => {
    it('warns when the longest option is more than 3 times and more than 40 characters longer than the shortest', () => {
      expect(codes([q('a', 'single', ['*No', 'Una opción bastante larga que ocupa más de cuarenta y cinco letras', 'Otra'])])).toEqual(['question.uneven-options']);
    });
    it('accepts a big ratio with a small difference, and a big difference with a small ratio', () => {
      expect(codes([q('a', 'single', ['*Sí', 'Quizás mañana por la tarde'])])).toEqual([]);
      const long = 'Una opción larga que tiene muchas palabras para leer con calma';
      expect(codes([q('a', 'single', [`*${long}`, long.slice(0, 25)])])).toEqual([]);
    });
  });
});
