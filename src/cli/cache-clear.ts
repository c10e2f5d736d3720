// `npm run cache:clear`: empties every server's response cache. Needed only after writes that bypass
// Newsgraph (Prisma Studio, hand-written SQL), which the cache cannot see.

import { everything } from '../cache/entities.js';
import { purgeCachesInProcess, purgeSharedCacheOnWrites } from '../cache/index.js';
import { recordInvalidation } from '../cache/outbox.js';
import { providerOf } from '../db/client.js';
import { db } from '../db/index.js';
import { env } from '../env.js';
import { runCommand } from './run-command.js';

runCommand(async (say) => {
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
});
