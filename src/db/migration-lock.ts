// One migrator at a time per database. Two processes starting on a fresh database (two ingests, a
// server and a seed) would otherwise both apply the first migration; the loser records it as
// failed, and every later start refuses to migrate (P3009). The lock is one the operating system
// or the server drops when its holder dies, so a killed process never leaves it behind.
import Database from 'better-sqlite3';
import pg from 'pg';
import { env } from '../env.js';
import { MigrationError } from './migration-error.js';
import { placeholders, render, sql } from './sql.js';
import { unreachableReason } from './unavailable.js';
import type { DatabaseTarget } from './url.js';

/** How long a migrator waits for another to finish before giving up with an error. */
const WAIT_MS = 120_000;

/** An arbitrary constant that names "Newsgraph migrations" among PostgreSQL advisory locks. */
const POSTGRES_LOCK_KEY = 7_242_717;

export async function withMigrationLock<T>(
  target: DatabaseTarget,
  action: () => Promise<T>,
): Promise<T> {
  if (target.provider === 'postgres') return withAdvisoryLock(target.url, action);
  if (target.file === ':memory:') return action();
  return withLockFile(`${target.file}.migrate-lock`, action);
}

async function withAdvisoryLock<T>(url: string, action: () => Promise<T>): Promise<T> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: env.DATABASE_CONNECT_TIMEOUT_MS,
    statement_timeout: WAIT_MS,
  });
  try {
    await client.connect();
  } catch (error) {
    throw new MigrationError(unreachableReason(url, error));
  }
  try {
    await client.query(
      render(sql`SELECT pg_advisory_lock(${sql.value(POSTGRES_LOCK_KEY)})`, placeholders.postgres),
    );
    return await action();
  } finally {
    // Closing the session releases the lock, also when the unlock itself cannot be sent.
    await client.end().catch(() => {});
  }
}

/**
 * SQLite's own file lock, on a small side file: an exclusive transaction there blocks the next
 * migrator (up to the busy timeout) without touching the database the schema engine writes to.
 */
async function withLockFile<T>(file: string, action: () => Promise<T>): Promise<T> {
  const lock = new Database(file, { timeout: WAIT_MS });
  try {
    lock.exec(render(sql`BEGIN EXCLUSIVE`, placeholders.sqlite).text);
    return await action();
  } finally {
    lock.close();
  }
}
