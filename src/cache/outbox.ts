// The invalidation outbox: each write records the cache entities it changed in its own transaction,
// so the record exists exactly when the change does. Server processes read new rows to purge their
// caches; on PostgreSQL the write also NOTIFYs them (delivered at commit).
import { placeholders, render, sql } from '../db/sql.js';
import type { Prisma } from '../generated/prisma/client.js';
import { type CacheEntity, entityKey } from './entities.js';

export const notifyChannel = 'newsgraph_cache';

/** Rows kept for processes that are catching up; older ones are pruned by later writes. */
const keptRows = 1_000;

export async function recordInvalidation(
  tx: Prisma.TransactionClient,
  provider: 'sqlite' | 'postgres',
  entities: CacheEntity[],
): Promise<void> {
  const keys = [...new Set(entities.map(entityKey))];
  const { id } = await tx.cacheInvalidation.create({
    data: { entities: JSON.stringify(keys) },
    select: { id: true },
  });
  if (id > keptRows)
    await tx.cacheInvalidation.deleteMany({ where: { id: { lte: id - keptRows } } });
  if (provider === 'postgres') {
    const { text, values } = render(
      sql`SELECT pg_notify(${sql.value(notifyChannel)}, ${sql.value(String(id))})`,
      placeholders.postgres,
    );
    await tx.$executeRawUnsafe(text, ...values);
  }
}

export type OutboxRow = { id: number; entities: string };

/** The entity keys of rows after `afterId`, or "*" when a row could not be read. */
export function keysOf(rows: OutboxRow[]): string[] {
  return rows.flatMap((row) => {
    try {
      const keys: unknown = JSON.parse(row.entities);
      return Array.isArray(keys) ? keys.map(String) : ['*'];
    } catch {
      return ['*'];
    }
  });
}
