// `npm run seed [-- <dir>]`: apply migrations, then ingest the article texts in seeds/ (idempotent).
import { purgeSharedCacheOnWrites } from '../cache/index.js';
import { databaseTarget, db } from '../db/index.js';
import { migrateToLatest } from '../db/migrator.js';
import { env } from '../env.js';
import { defaultSeedsDir, seedDatabase } from '../services/seed.js';
import { runCommand } from './run-command.js';

runCommand(async (say) => {
  const dir = process.argv[2] ?? defaultSeedsDir;
  await migrateToLatest(databaseTarget);
  const release = await purgeSharedCacheOnWrites(env.REDIS_URL, env.REDIS_KEY_PREFIX, (line) =>
    process.stderr.write(`${line}\n`),
  );
  try {
    const outcome = await seedDatabase(db, dir);
    say(
      `seed: ${outcome.created.length} created, ${outcome.updated.length} updated, ${outcome.unchanged.length} unchanged`,
    );
    return 0;
  } finally {
    await release();
    await db.$disconnect();
  }
});
