// Opens the baseline for a DATABASE_URL on either provider behind one small interface.
import { parseDatabaseUrl } from '../../../src/db/url.js';
import type { ScenarioName } from '../scenarios.js';
import { openPostgresBaseline, postgresDataJson, postgresStatements } from './postgres.js';
import type { ScenarioRequest } from './request.js';
import { openSqliteBaseline, sqliteDataJson, sqliteStatements } from './sqlite.js';

export type Baseline = {
  provider: 'sqlite' | 'postgres';
  /** The statement each scenario sends: always exactly one per request. */
  statements: Record<ScenarioName, string>;
  /** The `data` object of the response as JSON text. */
  dataJson(request: ScenarioRequest): Promise<string>;
  close(): Promise<void>;
};

export type BaselineOptions = {
  /** Called with each statement before it runs (LOG_SQL). */
  onSql?: (sql: string) => void;
  poolSize?: number;
};

export function openBaseline(
  databaseUrl: string | undefined,
  options: BaselineOptions = {},
): Baseline {
  const target = parseDatabaseUrl(databaseUrl);
  const onSql = options.onSql ?? (() => {});
  if (target.provider === 'postgres') {
    const pool = openPostgresBaseline(target.url, options.poolSize);
    return {
      provider: 'postgres',
      statements: postgresStatements,
      dataJson: (request) => {
        onSql(postgresStatements[request.scenario]);
        return postgresDataJson(pool, request);
      },
      close: () => pool.end(),
    };
  }
  const sqlite = openSqliteBaseline(target.file);
  return {
    provider: 'sqlite',
    statements: sqliteStatements,
    dataJson: async (request) => {
      onSql(sqliteStatements[request.scenario]);
      return sqliteDataJson(sqlite, request);
    },
    close: async () => {
      sqlite.db.close();
    },
  };
}
