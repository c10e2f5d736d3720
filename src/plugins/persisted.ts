// Persisted operations: trusted documents from the client's manifest (`npm run persisted`), and,
// when turned on, automatic persisted queries (Apollo's protocol: a hash-only request for an unknown
// hash gets PersistedQueryNotFound, then the client sends the hash with the document to register it).
import { createHash } from 'node:crypto';
import { createGraphQLError, createLRUCache, type GraphQLParams, type Plugin } from 'graphql-yoga';
import { Redis } from 'ioredis';
import manifest from '../client/persisted-operations.json' with { type: 'json' };
import type { Env } from '../env.js';

export type AutomaticPersistedQueriesOptions = {
  /** Documents kept (per process in memory; in Redis for all processes when redisUrl is set). */
  maxEntries: number;
  /** Longer documents are run but not registered, so the client keeps sending them in full. */
  maxDocumentBytes: number;
  redisUrl?: string;
  redisKeyPrefix: string;
};

export type PersistedOptions = {
  /** Trusted documents only: a document sent in full runs only if it is one of the manifest's. */
  only: boolean;
  /** In trusted-only mode, run any document anyway; set only by an explicit GRAPHIQL=true. */
  arbitraryForGraphiql: boolean;
  /** Off (undefined) by default. Trusted-only mode wins: nothing is registered or looked up then. */
  automatic: AutomaticPersistedQueriesOptions | undefined;
};

export function persistedOptionsFrom(source: Env): PersistedOptions {
  const only = source.PERSISTED_ONLY;
  return {
    only,
    // Not "outside production": a staging or test deployment with PERSISTED_ONLY must behave as
    // production will, so opening it up for GraphiQL is a separate, explicit decision.
    arbitraryForGraphiql: only && source.GRAPHIQL === true,
    automatic:
      source.AUTOMATIC_PERSISTED_QUERIES && !only
        ? {
            maxEntries: source.AUTOMATIC_PERSISTED_QUERIES_MAX,
            maxDocumentBytes: source.AUTOMATIC_PERSISTED_QUERIES_MAX_BYTES,
            redisUrl: source.REDIS_URL,
            redisKeyPrefix: source.REDIS_KEY_PREFIX,
          }
        : undefined,
  };
}

/** sha256 in lowercase hex, as Apollo Client, urql and `src/client/hash.ts` send it. */
const HASH = /^[0-9a-f]{64}$/;

// A Map, not the JSON object: a hash such as `__proto__` must find nothing rather than a prototype.
const trusted = new Map(Object.entries(manifest as Record<string, string>));

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const errors = {
  notFound: () =>
    createGraphQLError('PersistedQueryNotFound', {
      extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 404 } },
    }),
  only: (message: string) =>
    createGraphQLError(message, {
      extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 403 } },
    }),
  badInput: (message: string) =>
    createGraphQLError(message, {
      extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
    }),
};

/** The hash a request names, undefined when it names none; a malformed one is the client's error. */
function requestedHash(params: GraphQLParams): string | undefined {
  const persisted = (params.extensions as Record<string, unknown> | undefined)?.persistedQuery;
  if (persisted === undefined || persisted === null) return undefined;
  if (typeof persisted !== 'object' || Array.isArray(persisted))
    throw errors.badInput('extensions.persistedQuery must be an object');
  const { version, sha256Hash } = persisted as Record<string, unknown>;
  if (version !== 1) throw errors.badInput('extensions.persistedQuery.version must be 1');
  if (typeof sha256Hash !== 'string' || !HASH.test(sha256Hash))
    throw errors.badInput(
      'extensions.persistedQuery.sha256Hash must be a sha256 hash in lowercase hex (64 characters)',
    );
  return sha256Hash;
}

export function usePersistedOperations(
  options: PersistedOptions,
  log: { error(message: string): void },
): Plugin {
  const automatic = options.automatic && registeredDocuments(options.automatic, log);
  const arbitraryAllowed = !options.only || options.arbitraryForGraphiql;
  return {
    async onParams({ params, setParams }) {
      const hash = requestedHash(params);
      const { query } = params;
      if (typeof query === 'string' && query !== '') {
        // Hashed only when a hash is claimed or trust must be proven, so open mode costs nothing.
        const actual = hash !== undefined || !arbitraryAllowed ? sha256(query) : undefined;
        if (hash !== undefined && actual !== hash)
          throw errors.badInput(
            'extensions.persistedQuery.sha256Hash is not the sha256 of the query sent with it',
          );
        if (!arbitraryAllowed && !trusted.has(actual as string))
          throw errors.only(
            hash === undefined
              ? 'Only persisted operations are accepted here; send extensions.persistedQuery.sha256Hash'
              : 'Only trusted documents are accepted here; automatic persisted queries cannot register new ones',
          );
        if (hash !== undefined && automatic && !trusted.has(hash))
          await automatic.register(hash, query);
        return;
      }
      if (hash === undefined)
        throw errors.badInput('send a query, or extensions.persistedQuery.sha256Hash');
      const document = trusted.get(hash) ?? (await automatic?.get(hash));
      if (document === undefined) throw errors.notFound();
      setParams({ ...params, query: document });
    },
    async onDispose() {
      await automatic?.close();
    },
  };
}

type DocumentStore = {
  get(hash: string): Promise<string | undefined>;
  register(hash: string, document: string): Promise<void>;
  close(): Promise<void>;
};

/** Registered documents: an LRU in this process, in front of Redis when it is shared. */
function registeredDocuments(
  options: AutomaticPersistedQueriesOptions,
  log: { error(message: string): void },
): DocumentStore {
  // A hash names one document for good, so a local copy can never be stale.
  const local = createLRUCache<string>({ max: options.maxEntries });
  const shared = options.redisUrl
    ? new RedisDocuments(options.redisUrl, options.redisKeyPrefix, options.maxEntries, (error) =>
        log.error(`automatic persisted queries: ${error.message}`),
      )
    : undefined;
  return {
    async get(hash) {
      const found = local.get(hash) ?? (await shared?.get(hash));
      if (found !== undefined) local.set(hash, found);
      return found;
    },
    async register(hash, document) {
      if (Buffer.byteLength(document) > options.maxDocumentBytes) return;
      local.set(hash, document);
      await shared?.register(hash, document);
    },
    async close() {
      shared?.close();
    },
  };
}

// KEYS: document, recency set, clock. ARGV: hash, document, max entries, document key prefix.
// Stores the document and evicts the least recently used beyond the limit, atomically, so the
// bound holds however many processes register at once.
const registerScript = `
redis.call('SET', KEYS[1], ARGV[2])
redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[1])
local over = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[3])
if over > 0 then
  local evicted = redis.call('ZPOPMIN', KEYS[2], over)
  for i = 1, #evicted, 2 do redis.call('DEL', ARGV[4] .. evicted[i]) end
end
return 1`;

// KEYS: document, recency set, clock. ARGV: hash. Reads the document and marks it recently used.
const getScript = `
local document = redis.call('GET', KEYS[1])
if document then redis.call('ZADD', KEYS[2], 'XX', redis.call('INCR', KEYS[3]), ARGV[1]) end
return document`;

/**
 * Registrations shared by every process. Redis failing is never the client's problem: a lookup
 * that fails is a miss (the client then sends the document), a registration that fails is skipped.
 * Under REDIS_KEY_PREFIX, so `npm run cache:clear` drops them too; clients simply register again.
 */
class RedisDocuments {
  private readonly redis: Redis;
  private readonly keys: { document: string; recency: string; clock: string };
  private readonly connected: Promise<void>;

  constructor(
    url: string,
    prefix: string,
    private readonly maxEntries: number,
    private readonly onError: (error: Error) => void,
  ) {
    this.keys = {
      document: `${prefix}apq:d:`,
      recency: `${prefix}apq:lru`,
      clock: `${prefix}apq:clock`,
    };
    this.redis = new Redis(url, {
      maxRetriesPerRequest: 1,
      commandTimeout: 1_000,
      enableOfflineQueue: false,
    });
    this.redis.on('error', onError);
    // Commands fail at once while Redis is unreachable (a miss, not a stall), so the first ones
    // wait for the initial connection, or its first failure, instead of failing before it exists.
    this.connected = new Promise<void>((resolve) => {
      this.redis.once('ready', resolve);
      this.redis.once('error', () => resolve());
    });
  }

  async get(hash: string): Promise<string | undefined> {
    try {
      await this.connected;
      const found = await this.redis.eval(
        getScript,
        3,
        this.keys.document + hash,
        this.keys.recency,
        this.keys.clock,
        hash,
      );
      return typeof found === 'string' ? found : undefined;
    } catch (error) {
      this.onError(error as Error);
      return undefined;
    }
  }

  async register(hash: string, document: string): Promise<void> {
    try {
      await this.connected;
      await this.redis.eval(
        registerScript,
        3,
        this.keys.document + hash,
        this.keys.recency,
        this.keys.clock,
        hash,
        document,
        this.maxEntries,
        this.keys.document,
      );
    } catch (error) {
      // The document runs anyway; the next hash-only request asks for it again.
      this.onError(error as Error);
    }
  }

  close(): void {
    this.redis.disconnect();
  }
}
