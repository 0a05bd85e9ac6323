import type { ContentProblem } from './content.types';
import { createProblem } from './problems';
import type { RawQuestion } from './questions';

export interface QuestionSource {
  /** Path used in problems. */
  file: string;
  questions: readonly RawQuestion[];
}

/**
 * Learners switch language without losing their answers, which only works if
 * both files ask the same questions with the same options in the same
 * positions. Problems go to the file where the difference shows.
 */
export function compareQuestionLanguages(main: QuestionSource, other: QuestionSource): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const mainById = new Map(main.questions.map((question) => [question.id, question]));
  const otherById = new Map(other.questions.map((question) => [question.id, question]));
  for (const question of main.questions) {
    if (!otherById.has(question.id)) problems.push(createProblem(main.file, question.line, 'translation.question-missing', { id: question.id, otherFile: baseName(other.file) }));
  }
  for (const question of other.questions) {
    const counterpart = mainById.get(question.id);
    if (!counterpart) {
      problems.push(createProblem(other.file, question.line, 'translation.question-missing', { id: question.id, otherFile: baseName(main.file) }));
    } else {
      problems.push(...compareQuestion(counterpart, question, main.file, other.file));
    }
  }
  const mainOrder = main.questions.map((question) => question.id).filter((id) => otherById.has(id));
  const otherOrder = other.questions.map((question) => question.id).filter((id) => mainById.has(id));
  const firstDifference = otherOrder.findIndex((id, index) => id !== mainOrder[index]);
  if (firstDifference >= 0) {
    const line = otherById.get(otherOrder[firstDifference])?.line ?? 1;
    problems.push(createProblem(other.file, line, 'translation.question-order-mismatch', { otherFile: baseName(main.file) }));
  }
  return problems;
}

function compareQuestion(main: RawQuestion, other: RawQuestion, mainFile: string, otherFile: string): ContentProblem[] {
  const where = { id: other.id, otherFile: baseName(mainFile) };
  if (main.type && other.type && main.type !== other.type) {
    return [createProblem(otherFile, other.line, 'translation.type-mismatch', { ...where, type: other.type, otherType: main.type })];
  }
  if (main.options.length !== other.options.length) {
    return [createProblem(otherFile, other.line, 'translation.option-count-mismatch', { ...where, count: other.options.length, otherCount: main.options.length })];
  }
  if ((main.objective ?? '') !== (other.objective ?? '')) {
    return [createProblem(otherFile, other.line, 'translation.objective-mismatch', { ...where, objective: other.objective ?? '—', otherObjective: main.objective ?? '—' })];
  }
  const correct = correctLetters(other);
  const otherCorrect = correctLetters(main);
  // A side with no correct option already has its own "no correct option" error; comparing would only repeat it.
  if (correct && otherCorrect && correct !== otherCorrect) {
    return [createProblem(otherFile, other.line, 'translation.correct-mismatch', { ...where, correct, otherCorrect })];
  }
  return [];
}

function correctLetters(question: RawQuestion): string {
  const letters = question.options.filter((option) => option.correct).map((option) => option.id);
  return letters.join(', ');
}

function baseName(path: string): string {
  return path.split('/').pop() ?? path;
}
