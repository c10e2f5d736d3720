// Test access to the worker's database: clearing it, seeding it, and counting SQL statements.
import { connectionsInUse, onSql } from '../../src/db/client.js';
import { db } from '../../src/db/index.js';
import { seedDatabase } from '../../src/services/seed.js';
import { testProvider } from './test-database.js';

export { db };

/**
 * Tables that outlive a test: the migration history, and the cache-invalidation outbox, whose ids
 * running servers' watchers remember (src/cache/outbox.ts). Emptying it, and on PostgreSQL
 * restarting its ids, would let a watcher miss later invalidations.
 */
const keptTables = ['_prisma_migrations', 'CacheInvalidation'];

/** Empties every app table the migrations created, found in the database rather than listed here. */
export async function clearDatabase(): Promise<void> {
  if (testProvider === 'postgres') {
    const rows = await db.$queryRawUnsafe<{ name: string }[]>(
      'SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()',
    );
    const tables = rows.map((row) => row.name).filter((name) => !keptTables.includes(name));
    if (tables.length === 0) throw new Error('clearDatabase: the database has no tables');
    // CASCADE empties the tables that reference these too; all of them are in the list anyway.
    await db.$executeRawUnsafe(
      `TRUNCATE ${tables.map(quoteIdentifier).join(', ')} RESTART IDENTITY CASCADE`,
    );
    return;
  }
  // SQLite has no TRUNCATE … CASCADE and enforces foreign keys (db/client.ts), so each table is
  // emptied only after every table that references it.
  const rows = await db.$queryRawUnsafe<{ name: string; parent: string | null }[]>(
    `SELECT m.name AS name, f."table" AS parent
       FROM sqlite_master m LEFT JOIN pragma_foreign_key_list(m.name) f
      WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`,
  );
  const parents = new Map<string, Set<string>>();
  for (const { name, parent } of rows) {
    if (keptTables.includes(name)) continue;
    const set = parents.get(name) ?? new Set<string>();
    // A table referencing itself is emptied by one DELETE, checked at the end of the statement.
    if (parent && parent !== name) set.add(parent);
    parents.set(name, set);
  }
  if (parents.size === 0) throw new Error('clearDatabase: the database has no tables');
  const remaining = new Set(parents.keys());
  while (remaining.size > 0) {
    const referenced = new Set([...remaining].flatMap((name) => [...(parents.get(name) ?? [])]));
    const leaves = [...remaining].filter((name) => !referenced.has(name));
    if (leaves.length === 0)
      throw new Error(
        `clearDatabase: foreign keys form a cycle among ${[...remaining].join(', ')}`,
      );
    for (const table of leaves) {
      await db.$executeRawUnsafe(`DELETE FROM ${quoteIdentifier(table)}`);
      remaining.delete(table);
    }
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export async function seed(): Promise<void> {
  await clearDatabase();
  await seedDatabase(db);
}

const statements: string[] = [];
onSql(db, (sql) => statements.push(sql));

/**
 * Waits until no statement is running and none has been reported for two consecutive turns of the
 * timer. A response can be written while a batched load for a field it no longer needs is still in
 * flight; without this, such a statement would be counted against the next request. Prisma reports
 * a statement only when it finishes, so on PostgreSQL a slow one is seen by its pooled connection.
 */
async function settle(held: number): Promise<void> {
  for (let quiet = 0; quiet < 2; ) {
    const before = statements.length;
    await new Promise((resolve) => setTimeout(resolve, 1));
    quiet = statements.length === before && connectionsInUse(db) <= held ? quiet + 1 : 0;
  }
}

/** Runs `action` and returns the SQL statements it sent, with its result. */
export async function captureSql<T>(
  action: () => Promise<T>,
  /** PostgreSQL connections the test itself keeps busy meanwhile (an open transaction). */
  { held = 0 }: { held?: number } = {},
): Promise<{ result: T; sql: string[] }> {
  await settle(held);
  const start = statements.length;
  const result = await action();
  return { result, sql: statements.slice(start) };
}
