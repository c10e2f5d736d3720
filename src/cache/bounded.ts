// Caches bounded by the memory they hold, not by how many entries they have: one request can bring a
// 240 KB document or a 200 KB page, so a bound by count alone lets a few thousand valid requests
// exhaust the heap. Sizes are estimates of V8 heap bytes, on the high side.
import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';

/** Heap bytes per AST node with its location and tokens (measured: about 283 on Node 20). */
const AST_NODE_BYTES = 300;

/** Parsed documents yoga keeps (keyed by their text), and the texts that failed to parse. */
const PARSED_DOCUMENTS_BYTES = 32 * 1024 * 1024;

/** Bytes V8 holds for a string: one per character if all are Latin-1, else two, plus a header. */
export function stringBytes(text: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the whole Latin-1 range is the point
  return 16 + (/[^\u0000-\u00ff]/.test(text) ? 2 : 1) * text.length;
}

export type BoundedCacheOptions<K, V> = {
  /** Total estimated bytes of every entry, keys included. */
  maxBytes: number;
  /** Entries estimated above this are not kept at all (default: a sixteenth of maxBytes). */
  maxEntryBytes?: number;
  /** Entries kept at most, whatever their size. */
  maxEntries?: number;
  /** The estimated bytes of an entry, its key included. */
  sizeOf: (value: V, key: K) => number;
  /** Called when an entry leaves the cache (evicted, replaced, deleted or cleared). */
  onEvict?: (value: V, key: K) => void;
};

/** An LRU map from keys to values whose estimated total size stays under `maxBytes`. */
export function boundedCache<K extends {}, V extends {}>(
  options: BoundedCacheOptions<K, V>,
): LRUCache<K, V> {
  const maxEntryBytes = options.maxEntryBytes ?? Math.floor(options.maxBytes / 16);
  const { onEvict } = options;
  return new LRUCache<K, V>({
    maxSize: options.maxBytes,
    maxEntrySize: maxEntryBytes,
    max: options.maxEntries,
    // A size of at least 1: lru-cache refuses zero.
    sizeCalculation: (value, key) => Math.max(1, Math.ceil(options.sizeOf(value, key))),
    ...(onEvict ? { dispose: (value: V, key: K) => onEvict(value, key) } : {}),
  });
}

/**
 * A cache of values derived from text (documents, request bodies), keyed by the text itself: the
 * key's bytes count against the bound, and texts too large to be worth keeping are not kept.
 */
export function textKeyedCache<V extends {}>(options: {
  maxBytes: number;
  maxEntryBytes?: number;
  /** Estimated bytes of a value beyond its key (default: a small constant). */
  valueBytes?: (value: V, key: string) => number;
}): LRUCache<string, V> {
  const valueBytes = options.valueBytes ?? (() => 64);
  return boundedCache<string, V>({
    maxBytes: options.maxBytes,
    maxEntryBytes: options.maxEntryBytes,
    sizeOf: (value, key) => stringBytes(key) + valueBytes(value, key),
  });
}

/**
 * Gets `key`'s value, computing and keeping it on a miss. The estimate is made before the set, so a
 * text too large to keep costs nothing but the computation.
 */
export function memo<V extends {}>(cache: LRUCache<string, V>, key: string, make: () => V): V {
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const value = make();
  if (stringBytes(key) <= cache.maxEntrySize) cache.set(key, value);
  return value;
}

/** AST nodes in a parsed document (or part of one). */
export function astNodes(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + astNodes(item), 0);
  if (value === null || typeof value !== 'object' || !('kind' in value)) return 0;
  let nodes = 1;
  for (const [key, child] of Object.entries(value)) if (key !== 'loc') nodes += astNodes(child);
  return nodes;
}

/** Estimated heap bytes of a parsed document, its source text aside. */
export function astBytes(document: DocumentNode): number {
  return astNodes(document) * AST_NODE_BYTES;
}

/**
 * yoga's `parserAndValidationCache`, bounded in bytes: its default keeps 1,024 documents keyed by
 * their text whatever their size. Validation results stay in yoga's WeakMap, keyed by the parsed
 * document, so they go when it does. The document's source is its key, so it is counted once.
 */
export function boundedParserCache(maxBytes = PARSED_DOCUMENTS_BYTES) {
  return {
    documentCache: textKeyedCache<DocumentNode>({
      maxBytes,
      maxEntryBytes: Math.floor(maxBytes / 32),
      valueBytes: astBytes,
    }),
    errorCache: textKeyedCache<object>({
      maxBytes: Math.floor(maxBytes / 8),
      valueBytes: () => 2048,
    }),
    validationCache: true,
  };
}
