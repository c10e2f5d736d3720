// The response cache: public reads are answered from a per-process LRU, or from Redis when REDIS_URL
// is set, keyed on a hash of the document, operation and variables. Every write purges exactly the responses
// that contain what it changed (see entities.ts), in this process at once and in others through the
// outbox. Editors' requests are never cached. Answers are the public's view, which changes by the
// clock alone when a scheduled story goes live: nothing is served past that moment (GoLiveHorizon).

import { createHash } from 'node:crypto';
import {
  type BuildResponseCacheKeyFunction,
  useResponseCache as useYogaResponseCache,
} from '@graphql-yoga/plugin-response-cache';
import jsonStableStringify from 'fast-json-stable-stringify';
import { type DocumentNode, type GraphQLSchema, parse, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GlobalIdSink } from '../db/readers.js';
import type { DatabaseTarget } from '../db/url.js';
import {
  type DataRead,
  dataBody,
  type FastAnswer,
  printedData,
  readParams,
} from '../graphql-params.js';
import { type Admission, createAdmission } from './admission.js';
import { memo, textKeyedCache } from './bounded.js';
import { type CacheEntity, entityFromKey } from './entities.js';
import { type EntityScan, entityScan, MARKER_PREFIX } from './entity-markers.js';
import { RedisResponseStore } from './redis-store.js';
import {
  type CachedResult,
  MemoryResponseStore,
  type ResponseStore,
  serialise,
  TextResult,
} from './store.js';
import { type OutboxWatcher, type Purge, watchOutbox } from './watcher.js';

export type ResponseCacheOptions = {
  /** Seconds a response may be served from the cache; 0 turns the cache off. */
  ttlSeconds: number;
  /** Responses each process keeps in memory (ignored with Redis). */
  maxEntries: number;
  /** Estimated bytes those responses may take together (ignored with Redis). */
  maxBytes: number;
  /** The miss of a key on which its answer is stored (see admission.ts); 1 stores every one. */
  admitAfter: number;
  redisUrl?: string;
  redisKeyPrefix: string;
};

/**
 * Every store in this process, so a write made here purges them before it returns; each maps to
 * the store that holds the answers (the same one, or the one a view wraps), for inspection.
 */
const storesInProcess = new Map<ResponseStore, ResponseStore>();

/** Purges every cache this process holds; writers call it after their transaction commits. */
export async function purgeCachesInProcess(entities: CacheEntity[] | 'all'): Promise<void> {
  await Promise.all(
    [...storesInProcess.keys()].map((store) =>
      entities === 'all' ? store.clear() : store.invalidate(entities),
    ),
  );
}

export function createResponseStore(
  options: ResponseCacheOptions,
  onError?: (error: Error) => void,
): ResponseStore {
  return options.redisUrl
    ? new RedisResponseStore({ url: options.redisUrl, prefix: options.redisKeyPrefix, onError })
    : new MemoryResponseStore({ maxBytes: options.maxBytes, maxEntries: options.maxEntries });
}

/** This process's in-memory stores, for inspecting what they hold (tests, diagnostics). */
export function memoryStoresInProcess(): MemoryResponseStore[] {
  return [...storesInProcess.values()].filter((store) => store instanceof MemoryResponseStore);
}

export function registerStore(store: ResponseStore, holding: ResponseStore = store): () => void {
  storesInProcess.set(store, holding);
  return () => storesInProcess.delete(store);
}

// A list's membership can change without any member changing (a new article joins `articles`), so a
// cached list must be purged by the list's type. The plugin records only objects with ids; the list
// types a document asks for travel in its cache key instead, and are added back when it is stored.
const listTypeByRootField: Record<string, string> = {
  articles: 'ArticleConnection',
  people: 'PersonConnection',
  quotes: 'QuoteConnection',
  teasers: 'TeaserConnection',
};
// Parsing a document again costs more than remembering its answer, but the texts are the client's:
// bounded in bytes, so large documents (a 240 KB comment is valid) are reparsed rather than kept.
const prefixesByDocument = textKeyedCache<string>({ maxBytes: 2 * 1024 * 1024 });

/**
 * Marks the key of an answer that is never stored: its document can leave out of the answer the
 * `id` or `__typename` the cache records an object by (`id @include(if: $x)`), or uses the cache's
 * own marker names (`__responseCacheId: slug`), so what it records could miss what a write purges.
 */
const UNSTORED = '!';

/** What a cache key starts with: UNSTORED, or the list types the document asks for. */
function keyPrefixOf(documentString: string): string {
  return memo(prefixesByDocument, documentString, () => {
    let document: DocumentNode;
    try {
      document = parse(documentString);
    } catch {
      return ''; // Unparseable documents fail validation and are never stored.
    }
    let unstored = false;
    visit(document, {
      Field(node) {
        const name = node.name.value;
        if (node.alias?.value.startsWith(MARKER_PREFIX)) unstored = true;
        if ((name === 'id' || name === '__typename') && node.directives?.length) unstored = true;
      },
    });
    if (unstored) return UNSTORED;
    const rootFields = document.definitions.flatMap((definition) =>
      definition.kind === 'OperationDefinition'
        ? definition.selectionSet.selections.flatMap((s) =>
            s.kind === 'Field' ? [s.name.value] : [],
          )
        : [],
    );
    return [...new Set(rootFields.flatMap((f) => listTypeByRootField[f] ?? []))].join(',');
  });
}

/**
 * The plugin's own key (`defaultBuildResponseCacheKey`: the sha256 of document, operation, variables
 * and session), hashed synchronously. The plugin hashes with WebCrypto, which hands every hash to
 * the thread pool; for a miss at the HTTP layer that round trip cost more than the rest of the key.
 * tests/response-cache.test.ts holds the two to the same keys.
 */
export function responseKey(params: Parameters<BuildResponseCacheKeyFunction>[0]): string {
  const text = [
    params.documentString,
    params.operationName ?? '',
    jsonStableStringify(params.variableValues ?? {}),
    params.sessionId ?? '',
  ].join('|');
  return createHash('sha256').update(text).digest('hex');
}

const buildCacheKey = (params: Parameters<BuildResponseCacheKeyFunction>[0]): string => {
  const context = params.context as { params?: { extensions?: Record<string, unknown> } };
  const persisted = context.params?.extensions?.persistedQuery as
    | { sha256Hash?: unknown }
    | undefined;
  const key = responseKey({
    ...params,
    // A persisted request may carry only its hash; the hash names the document just as well.
    documentString: params.documentString || `persisted:${String(persisted?.sha256Hash ?? '')}`,
  });
  return `${keyPrefixOf(params.documentString)}|${key}`;
};

/** The list types recorded in a cache key by `buildCacheKey`. */
function listEntitiesOfKey(key: string): CacheEntity[] {
  const types = key.slice(0, key.indexOf('|'));
  return types ? types.split(',').map(entityFromKey) : [];
}

const isUnstored = (key: string) => key.startsWith(`${UNSTORED}|`);

/**
 * The store as the plugin sees it: list types from the key join the entities of each response, and
 * answers whose key says so are not stored.
 */
function withListEntities(store: ResponseStore): ResponseStore {
  return {
    get: (key) => store.get(key),
    set: async (key, result, entities, ttl) => {
      if (!isUnstored(key))
        await store.set(key, result, [...entities, ...listEntitiesOfKey(key)], ttl);
    },
    invalidate: (entities) => store.invalidate(entities),
    clear: () => store.clear(),
    close: () => store.close(),
  };
}

/**
 * When the public's view next changes with no write: the next scheduled go-live. The clock is the
 * server's (yoga options' `now`); `next` asks the database, once after each write.
 */
export type Visibility = {
  now: () => number;
  next: (now: Date) => Promise<number | null>;
};

/** The next go-live, remembered until a write (which may schedule an earlier one) forgets it. */
class GoLiveHorizon {
  private at: number | undefined;
  private loading: Promise<number> | undefined;
  private writes = 0;

  constructor(private readonly visibility: Visibility) {}

  forget(): void {
    this.writes += 1;
    this.at = undefined;
    this.loading = undefined;
  }

  /** The instant (ms) answers stored now must be gone by; Infinity when nothing is scheduled. */
  until(): Promise<number> {
    if (this.at !== undefined) return Promise.resolve(this.at);
    const writes = this.writes;
    this.loading ??= this.visibility.next(new Date(this.visibility.now())).then((next) => {
      const at = next ?? Number.POSITIVE_INFINITY;
      // A write while asking may have scheduled an earlier story: ask again next time.
      if (writes === this.writes) this.at = at;
      this.loading = undefined;
      return at;
    });
    return this.loading;
  }
}

/** The store as the plugin sees it, storing only answers the admission lets in. */
function admitting(store: ResponseStore, admission: Admission): ResponseStore {
  return {
    get: (key) => store.get(key),
    set: (key, result, entities, ttl) =>
      admission.admit(key) ? store.set(key, result, entities, ttl) : undefined,
    invalidate: (entities) => store.invalidate(entities),
    clear: () => store.clear(),
    close: () => store.close(),
  };
}

/** A store whose writes (invalidations) also make `onWrite` run, so the horizon is asked again. */
function noticingWrites(store: ResponseStore, onWrite: () => void): ResponseStore {
  return {
    get: (key) => store.get(key),
    set: (key, result, entities, ttl) => store.set(key, result, entities, ttl),
    invalidate: (entities) => {
      onWrite();
      return store.invalidate(entities);
    },
    clear: () => {
      onWrite();
      return store.clear();
    },
    close: () => store.close(),
  };
}

/** The store as the plugin sees it, with every entry's TTL cut to end at the next go-live. */
function expiringAtGoLive(
  store: ResponseStore,
  horizon: GoLiveHorizon,
  now: () => number,
): ResponseStore {
  return {
    get: (key) => store.get(key),
    set: async (key, result, entities, ttl) => {
      const left = (await horizon.until()) - now();
      // Too late to be worth storing (and a TTL of 0 would mean "for ever" to the memory store).
      if (left <= 0) return;
      return store.set(key, result, entities, Math.min(ttl, left));
    },
    invalidate: (entities) => store.invalidate(entities),
    clear: () => store.clear(),
    close: () => store.close(),
  };
}

export type ResponseCache = {
  /** Keeping in step with other processes' writes, then the cache itself. */
  plugins: Plugin[];
  /** Answers a plain POST from the same store under the same key, for the HTTP fast path. */
  lookup: FastAnswer | undefined;
  /**
   * `lookup`, and on a miss the compiled read of the same POST, stored as the plugin would store
   * yoga's answer: a miss then costs what an uncached compiled read costs.
   */
  withMisses: ((read: DataRead) => FastAnswer) | undefined;
  /** The next go-live (ms; Infinity when none), remembered until a write; undefined when off. */
  goLive: (() => Promise<number>) | undefined;
};

/**
 * Which answers are stored: no errors, and no lookup that found nothing (`article(slug:)` → null),
 * whose answer changes when the article arrives with no entity in it to say so.
 */
function cacheableAnswer(result: { data?: unknown; errors?: readonly unknown[] }): boolean {
  return (
    !result.errors?.length &&
    result.data != null &&
    Object.values(result.data).every((value) => value !== null)
  );
}

/** A miss the fast path answered with a compiled read and stored. */
const COMPILED_MISS_HEADERS = { 'x-newsgraph-read': 'compiled', 'x-newsgraph-cache': 'miss' };

/** The response cache, or no plugins and no lookup when it is off. */
export function createResponseCache(
  options: ResponseCacheOptions,
  database: DatabaseTarget,
  schema: GraphQLSchema,
  log: { error(message: string): void },
  visibility: Visibility,
): ResponseCache {
  if (options.ttlSeconds <= 0)
    return { plugins: [], lookup: undefined, withMisses: undefined, goLive: undefined };
  const stored = createResponseStore(options, (error) =>
    log.error(`response cache: ${error.message}`),
  );
  const horizon = new GoLiveHorizon(visibility);
  const tracked = noticingWrites(stored, () => horizon.forget());
  const store = expiringAtGoLive(withListEntities(tracked), horizon, visibility.now);
  const admission = createAdmission(options.admitAfter);
  // The store itself, not the views above: purging goes straight through it either way.
  const unregister = registerStore(tracked, stored);
  /**
   * Drops every answer once a story has gone live since they were stored. Their TTLs already end
   * there by the system clock; this also holds for a clock that jumps (tests) or another process's.
   */
  const expireAtGoLive = async () => {
    if (visibility.now() >= (await horizon.until())) await tracked.clear();
  };
  const purge: Purge = (entities) =>
    entities === 'all' ? store.clear() : store.invalidate(entities);

  // Without a running watcher another process's write could go unseen, so until it runs (the
  // database may not even exist when the server module loads) responses are neither served nor stored.
  let watcher: OutboxWatcher | undefined;
  let starting: Promise<void> | undefined;
  const startWatching = () => {
    starting ??= watchOutbox(database, purge).then(
      (started) => {
        watcher = started;
      },
      (error: Error) => {
        log.error(`response cache: not serving cached responses yet: ${error.message}`);
        starting = undefined;
      },
    );
    return starting;
  };
  const inMemoryDatabase = database.provider === 'sqlite' && database.file === ':memory:';

  const keepInStep: Plugin = {
    async onParams() {
      if (watcher) await watcher.sync();
      else if (!inMemoryDatabase) await startWatching().then(() => watcher?.sync());
      if (watcher || inMemoryDatabase) await expireAtGoLive();
    },
    async onDispose() {
      unregister();
      await starting;
      await watcher?.close();
      await store.close();
    },
  };
  // Any request with credentials bypasses the cache both ways. The header is checked, not
  // `context.isEditor`, because the lookup happens before the GraphQL context exists.
  const cacheable = (request: Request) =>
    !request.headers.has('authorization') && (watcher !== undefined || inMemoryDatabase);

  // A body names its cache key for good, and hashing it costs more than the rest of a hit:
  // remember the keys of recent bodies, within a few megabytes.
  const keysByBody = textKeyedCache<string>({
    maxBytes: 4 * 1024 * 1024,
    valueBytes: (key) => 16 + key.length,
  });
  const keyOf = (body: string): string | undefined => {
    let key = keysByBody.get(body);
    if (key === undefined) {
      const params = readParams(body);
      // Extensions are yoga's to interpret: a persisted query's hash must be checked against its
      // document (and an automatic one registered) even when the answer is cached.
      if (!params || params.extensions != null) return undefined;
      key = buildCacheKey({
        documentString: typeof params.query === 'string' ? params.query : '',
        operationName: typeof params.operationName === 'string' ? params.operationName : undefined,
        variableValues: params.variables as Record<string, unknown> | undefined,
        sessionId: null,
        context: { params },
      } as Parameters<BuildResponseCacheKeyFunction>[0]);
      keysByBody.set(body, key);
    }
    return key;
  };
  const lookup: FastAnswer = async (body: string) => {
    if (!watcher && !inMemoryDatabase) return undefined; // yoga starts the watcher
    await watcher?.sync();
    await expireAtGoLive();
    const key = keyOf(body);
    if (key === undefined) return undefined;
    // In memory the hit is kept as the bytes it sends; Redis hands back a fresh object each time.
    if (stored instanceof MemoryResponseStore) return stored.served(key);
    const cached = (await store.get(key)) as CachedResult | undefined | null;
    return cached ? serialise(cached) : undefined;
  };

  // How each document's answers are scanned, worked out once: the compiled statement cache keys
  // on the marked document.
  const scans = new WeakMap<DocumentNode, EntityScan | null>();
  const scanOf = (document: DocumentNode) => {
    let scan = scans.get(document);
    if (scan === undefined) {
      scan = entityScan(schema, document) ?? null;
      scans.set(document, scan);
    }
    return scan;
  };
  const ttl = options.ttlSeconds * 1_000;

  const withMisses =
    (read: DataRead): FastAnswer =>
    async (body) => {
      const hit = await lookup(body);
      if (hit || !watcher) return hit; // before the watcher runs, yoga answers (and starts it)
      const key = keyOf(body);
      if (key === undefined || isUnstored(key)) return undefined;
      // Not stored yet: answered as an uncached server answers, at its cost. A miss the fast path
      // leaves to yoga is not counted here: the plugin counts it when it stores.
      const admitted = admission.admit(key);
      const declined = () => {
        admission.retract(key, admitted);
        return undefined;
      };
      if (!admitted) {
        const text = await read(body);
        if (!text) return declined();
        return { body: dataBody(text), headers: COMPILED_MISS_HEADERS };
      }
      // Read after asking the store, as the plugin does: a write in between keeps the answer out.
      if ((await store.get(key)) != null) return declined();
      let scan: EntityScan | null = null;
      // On SQLite the statement hands over its global IDs as it builds them, so the answer need
      // not be searched for them (on a list page that search cost a third of a miss).
      const globalIds: GlobalIdSink = { ids: new Map(), complete: false };
      const text = await read(
        body,
        (document) => {
          scan = scanOf(document);
          return scan?.marked;
        },
        { globalIds },
      );
      const taken =
        text &&
        (scan as EntityScan | null)?.take(
          text.json,
          globalIds.complete ? globalIds.ids : undefined,
        );
      if (!text || !taken) return declined();
      const result = new TextResult(printedData({ json: taken.json, exact: text.exact }));
      // Parsed only when a root field may be null (a lookup that found nothing).
      if (!taken.rootMayBeNull || cacheableAnswer(result))
        await store.set(key, result, taken.entities, ttl);
      return { body: result.body, headers: COMPILED_MISS_HEADERS };
    };

  const plugins: Plugin[] = [
    keepInStep,
    useYogaResponseCache({
      cache: admitting(store, admission),
      ttl,
      session: () => null,
      enabled: cacheable,
      buildResponseCacheKey: buildCacheKey,
      // A hit must be the bytes of the miss before it (the HTTP fast path and ETags rely on it),
      // so no `extensions.responseCache` note, which the plugin otherwise adds in development.
      includeExtensionMetadata: false,
      // A lookup that found nothing (`article(slug:)` → null) is not stored: the answer changes when
      // the article arrives, and no entity in it says so.
      shouldCacheResult: ({ result }) => cacheableAnswer(result),
    }),
  ];
  return { plugins, lookup, withMisses, goLive: () => horizon.until() };
}

/**
 * For writers outside the server (the ingest and seed commands): with REDIS_URL set they purge the
 * shared cache themselves once each write commits, so every reader sees the write at once. If Redis
 * cannot be reached the write still goes ahead; servers then catch up from the outbox.
 */
export async function purgeSharedCacheOnWrites(
  redisUrl: string | undefined,
  prefix: string,
  warn: (line: string) => void,
): Promise<() => Promise<void>> {
  if (!redisUrl) return async () => {};
  const store = new RedisResponseStore({ url: redisUrl, prefix });
  try {
    await store.ready();
  } catch (error) {
    warn(`warning: Redis unreachable (${(error as Error).message}); servers will catch up instead`);
    await store.close();
    return async () => {};
  }
  const unregister = registerStore(store);
  return async () => {
    unregister();
    await store.close();
  };
}
