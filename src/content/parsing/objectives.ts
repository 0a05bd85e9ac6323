import type { LearningObjective } from './content.types';
import type { ProblemReport } from './problems';
import type { RawQuestion } from './questions';
import { isMapping, type SettingsReader } from './settings-reader';

/** A module states this many learning objectives (a guideline: outside it is a warning). */
export const MIN_OBJECTIVES = 2;
export const MAX_OBJECTIVES = 4;
const OBJECTIVE_ID = /^[A-Za-z0-9-]{1,30}$/;
/** An assessment question's tag: module number and objective, "01:o1". */
const ASSESSMENT_TAG = /^(\d{2}):([A-Za-z0-9-]{1,30})$/;

/**
 * Reads `objectives:` (a map of id -> text) from a module's front matter.
 * null when the key is absent (reported as a warning, so courses written
 * before objectives existed still import) or unusable (already reported).
 */
export function readObjectives(reader: SettingsReader): LearningObjective[] | null {
  if (!reader.has(['objectives'])) {
    reader.addAt([], 'module.no-objectives', { min: MIN_OBJECTIVES, max: MAX_OBJECTIVES });
    return null;
  }
  const mapping = reader.value(['objectives']);
  if (!isMapping(mapping)) {
    reader.wrongType(['objectives'], 'a list of "id: text" lines, indented under objectives:', mapping);
    return null;
  }
  const objectives: LearningObjective[] = [];
  for (const id of Object.keys(mapping)) {
    const path = ['objectives', id];
    if (!OBJECTIVE_ID.test(id)) {
      reader.addAt(path, 'objective.bad-id', { id });
      continue;
    }
    const text = reader.text(path, true);
    if (text !== undefined) objectives.push({ id, text });
  }
  const count = Object.keys(mapping).length;
  if (count < MIN_OBJECTIVES || count > MAX_OBJECTIVES) reader.addAt(['objectives'], 'module.objective-count', { count, min: MIN_OBJECTIVES, max: MAX_OBJECTIVES });
  return objectives;
}

/**
 * In a module, every question names one of the module's objectives and every
 * objective is assessed by at least one question. Without declared
 * objectives there is nothing to check against (module.no-objectives says so).
 */
export function checkModuleObjectives(
  objectives: readonly LearningObjective[] | null,
  questions: readonly RawQuestion[],
  report: ProblemReport,
  lineOfObjective: (id: string) => number,
): void {
  if (objectives === null) return;
  const declared = new Set(objectives.map((objective) => objective.id));
  const assessed = new Set<string>();
  for (const question of questions) {
    if (question.objective === null) {
      report.add(question.line, 'question.missing-objective', { id: question.id, example: objectives[0]?.id ?? 'o1' });
    } else if (!declared.has(question.objective)) {
      report.add(question.line, 'question.unknown-objective', { id: question.id, tag: question.objective, allowed: [...declared].join(', ') || '—' });
    } else {
      assessed.add(question.objective);
    }
  }
  if (questions.length === 0) return;
  for (const objective of objectives) {
    if (!assessed.has(objective.id)) report.add(lineOfObjective(objective.id), 'objective.no-question', { objective: objective.id });
  }
}

/**
 * In an assessment, a tag is optional and names a module by its number and
 * one of its objectives: "[01:o1]". `moduleObjectives` (module number ->
 * objective ids) is null when the rest of the course is not known.
 */
export function checkAssessmentTags(questions: readonly RawQuestion[], moduleObjectives: ReadonlyMap<string, ReadonlySet<string>> | null, report: ProblemReport): void {
  for (const question of questions) {
    if (question.objective === null) continue;
    const tag = ASSESSMENT_TAG.exec(question.objective);
    if (!tag) {
      report.add(question.line, 'question.bad-assessment-tag', { id: question.id, tag: question.objective });
      continue;
    }
    if (!moduleObjectives) continue;
    const [, moduleNumber, objective] = tag;
    const known = moduleObjectives.get(moduleNumber);
    if (!known) report.add(question.line, 'question.unknown-module-objective', { id: question.id, tag: question.objective, module: moduleNumber, objective, reason: 'module' });
    else if (!known.has(objective)) {
      report.add(question.line, 'question.unknown-module-objective', { id: question.id, tag: question.objective, module: moduleNumber, objective, reason: 'objective' });
    }
  }
}

/** "01" for module "01-conceptos": the number assessment tags use. */
export function moduleNumber(key: string): string {
  return key.slice(0, 2);
}
