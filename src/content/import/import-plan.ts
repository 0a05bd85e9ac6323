import type { ContentChangeAction } from '../authoring/entities/content-change.entity';
import type { ModuleKind } from '../entities/course-module.entity';
import { COURSE_FILE, CourseRecord, ModuleRecord, VersionRecord } from './course-mapping';

/** What the database holds for one course, as far as the importer needs to compare. */
export interface StoredCourseState {
  id: number;
  sourceHash: string;
  hasSourceText: boolean;
  modules: StoredModuleState[];
  media: { path: string; sha256: string }[];
}

export interface StoredModuleState {
  id: number;
  key: string;
  kind: ModuleKind;
  position: number;
  minutes: number;
  active: boolean;
  /** The current version of each language. */
  current: Record<string, StoredVersionState>;
  /** Highest version number ever used per language (numbers are never reused). */
  maxVersion: Record<string, number>;
}

export type StoredVersionState = Pick<VersionRecord, 'title' | 'sourceHash' | 'lessonHtml' | 'questions' | 'quizSettings' | 'objectives'> & { id: number; version: number };

export interface MediaRecord {
  path: string;
  sha256: string;
}

export interface PlannedChange {
  file: string;
  action: ContentChangeAction;
  version: number | null;
}

export interface ModulePlan {
  key: string;
  /** Null for a module the course does not have yet. */
  moduleId: number | null;
  /** Row values to write; null when the row stays as it is. */
  row: { kind: ModuleKind; position: number; minutes: number; active: boolean } | null;
  /** New versions, each replacing the current one of its language. */
  newVersions: (VersionRecord & { version: number })[];
  /** Languages the course no longer has for this module: their current version stops being current. */
  retiredLanguages: string[];
}

export interface ImportPlan {
  course: 'create' | 'update' | 'keep';
  modules: ModulePlan[];
  /** Modules no longer in the folder: kept (attempts point at them) but inactive. */
  deactivate: number[];
  media: { write: string[]; remove: string[] };
  changes: PlannedChange[];
}

/** Languages in the course's order (then any it no longer lists), so the history reads the same every time. */
function inCourseOrder(languages: string[], courseLanguages: string[]): string[] {
  const rank = (language: string) => (courseLanguages.includes(language) ? courseLanguages.indexOf(language) : courseLanguages.length);
  return [...languages].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
}

/** Same stored content: nothing a learner or an attempt could see would differ. */
function sameVersion(stored: StoredVersionState, record: VersionRecord): boolean {
  return stored.sourceHash === record.sourceHash
    && stored.title === record.title
    && stored.lessonHtml === record.lessonHtml
    && JSON.stringify(stored.questions) === JSON.stringify(record.questions)
    && JSON.stringify(stored.quizSettings) === JSON.stringify(record.quizSettings)
    && JSON.stringify(stored.objectives ?? null) === JSON.stringify(record.objectives);
}

function planModule(record: ModuleRecord, stored: StoredModuleState | undefined, changes: PlannedChange[]): ModulePlan {
  const newVersions: ModulePlan['newVersions'] = [];
  for (const version of record.versions) {
    const current = stored?.current[version.language];
    if (current && sameVersion(current, version)) continue;
    const number = (stored?.maxVersion[version.language] ?? 0) + 1;
    newVersions.push({ ...version, version: number });
    changes.push({ file: record.files[version.language], action: number === 1 ? 'created' : 'updated', version: number });
  }
  const languages = new Set(record.versions.map((version) => version.language));
  const retiredLanguages = stored ? Object.keys(stored.current).filter((language) => !languages.has(language)).sort() : [];
  const wanted = { kind: record.kind, position: record.position, minutes: record.minutes, active: true };
  const rowChanged = !stored || stored.kind !== wanted.kind || stored.position !== wanted.position || stored.minutes !== wanted.minutes || !stored.active;
  if (stored && !stored.active) {
    for (const language of languages) changes.push({ file: record.files[language], action: 'reactivated', version: null });
  }
  return { key: record.key, moduleId: stored?.id ?? null, row: rowChanged ? wanted : null, newVersions, retiredLanguages };
}

/**
 * Compares a valid parsed course with what is stored and lists the writes that
 * bring the database in line, and nothing else: an unchanged folder gives an
 * empty plan, so importing twice writes nothing.
 */
export function planCourseImport(course: CourseRecord, modules: ModuleRecord[], media: MediaRecord[], stored: StoredCourseState | null): ImportPlan {
  const changes: PlannedChange[] = [];
  const courseAction = !stored ? 'create' : stored.sourceHash !== course.sourceHash || !stored.hasSourceText ? 'update' : 'keep';
  if (courseAction !== 'keep') changes.push({ file: COURSE_FILE, action: courseAction === 'create' ? 'created' : 'updated', version: null });

  const storedByKey = new Map((stored?.modules ?? []).map((module) => [module.key, module]));
  const modulePlans = modules
    .map((record) => planModule(record, storedByKey.get(record.key), changes))
    .filter((plan) => plan.row || plan.newVersions.length || plan.retiredLanguages.length);
  for (const plan of modulePlans) {
    for (const language of plan.retiredLanguages) changes.push({ file: `${plan.key}.${language}.md`, action: 'deactivated', version: null });
  }

  const wantedKeys = new Set(modules.map((module) => module.key));
  const leaving = (stored?.modules ?? []).filter((module) => module.active && !wantedKeys.has(module.key));
  for (const module of leaving) {
    for (const language of inCourseOrder(Object.keys(module.current), course.languages)) {
      changes.push({ file: `${module.key}.${language}.md`, action: 'deactivated', version: null });
    }
  }

  const storedMedia = new Map((stored?.media ?? []).map((file) => [file.path, file.sha256]));
  const write = media.filter((file) => storedMedia.get(file.path) !== file.sha256).map((file) => file.path);
  for (const path of write) changes.push({ file: path, action: storedMedia.has(path) ? 'updated' : 'created', version: null });
  const wantedMedia = new Set(media.map((file) => file.path));
  const remove = [...storedMedia.keys()].filter((path) => !wantedMedia.has(path));
  for (const path of remove) changes.push({ file: path, action: 'deleted', version: null });

  return { course: courseAction, modules: modulePlans, deactivate: leaving.map((module) => module.id), media: { write, remove }, changes };
}

export function isEmptyPlan(plan: ImportPlan): boolean {
  return plan.course === 'keep' && !plan.modules.length && !plan.deactivate.length && !plan.media.write.length && !plan.media.remove.length;
}
