// Is this process ready to serve? The database answers and every committed migration is applied.
import { existsSync, readdirSync } from 'node:fs';
import type { Db } from '../db/client.js';
import { providerPaths } from '../db/schemas.js';
import type { DatabaseTarget } from '../db/url.js';

export type Readiness = { ready: true } | { ready: false; reason: string };

export async function checkReadiness(db: Db, target: DatabaseTarget): Promise<Readiness> {
  const dir = providerPaths[target.provider].migrations;
  const committed = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
    : [];
  let applied: string[];
  try {
    const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    applied = rows.map((row) => row.migration_name);
  } catch (error) {
    return {
      ready: false,
      reason: isUnavailable(error) ? 'database unreachable' : 'migration history unreadable',
    };
  }
  const pending = committed.filter((name) => !applied.includes(name));
  return pending.length
    ? { ready: false, reason: `migrations pending: ${pending.join(', ')}` }
    : { ready: true };
}

/** A failure to reach the database at all, as opposed to a bad query. */
export function isUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const e = current as {
      code?: unknown;
      message?: unknown;
      kind?: unknown;
      cause?: unknown;
      originalError?: unknown;
    };
    if (
      [
        'P1001',
        'P1002',
        'P1017',
        'ECONNREFUSED',
        'ECONNRESET',
        '57P01',
        'ETIMEDOUT',
        'EPIPE',
      ].includes(String(e.code))
    )
      return true;
    if (['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout'].includes(String(e.kind)))
      return true;
    if (
      /Can't reach database server|Connection terminated|ECONNREFUSED|ECONNRESET|Server has closed the connection|connection (is )?closed|timeout exceeded when trying to connect/i.test(
        String(e.message),
      )
    )
      return true;
    current = e.cause ?? e.originalError;
  }
  return false;
}
