// Creates the PostgreSQL database DATABASE_URL names when it does not exist yet, as `npm start` on
// SQLite creates its file: a fresh server needs no `createdb` step. A role that may not create
// databases gets one line saying exactly what to run instead.
import pg from 'pg';
import { env } from '../env.js';
import { MigrationError } from './migration-error.js';
import { placeholders, render, sql } from './sql.js';
import { isUnavailable, unreachableReason } from './unavailable.js';
import type { DatabaseTarget } from './url.js';

/** PostgreSQL's SQLSTATEs for the cases handled here. */
const INVALID_CATALOG_NAME = '3D000'; // the database does not exist
const DUPLICATE_DATABASE = '42P04'; // another process created it first
const INSUFFICIENT_PRIVILEGE = '42501';

/** Where CREATE DATABASE is sent from: the maintenance database every server has. */
const MAINTENANCE_DATABASE = 'postgres';

/** The database is missing and this role cannot create it; the message says what to run. */
export class DatabaseMissingError extends Error {
  override name = 'DatabaseMissingError';
}

/**
 * Returns true when it created the database. Any failure other than "does not exist" is left to
 * the migrator, whose messages for a refused login or an unreachable host users already know.
 */
export async function createDatabaseIfMissing(target: DatabaseTarget): Promise<boolean> {
  if (target.provider !== 'postgres') return false;
  if (!(await isMissing(target.url))) return false;
  const maintenance = new URL(target.url);
  maintenance.pathname = `/${MAINTENANCE_DATABASE}`;
  const admin = new pg.Client({
    connectionString: maintenance.toString(),
    connectionTimeoutMillis: env.DATABASE_CONNECT_TIMEOUT_MS,
  });
  try {
    await admin.connect();
    // An identifier cannot be a bind parameter, so the name is quoted into the statement.
    await admin.query(
      render(sql`CREATE DATABASE ${sql.ident(target.database)}`, placeholders.postgres),
    );
    return true;
  } catch (error) {
    if (sqlState(error) === DUPLICATE_DATABASE) return false;
    const reason =
      sqlState(error) === INSUFFICIENT_PRIVILEGE
        ? `role "${admin.user}" may not create databases`
        : `it could not be created through the "${MAINTENANCE_DATABASE}" database (${firstLine(error)})`;
    throw new DatabaseMissingError(
      `database "${target.database}" does not exist and ${reason}; ` +
        `create it as a role that may, then start again: ${createCommand(target, admin)}`,
    );
  } finally {
    await admin.end().catch(() => {});
  }
}

async function isMissing(url: string): Promise<boolean> {
  const probe = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: env.DATABASE_CONNECT_TIMEOUT_MS,
  });
  try {
    await probe.connect();
    return false;
  } catch (error) {
    if (sqlState(error) === INVALID_CATALOG_NAME) return true;
    // Unreachable now will be unreachable for the migrator too: say so at once, not after its wait.
    if (isUnavailable(error)) throw new MigrationError(unreachableReason(url, error));
    return false;
  } finally {
    await probe.end().catch(() => {});
  }
}

/** A psql command line, quoted for a POSIX shell, that creates the database owned by our role. */
function createCommand(target: { database: string }, client: pg.Client): string {
  // A role with no name (none in the URL or the environment) cannot be an owner: leave it out.
  const owner = client.user ? sql` OWNER ${sql.ident(client.user)}` : sql.empty;
  const statement = render(
    sql`CREATE DATABASE ${sql.ident(target.database)}${owner}`,
    placeholders.postgres,
  );
  const words = ['psql', '-h', client.host, '-p', String(client.port), '-U', 'postgres'];
  return [...words, '-d', MAINTENANCE_DATABASE, '-c', statement.text].map(shellQuote).join(' ');
}

function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n', 1)[0] ?? '';
}
