import { estimateCourseMinutes, estimateMinutes, hoursDisagree, MINUTES_PER_QUESTION, READING_WORDS_PER_MINUTE } from './reading-time';

describe('estimateMinutes', () => {
  it('counts lesson words at 180 words a minute plus one minute per question, rounded up', () => {
    expect(READING_WORDS_PER_MINUTE).toBe(180);
    expect(MINUTES_PER_QUESTION).toBe(1);
    expect(estimateMinutes({ words: 1800, questions: 5 })).toBe(15);
    expect(estimateMinutes({ words: 1801, questions: 5 })).toBe(16);
    expect(estimateMinutes({ words: 90, questions: 0 })).toBe(1);
  });

  it('never gives less than one minute', () => {
    expect(estimateMinutes({ words: 0, questions: 0 })).toBe(1);
  });
});

describe('estimateCourseMinutes', () => {
  it('adds the modules and each offered test (questions only)', () => {
    expect(estimateCourseMinutes([20, 30], null)).toBe(50);
    expect(estimateCourseMinutes([20, 30], { questions: 12, preTest: true, postTest: true })).toBe(74);
    expect(estimateCourseMinutes([20, 30], { questions: 12, preTest: false, postTest: true })).toBe(62);
    expect(estimateCourseMinutes([20, 30], { questions: 12, preTest: false, postTest: false })).toBe(50);
  });
});

describe('hoursDisagree', () => {
  it('is true only when the declared hours are below half or above one and a half times the computed time', () => {
    expect(hoursDisagree(1, 120)).toBe(false); // exactly half
    expect(hoursDisagree(0.9, 120)).toBe(true);
    expect(hoursDisagree(3, 120)).toBe(false); // exactly one and a half
    expect(hoursDisagree(3.5, 120)).toBe(true);
    expect(hoursDisagree(4, 0)).toBe(false);
  });
});
