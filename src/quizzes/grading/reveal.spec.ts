import { mayRevealAnswers } from './reveal';

describe('mayRevealAnswers', () => {
  const base = { showAnswers: true, passed: false, attemptsLeft: 2 };

  it('never reveals the pre-test, nor any quiz whose answers are not to be shown', () => {
    expect(mayRevealAnswers({ ...base, kind: 'pre', passed: true, attemptsLeft: 0 })).toBe(false);
    expect(mayRevealAnswers({ ...base, kind: 'module', showAnswers: false })).toBe(false);
    expect(mayRevealAnswers({ ...base, kind: 'post', showAnswers: false, passed: true })).toBe(false);
  });

  it('reveals the post-test only after a pass or the last attempt', () => {
    expect(mayRevealAnswers({ ...base, kind: 'post' })).toBe(false);
    expect(mayRevealAnswers({ ...base, kind: 'post', attemptsLeft: null })).toBe(false); // unlimited attempts: only a pass reveals
    expect(mayRevealAnswers({ ...base, kind: 'post', attemptsLeft: 0 })).toBe(true);
    expect(mayRevealAnswers({ ...base, kind: 'post', passed: true })).toBe(true);
  });

  it('reveals module quizzes after every attempt when the setting allows', () => {
    expect(mayRevealAnswers({ ...base, kind: 'module' })).toBe(true);
  });
});
