import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource, Logger, QueryRunner } from 'typeorm';

export interface QueryCounter {
  /** SQL statements run since the last reset (transaction control statements excluded). */
  readonly statements: string[];
  reset(): void;
}

const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SAVEPOINT|RELEASE SAVEPOINT)/i;

/** Counts the SQL the app sends to the database, through TypeORM's logger hook (every query passes it). */
export function countQueries(app: NestExpressApplication): QueryCounter {
  const dataSource = app.get(DataSource);
  const original = dataSource.logger;
  const statements: string[] = [];
  const counting: Logger = {
    logQuery: (query: string, parameters?: unknown[], queryRunner?: QueryRunner) => {
      if (!TRANSACTION_CONTROL.test(query)) statements.push(query);
      original.logQuery(query, parameters, queryRunner);
    },
    logQueryError: (...args) => original.logQueryError(...args),
    logQuerySlow: (...args) => original.logQuerySlow(...args),
    logSchemaBuild: (...args) => original.logSchemaBuild(...args),
    logMigration: (...args) => original.logMigration(...args),
    log: (...args) => original.log(...args),
  };
  Object.defineProperty(dataSource, 'logger', { value: counting, configurable: true, writable: true });
  return {
    statements,
    reset: () => {
      statements.length = 0;
    },
  };
}
