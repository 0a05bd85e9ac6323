import { formatProblem } from '../parsing';
import type { CourseImportResult } from './content-import.service';

/** Log lines for an import of the content folder: one per course, then the problems of refused courses. */
export function summariseImport(results: CourseImportResult[]): { lines: string[]; warnings: string[] } {
  const lines: string[] = [];
  const warnings: string[] = [];
  for (const result of results) {
    if (result.status === 'invalid') {
      const errors = result.problems.filter((problem) => problem.severity === 'error').length;
      warnings.push(`${result.slug}: not imported, ${errors} error(s); the previous version stays live`);
      warnings.push(...result.problems.map((problem) => `  ${formatProblem(problem)}`));
    } else if (result.status === 'failed') {
      warnings.push(`${result.slug}: not imported, the database refused the change (${result.reason}); the previous version stays live`);
    } else if (result.status === 'missing') {
      warnings.push(`${result.slug}: not imported, the course does not exist`);
    } else {
      const files = result.changes.length ? ` (${result.changes.length} file change(s))` : '';
      lines.push(`${result.slug}: ${result.status}${files}`);
    }
  }
  const count = (status: string) => results.filter((result) => result.status === status).length;
  lines.push(`Content: ${results.length} course(s): ${count('created')} created, ${count('updated')} updated, ${count('unchanged')} unchanged, ${count('invalid') + count('failed')} refused`);
  return { lines, warnings };
}
