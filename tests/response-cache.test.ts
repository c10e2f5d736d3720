// The response cache: hits cost no SQL, every write path purges exactly what it changed, and a reader
// never sees stale data after a write, in one process, across processes on SQLite, and across
// processes sharing Redis.
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultBuildResponseCacheKey } from '@envelop/response-cache';
import { Redis } from 'ioredis';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { purgeCachesInProcess, responseKey } from '../src/cache/index.js';
import { RedisResponseStore } from '../src/cache/redis-store.js';
import { MemoryResponseStore } from '../src/cache/store.js';
import { readEnv } from '../src/env.js';
import { encodeGlobalID } from '../src/global-id.js';
import { importFile, ingestFile } from '../src/services/ingest.js';
import { defaultSeedsDir } from '../src/services/seed.js';
import { createNewsgraphYoga, type NewsgraphYoga, yogaOptionsFrom } from '../src/yoga.js';
import { captureSql, clearDatabase, db } from './support/db.js';
import { type RunningServer, startServer } from './support/server.js';
import { testProvider } from './support/test-database.js';
import { runTs, tempDir } from './support/tmp.js';

const token = 'editor-token-for-cache-tests-0123';
const redisUrl = 'redis://127.0.0.1:6379';
const dir = tempDir('newsgraph-cache-');
const seedText = readFileSync(path.join(defaultSeedsDir, 'seed-article.txt'), 'utf8');
const fixture01 = path.join(import.meta.dirname, 'fixtures', '01-port-aldwick-floodwall.txt');

/** The seed article with one quote reworded; same headline, so the same article is updated. */
function seedFileSaying(words: string): string {
  const file = path.join(dir, `seed-${randomUUID()}.txt`);
  writeFileSync(file, seedText.replace('absolute nonsense', words));
  return file;
}

const articleQuery = `query Page($slug: String!) {
  article(slug: $slug) { id headline quotes { text speaker { slug } } }
}`;
const personQuery = `query Person($slug: String!) {
  person(slug: $slug) { id name quotes(first: 20) { edges { node { text } } } }
}`;
const listQuery = '{ articles(first: 10) { totalCount edges { node { slug } } } }';

async function post(
  yoga: NewsgraphYoga,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const response = await yoga.fetch('http://newsgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

/** A read, with how many SQL statements it cost this process (0 means it came from the cache). */
async function read(yoga: NewsgraphYoga, query: string, variables: Record<string, unknown> = {}) {
  const { result, sql } = await captureSql(() => post(yoga, query, variables));
  expect(result.errors).toBeUndefined();
  return { data: result.data, statements: sql.length };
}

/**
 * Reads until the answer comes from the cache. On PostgreSQL, earlier writes' notifications arrive
 * asynchronously and may purge an entry just stored, so one warm-up read is not always enough.
 */
async function readUntilCached(
  yoga: NewsgraphYoga,
  query: string,
  variables: Record<string, unknown> = {},
) {
  await expect.poll(async () => (await read(yoga, query, variables)).statements).toBe(0);
  return read(yoga, query, variables);
}

const cachedYoga = (env: Record<string, string> = {}) =>
  createNewsgraphYoga(
    yogaOptionsFrom(
      readEnv({ NODE_ENV: 'test', RESPONSE_CACHE_TTL: '60', EDITOR_TOKEN: token, ...env }),
    ),
  );

const seedSlug = 'russia-hacked-election-probe-update-kremlin-denies-interfering-in-us-elections';
const quoteTexts = (data: any) => data.article.quotes.map((q: { text: string }) => q.text);

describe('response cache in one process', () => {
  const yoga = cachedYoga();
  afterAll(() => yoga.dispose());

  beforeEach(async () => {
    await clearDatabase();
    // Clearing tables is not a Newsgraph write path, so it says nothing to the cache; say it here.
    await purgeCachesInProcess('all');
    await ingestFile(db, path.join(defaultSeedsDir, 'seed-article.txt'));
    await ingestFile(db, fixture01);
  });

  it('answers a repeated read without SQL, with the same body', async () => {
    const first = await read(yoga, articleQuery, { slug: seedSlug });
    const second = await readUntilCached(yoga, articleQuery, { slug: seedSlug });
    expect(second.statements).toBe(0);
    expect(second.data).toEqual(first.data);
    // Different variables are a different entry.
    const other = await read(yoga, articleQuery, { slug: 'nope' });
    expect(other.data.article).toBeNull();
  });

  it('purges exactly what an ingest changed: that article, its people and lists, not the rest', async () => {
    const otherSlug = (await db.article.findFirstOrThrow({ where: { slug: { not: seedSlug } } }))
      .slug;
    const otherPerson = await db.person.findFirstOrThrow({
      where: { quotes: { some: { article: { slug: otherSlug } } } },
    });
    const pages: [string, Record<string, unknown>][] = [
      [articleQuery, { slug: seedSlug }],
      [personQuery, { slug: 'dmitry-peskov' }],
      [listQuery, {}],
      [articleQuery, { slug: otherSlug }],
      [personQuery, { slug: otherPerson.slug }],
    ];
    for (const [query, variables] of pages) await readUntilCached(yoga, query, variables);
    const reads = {
      seedPage: () => read(yoga, articleQuery, { slug: seedSlug }),
      peskov: () => read(yoga, personQuery, { slug: 'dmitry-peskov' }),
      list: () => read(yoga, listQuery),
      otherPage: () => read(yoga, articleQuery, { slug: otherSlug }),
      otherPerson: () => read(yoga, personQuery, { slug: otherPerson.slug }),
    };

    const result = await ingestFile(db, seedFileSaying('complete nonsense'));
    expect(result).toMatchObject({ ok: true, outcome: 'updated' });

    const seedPage = await reads.seedPage();
    expect(seedPage.statements).toBeGreaterThan(0);
    expect(quoteTexts(seedPage.data)).toContain('complete nonsense');
    const peskov = await reads.peskov();
    expect(peskov.statements).toBeGreaterThan(0);
    expect(JSON.stringify(peskov.data)).toContain('complete nonsense');
    expect((await reads.list()).statements).toBeGreaterThan(0);
    // Untouched by the write, so still served from the cache.
    expect((await reads.otherPage()).statements).toBe(0);
    expect((await reads.otherPerson()).statements).toBe(0);
  });

  it('shows a new article in cached lists, and never caches "not found"', async () => {
    const fixture07 = path.join(import.meta.dirname, 'fixtures', '07-ferry-boss-jailed.txt');
    const slug = importFile(fixture07).imported.article.slug;
    const lookup = 'query($slug: String!) { article(slug: $slug) { slug } }';
    const before = await readUntilCached(yoga, listQuery);
    expect((await read(yoga, lookup, { slug })).data.article).toBeNull();

    await ingestFile(db, fixture07);
    const after = await read(yoga, listQuery);
    expect(after.data.articles.totalCount).toBe(before.data.articles.totalCount + 1);
    expect((await read(yoga, lookup, { slug })).data.article).toEqual({ slug });
  });

  it('purges on the ingestArticle mutation, and never caches editors’ requests', async () => {
    await readUntilCached(yoga, articleQuery, { slug: seedSlug });
    const text = seedText.replace('absolute nonsense', 'utter nonsense');
    const mutation = `mutation($text: String!) { ingestArticle(input: { text: $text }) { outcome } }`;
    const written = await post(yoga, mutation, { text }, { authorization: `Bearer ${token}` });
    expect(written.data.ingestArticle.outcome).toBe('UPDATED');
    expect(quoteTexts((await read(yoga, articleQuery, { slug: seedSlug })).data)).toContain(
      'utter nonsense',
    );

    const asEditor = () =>
      captureSql(() =>
        post(yoga, articleQuery, { slug: seedSlug }, { authorization: `Bearer ${token}` }),
      );
    await asEditor();
    expect((await asEditor()).sql.length).toBeGreaterThan(0);
  });

  it('empties itself when a migration is applied', async () => {
    await readUntilCached(yoga, listQuery);
    // What the migrator writes after applying migrations (tested with the migrator below).
    await db.cacheInvalidation.create({ data: { entities: '["*"]' } });
    if (testProvider === 'postgres') await db.$executeRaw`SELECT pg_notify('newsgraph_cache', '*')`;
    await expect.poll(async () => (await read(yoga, listQuery)).statements).toBeGreaterThan(0);
  });
});

describe('cache keys', () => {
  it('are the plugin’s own keys, hashed without WebCrypto', async () => {
    const cases = [
      { documentString: '{ articles { totalCount } }', variableValues: {}, sessionId: null },
      {
        documentString: 'query P($slug: String!) { person(slug: $slug) { name } }',
        operationName: 'P',
        variableValues: { slug: 'zoë-ñ', nested: { b: [1, 'x'], a: null } },
        sessionId: 'editor',
      },
      { documentString: '', operationName: null, variableValues: undefined, sessionId: null },
    ];
    for (const params of cases) {
      const ours = responseKey(params as Parameters<typeof responseKey>[0]);
      expect(ours).toMatch(/^[0-9a-f]{64}$/);
      expect(ours).toBe(
        await defaultBuildResponseCacheKey(params as Parameters<typeof responseKey>[0]),
      );
    }
  });
});

describe('cache stores', () => {
  it('do not store a response read before an invalidation that happened while it was read', async () => {
    const prefix = `ng-test-${randomUUID()}:`;
    const redis = new RedisResponseStore({ url: redisUrl, prefix });
    await redis.ready();
    try {
      for (const store of [
        new MemoryResponseStore({ maxEntries: 10, maxBytes: 1024 * 1024 }),
        redis,
      ]) {
        const entities = [{ typename: 'Article', id: 'QXJ0aWNsZTox' }];
        expect(await store.get('k')).toBeFalsy();
        await store.invalidate(entities); // a write lands while the slow read is running
        await store.set('k', { data: { stale: true } }, entities, 60_000);
        expect(await store.get('k')).toBeFalsy();
        // The next read stores normally, and an invalidation of its entity purges it.
        await store.set('k', { data: { fresh: true } }, entities, 60_000);
        expect(await store.get('k')).toEqual({ data: { fresh: true } });
        await store.invalidate(entities);
        expect(await store.get('k')).toBeFalsy();
      }
    } finally {
      await redis.close();
      // clear() keeps the generation counter on purpose, so remove every key of this prefix here.
      const raw = new Redis(redisUrl);
      const keys = await raw.keys(`${prefix}*`);
      if (keys.length) await raw.del(...keys);
      raw.disconnect();
    }
  });

  it('keeps serving, uncached, when Redis is unreachable', async () => {
    const yoga = cachedYoga({ REDIS_URL: 'redis://127.0.0.1:1' });
    await clearDatabase();
    await ingestFile(db, path.join(defaultSeedsDir, 'seed-article.txt'));
    for (let i = 0; i < 3; i++) {
      const { data, statements } = await read(yoga, articleQuery, { slug: seedSlug });
      expect(data.article.headline).toMatch(/Kremlin/);
      expect(statements).toBeGreaterThan(0);
    }
    await yoga.dispose();
  });
});

describe('response cache across processes', () => {
  const servers: RunningServer[] = [];
  const prefixes: string[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    const redis = new Redis(redisUrl);
    for (const prefix of prefixes) {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
    }
    redis.disconnect();
  });

  const serve = async (env: Record<string, string>) => {
    const server = await startServer({
      DATABASE_URL: process.env.DATABASE_URL as string,
      RESPONSE_CACHE_TTL: '60',
      EDITOR_TOKEN: token,
      ...env,
    });
    servers.push(server);
    return server;
  };
  /** Hits answered by the HTTP fast path, per server URL: the reads that could be stale. */
  const fastHits = new Map<string, number>();
  const readOver = async (server: RunningServer, slug = seedSlug) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: articleQuery, variables: { slug } }),
    });
    if (response.headers.get('x-newsgraph-cache') === 'hit') {
      fastHits.set(server.url, (fastHits.get(server.url) ?? 0) + 1);
    }
    const body = (await response.json()) as { data: any; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return quoteTexts(body.data) as string[];
  };
  const ingestCli = (file: string, env: Record<string, string> = {}) =>
    runTs('src/cli/ingest.ts', [file], {
      DATABASE_URL: process.env.DATABASE_URL as string,
      ...env,
    });

  it.skipIf(testProvider !== 'sqlite')(
    'SQLite, per-process cache: the next read after `npm run ingest` shows the change',
    async () => {
      await clearDatabase();
      await ingestFile(db, path.join(defaultSeedsDir, 'seed-article.txt'));
      const server = await serve({});
      for (const words of ['first wording', 'second wording']) {
        // Stored on its second miss (cache/admission.ts).
        await readOver(server);
        await readOver(server);
        const hitsBefore = fastHits.get(server.url) ?? 0;
        await readOver(server); // now cached
        expect(fastHits.get(server.url)).toBe(hitsBefore + 1);
        expect((await ingestCli(seedFileSaying(words))).code).toBe(0);
        expect(await readOver(server)).toContain(words);
      }
    },
  );

  it('two servers sharing Redis: a write through one, or by the CLI, shows at once through the other', async () => {
    await clearDatabase();
    await ingestFile(db, path.join(defaultSeedsDir, 'seed-article.txt'));
    const prefix = `ng-test-${randomUUID()}:`;
    prefixes.push(prefix);
    const shared = { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix };
    const [a, b] = await Promise.all([serve(shared), serve(shared)]);
    const redis = new Redis(redisUrl);
    try {
      await readOver(b);
      await readOver(b);
      expect((await redis.keys(`${prefix}r:*`)).length).toBeGreaterThan(0);
      // Reads come from Redis by the fast path (polled: on PostgreSQL a late notification of the
      // set-up writes may purge the first entry).
      await expect
        .poll(async () => {
          await readOver(b);
          return fastHits.get(b.url) ?? 0;
        })
        .toBeGreaterThan(0);

      const mutation = `mutation($text: String!) { ingestArticle(input: { text: $text }) { outcome } }`;
      const written = await fetch(`${a.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: mutation,
          variables: { text: seedText.replace('absolute nonsense', 'written through A') },
        }),
      });
      expect(((await written.json()) as any).data.ingestArticle.outcome).toBe('UPDATED');
      expect(await readOver(b)).toContain('written through A');
      expect(await readOver(a)).toContain('written through A');

      await readOver(b); // cached again
      expect((await ingestCli(seedFileSaying('written by the CLI'), shared)).code).toBe(0);
      expect(await readOver(b)).toContain('written by the CLI');

      // An editorial correction through A (updateQuote) shows at once through B as well.
      await readOver(b); // cached again
      const quote = await db.quote.findFirstOrThrow({
        where: { text: { contains: 'written by the CLI' } },
      });
      const corrected = await fetch(`${a.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: `mutation($input: UpdateQuoteInput!) { updateQuote(input: $input) { text } }`,
          variables: {
            input: { quote: encodeGlobalID('Quote', quote.id), text: 'corrected through A' },
          },
        }),
      });
      expect(((await corrected.json()) as any).data.updateQuote.text).toBe('corrected through A');
      expect(await readOver(b)).toContain('corrected through A');
    } finally {
      redis.disconnect();
    }
  });
});
