import type { MessageRef } from '../../common/errors';
import { ParsedRow, REQUIRED_FOR_NEW_ACCOUNT } from './bulk-rows';

/**
 * What happens to a row. The preview and the result use the same codes, so
 * they can be compared row by row; only the tense of the wording differs.
 */
export type RowOutcome = 'newAccount' | 'enrolExisting' | 'alreadyEnrolled' | 'error';

/** What the database says about a row's email, read just before planning. */
export interface AccountState {
  userId: number;
  /** Status of the account's enrolment in this cohort, if any. */
  statusHere: string | null;
  /** Name of another cohort of the same course where the account is active. */
  activeElsewhere: string | null;
}

export interface PlannedRow {
  line: number;
  email: string;
  name: string;
  outcome: RowOutcome;
  messages: MessageRef[];
  userId?: number;
}

export interface PlanContext {
  accounts: Map<string, AccountState>;
  /** null: no capacity limit. */
  seatsLeft: number | null;
  /** The cohort no longer takes anyone (archived or finished): every would-be enrolment is an error. */
  closedReason?: 'archived' | 'ended' | null;
}

/** Decides every row in file order; seats go to the first rows that need one. */
export function planRows(rows: ParsedRow[], context: PlanContext): PlannedRow[] {
  let seats = context.seatsLeft;
  return rows.map((row) => {
    const base = { line: row.line, email: row.values.email, name: row.raw.name };
    const error = (messages: MessageRef[]): PlannedRow => ({ ...base, outcome: 'error', messages });
    const problems = [...row.problems];
    const account = row.values.email ? context.accounts.get(row.values.email) : undefined;
    const emailProblems = problems.filter((problem) => /(missingEmail|invalidEmail|duplicateRow)$/.test(problem.key));
    if (emailProblems.length) return error(emailProblems);
    if (account?.statusHere === 'active') return { ...base, outcome: 'alreadyEnrolled', messages: [], userId: account.userId };
    if (account?.activeElsewhere)
      return error([{ key: 'cohorts.bulk.problems.activeElsewhere', params: { cohort: account.activeElsewhere } }]);
    if (!account) {
      for (const field of REQUIRED_FOR_NEW_ACCOUNT) {
        if (!row.values[field]) problems.push({ key: 'cohorts.bulk.problems.missingValue', params: { field } });
      }
      if (problems.length) return error(problems);
    }
    if (context.closedReason) return error([{ key: `cohorts.bulk.problems.${context.closedReason}` }]);
    if (seats !== null && seats <= 0) return error([{ key: 'cohorts.bulk.problems.overCapacity' }]);
    if (seats !== null) seats -= 1;
    // For an existing account the file's profile values are not applied: the person keeps their own profile.
    return account
      ? { ...base, outcome: 'enrolExisting', messages: [], userId: account.userId }
      : { ...base, outcome: 'newAccount', messages: [] };
  });
}

export function summarise(rows: PlannedRow[]): Record<RowOutcome, number> {
  const summary: Record<RowOutcome, number> = { newAccount: 0, enrolExisting: 0, alreadyEnrolled: 0, error: 0 };
  for (const row of rows) summary[row.outcome] += 1;
  return summary;
}
