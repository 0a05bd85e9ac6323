import type { StoredQuestion } from '../../quizzes/grading/quiz.types';
import { questionLine, questionStatistics, QuizResponse } from './question-stats';

const q = (id: string, type: StoredQuestion['type'], correct: string[], options = ['a', 'b', 'c']): StoredQuestion => ({
  id,
  type,
  promptHtml: id,
  options: options.map((option) => ({ id: option, textHtml: option, correct: correct.includes(option) })),
});

const questions = [q('easy', 'single', ['a']), q('tricky', 'single', ['b']), q('multi', 'multiple', ['a', 'b'])];
const layout = questions.map((question) => ({ questionId: question.id, optionIds: question.options.map((option) => option.id) }));
const response = (score: number, answers: Record<string, string[]>): QuizResponse => ({ score, layout, answers, questions });

// Ten learners, ranked by score. Everyone gets "easy" right. "tricky" is right for the three weakest only
// (the strong ones choose "c"). "multi" is right for the five strongest; one learner leaves it blank.
const responses: QuizResponse[] = [
  response(100, { easy: ['a'], tricky: ['c'], multi: ['a', 'b'] }),
  response(90, { easy: ['a'], tricky: ['c'], multi: ['a', 'b'] }),
  response(80, { easy: ['a'], tricky: ['c'], multi: ['b', 'a'] }),
  response(70, { easy: ['a'], tricky: ['c'], multi: ['a', 'b'] }),
  response(60, { easy: ['a'], tricky: ['a'], multi: ['a', 'b'] }),
  response(50, { easy: ['a'], tricky: ['a'], multi: ['a'] }),
  response(40, { easy: ['a'], tricky: ['a'], multi: ['a', 'c'] }),
  response(30, { easy: ['a'], tricky: ['b'], multi: [] }),
  response(20, { easy: ['a'], tricky: ['b'], multi: ['c'] }),
  response(10, { easy: ['a'], tricky: ['b'], multi: ['a'] }),
];

describe('question statistics', () => {
  const stats = questionStatistics(questions, responses);
  const byId = (id: string) => stats.find((item) => item.questionId === id)!;

  it('counts answers and the share correct', () => {
    expect(byId('easy')).toMatchObject({ presented: 10, answered: 10, correct: 10, shareCorrect: 1 });
    expect(byId('tricky')).toMatchObject({ answered: 10, correct: 3, shareCorrect: 0.3 });
    expect(byId('multi')).toMatchObject({ presented: 10, answered: 9, correct: 5, shareCorrect: 0.556 });
  });

  it('computes the discrimination index from the upper and lower 27% by total score', () => {
    // 27% of 10 learners = 3 in each group.
    expect(byId('easy').discrimination).toBe(0);
    expect(byId('tricky').discrimination).toBe(-1);
    expect(byId('multi').discrimination).toBe(1);
  });

  it('counts how often each option of a single-choice question was chosen, and none for multiple choice', () => {
    expect(byId('tricky').options).toEqual([
      { optionId: 'a', chosen: 3, share: 0.3, correct: false },
      { optionId: 'b', chosen: 3, share: 0.3, correct: true },
      { optionId: 'c', chosen: 4, share: 0.4, correct: false },
    ]);
    expect(byId('multi').options).toBeNull();
  });

  it('flags questions everyone gets right, almost everyone gets wrong, or strong learners miss more', () => {
    expect(byId('easy').flags).toEqual(['tooEasy']);
    expect(byId('tricky').flags).toEqual(['negativeDiscrimination']);
    expect(byId('multi').flags).toEqual([]);
    const hard = questionStatistics(
      [q('hard', 'single', ['c'])],
      responses.slice(0, 6).map((r) => ({
        ...r,
        layout: [{ questionId: 'hard', optionIds: ['a', 'b', 'c'] }],
        answers: { hard: ['a'] },
        questions: [q('hard', 'single', ['c'])],
      })),
    );
    expect(hard[0].flags).toEqual(['tooHard']);
  });

  it('flags nothing and gives no index on fewer than five responses', () => {
    const few = questionStatistics(questions, responses.slice(0, 4));
    expect(few.every((item) => item.flags.length === 0 && item.discrimination === null)).toBe(true);
  });

  it('grades each response against the version it answered', () => {
    const old = [q('easy', 'single', ['b']), questions[1], questions[2]];
    const mixed = [...responses.slice(0, 5), ...responses.slice(5).map((r) => ({ ...r, questions: old }))];
    expect(questionStatistics(questions, mixed)[0].correct).toBe(5);
  });

  it('finds the line of a question heading in the module file', () => {
    const text = '---\ntitle: x\n---\n\n::: quiz\n\n### q-1 (single)\nPrompt\n- [x] a\n\n### q-10 (vf)\n';
    expect(questionLine(text, 'q-1')).toBe(7);
    expect(questionLine(text, 'q-10')).toBe(11);
    expect(questionLine(text, 'nope')).toBeNull();
  });
});
