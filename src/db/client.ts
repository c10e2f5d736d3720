// Builds the Prisma client for a database target, with the connection settings the app relies on.
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { Database } from 'better-sqlite3';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { PrismaClient as PostgresPrismaClient } from '../generated/prisma-postgres/client.js';
import { type JsonTextReader, postgresReader, type ReadOptions, sqliteReader } from './readers.js';
import { placeholders, render, type Sql, sql } from './sql.js';
import { addSqliteFunctions } from './sqlite-functions.js';
import { cachePreparedStatements } from './sqlite-statements.js';
import type { DatabaseTarget } from './url.js';

export type Db = PrismaClient<'query'>;

/** Every SQL statement a client sends, for the N+1 guards in tests and LOG_SQL. */
export type SqlListener = (sql: string) => void;

export type DbOptions = {
  poolSize?: number;
  /** PostgreSQL: to open a connection or wait for a pooled one (see DATABASE_CONNECT_TIMEOUT_MS). */
  connectTimeoutMs?: number;
  /** PostgreSQL: how long one statement may run (see DATABASE_STATEMENT_TIMEOUT_MS). */
  statementTimeoutMs?: number;
};

/** How much longer than the server's statement timeout the client waits before calling it silent. */
const SILENT_SERVER_GRACE_MS = 500;

/**
 * Both providers' clients are generated from the same models, so they share one API; the type is
 * the SQLite client's. Only provider-specific options (see `caseInsensitive`) differ.
 */
export function createDb(target: DatabaseTarget, options: DbOptions = {}): Db {
  let pool: pg.Pool | undefined;
  let db: Db;
  if (target.provider === 'postgres') {
    // Made here and handed to Prisma, so compiled reads can use its connections too (readers.ts).
    const statementTimeout = options.statementTimeoutMs ?? 3000;
    pool = new pg.Pool({
      connectionString: target.url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 2000,
      // A live server cancels a long statement itself, with a clear error; the client's own timer
      // only fires when the server has gone silent, where no answer would ever come.
      statement_timeout: statementTimeout,
      query_timeout: statementTimeout + SILENT_SERVER_GRACE_MS,
      // Notices a peer that vanished while the connection sat idle in the pool.
      keepAlive: true,
      // A compiled read's estimated cost can pass jit_above_cost, and JIT-compiling it then costs
      // far more than running it: a person's quotes, page 2, took 1.8 s with JIT and 9 ms without,
      // and 20 cold requests at once ran past the statement timeout.
      // Compiled reads are named statements, parsed once per connection; PostgreSQL plans each
      // for its parameters five times, then keeps a generic plan if it costs no more. Without JIT
      // the generic plans measured as fast as custom ones (bench size S: a person page 1.0 ms
      // against 3.8 ms planning + 1.5 ms), so that choice is PostgreSQL's to make; a text search,
      // whose best plan depends on its pattern, is planned every time (see readers.ts).
      options: '-c jit=off',
    });
    db = new PostgresPrismaClient({
      adapter: new PrismaPg(pool, { disposeExternalPool: true }),
      log: [{ emit: 'event', level: 'query' }],
    }) as unknown as Db;
    readers.set(db, postgresReader(pool));
    const connections = pool;
    busy.set(db, () => connections.totalCount - connections.idleCount);
  } else {
    db = new PrismaClient({
      adapter: sqliteAdapter(target.url),
      log: [{ emit: 'event', level: 'query' }],
    });
    readers.set(db, sqliteReader(target.file));
  }
  providers.set(db, target.provider);
  return db;
}

const providers = new WeakMap<Db, DatabaseTarget['provider']>();
const busy = new WeakMap<Db, () => number>();

/**
 * PostgreSQL connections out of the pool, i.e. statements still running (Prisma reports a statement
 * only once it has finished). SQLite answers within the call, so it has none.
 */
export function connectionsInUse(db: Db): number {
  return busy.get(db)?.() ?? 0;
}

/** Which database a client talks to, for the few statements that differ (e.g. NOTIFY). */
export function providerOf(db: Db): DatabaseTarget['provider'] {
  const provider = providers.get(db);
  if (!provider) throw new Error('providerOf: this client was not made by createDb');
  return provider;
}

export function onSql(db: Db, listener: SqlListener): void {
  db.$on('query', (event) => listener(event.query));
  const listeners = directListeners.get(db) ?? new Set();
  listeners.add(listener);
  directListeners.set(db, listeners);
}

const readers = new WeakMap<Db, JsonTextReader>();
/** Listeners for the statements sent past Prisma, so they are logged and counted like any other. */
const directListeners = new WeakMap<Db, Set<SqlListener>>();

/** Runs a statement built with `sql` through Prisma, with the placeholders its database expects. */
export function queryRows<Row>(db: Db, statement: Sql): Promise<Row[]> {
  const { text, values } = render(statement, placeholders[providerOf(db)]);
  return db.$queryRawUnsafe<Row[]>(text, ...values);
}

/**
 * Runs a read statement whose one row has a text column `data`, and returns that text: past
 * Prisma where the database allows (see readers.ts), through it otherwise.
 */
export async function readJsonText(
  db: Db,
  sql: string,
  parameters: unknown[],
  options: ReadOptions = {},
): Promise<string | undefined> {
  const direct = readers.get(db)?.(sql, parameters, options);
  if (direct) {
    for (const listener of directListeners.get(db) ?? []) listener(sql);
    return direct;
  }
  const rows = await db.$queryRawUnsafe<{ data: unknown }[]>(sql, ...parameters);
  const data = rows[0]?.data;
  return typeof data === 'string' ? data : undefined;
}

const connectionSettings = render(
  sql`PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000;`,
  placeholders.sqlite,
).text;

/**
 * SQLite leaves foreign keys unenforced unless each connection asks, and WAL lets readers work
 * while the seed or an import writes.
 */
function sqliteAdapter(url: string): SqlDriverAdapterFactory {
  const base = new PrismaBetterSqlite3({ url }, { timestampFormat: 'iso8601' });
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async (): Promise<SqlDriverAdapter> => {
      const adapter = await base.connect();
      // The adapter keeps its better-sqlite3 connection in `client`, which its typings do not show.
      const connection = (adapter as unknown as { client?: Database }).client;
      if (connection) {
        cachePreparedStatements(connection);
        // Compiled reads print global IDs inside the statement; SQLite has no base64 of its own.
        addSqliteFunctions(connection);
      }
      await adapter.executeScript(connectionSettings);
      return adapter;
    },
  };
}
