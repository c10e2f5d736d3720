// `npm run cache:clear`: empties every server's response cache. Needed only after writes that bypass
// Newsgraph (Prisma Studio, hand-written SQL), which the cache cannot see.

import { everything } from '../cache/entities.js';
import { purgeCachesInProcess, purgeSharedCacheOnWrites } from '../cache/index.js';
import { recordInvalidation } from '../cache/outbox.js';
import { providerOf } from '../db/client.js';
import { db } from '../db/index.js';
import { env } from '../env.js';
import { parseCommandLine, runCommand, usageError } from './run-command.js';

const usage = `usage: npm run cache:clear

Empties the response cache of every Newsgraph server that shares this database (and Redis, when
REDIS_URL is set). Needed only after writes made behind Newsgraph's back (Prisma Studio, SQL).

  -h, --help  print this help`;

runCommand(
  async (say) => {
    if (parseCommandLine(usage, {}).positionals.length)
      throw usageError(usage, 'takes no arguments');
    const release = await purgeSharedCacheOnWrites(env.REDIS_URL, env.REDIS_KEY_PREFIX, say);
    try {
      await db.$transaction((tx) =>
        recordInvalidation(tx, providerOf(db), [{ typename: everything }]),
      );
      await purgeCachesInProcess('all');
      say('asked every server to empty its response cache');
      return 0;
    } finally {
      await release();
      await db.$disconnect();
    }
  },
  { usage },
);
