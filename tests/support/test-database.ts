// Which database the suite runs on (TEST_DATABASE=sqlite|postgres), and fresh, isolated databases on
// it. PostgreSQL databases are named with this run's prefix and dropped when the run ends.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

export type TestProvider = 'sqlite' | 'postgres';

export const testProvider: TestProvider =
  process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';
export const adminPostgresUrl =
  process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** A URL naming another database on the same PostgreSQL server. */
export function postgresUrl(database: string): string {
  const url = new URL(adminPostgresUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdmin<T>(action: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminPostgresUrl });
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}

/** Set by global setup: a prefix unique to this run, for files and database names. */
export function runPrefix(): string {
  const prefix = process.env.NEWSGRAPH_TEST_RUN;
  if (!prefix) throw new Error('NEWSGRAPH_TEST_RUN is not set; run the tests through vitest');
  return prefix;
}

/** An empty database (no tables), private to the caller. */
export async function freshDatabaseUrl(): Promise<string> {
  // Random, not counted: each test file has its own module state, but files share a worker.
  const name = `${runPrefix()}_f${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  if (testProvider === 'postgres') {
    await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}"`));
    return postgresUrl(name);
  }
  const dir = path.join(tmpdir(), runPrefix());
  mkdirSync(dir, { recursive: true });
  return `file:${path.join(dir, `${name}.db`)}`;
}

/** Runs one read query against a database by URL, outside the app's client. */
export async function queryAll<T>(url: string, sql: string): Promise<T[]> {
  if (url.startsWith('file:')) {
    const db = new Database(url.slice('file:'.length), { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // COUNT(*) is a bigint on PostgreSQL; the tests compare plain numbers.
    return (await client.query(sql)).rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([k, v]) => [
          k,
          typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v,
        ]),
      ),
    ) as T[];
  } finally {
    await client.end();
  }
}

/** Runs statements against a database by URL, outside the app's client (e.g. rows from before a migration). */
export async function executeSql(url: string, sql: string): Promise<void> {
  if (url.startsWith('file:')) {
    const db = new Database(url.slice('file:'.length), { fileMustExist: true });
    try {
      db.exec(sql);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** How many tables the app created in a database (0 for a database nobody wrote to). */
export async function tableCount(url: string): Promise<number> {
  if (url.startsWith('file:')) {
    try {
      return (
        (
          await queryAll<{ n: number }>(
            url,
            "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'",
          )
        )[0]?.n ?? 0
      );
    } catch {
      return 0; // The file does not exist.
    }
  }
  const rows = await queryAll<{ n: number }>(
    url,
    "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = 'public'",
  );
  return rows[0]?.n ?? 0;
}

export function newRunPrefix(): string {
  return `ng_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
}
