// Where cached responses live. Both stores guard against the classic race of a read that started
// before a write and finished after it: a response is stored only if no invalidation happened since
// that request first missed, so a slow reader can never put pre-write data back after the purge.
import type { Cache } from '@envelop/response-cache';
import { createInMemoryCache } from '@graphql-yoga/plugin-response-cache';
import type { CacheEntity } from './entities.js';

export interface ResponseStore extends Cache {
  invalidate(entities: Iterable<CacheEntity>): Promise<void>;
  /** Drops every cached response (after a migration, or when invalidations may have been missed). */
  clear(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The invalidation generation each in-flight miss started at, by cache key. The earliest one wins,
 * and a key with no record is never stored, so forgetting records (clear, overflow) only costs a
 * cache fill, never correctness.
 */
export class PendingMisses<G> {
  private readonly started = new Map<string, G>();

  constructor(private readonly limit = 10_000) {}

  note(key: string, generation: G): void {
    if (this.started.has(key)) return;
    if (this.started.size >= this.limit) this.started.clear();
    this.started.set(key, generation);
  }

  /** The generation the key's miss started at, removing the record. */
  take(key: string): G | undefined {
    const generation = this.started.get(key);
    this.started.delete(key);
    return generation;
  }

  clear(): void {
    this.started.clear();
  }
}

/** One process's cache: an LRU of responses plus the entity index the response-cache plugin keeps. */
export class MemoryResponseStore implements ResponseStore {
  private generation = 0;
  private readonly pending = new PendingMisses<number>();
  private responses: ReturnType<typeof createInMemoryCache>;

  constructor(private readonly maxEntries: number) {
    this.responses = createInMemoryCache({ max: maxEntries });
  }

  get(key: string) {
    const cached = this.responses.get(key);
    if (cached == null) this.pending.note(key, this.generation);
    return cached;
  }

  set(key: string, ...rest: Parameters<Cache['set']> extends [string, ...infer R] ? R : never) {
    if (this.pending.take(key) === this.generation) this.responses.set(key, ...rest);
  }

  async invalidate(entities: Iterable<CacheEntity>): Promise<void> {
    this.generation += 1;
    this.pending.clear();
    this.responses.invalidate(entities);
  }

  async clear(): Promise<void> {
    this.generation += 1;
    this.pending.clear();
    this.responses = createInMemoryCache({ max: this.maxEntries });
  }

  async close(): Promise<void> {}
}
