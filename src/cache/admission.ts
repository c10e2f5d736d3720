// Which answers are worth storing. Most of a news site's long tail (an old article, page 40 of a
// person's quotes, a search nobody repeats) is asked for once in a cache's lifetime; storing such
// an answer costs a miss more than reading it (recording its entities, copying its bytes, evicting
// an answer that would have been asked for again) and is never paid back. So an answer is stored
// on the `admitAfter`-th miss of its key within a window ("cache on second hit", the doorkeeper of
// TinyLFU): one miss more for a popular page, none of the storing for a page asked for once.

/** Keys remembered before the window starts again (a few megabytes of numbers). */
const WINDOW_KEYS = 100_000;

export type Admission = {
  /** Counts a miss of `key` and says whether its answer may now be stored. */
  admit(key: string): boolean;
  /** Takes back the count `admit` just made (it said `admitted`), for a miss left to another path. */
  retract(key: string, admitted: boolean): void;
};

/** `admitAfter` 1 stores every miss's answer. */
export function createAdmission(admitAfter: number): Admission {
  if (admitAfter <= 1) return { admit: () => true, retract: () => {} };
  const misses = new Map<number, number>();
  return {
    admit(key) {
      const id = keyNumber(key);
      const seen = (misses.get(id) ?? 0) + 1;
      if (seen >= admitAfter) {
        misses.delete(id);
        return true;
      }
      // Forgetting only delays a store by one miss, never serves anything stale.
      if (misses.size >= WINDOW_KEYS) misses.clear();
      misses.set(id, seen);
      return false;
    },
    retract(key, admitted) {
      const id = keyNumber(key);
      const seen = admitted ? admitAfter - 1 : (misses.get(id) ?? 1) - 1;
      if (seen > 0) misses.set(id, seen);
      else misses.delete(id);
    },
  };
}

/**
 * A number for a cache key, which ends in a sha256 in hex: 52 of its bits, so a window holds
 * numbers rather than strings. Two keys sharing them only admit one of them a miss early.
 */
function keyNumber(key: string): number {
  return Number.parseInt(key.slice(-13), 16);
}
