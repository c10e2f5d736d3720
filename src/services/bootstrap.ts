// Readies a database for serving: apply pending migrations, then seed it if it holds no articles.
import type { Db } from '../db/client.js';
import { Migrator } from '../db/migrator.js';
import type { DatabaseTarget } from '../db/url.js';
import { defaultSeedsDir, seedDatabase } from './seed.js';

export type BootstrapReport = { applied: string[]; seeded: string[] };

export async function prepareDatabase(
  db: Db,
  target: DatabaseTarget,
  seedsDir = defaultSeedsDir,
): Promise<BootstrapReport> {
  const migrator = await Migrator.open(target);
  let applied: string[];
  try {
    applied = await migrator.deploy();
  } finally {
    await migrator.close();
  }
  if ((await db.article.count()) > 0) return { applied, seeded: [] };
  const outcome = await seedDatabase(db, seedsDir);
  return { applied, seeded: outcome.created };
}
