// Is this process ready to serve? The database answers and every committed migration is applied.
import { existsSync, readdirSync } from 'node:fs';
import { type Db, queryRows } from '../db/client.js';
import { providerPaths } from '../db/schemas.js';
import { sql } from '../db/sql.js';
import { isUnavailable } from '../db/unavailable.js';
import type { DatabaseTarget } from '../db/url.js';

/**
 * A probe must answer before the orchestrator's own timeout (often 1–2 s), so a silent database
 * reads as "not ready", not as a hung probe.
 */
export const READINESS_DEADLINE_MS = 1500;

/** The answer, or undefined when it takes longer than the deadline (the query is left to fail). */
async function withinDeadline<T>(answer: Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, READINESS_DEADLINE_MS, undefined);
  });
  answer.catch(() => {});
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}

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
    const rows = await withinDeadline(
      queryRows<{ migration_name: string }>(
        db,
        sql`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      ),
    );
    if (rows === undefined)
      return { ready: false, reason: `database did not answer within ${READINESS_DEADLINE_MS} ms` };
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
