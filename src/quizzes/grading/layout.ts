import type { AttemptLayout, StoredQuestion } from './quiz.types';

/** Small deterministic PRNG (mulberry32): the same seed always gives the same order. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/**
 * The order of questions and options for one attempt. With shuffling on, the
 * order depends only on the seed, so an attempt keeps its order on every reload.
 * True/false options keep their written order: "True, False" reads naturally.
 */
export function buildLayout(questions: readonly StoredQuestion[], shuffle: boolean, seed: number): AttemptLayout {
  const random = seededRandom(seed);
  const ordered = shuffle ? shuffled(questions, random) : [...questions];
  return ordered.map((question) => {
    const optionIds = question.options.map((option) => option.id);
    return { questionId: question.id, optionIds: shuffle && question.type !== 'truefalse' ? shuffled(optionIds, random) : optionIds };
  });
}

/**
 * Letters by display position ('a' is whatever is shown first). The form posts
 * these, never the authored option ids: authors often write the right answer
 * first, so sending its authored id would give it away once options are shuffled.
 */
export function displayLetter(position: number): string {
  return String.fromCharCode(97 + position);
}

/** Whether a version of the module (e.g. the other language) has exactly the questions and options of the layout. */
export function fitsLayout(layout: AttemptLayout, questions: readonly StoredQuestion[]): boolean {
  const byId = new Map(questions.map((question) => [question.id, question]));
  if (byId.size !== layout.length) return false;
  return layout.every((entry) => {
    const question = byId.get(entry.questionId);
    if (!question || question.options.length !== entry.optionIds.length) return false;
    const ids = new Set(question.options.map((option) => option.id));
    return entry.optionIds.every((id) => ids.has(id));
  });
}
