// Which quotes an editor should check: attributions below a confidence threshold, least certain first.
// The review command and `quotes(orderBy: { field: CONFIDENCE })` both take the order from here.
import type { Prisma } from '../generated/prisma/client.js';

/** Quotes below this confidence are listed for review unless the editor asks for another bound. */
export const DEFAULT_REVIEW_BELOW = 0.8;

/** A review bound is a confidence, so it lies in 0..1 (1 lists every quote not certain). */
export const isReviewBound = (value: number) => Number.isFinite(value) && value >= 0 && value <= 1;

/** Quotes by how sure their attribution is, ties by id in the same direction. */
export function byConfidence(direction: 'asc' | 'desc') {
  return [
    { confidence: direction },
    { id: direction },
  ] satisfies Prisma.QuoteOrderByWithRelationInput[];
}

/** The review order: the least certain attribution first. */
export const leastConfidentFirst = byConfidence('asc');
