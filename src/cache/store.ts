// Where cached responses live. Both stores guard against the classic race of a read that started
// before a write and finished after it: a response is stored only if no invalidation happened since
// that request first missed, so a slow reader can never put pre-write data back after the purge.
import type { Cache } from '@envelop/response-cache';
import type { FastResponse } from '../graphql-params.js';
import { boundedCache, stringBytes } from './bounded.js';
import { type CacheEntity, entityKey } from './entities.js';

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

/** A stored result: the plugin keeps the HTTP headers it sends with a hit in `extensions.http`. */
export type CachedResult = {
  extensions?: { http?: { headers?: Record<string, string> }; [key: string]: unknown };
  [key: string]: unknown;
};

/** Says which path answered, for operators and for the tests that prove hits are never stale. */
const CACHE_HEADER = 'x-newsgraph-cache';

/** The body and headers yoga would send for a stored result (it drops `extensions.http`). */
export function serialise(result: CachedResult): FastResponse {
  if (result instanceof TextResult) return { body: result.body, headers: HIT_HEADERS };
  const { http, ...extensions } = result.extensions ?? {};
  const body = JSON.stringify({
    ...result,
    extensions: Object.keys(extensions).length ? extensions : undefined,
  });
  return { body, headers: { ...http?.headers, ...HIT_HEADERS } };
}

const HIT_HEADERS = { [CACHE_HEADER]: 'hit' };

/**
 * A result without errors or extensions whose `data` is already JSON text (a compiled miss): it is
 * stored and sent as that text, and parsed only if something reads `data`.
 */
export class TextResult {
  [key: string]: unknown;
  private parsed: Record<string, unknown> | undefined;

  constructor(private readonly json: string) {}

  private encoded: Buffer | undefined;

  /** The body as sent, encoded once for both the store and the response. */
  get body(): Buffer {
    this.encoded ??= Buffer.from(`{"data":${this.json}}`);
    return this.encoded;
  }

  get data(): Record<string, unknown> {
    this.parsed ??= JSON.parse(this.json) as Record<string, unknown>;
    return this.parsed;
  }

  /** As any store that prints results would print the parsed result. */
  toJSON(): { data: Record<string, unknown> } {
    return { data: this.data };
  }
}

/** The stored result again, as the plugin handed it to `set` (the HTTP headers back in place). */
function deserialise({ body, headers }: FastResponse): CachedResult {
  const result = JSON.parse(body.toString()) as CachedResult;
  const { [CACHE_HEADER]: _, ...http } = headers;
  if (Object.keys(http).length)
    result.extensions = { ...result.extensions, http: { headers: http } };
  return result;
}

export type MemoryStoreLimits = {
  /** Estimated bytes every stored response may take together (bodies outside the heap, keys included). */
  maxBytes: number;
  /** Responses kept at most, whatever their size. */
  maxEntries: number;
};

/**
 * One process's cache: an LRU of responses bounded in bytes, each with the entities it contains. A
 * response is held as the UTF-8 bytes a hit sends: outside the JavaScript heap (a page of text kept
 * there is copied by every garbage collection that finds it young), exactly measurable, and ready
 * for the HTTP fast path to write without encoding it again. A purge looks through every
 * stored response's entities rather than keeping an index from entities to responses: responses
 * are stored (and evicted) on every miss, purges come only with writes, and the index cost a
 * tenth of a miss to keep up.
 */
export class MemoryResponseStore implements ResponseStore {
  private generation = 0;
  private readonly pending = new PendingMisses<number>();
  private readonly responses;

  constructor(limits: MemoryStoreLimits) {
    this.responses = boundedCache<string, StoredResponse>({
      maxBytes: limits.maxBytes,
      maxEntries: limits.maxEntries,
      // One huge page must not push out hundreds of ordinary ones.
      maxEntryBytes: Math.floor(limits.maxBytes / 8),
      sizeOf: (stored, key) => stored.bytes + stringBytes(key),
    });
  }

  /** What the responses take now, estimated as the bound counts it. */
  get retainedBytes(): number {
    return this.responses.calculatedSize;
  }

  /** The keys responses are stored under, most recently used first. */
  keys(): string[] {
    return [...this.responses.keys()];
  }

  get(key: string) {
    const stored = this.responses.get(key);
    if (stored === undefined) {
      this.pending.note(key, this.generation);
      return undefined;
    }
    return deserialise(stored);
  }

  /** What is stored under `key`: the body, and the entity keys that purge it (diagnostics, tests). */
  inspect(key: string): { body: string; entities: string[] } | undefined {
    const stored = this.responses.peek(key);
    return (
      stored && {
        body: stored.body.toString(),
        entities: stored.entities.toString('latin1').split('\n').filter(Boolean).sort(),
      }
    );
  }

  /** A hit as the fast path writes it, without building the result object. */
  served(key: string): FastResponse | undefined {
    const stored = this.responses.get(key);
    return stored && { body: stored.body, headers: stored.headers };
  }

  set(key: string, result: unknown, entities: Iterable<CacheEntity>, ttl: number) {
    if (this.pending.take(key) !== this.generation) return;
    const { body: text, headers } = serialise(result as CachedResult);
    const body = ownBytes(text);
    // As the plugin's own store indexes them: by type as well, so purging a type purges them all.
    const keys = new Set<string>();
    for (const entity of entities) {
      keys.add(entity.typename);
      if (entity.id != null) keys.add(entityKey(entity));
    }
    // One run of bytes outside the heap, not a string per entity nor one string: a page names
    // hundreds, and what a stored response keeps in the heap is copied and marked by the garbage
    // collections every miss brings (they cost a miss more than the read). Only a purge reads
    // them, and purges come only with writes. Entity keys are global IDs and type names: ASCII.
    const joined = ownBytes(Buffer.from(`\n${[...keys].join('\n')}\n`, 'latin1'));
    let bytes = body.byteLength + joined.byteLength;
    for (const [name, value] of Object.entries(headers)) bytes += stringBytes(name + value);
    this.responses.set(
      key,
      { body, headers, entities: joined, bytes },
      { ttl: Number.isFinite(ttl) && ttl > 0 ? Math.round(ttl) : undefined },
    );
  }

  async invalidate(entities: Iterable<CacheEntity>): Promise<void> {
    this.generation += 1;
    this.pending.clear();
    const purged = [...new Set([...entities].map(entityKey))];
    if (purged.length === 0) return;
    const doomed: string[] = [];
    for (const [key, stored] of this.responses.entries())
      if (purged.some((entity) => stored.entities.includes(`\n${entity}\n`, 0, 'latin1')))
        doomed.push(key);
    for (const key of doomed) this.responses.delete(key);
  }

  async clear(): Promise<void> {
    this.generation += 1;
    this.pending.clear();
    this.responses.clear();
  }

  async close(): Promise<void> {}
}

/**
 * The text's UTF-8 bytes in memory of their own: Node hands a small string's bytes a slice of a
 * shared 8 KB pool, which a kept slice would keep whole, unseen by the store's bound.
 */
function ownBytes(text: string | Buffer): Buffer {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  if (bytes.byteLength === bytes.buffer.byteLength) return bytes;
  const own = Buffer.allocUnsafeSlow(bytes.byteLength);
  bytes.copy(own);
  return own;
}

/** `entities`: the keys that purge it, each on a line of its own (entity keys hold no line breaks). */
type StoredResponse = {
  body: Buffer;
  headers: Record<string, string>;
  entities: Buffer;
  bytes: number;
};
