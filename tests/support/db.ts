// Test access to the worker's database: clearing it, seeding it, and counting SQL statements.
import { onSql } from '../../src/db/client.js';
import { db } from '../../src/db/index.js';
import { seedDatabase } from '../../src/services/seed.js';
import { testProvider } from './test-database.js';

export { db };

// Children first, so foreign keys never block a delete.
const tables = ['Teaser', 'Quote', 'Mention', 'ArticleAuthor', 'PersonAlias', 'Article', 'Person'];

export async function clearDatabase(): Promise<void> {
  if (testProvider === 'postgres') {
    await db.$executeRawUnsafe(
      `TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')} RESTART IDENTITY CASCADE`,
    );
    return;
  }
  for (const table of tables) await db.$executeRawUnsafe(`DELETE FROM "${table}"`);
}

export async function seed(): Promise<void> {
  await clearDatabase();
  await seedDatabase(db);
}

const statements: string[] = [];
onSql(db, (sql) => statements.push(sql));

/** Runs `action` and returns the SQL statements it sent, with its result. */
export async function captureSql<T>(
  action: () => Promise<T>,
): Promise<{ result: T; sql: string[] }> {
  const start = statements.length;
  const result = await action();
  return { result, sql: statements.slice(start) };
}
