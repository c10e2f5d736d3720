// The response cache shared by every process through Redis (REDIS_URL). Keys carry a prefix so
// several deployments or test runs can share one Redis. Storing and invalidating are Lua scripts, so
// "store only if nothing was invalidated since this request missed" is atomic across processes.
import { Redis } from 'ioredis';
import type { CacheEntity } from './entities.js';
import { entityKey } from './entities.js';
import { PendingMisses, type ResponseStore, TextResult } from './store.js';

// KEYS: generation, response, then the entity sets to add the cache key to.
// ARGV: expected generation, response JSON, ttl in ms (0 = none), cache key.
const storeIfCurrent = `
if (redis.call('GET', KEYS[1]) or '0') ~= ARGV[1] then return 0 end
if tonumber(ARGV[3]) > 0 then
  redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
else
  redis.call('SET', KEYS[2], ARGV[2])
end
for i = 3, #KEYS do redis.call('SADD', KEYS[i], ARGV[4]) end
return 1`;

// KEYS: generation, then the entity sets whose responses to drop. ARGV: the response key prefix.
const invalidateEntities = `
redis.call('INCR', KEYS[1])
for i = 2, #KEYS do
  for _, member in ipairs(redis.call('SMEMBERS', KEYS[i])) do
    redis.call('DEL', ARGV[1] .. member)
  end
  redis.call('DEL', KEYS[i])
end
return 1`;

export type RedisStoreOptions = { url: string; prefix: string; onError?: (error: Error) => void };

export class RedisResponseStore implements ResponseStore {
  private readonly redis: Redis;
  private readonly pending = new PendingMisses<string>();
  private readonly keys: { generation: string; response: string; entity: string };
  /** Set when Redis failed us; on reconnection everything is dropped, as invalidations may be lost. */
  private missedInvalidations = false;

  constructor(private readonly options: RedisStoreOptions) {
    const { prefix } = options;
    this.keys = { generation: `${prefix}gen`, response: `${prefix}r:`, entity: `${prefix}e:` };
    this.redis = new Redis(options.url, {
      // A cache must never stall a request: fail fast and answer from the database instead.
      maxRetriesPerRequest: 1,
      commandTimeout: 1_000,
      enableOfflineQueue: false,
      lazyConnect: false,
    });
    this.redis.on('error', (error: Error) => {
      this.missedInvalidations = true;
      options.onError?.(error);
    });
    this.redis.on('ready', () => {
      if (this.missedInvalidations) void this.clear().catch(() => {});
    });
  }

  /** Resolves once connected, so a process can report a bad REDIS_URL at start-up. */
  async ready(): Promise<void> {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve, reject) => {
      this.redis.once('ready', resolve);
      this.redis.once('error', reject);
    });
  }

  async get(key: string) {
    try {
      const [response, generation] = await this.redis.mget(
        this.keys.response + key,
        this.keys.generation,
      );
      if (response != null) return JSON.parse(response);
      this.pending.note(key, generation ?? '0');
    } catch (error) {
      this.options.onError?.(error as Error);
    }
    return undefined;
  }

  async set(
    key: string,
    result: unknown,
    entities: Iterable<CacheEntity>,
    ttl: number,
  ): Promise<void> {
    const generation = this.pending.take(key);
    if (generation === undefined) return;
    const entitySets = [...entities].map((entity) => this.keys.entity + entityKey(entity));
    try {
      await this.redis.eval(
        storeIfCurrent,
        2 + entitySets.length,
        this.keys.generation,
        this.keys.response + key,
        ...entitySets,
        generation,
        // A compiled miss's text is already what printing its parsed result would give.
        result instanceof TextResult ? result.body : JSON.stringify(result),
        Number.isFinite(ttl) ? Math.max(1, Math.round(ttl)) : 0,
        key,
      );
    } catch (error) {
      this.options.onError?.(error as Error);
    }
  }

  async invalidate(entities: Iterable<CacheEntity>): Promise<void> {
    const entitySets = [...entities].map((entity) => this.keys.entity + entityKey(entity));
    this.pending.clear();
    try {
      await this.redis.eval(
        invalidateEntities,
        1 + entitySets.length,
        this.keys.generation,
        ...entitySets,
        this.keys.response,
      );
    } catch (error) {
      this.missedInvalidations = true;
      throw error;
    }
  }

  async clear(): Promise<void> {
    this.pending.clear();
    await this.redis.incr(this.keys.generation);
    let cursor = '0';
    do {
      const [next, found] = await this.redis.scan(
        cursor,
        'MATCH',
        `${this.options.prefix}*`,
        'COUNT',
        500,
      );
      cursor = next;
      const doomed = found.filter((key) => key !== this.keys.generation);
      if (doomed.length) await this.redis.del(...doomed);
    } while (cursor !== '0');
    this.missedInvalidations = false;
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
