import type { ContentProblem, Language, QuizSettings } from './content.types';
import { QUIZ_SETTING_KEYS } from './course-settings';
import { moduleFileName } from './file-names';
import type { ModuleDraft } from './module';
import { createProblem } from './problems';
import { compareQuestionLanguages } from './translations';

/** The versions of one module, in the order of the course's languages (the first is the main one). */
export interface ModuleVersions {
  key: string;
  drafts: ModuleDraft[];
}

/**
 * Checks that need several module files at once: every required (declared)
 * language is present, the languages of a module agree on order, quiz settings and
 * questions, and no two modules share a position.
 */
export function checkModuleConsistency(modules: readonly ModuleVersions[], requiredLanguages: readonly Language[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const moduleByOrder = new Map<number, ModuleDraft>();
  for (const { key, drafts } of modules) {
    const [main, ...others] = drafts;
    if (!main) continue;
    for (const language of requiredLanguages) {
      if (drafts.some((draft) => draft.language === language)) continue;
      const expectedFile = moduleFileName(key, language);
      problems.push(createProblem(main.file, 1, 'module.missing-language', { key, language, expectedFile }));
    }
    for (const other of others) problems.push(...compareVersions(main, other));
    if (main.order === undefined) continue;
    const sameOrder = moduleByOrder.get(main.order);
    if (sameOrder) {
      problems.push(createProblem(main.file, main.lineOf(['order']), 'module.duplicate-order', { order: main.order, otherFile: baseName(sameOrder.file) }));
    } else {
      moduleByOrder.set(main.order, main);
    }
  }
  return problems;
}

function compareVersions(main: ModuleDraft, other: ModuleDraft): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const otherFile = baseName(main.file);
  if (main.order !== undefined && other.order !== undefined && main.order !== other.order) {
    problems.push(createProblem(other.file, other.lineOf(['order']), 'module.order-mismatch', { order: other.order, otherOrder: main.order, otherFile }));
  }
  const mainObjectives = (main.objectives ?? []).map((objective) => objective.id).sort().join(', ');
  const otherObjectives = (other.objectives ?? []).map((objective) => objective.id).sort().join(', ');
  if (main.objectives !== null && other.objectives !== null && mainObjectives !== otherObjectives) {
    problems.push(createProblem(other.file, other.lineOf(['objectives']), 'module.objectives-mismatch', { ids: otherObjectives || '—', otherIds: mainObjectives || '—', otherFile }));
  }
  for (const setting of Object.keys(QUIZ_SETTING_KEYS) as (keyof QuizSettings)[]) {
    const value = other.quizSettings[setting];
    const otherValue = main.quizSettings[setting];
    if (value === otherValue) continue;
    const key = QUIZ_SETTING_KEYS[setting];
    // The override may sit in either file; point at the one that has it.
    const inOther = other.quizOverrides[setting] !== undefined;
    const [file, line] = inOther ? [other.file, other.lineOf(['quiz', key])] : [main.file, main.lineOf(['quiz', key])];
    const params = inOther
      ? { setting: key, value: String(value), otherValue: String(otherValue), otherFile }
      : { setting: key, value: String(otherValue), otherValue: String(value), otherFile: baseName(other.file) };
    problems.push(createProblem(file, line, 'module.quiz-settings-mismatch', params));
  }
  problems.push(...compareQuestionLanguages({ file: main.file, questions: main.rawQuestions }, { file: other.file, questions: other.rawQuestions }));
  return problems;
}

function baseName(path: string): string {
  return path.split('/').pop() ?? path;
}
