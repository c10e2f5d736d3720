// A small seeded PRNG: the benchmark data must be the same on every machine and every run, so
// nothing here reads Math.random or the clock.

export type Random = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
};

/** mulberry32: tiny, fast and good enough for test data. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: (items) => items[int(0, items.length - 1)] as (typeof items)[number],
  };
}

/**
 * A generator for one entity and purpose, e.g. ('article', 17, 'body'). Each article gets its own
 * stream, so its content does not depend on the batch size or on which other rows were generated.
 */
export function randomFor(kind: string, n: number, purpose = ''): Random {
  let hash = 2166136261; // FNV-1a over the key
  for (const char of `${kind}:${n}:${purpose}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 16777619);
  }
  return mulberry32(hash);
}

/** `count` distinct items from `items` (count must not exceed its length). */
export function sampleDistinct<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) {
    chosen.push(pool.splice(random.int(0, pool.length - 1), 1)[0] as T);
  }
  return chosen;
}
