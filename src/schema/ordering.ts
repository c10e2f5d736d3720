// Orderings shared by several lists. Each ends in a unique key, so cursors stay stable.
import type { Prisma } from '../generated/prisma/client.js';

type Direction = 'asc' | 'desc';

/**
 * By the article's publication, then the article's own order (paragraph position for quotes, page
 * order for teasers), which always reads forward.
 */
export function articleThenPosition(direction: Direction) {
  return [
    { article: { publishedAt: direction } },
    { articleId: direction },
    { position: 'asc' },
  ] satisfies Prisma.QuoteOrderByWithRelationInput[] & Prisma.TeaserOrderByWithRelationInput[];
}

/** Newest article first, then the article's own order. */
export const newestArticleThenPosition = articleThenPosition('desc');
