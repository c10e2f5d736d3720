// With the response cache on, a miss at the HTTP layer is answered by the compiled read and stored
// there (cache/index.ts `withMisses`), repeating what the cache plugin does for yoga's answers. Two
// servers take the same requests: one stores its misses through yoga and the plugin (compiled
// reads off), the other through the fast path. What each stores, and what purges it, must agree.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryStoresInProcess, purgeCachesInProcess } from '../src/cache/index.js';
import type { MemoryResponseStore } from '../src/cache/store.js';
import { readEnv } from '../src/env.js';
import { encodeGlobalID } from '../src/global-id.js';
import { ingestFile } from '../src/services/ingest.js';
import { defaultSeedsDir } from '../src/services/seed.js';
import { createNewsgraphServer, yogaOptionsFrom } from '../src/yoga.js';
import { clearDatabase, db } from './support/db.js';
import { serveInProcess } from './support/server.js';

/** A server with the response cache on, and the store it caches in (in memory, unless Redis). */
function cachedServer(compiledReads: boolean, redis: Record<string, string> = {}) {
  const before = new Set(memoryStoresInProcess());
  const server = createNewsgraphServer(
    yogaOptionsFrom(
      readEnv({
        NODE_ENV: 'test',
        RESPONSE_CACHE_TTL: '60',
        // What a miss stores is the point here: store the first (admission.ts has its own tests).
        RESPONSE_CACHE_ADMIT_AFTER: '1',
        COMPILED_READS: String(compiledReads),
        ...redis,
      }),
    ),
  );
  const store = memoryStoresInProcess().find((s) => !before.has(s)) as MemoryResponseStore;
  return { store, served: serveInProcess(server.listener, () => server.yoga.dispose()) };
}

const viaYoga = cachedServer(false);
const viaFastPath = cachedServer(true);
const redisUrl = 'redis://127.0.0.1:6379';
const redisPrefix = `ng-test-${randomUUID()}:`;
const viaRedis = cachedServer(true, { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: redisPrefix });

afterAll(async () => {
  const redis = new Redis(redisUrl);
  const keys = await redis.keys(`${redisPrefix}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

async function post(url: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

const seedSlug = 'russia-hacked-election-probe-update-kremlin-denies-interfering-in-us-elections';
const fixtureSlug = 'harbour-councillors-approve-floodwall-plan-after-marathon-session';

beforeAll(async () => {
  await clearDatabase();
  await purgeCachesInProcess('all');
  await ingestFile(db, path.join(defaultSeedsDir, 'seed-article.txt'));
  await ingestFile(db, path.join(import.meta.dirname, 'fixtures', '01-port-aldwick-floodwall.txt'));
  const articles = await db.article.findMany({ orderBy: { id: 'asc' }, select: { id: true } });
  articleIds.push(...articles.map((article) => encodeGlobalID('Article', article.id)));
});

// Each document is asked with a first set of variables (yoga validates the document and stores the
// answer on both servers), then with the second: a miss that the fast-path server answers itself.
const documents: [string, string, Record<string, unknown>, Record<string, unknown>][] = [
  [
    'an article page',
    `query($slug: String!) { article(slug: $slug) { headline leadImage { caption photographer { name } }
       authors { name } quotes { text speaker { name } } teasers { title target { slug } } } }`,
    { slug: seedSlug },
    { slug: fixtureSlug },
  ],
  [
    'a person page',
    `query($slug: String!) { person(slug: $slug) { name quotes(first: 3) { totalCount edges { node { text } } }
       mentionedIn { edges { roleAsWritten node { slug } } } quotedAlongside { count person { name } } } }`,
    { slug: 'dmitry-peskov' },
    { slug: 'declan-orourke' },
  ],
  [
    'a list with empty relations',
    `query($n: Int!) { articles(first: $n) { totalCount edges { node { slug teasedBy { title } } } } }`,
    { n: 1 },
    { n: 2 },
  ],
  [
    'fragments, aliases and directives',
    `query($slug: String!, $withQuotes: Boolean!) {
       story: article(slug: $slug) { ...Page said: quotes @include(if: $withQuotes) { text who: speaker { name } } }
     }
     fragment Page on Article { headline leadImage { caption } byline: authors { name } }`,
    { slug: seedSlug, withQuotes: true },
    { slug: fixtureSlug, withQuotes: false },
  ],
  [
    'a directive on a variable left to its default',
    `query($slug: String!, $withQuotes: Boolean = true) {
       article(slug: $slug) { headline quotes @include(if: $withQuotes) { text speaker { name } } }
     }`,
    { slug: seedSlug },
    { slug: fixtureSlug },
  ],
  [
    'a float, which the database prints its own way',
    `query($slug: String!) { article(slug: $slug) { quotes { confidence speaker { name } } } }`,
    { slug: seedSlug },
    { slug: fixtureSlug },
  ],
];

// Ids continue across the tests sharing this worker's database, so they are read once seeded.
const articleIds: string[] = [];
documents.push([
  'node and nodes',
  `query($id: ID!) { node(id: $id) { ... on Article { slug } } nodes(ids: [$id]) { id } }`,
  { id: { of: 0 } },
  { id: { of: 1 } },
]);
const withIds = (variables: Record<string, unknown>) =>
  'id' in variables ? { id: articleIds[(variables.id as { of: number }).of] } : variables;

describe('a cache miss answered by the compiled read', () => {
  it.each(documents)(
    '%s: the same answer, stored with the same entities as through yoga',
    async (_name, query, first, second) => {
      for (const [index, variables] of [withIds(first), withIds(second)].entries()) {
        const keysBefore = new Set(viaYoga.store.keys());
        const [slow, fast] = [
          await post(viaYoga.served.url, query, variables),
          await post(viaFastPath.served.url, query, variables),
        ];
        expect(fast.body).toBe(slow.body);
        expect(JSON.parse(fast.body).errors).toBeUndefined();
        const key = viaYoga.store.keys().find((k) => !keysBefore.has(k));
        expect(key, 'yoga stored the answer').toBeDefined();
        expect(viaFastPath.store.inspect(key as string)).toEqual(
          viaYoga.store.inspect(key as string),
        );
        if (index === 1) {
          // The second is the fast path's own miss, not yoga's.
          expect(fast.headers.get('x-newsgraph-cache')).toBe('miss');
          expect(fast.headers.get('x-newsgraph-read')).toBe('compiled');
          // And now a hit, with the same bytes.
          const hit = await post(viaFastPath.served.url, query, variables);
          expect(hit.headers.get('x-newsgraph-cache')).toBe('hit');
          expect(hit.body).toBe(slow.body);
        }
      }
    },
  );

  it('leaves a document with another field named `id` to yoga, which answers it', async () => {
    const query = `query($slug: String!) { article(slug: $slug) { id: slug headline } }`;
    for (const slug of [seedSlug, fixtureSlug]) {
      const [slow, fast] = [
        await post(viaYoga.served.url, query, { slug }),
        await post(viaFastPath.served.url, query, { slug }),
      ];
      expect(fast.body).toBe(slow.body);
      // Its `"id"` is not a global ID: the text is not scanned.
      expect(fast.headers.get('x-newsgraph-read')).toBeNull();
    }
  });

  it.each([
    [
      'can leave out the id an object is recorded by',
      `query($slug: String!, $withId: Boolean!) { article(slug: $slug) { id @include(if: $withId) headline } }`,
      { withId: false },
    ],
    [
      'can leave out the type an object is recorded by',
      `query($slug: String!, $typed: Boolean!) { node: article(slug: $slug) { __typename @include(if: $typed) headline } }`,
      { typed: false },
    ],
    [
      "uses the cache's own marker names",
      `query($slug: String!) { article(slug: $slug) { __responseCacheTypeName: headline slug } }`,
      {},
    ],
  ])('never stores the answer of a document that %s', async (_name, query, variables) => {
    for (const server of [viaYoga, viaFastPath])
      for (const slug of [seedSlug, fixtureSlug, seedSlug]) {
        const keysBefore = server.store.keys().length;
        const answer = await post(server.served.url, query, { ...variables, slug });
        expect(JSON.parse(answer.body).errors).toBeUndefined();
        expect(answer.headers.get('x-newsgraph-cache')).toBeNull();
        expect(server.store.keys()).toHaveLength(keysBefore);
      }
  });

  it('never stores a lookup that found nothing, under an alias too', async () => {
    const query = `query($slug: String!) { story: article(slug: $slug) { headline } }`;
    for (const slug of [seedSlug, 'no-such-story', 'no-such-story']) {
      const keysBefore = viaFastPath.store.keys().length;
      const answer = await post(viaFastPath.served.url, query, { slug });
      if (slug === seedSlug) continue; // yoga vets the document
      expect(answer.body).toBe('{"data":{"story":null}}');
      expect(answer.headers.get('x-newsgraph-read')).toBe('compiled');
      expect(viaFastPath.store.keys()).toHaveLength(keysBefore);
    }
  });

  it('stores a miss in Redis as the text it sent, and a hit sends the same bytes', async () => {
    const query = `query($slug: String!) { article(slug: $slug) { headline quotes { text confidence speaker { name } } } }`;
    const [, miss, hit] = [
      await post(viaRedis.served.url, query, { slug: seedSlug }), // yoga vets the document
      await post(viaRedis.served.url, query, { slug: fixtureSlug }),
      await post(viaRedis.served.url, query, { slug: fixtureSlug }),
    ];
    expect(miss.headers.get('x-newsgraph-cache')).toBe('miss');
    expect(hit.headers.get('x-newsgraph-cache')).toBe('hit');
    expect(hit.body).toBe(miss.body);
    expect(miss.body).toBe((await post(viaYoga.served.url, query, { slug: fixtureSlug })).body);
  });

  it('purges a stored miss when an entity in it changes', async () => {
    const query = `query($slug: String!) { person(slug: $slug) { name description } }`;
    await post(viaFastPath.served.url, query, { slug: 'dmitry-peskov' });
    const miss = await post(viaFastPath.served.url, query, { slug: 'declan-orourke' });
    expect(miss.headers.get('x-newsgraph-cache')).toBe('miss');
    const person = await db.person.findUniqueOrThrow({ where: { slug: 'declan-orourke' } });
    await purgeCachesInProcess([{ typename: 'Person', id: encodeGlobalID('Person', person.id) }]);
    const after = await post(viaFastPath.served.url, query, { slug: 'declan-orourke' });
    expect(after.headers.get('x-newsgraph-cache')).not.toBe('hit');
  });
});
