// Readies a database for serving: apply pending migrations, then seed it if it holds no articles.
import type { Db } from '../db/client.js';
import { migrateToLatest } from '../db/migrator.js';
import type { DatabaseTarget } from '../db/url.js';
import { defaultSeedsDir, seedDatabase } from './seed.js';

export type BootstrapReport = { applied: string[]; seeded: string[] };

export async function prepareDatabase(
  db: Db,
  target: DatabaseTarget,
  seedsDir = defaultSeedsDir,
): Promise<BootstrapReport> {
  const applied = await migrateToLatest(target);
  if ((await db.article.count()) > 0) return { applied, seeded: [] };
  const outcome = await seedDatabase(db, seedsDir);
  return { applied, seeded: outcome.created };
}
