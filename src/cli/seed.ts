// `npm run seed [-- <dir>]`: apply migrations, then ingest the article texts in seeds/ (idempotent).
import { purgeSharedCacheOnWrites } from '../cache/index.js';
import { databaseTarget, db } from '../db/index.js';
import { migrateToLatest } from '../db/migrator.js';
import { env } from '../env.js';
import { defaultSeedsDir, seedDatabase } from '../services/seed.js';
import { parseCommandLine, runCommand, usageError } from './run-command.js';

const usage = `usage: npm run seed [-- <dir>]

Applies pending migrations, then ingests every .txt article in <dir> (default: seeds/). Idempotent:
texts already stored unchanged are left alone.

  -h, --help  print this help`;

runCommand(
  async (say) => {
    const { positionals } = parseCommandLine(usage, {});
    if (positionals.length > 1) throw usageError(usage, 'one directory at most');
    const dir = positionals[0] ?? defaultSeedsDir;
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
  },
  { usage },
);
