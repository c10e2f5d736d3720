// Direct connections for compiled reads (src/compiled/): one statement whose single row is a text
// column `data`, sent past Prisma. Through Prisma each statement costs a round of its query engine,
// and on PostgreSQL it is a fresh unnamed statement that the server parses and plans every time;
// planning a compiled page costs PostgreSQL more than running it.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import type pg from 'pg';
import { addSqliteFunctions, collectGlobalIds } from './sqlite-functions.js';

/** The statement's `data` text, or undefined when this reader cannot run it now (use Prisma). */
export type JsonTextReader = (
  sql: string,
  parameters: unknown[],
  options?: ReadOptions,
) => Promise<string | undefined> | undefined;

export type ReadOptions = {
  /**
   * PostgreSQL: plan the statement for these parameters (an unnamed statement) rather than once
   * per connection, for a statement whose best plan depends on a value, such as a search pattern.
   */
  planEachTime?: boolean;
  /**
   * SQLite, read directly: every global ID the statement builds goes into `ids` with its type, and
   * `complete` says so. Elsewhere (PostgreSQL builds IDs in SQL, Prisma's connection) it stays false.
   */
  globalIds?: GlobalIdSink;
};

/** The global IDs of an answer (ID → type), and whether every one of them is there. */
export type GlobalIdSink = { ids: Map<string, string>; complete: boolean };

/**
 * PostgreSQL: Prisma's own pool, with named statements, which pg prepares once per connection.
 * After `$disconnect` the pool is ended (Prisma makes a new one of its own), so Prisma takes over.
 */
export function postgresReader(pool: pg.Pool): JsonTextReader {
  return (sql, parameters, { planEachTime = false } = {}) => {
    if (pool.ended) return undefined;
    const name = planEachTime ? undefined : statementName(sql);
    return pool
      .query<{ data: string | null }>({ ...(name ? { name } : {}), text: sql, values: parameters })
      .then((result) => result.rows[0]?.data ?? undefined);
  };
}

const statementNames = new Map<string, string>();

/** A stable name per statement text. */
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (name === undefined) {
    name = `newsgraph_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`;
    if (statementNames.size >= 1_000) statementNames.clear();
    statementNames.set(sql, name);
  }
  return name;
}

const MAX_SQLITE_STATEMENTS = 200;
/** How much of a database file reads may map (SQLite reads the rest as usual). */
export const SQLITE_MMAP_BYTES = 1024 * 1024 * 1024;

/** The connection compiled reads use: SQLite's own, with the project's functions and settings. */
export function openSqliteReadConnection(file: string): Database.Database {
  // Read-write although it only reads: a read-only connection cannot open a WAL database whose
  // -shm file is missing.
  const opened = new Database(file, { fileMustExist: true });
  opened.pragma('busy_timeout = 5000');
  // Pages are read through a memory map rather than copied into SQLite's own page cache (16 MB
  // as better-sqlite3 builds it): once a database outgrows that cache (the bench's size L is 120
  // MB), a scenario rotating over many articles or people reads most of its pages from outside it
  // on every request, and those copies cost a tenth to a quarter of each statement there
  // (`npm run bench:sqlite-reads`). The mapping is the OS page cache, shared, not heap. The price:
  // a disk I/O error while reading a mapped page ends the process (SIGBUS) rather than failing the
  // statement, as with any memory-mapped file.
  opened.pragma(`mmap_size = ${SQLITE_MMAP_BYTES}`);
  addSqliteFunctions(opened);
  return opened;
}

/**
 * SQLite: a connection of its own, opened on first use, with its prepared statements kept. Being
 * separate, it reads only committed data (WAL), never the inside of a transaction Prisma has open
 * on its connection. An in-memory database exists only on Prisma's connection, so Prisma reads it.
 */
export function sqliteReader(file: string): JsonTextReader {
  if (file === ':memory:') return () => undefined;
  let connection: Database.Database | undefined;
  const statements = new Map<string, Database.Statement<unknown[], string>>();
  return async (sql, parameters, { globalIds } = {}) => {
    connection ??= openSqliteReadConnection(file);
    let statement = statements.get(sql);
    if (!statement) {
      statement = connection.prepare<unknown[], string>(sql).pluck();
      if (statements.size >= MAX_SQLITE_STATEMENTS) statements.clear();
      statements.set(sql, statement);
    }
    const run = statement;
    const data = globalIds
      ? collectGlobalIds(globalIds.ids, () => run.get(...parameters))
      : run.get(...parameters);
    if (globalIds) globalIds.complete = true;
    return typeof data === 'string' ? data : undefined;
  };
}
