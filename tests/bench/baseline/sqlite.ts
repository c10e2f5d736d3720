// The baseline on SQLite: each scenario is one prepared better-sqlite3 statement whose single row
// is the `data` object as JSON text.
import Database from 'better-sqlite3';
import { SQLITE_MMAP_BYTES } from '../../../src/db/readers.js';
import { encodeGlobalID } from '../../../src/global-id.js';
import type { ScenarioName } from '../scenarios.js';
import { type ScenarioRequest, sqlParameters } from './request.js';
import type { Dialect } from './sql.js';
import { scenarioStatements } from './statements.js';

const sqlite: Dialect = {
  object: (fields) =>
    `json_object(${Object.entries(fields)
      .map(([key, value]) => `'${key}', ${value}`)
      .join(', ')})`,
  // json_group_array gives [] for no rows, and takes ORDER BY since SQLite 3.44.
  array: (element, orderBy, from) =>
    `(SELECT json_group_array(${element} ORDER BY ${orderBy}) ${from})`,
  // SQLite has no base64; a JavaScript function keeps the encoding the one Newsgraph uses.
  globalId: (type, id) => `global_id('${type}', ${id})`,
  // Prisma stores DateTime as ISO 8601 text ("…+00:00"); strftime normalises it to UTC with "Z".
  isoTime: (column) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${column})`,
  boolean: (column) => `json(iif(${column}, 'true', 'false'))`,
  json: (column) => `json(${column})`,
  byteOrder: (expression) => expression, // BINARY is SQLite's default collation
  // Named, because a statement may use one value twice and better-sqlite3 rejects ?NNN.
  parameter: (n) => `@p${n}`,
  // LIKE ignores ASCII case in SQLite, as the schema documents for *Contains filters.
  contains: (column, pattern) => `${column} LIKE ${pattern} ESCAPE '\\'`,
  // The stored text's form, so text order is time order; 'now' holds still within one statement.
  now: `strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')`,
};

export const sqliteStatements = scenarioStatements(sqlite);

export type SqliteBaseline = {
  db: Database.Database;
  statements: Record<ScenarioName, Database.Statement<[Record<string, number | string>], string>>;
};

/** Opens the database file and prepares every scenario's statement. */
export function openSqliteBaseline(file: string): SqliteBaseline {
  // Read-write although it only reads: a read-only connection cannot open a WAL database whose
  // -shm file is missing.
  const db = new Database(file, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  // As Newsgraph's reads open it (src/db/readers.ts), so the two compare statements, not settings.
  db.pragma(`mmap_size = ${SQLITE_MMAP_BYTES}`);
  db.function('global_id', { deterministic: true }, (type, id) =>
    encodeGlobalID(String(type), id as number),
  );
  const prepare = (sql: string) =>
    db.prepare<[Record<string, number | string>], string>(sql).pluck();
  const statements = Object.fromEntries(
    Object.entries(sqliteStatements).map(([scenario, sql]) => [scenario, prepare(sql)]),
  ) as SqliteBaseline['statements'];
  return { db, statements };
}

/** The `data` object of a scenario's response, as JSON text. One statement. */
export function sqliteDataJson(baseline: SqliteBaseline, request: ScenarioRequest): string {
  const named = Object.fromEntries(sqlParameters(request).map((value, i) => [`p${i + 1}`, value]));
  return baseline.statements[request.scenario].get(named) as string;
}

export function sqliteData(baseline: SqliteBaseline, request: ScenarioRequest): unknown {
  return JSON.parse(sqliteDataJson(baseline, request));
}
