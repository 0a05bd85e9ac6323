import { readAnswers, lettersFor } from './answers';
import { attemptsLeft, gradeAnswers, meetsPassMark, overallGrade } from './grade';
import { buildLayout, displayLetter, fitsLayout } from './layout';
import type { AttemptLayout, StoredQuestion } from './quiz.types';
import { effectiveSettings } from './settings';
import { deadlineFor, isLate, minutesLeft, recordedScore } from './timing';

const option = (id: string, correct = false) => ({ id, textHtml: `<p>${id}</p>`, correct });
const questions: StoredQuestion[] = [
  { id: 'q1', type: 'single', promptHtml: '<p>One</p>', options: [option('a', true), option('b'), option('c')] },
  { id: 'q2', type: 'multiple', promptHtml: '<p>Two</p>', options: [option('a', true), option('b', true), option('c'), option('d')] },
  { id: 'q3', type: 'truefalse', promptHtml: '<p>Three</p>', options: [option('a'), option('b', true)] },
  { id: '4', type: 'single', promptHtml: '<p>Four</p>', options: [option('a'), option('b', true)] },
];
const unshuffled: AttemptLayout = buildLayout(questions, false, 1);
const all = { 'q-q1': 'a', 'q-q2': ['a', 'b'], 'q-q3': 'b', 'q-4': 'b' };

describe('buildLayout', () => {
  it('keeps the written order without shuffling', () => {
    expect(unshuffled).toEqual([
      { questionId: 'q1', optionIds: ['a', 'b', 'c'] },
      { questionId: 'q2', optionIds: ['a', 'b', 'c', 'd'] },
      { questionId: 'q3', optionIds: ['a', 'b'] },
      { questionId: '4', optionIds: ['a', 'b'] },
    ]);
  });

  it('gives the same order for the same seed and different orders across seeds', () => {
    expect(buildLayout(questions, true, 42)).toEqual(buildLayout(questions, true, 42));
    const orders = new Set(Array.from({ length: 30 }, (_, seed) => JSON.stringify(buildLayout(questions, true, seed))));
    expect(orders.size).toBeGreaterThan(5);
  });

  it('shuffles only the order: every question and option is still there, true/false stays in order', () => {
    for (let seed = 0; seed < 20; seed += 1) {
      const layout = buildLayout(questions, true, seed);
      expect(fitsLayout(layout, questions)).toBe(true);
      expect(layout.find((entry) => entry.questionId === 'q3')?.optionIds).toEqual(['a', 'b']);
    }
  });

  it('tells whether another version (another language) has the same questions and options', () => {
    expect(fitsLayout(unshuffled, questions.slice(0, 3))).toBe(false);
    const renamed = questions.map((question) => (question.id === 'q1' ? { ...question, id: 'q1-new' } : question));
    expect(fitsLayout(unshuffled, renamed)).toBe(false);
  });
});

describe('readAnswers', () => {
  it('maps display letters to the authored option ids through the attempt layout', () => {
    const layout: AttemptLayout = [{ questionId: 'q1', optionIds: ['c', 'a', 'b'] }];
    const read = readAnswers(layout, questions, { 'q-q1': displayLetter(1) });
    expect(read).toEqual({ answers: { q1: ['a'] }, missing: [], problems: [] });
    expect(lettersFor(layout, read.answers)).toEqual({ q1: ['b'] });
  });

  it('accepts a complete, well-formed submission (including a purely numeric question id)', () => {
    expect(readAnswers(unshuffled, questions, all)).toEqual({
      answers: { q1: ['a'], q2: ['a', 'b'], q3: ['b'], 4: ['b'] },
      missing: [],
      problems: [],
    });
  });

  it('lists unanswered questions by position, without calling them problems', () => {
    expect(readAnswers(unshuffled, questions, { 'q-q2': 'c', 'q-q3': '' })).toMatchObject({ missing: [1, 3, 4], problems: [] });
    expect(readAnswers(unshuffled, questions, undefined).missing).toEqual([1, 2, 3, 4]);
  });

  it.each([
    ['an unknown question', { ...all, 'q-q9': 'a' }, { code: 'unknownQuestion', questionId: 'q-q9' }],
    ['a field without the prefix', { ...all, q1: 'a' }, { code: 'unknownQuestion', questionId: 'q1' }],
    ['an unknown option', { ...all, 'q-q1': 'z' }, { code: 'unknownOption', position: 1 }],
    ['an authored id beyond the shown options', { ...all, 'q-q3': 'c' }, { code: 'unknownOption', position: 3 }],
    ['an array where one answer is expected', { ...all, 'q-q1': ['a', 'b'] }, { code: 'oneAnswerExpected', position: 1 }],
    ['a repeated single answer', { ...all, 'q-q1': ['a', 'a'] }, { code: 'oneAnswerExpected', position: 1 }],
    ['a repeated option in a multiple question', { ...all, 'q-q2': ['a', 'a', 'b'] }, { code: 'repeatedOption', position: 2 }],
    ['a nested object', { ...all, 'q-q1': { x: 'a' } }, { code: 'badValue', position: 1 }],
    [
      'a prototype key',
      JSON.parse('{"__proto__": {"x": 1}, "q-q1": "a"}') as unknown,
      { code: 'unknownQuestion', questionId: '__proto__' },
    ],
  ])('reports %s and grades nothing from it', (_label, raw, problem) => {
    const read = readAnswers(unshuffled, questions, raw);
    expect(read.problems).toContainEqual(problem);
  });

  it('refuses a body that is not an object of answers', () => {
    expect(readAnswers(unshuffled, questions, ['a', 'b']).problems).toEqual([{ code: 'badShape' }]);
    expect(readAnswers(unshuffled, questions, 'a').problems).toEqual([{ code: 'badShape' }]);
  });
});

describe('gradeAnswers', () => {
  it('scores all-or-nothing per question and passes at the mark exactly', () => {
    const read = readAnswers(unshuffled, questions, { ...all, 'q-q2': ['a'] });
    const grade = gradeAnswers(questions, read.answers, 75);
    expect(grade.results.map((result) => result.correct)).toEqual([true, false, true, true]);
    expect(grade).toMatchObject({ questionCount: 4, correctCount: 3, score: 75, passed: true });
    expect(gradeAnswers(questions, read.answers, 76).passed).toBe(false);
  });

  it('never counts a multiple question with every option ticked as right', () => {
    const grade = gradeAnswers(questions, { q2: ['a', 'b', 'c', 'd'] }, 50);
    expect(grade.results[1]).toEqual({ questionId: 'q2', chosen: ['a', 'b', 'c', 'd'], answered: true, correct: false });
  });

  it('counts unanswered questions as wrong', () => {
    expect(gradeAnswers(questions, {}, 50)).toMatchObject({ correctCount: 0, score: 0, passed: false });
  });

  it('compares with the pass mark in whole numbers (2 of 3 is not 67%)', () => {
    expect(meetsPassMark(2, 3, 67)).toBe(false);
    expect(meetsPassMark(2, 3, 66)).toBe(true);
    expect(meetsPassMark(0, 0, 1)).toBe(false);
  });
});

describe('overallGrade', () => {
  const attempts = [
    { id: 11, attemptNumber: 1, score: 60, passed: false },
    { id: 12, attemptNumber: 2, score: 90, passed: true },
    { id: 13, attemptNumber: 3, score: 40, passed: false },
    { id: 14, attemptNumber: 4, score: 90, passed: true },
  ];

  it('highest: the best attempt counts, the earliest on a tie', () => {
    expect(overallGrade(attempts, 'highest')?.id).toBe(12);
    expect(overallGrade(attempts.slice(0, 1), 'highest')?.id).toBe(11);
  });

  it('last: the most recent attempt counts even when lower', () => {
    expect(overallGrade(attempts.slice(0, 3), 'last')?.id).toBe(13);
    expect(overallGrade([...attempts].reverse(), 'last')?.id).toBe(14);
  });

  it('no attempts, no grade', () => {
    expect(overallGrade([], 'highest')).toBeNull();
  });

  it('counts attempts left, null when unlimited', () => {
    expect(attemptsLeft(3, 1)).toBe(2);
    expect(attemptsLeft(3, 5)).toBe(0);
    expect(attemptsLeft(0, 9)).toBeNull();
  });
});

describe('time limits', () => {
  const start = new Date('2026-03-01T10:00:00Z');
  const deadline = deadlineFor(start, 20);
  const at = (minutes: number, seconds = 0) => new Date(start.getTime() + minutes * 60_000 + seconds * 1000);

  it('sets the deadline from the server start time, none without a limit', () => {
    expect(deadline).toEqual(new Date('2026-03-01T10:20:00Z'));
    expect(deadlineFor(start, 0)).toBeNull();
  });

  it('is on time up to the deadline plus the grace, late after it', () => {
    expect(isLate(deadline, at(19))).toBe(false);
    expect(isLate(deadline, at(21))).toBe(false);
    expect(isLate(deadline, at(21, 1))).toBe(true);
    expect(isLate(null, at(5000))).toBe(false);
  });

  it('records a late attempt as 0 and not passed', () => {
    expect(recordedScore({ score: 100, passed: true }, true)).toEqual({ score: 0, passed: false });
    expect(recordedScore({ score: 100, passed: true }, false)).toEqual({ score: 100, passed: true });
  });

  it('shows whole minutes left, never negative', () => {
    expect(minutesLeft(deadline, at(10, 30))).toBe(10);
    expect(minutesLeft(deadline, at(25))).toBe(0);
    expect(minutesLeft(null, at(1))).toBeNull();
  });
});

describe('effectiveSettings', () => {
  const course = {
    passMark: 80,
    quizDefaults: { maxAttempts: 3, grading: 'highest' as const, shuffle: true, timeLimitMinutes: 0, showAnswers: true },
  };

  it('lets a module override the course defaults', () => {
    expect(effectiveSettings(course, { maxAttempts: 1, grading: 'last' }, 'module')).toEqual({
      maxAttempts: 1,
      grading: 'last',
      shuffle: true,
      timeLimitMinutes: 0,
      showAnswers: true,
      passMark: 80,
    });
  });

  it('makes the pre-test one attempt that never reveals answers', () => {
    expect(effectiveSettings(course, {}, 'pre')).toMatchObject({ maxAttempts: 1, showAnswers: false });
    expect(effectiveSettings(course, {}, 'post')).toMatchObject({ maxAttempts: 3, showAnswers: true });
  });

  it('falls back to safe values for damaged settings', () => {
    const damaged = { maxAttempts: -2, timeLimitMinutes: 1.5, passMark: 0 } as unknown as Partial<typeof course.quizDefaults>;
    expect(effectiveSettings({ passMark: 80, quizDefaults: null }, damaged, 'module')).toMatchObject({
      maxAttempts: 0,
      timeLimitMinutes: 0,
      passMark: 80,
    });
  });
});
