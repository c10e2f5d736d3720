// Which quotes an editor should check: attributions below a confidence threshold, least certain first.
// Its order, least certain first, is `leastConfidentFirst` in rules/ordering.ts.

/** Quotes below this confidence are listed for review unless the editor asks for another bound. */
export const DEFAULT_REVIEW_BELOW = 0.8;

/** A review bound is a confidence, so it lies in 0..1 (1 lists every quote not certain). */
export const isReviewBound = (value: number) => Number.isFinite(value) && value >= 0 && value <= 1;
