// When public answers next change by the clock alone: the next `publishedAt` still in the future
// among live-status articles (a SCHEDULED story going live). The response cache expires by it.
import type { Db } from '../db/client.js';
import { articleVisibility } from '../rules/visibility.js';

/** The next instant (ms) an article goes live after `now`, or null when none is waiting. */
export async function nextGoLive(db: Db, now: Date): Promise<number | null> {
  const next = await db.article.findFirst({
    where: articleVisibility.goesLiveAfter(now),
    orderBy: { publishedAt: 'asc' },
    select: { publishedAt: true },
  });
  return next?.publishedAt?.getTime() ?? null;
}
