// Readies a database for serving: create it (PostgreSQL) if it is missing, apply pending
// migrations, then seed it if it holds no articles.
import type { Db } from '../db/client.js';
import { createDatabaseIfMissing } from '../db/create-database.js';
import { migrateToLatest } from '../db/migrator.js';
import type { DatabaseTarget } from '../db/url.js';
import { defaultSeedsDir, seedDatabase } from './seed.js';

export type BootstrapReport = { created: boolean; applied: string[]; seeded: string[] };

export async function prepareDatabase(
  db: Db,
  target: DatabaseTarget,
  seedsDir = defaultSeedsDir,
): Promise<BootstrapReport> {
  const created = await createDatabaseIfMissing(target);
  const applied = await migrateToLatest(target);
  if ((await db.article.count()) > 0) return { created, applied, seeded: [] };
  const outcome = await seedDatabase(db, seedsDir);
  return { created, applied, seeded: outcome.created };
}
