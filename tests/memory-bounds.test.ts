// Caches fed by what clients send are bounded in bytes: the response cache (through yoga and the
// HTTP fast path alike), and the parsed-document cache, which a valid document with a 240 KB comment
// would otherwise fill a thousand times over.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundedParserCache } from '../src/cache/bounded.js';
import { memoryStoresInProcess, purgeCachesInProcess } from '../src/cache/index.js';
import { MemoryResponseStore } from '../src/cache/store.js';
import { readEnv } from '../src/env.js';
import { createNewsgraphServer, yogaOptionsFrom } from '../src/yoga.js';
import { captureSql, clearDatabase } from './support/db.js';
import { makeArticle } from './support/factories.js';

const maxBytes = 256 * 1024;
/** Keys are the list types a document asks for, then a SHA-256 of document, operation and variables. */
const hashedKey = /^[A-Za-z,]*\|[0-9a-f]{64}$/;

describe('response cache bound', () => {
  const { yoga, listener } = createNewsgraphServer(
    yogaOptionsFrom(
      readEnv({
        NODE_ENV: 'test',
        RESPONSE_CACHE_TTL: '60',
        RESPONSE_CACHE_MAX_BYTES: String(maxBytes),
        // The bound is the point: every answer is stored (admission.ts has its own tests).
        RESPONSE_CACHE_ADMIT_AFTER: '1',
      }),
    ),
  );
  const server: Server = createServer(listener);
  let url = '';

  beforeAll(async () => {
    await clearDatabase();
    await purgeCachesInProcess('all');
    // 30 articles of about 2 KB each: a page of n of them is about n × 2 KB.
    for (let i = 0; i < 30; i++) {
      await makeArticle({ paragraphs: [`${i} ${'lorem ipsum '.repeat(170)}`] });
    }
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`;
  });
  afterAll(async () => {
    server.close();
    await yoga.dispose();
  });

  /** A page of `first` articles (about 2 KB each); `variant` makes the document distinct. */
  const post = (variant: number, first = 12) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `query Page($first: Int!) { p${variant}: articles(first: $first) { edges { node { paragraphs } } } }`,
        variables: { first },
      }),
    });
  const store = () => {
    const stores = memoryStoresInProcess();
    expect(stores).toHaveLength(1);
    return stores[0] as MemoryResponseStore;
  };

  it('keeps what it holds under RESPONSE_CACHE_MAX_BYTES, keyed by hashes', async () => {
    // 30 distinct pages of about 25 KB: 750 KB in all, three times the bound.
    for (let variant = 0; variant < 30; variant++) {
      const response = await post(variant);
      expect(response.status).toBe(200);
      expect((await response.json()).data[`p${variant}`].edges).toHaveLength(12);
    }
    const cache = store();
    const keys = cache.keys();
    expect(keys.length).toBeGreaterThan(3);
    expect(keys.length).toBeLessThan(15);
    expect(cache.retainedBytes).toBeLessThanOrEqual(maxBytes);
    // Measured apart from the store's own estimate: the bodies it would send.
    const bodies = keys.reduce((sum, key) => sum + (cache.served(key)?.body.length ?? 0), 0);
    expect(bodies).toBeGreaterThan(maxBytes / 2);
    expect(bodies).toBeLessThanOrEqual(maxBytes);
    for (const key of keys) expect(key).toMatch(hashedKey);
  });

  it('serves the HTTP fast path from the same bounded store', async () => {
    // The most recent page is answered from the store, without SQL.
    const recent = await captureSql(async () => (await post(29)).headers);
    expect(recent.result.get('x-newsgraph-cache')).toBe('hit');
    expect(recent.sql).toEqual([]);
    // The first was pushed out long ago: answered from the database.
    const first = await captureSql(async () => (await post(0)).headers);
    expect(first.result.get('x-newsgraph-cache')).toBe('miss');
    expect(first.sql.length).toBeGreaterThan(0);
    // A page larger than an eighth of the bound is never kept.
    await post(100, 40);
    const large = await captureSql(async () => (await post(100, 40)).headers);
    expect(large.result.get('x-newsgraph-cache')).toBe('miss');
    expect(store().retainedBytes).toBeLessThanOrEqual(maxBytes);
  });
});

describe('memory store', () => {
  const result = (i: number, size: number) => ({
    data: { article: { id: String(i), body: 'x'.repeat(size) } },
  });
  const entities = (i: number) => [{ typename: 'Article', id: `A${i}` }];

  it('drops least recently used responses past its byte bound, and purging them after is harmless', async () => {
    const store = new MemoryResponseStore({ maxBytes: 100_000, maxEntries: 1_000 });
    for (let i = 0; i < 50; i++) {
      store.get(`k${i}`); // a miss first, as the plugin does
      store.set(`k${i}`, result(i, 10_000), entities(i), 60_000);
    }
    expect(store.retainedBytes).toBeLessThanOrEqual(100_000);
    expect(store.keys().length).toBeLessThan(10);
    expect(store.keys()).toContain('k49');
    expect(store.get('k0')).toBeUndefined();
    // Purging an evicted response's entity is harmless; a kept one's removes it.
    await store.invalidate(entities(0));
    await store.invalidate(entities(49));
    expect(store.get('k49')).toBeUndefined();
  });

  it('purges the responses holding an entity, or any entity of a type, and keeps the rest', async () => {
    const store = new MemoryResponseStore({ maxBytes: 1_000_000, maxEntries: 1_000 });
    const stored = [
      ['a1', [{ typename: 'Article', id: 'A1' }]],
      [
        'a2',
        [
          { typename: 'Article', id: 'A2' },
          { typename: 'Person', id: 'P1' },
        ],
      ],
      ['p1', [{ typename: 'Person', id: 'P1' }]],
      ['q1', [{ typename: 'Quote', id: 'Q1' }]],
    ] as const;
    for (const [key, holding] of stored) {
      store.get(key);
      store.set(key, result(1, 10), holding, 60_000);
    }
    await store.invalidate([{ typename: 'Person', id: 'P1' }]);
    expect(store.keys().sort()).toEqual(['a1', 'q1']);
    await store.invalidate([{ typename: 'Article' }]);
    expect(store.keys()).toEqual(['q1']);
    await store.invalidate([]);
    expect(store.keys()).toEqual(['q1']);
  });

  it('keeps nothing too large for it, and hands back what it was given', async () => {
    const store = new MemoryResponseStore({ maxBytes: 100_000, maxEntries: 1_000 });
    store.get('big');
    store.set('big', result(1, 50_000), entities(1), 60_000);
    expect(store.keys()).toEqual([]);
    const stored = {
      data: { article: { id: '2' } },
      extensions: { http: { headers: { ETag: 'e' } } },
    };
    store.get('small');
    store.set('small', stored, entities(2), 60_000);
    expect(store.get('small')).toEqual(stored);
    // Served as the UTF-8 bytes it keeps, ready to write.
    const served = store.served('small');
    expect(served?.body.toString()).toBe('{"data":{"article":{"id":"2"}}}');
    expect(served?.headers).toEqual({ ETag: 'e', 'x-newsgraph-cache': 'hit' });
  });
});

describe('parsed-document cache bound', () => {
  it('keeps documents with 240 KB comments within its bytes, however many arrive', () => {
    const maxParsedBytes = 8 * 1024 * 1024;
    const { documentCache } = boundedParserCache(maxParsedBytes);
    const comment = 'x'.repeat(240_000);
    let keptText = 0;
    for (let i = 0; i < 1_000; i++) {
      const text = `# ${i} ${comment}\n{ articles(first: 5) { totalCount } }`;
      documentCache.set(text, parse(text));
    }
    for (const key of documentCache.keys()) keptText += key.length;
    // 240 MB were offered; about 8 MB are kept, the most recent.
    expect(documentCache.size).toBeLessThan(40);
    expect(documentCache.size).toBeGreaterThan(10);
    expect(documentCache.calculatedSize).toBeLessThanOrEqual(maxParsedBytes);
    expect(keptText).toBeLessThanOrEqual(maxParsedBytes);
    expect(documentCache.has(`# 999 ${comment}\n{ articles(first: 5) { totalCount } }`)).toBe(true);
  });

  it('counts a document by its parsed size, not only its text', () => {
    const { documentCache } = boundedParserCache(64 * 1024 * 1024);
    const fields = Array.from(
      { length: 400 },
      (_, i) => `a${i}: articles(first: 1) { totalCount }`,
    );
    const text = `{ ${fields.join(' ')} }`;
    documentCache.set(text, parse(text));
    // Each aliased field is several AST nodes of about 300 bytes: far more than its text.
    expect(documentCache.calculatedSize).toBeGreaterThan(text.length * 10);
  });
});
