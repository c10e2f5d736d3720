// Orderings shared by several lists. Each ends in a unique key, so cursors stay stable.
import type { Prisma } from '../generated/prisma/client.js';

/** Newest article first, then the article's own order (paragraph position for quotes, page order for teasers). */
export const newestArticleThenPosition = [
  { article: { publishedAt: 'desc' } },
  { articleId: 'desc' },
  { position: 'asc' },
] satisfies Prisma.QuoteOrderByWithRelationInput[] & Prisma.TeaserOrderByWithRelationInput[];
