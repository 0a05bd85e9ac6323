import { readAnswers } from './grading/answers';
import { gradeAnswers } from './grading/grade';
import { buildLayout } from './grading/layout';
import type { StoredQuestion } from './grading/quiz.types';
import { formQuestions, resultQuestions } from './quiz-view';

const questions: StoredQuestion[] = [
  {
    id: 'q1',
    type: 'single',
    promptHtml: '<p>Prompt one</p>',
    explanationHtml: '<p>SECRET-EXPLANATION</p>',
    options: [
      { id: 'a', textHtml: '<p>Right</p>', correct: true, feedbackHtml: '<p>SECRET-FEEDBACK-A</p>' },
      { id: 'b', textHtml: '<p>Wrong</p>', correct: false, feedbackHtml: '<p>SECRET-FEEDBACK-B</p>' },
    ],
  },
  {
    id: 'q2',
    type: 'multiple',
    promptHtml: '<p>Prompt two</p>',
    options: [
      { id: 'a', textHtml: 'x', correct: true },
      { id: 'b', textHtml: 'y', correct: true },
      { id: 'c', textHtml: 'z', correct: false },
    ],
  },
];

describe('formQuestions', () => {
  it('carries prompts and option texts only: no correctness, feedback or explanation', () => {
    const form = formQuestions(buildLayout(questions, true, 7), questions);
    const serialized = JSON.stringify(form);
    expect(serialized).not.toMatch(/correct|SECRET|feedback|explanation/i);
    expect(form.map((question) => question.field).sort()).toEqual(['answers[q-q1]', 'answers[q-q2]']);
  });

  it('posts display letters, so the value of an option says nothing about its authored position', () => {
    const layout = [{ questionId: 'q1', optionIds: ['b', 'a'] }];
    const [question] = formQuestions(layout, questions);
    expect(question.options.map((option) => [option.value, option.textHtml])).toEqual([
      ['a', '<p>Wrong</p>'],
      ['b', '<p>Right</p>'],
    ]);
  });

  it('ticks the options the learner had chosen when the form comes back', () => {
    const layout = buildLayout(questions, false, 1);
    const [, second] = formQuestions(layout, questions, { q2: ['a', 'c'] });
    expect(second.options.map((option) => option.checked)).toEqual([true, false, true]);
    expect(second.multiple).toBe(true);
  });
});

describe('resultQuestions', () => {
  const layout = buildLayout(questions, false, 1);
  const read = readAnswers(layout, questions, { 'q-q1': 'b', 'q-q2': ['a', 'b'] });
  const grade = gradeAnswers(questions, read.answers, 50);

  it('reveals right options, feedback and explanation when allowed', () => {
    const [first] = resultQuestions(layout, questions, questions, grade.results, { reveal: true, showOutcome: true });
    expect(first).toMatchObject({ correct: false, answered: true, explanationHtml: '<p>SECRET-EXPLANATION</p>' });
    expect(first.options).toEqual([
      { letter: 'A', textHtml: '<p>Right</p>', chosen: false, isCorrect: true, feedbackHtml: '<p>SECRET-FEEDBACK-A</p>' },
      { letter: 'B', textHtml: '<p>Wrong</p>', chosen: true, isCorrect: false, feedbackHtml: '<p>SECRET-FEEDBACK-B</p>' },
    ]);
  });

  it('keeps them hidden otherwise, showing only what the learner chose', () => {
    const shown = resultQuestions(layout, questions, questions, grade.results, { reveal: false, showOutcome: true });
    expect(JSON.stringify(shown)).not.toMatch(/SECRET/);
    expect(shown.flatMap((question) => question.options).some((option) => option.isCorrect)).toBe(false);
    expect(shown[1]).toMatchObject({ correct: true, showOutcome: true });
  });

  it('takes texts from the reader-language version and the truth from the graded one', () => {
    const english = questions.map((question) => ({
      ...question,
      promptHtml: `EN ${question.promptHtml}`,
      options: question.options.map((option) => ({ ...option, correct: false })),
    }));
    const [first] = resultQuestions(layout, questions, english, grade.results, { reveal: true, showOutcome: true });
    expect(first.promptHtml).toBe('EN <p>Prompt one</p>');
    expect(first.options[0].isCorrect).toBe(true);
  });
});
