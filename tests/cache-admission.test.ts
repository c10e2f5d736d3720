// The response cache stores an answer on the second miss of its key (cache/admission.ts): a page
// asked for once costs what an uncached read costs, and a page asked for again is served from the
// cache from then on. Both ways into the cache keep to it: the fast path's compiled misses and
// yoga's answers through the cache plugin.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAdmission } from '../src/cache/admission.js';
import { memoryStoresInProcess, purgeCachesInProcess } from '../src/cache/index.js';
import type { MemoryResponseStore } from '../src/cache/store.js';
import { readEnv } from '../src/env.js';
import { ingestFile } from '../src/services/ingest.js';
import { defaultSeedsDir } from '../src/services/seed.js';
import { createNewsgraphServer, yogaOptionsFrom } from '../src/yoga.js';
import { clearDatabase, db } from './support/db.js';
import { serveInProcess } from './support/server.js';

function cachedServer(env: Record<string, string>) {
  const before = new Set(memoryStoresInProcess());
  const server = createNewsgraphServer(
    yogaOptionsFrom(readEnv({ NODE_ENV: 'test', RESPONSE_CACHE_TTL: '60', ...env })),
  );
  const store = memoryStoresInProcess().find((s) => !before.has(s)) as MemoryResponseStore;
  return { store, served: serveInProcess(server.listener, () => server.yoga.dispose()) };
}

// The production default, with the fast path (compiled reads) and without (yoga and the plugin).
const compiled = cachedServer({ COMPILED_READS: 'true' });
const throughYoga = cachedServer({ COMPILED_READS: 'false' });
const storeAtOnce = cachedServer({ COMPILED_READS: 'true', RESPONSE_CACHE_ADMIT_AFTER: '1' });

const slug = 'russia-hacked-election-probe-update-kremlin-denies-interfering-in-us-elections';
const query = 'query($slug: String!) { article(slug: $slug) { headline quotes { text } } }';

async function post(url: string, variables: Record<string, unknown> = { slug }) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.text();
  expect(response.status).toBe(200);
  return { cache: response.headers.get('x-newsgraph-cache'), body };
}

beforeAll(async () => {
  await clearDatabase();
  await purgeCachesInProcess('all');
  await ingestFile(db, path.join(defaultSeedsDir, 'seed-article.txt'));
});

describe('admission', () => {
  it('admits a key on its n-th miss, then counts afresh', () => {
    const admission = createAdmission(2);
    const key = `|${'a'.repeat(64)}`;
    expect([1, 2, 3, 4].map(() => admission.admit(key))).toEqual([false, true, false, true]);
    // Another key keeps its own count.
    expect(admission.admit(`|${'b'.repeat(64)}`)).toBe(false);
    const three = createAdmission(3);
    expect([1, 2, 3].map(() => three.admit(key))).toEqual([false, false, true]);
    expect([1, 2].map(() => createAdmission(1).admit(key))).toEqual([true, true]);
  });

  it('takes a count back for a miss another path will count', () => {
    const admission = createAdmission(2);
    const key = `|${'c'.repeat(64)}`;
    admission.retract(key, admission.admit(key)); // counted, then left to yoga
    expect(admission.admit(key)).toBe(false); // still the first miss
    const admitted = admission.admit(key);
    expect(admitted).toBe(true);
    admission.retract(key, admitted);
    expect(admission.admit(key)).toBe(true); // the second miss, counted once
  });

  it('counts a miss once when the fast path leaves it to yoga', async () => {
    // The cache cannot mark this document (another field answers as `id`), so the fast path
    // declines the stored read and yoga's plugin stores the answer, on the second miss as ever.
    const aliased = 'query($slug: String!) { article(slug: $slug) { id: headline } }';
    const send = async () => {
      const response = await fetch(compiled.served.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: aliased, variables: { slug } }),
      });
      expect(response.status).toBe(200);
      return response.headers.get('x-newsgraph-cache');
    };
    await send();
    await send();
    expect(await send()).toBe('hit');
  });

  it.each([
    ['the fast path', compiled],
    ['yoga and the cache plugin', throughYoga],
  ])(
    'through %s, stores an answer on its second miss and serves the third from the cache',
    async (_way, server) => {
      // The first request may start the outbox watcher (yoga answers it); begin from an empty store.
      await post(server.served.url, { slug: 'warm-up' });
      const stored = () => server.store.keys().length;
      const before = stored();
      const first = await post(server.served.url);
      expect(stored()).toBe(before); // asked for once: not stored
      const second = await post(server.served.url);
      expect(stored()).toBe(before + 1);
      const third = await post(server.served.url);
      expect(third.cache).toBe('hit');
      // All three are the same answer, byte for byte.
      expect(new Set([first.body, second.body, third.body]).size).toBe(1);
      expect(JSON.parse(first.body).data.article.headline).toMatch(/Kremlin/);
    },
  );

  it('stores every answer at once with RESPONSE_CACHE_ADMIT_AFTER=1', async () => {
    await post(storeAtOnce.served.url, { slug: 'warm-up' });
    const first = await post(storeAtOnce.served.url);
    const second = await post(storeAtOnce.served.url);
    expect([first.cache, second.cache]).toEqual(['miss', 'hit']);
  });

  it('refuses an admission below 1 or above 10', () => {
    expect(() => readEnv({ NODE_ENV: 'test', RESPONSE_CACHE_ADMIT_AFTER: '0' })).toThrow(
      /RESPONSE_CACHE_ADMIT_AFTER/,
    );
    expect(() => readEnv({ NODE_ENV: 'test', RESPONSE_CACHE_ADMIT_AFTER: '11' })).toThrow(
      /RESPONSE_CACHE_ADMIT_AFTER/,
    );
  });
});
