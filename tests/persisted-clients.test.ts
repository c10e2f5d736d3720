// Persisted operations as real clients use them, over a real port: Apollo Client's PersistedQueryLink
// and urql's persistedExchange, as shipped (sha256 only, no custom hashing), against trusted documents
// (PERSISTED_ONLY=true) and automatic persisted queries (in one process, and shared through Redis).
// Then the rules around them in-process: PERSISTED_ONLY in every NODE_ENV, coded errors, the store's
// bounds, and the response cache.
import { createHash, randomUUID } from 'node:crypto';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { Client, cacheExchange, fetchExchange } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';
import type { DocumentNode } from 'graphql';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ArticleListQuery,
  ArticlePageQuery,
  ContractQuery,
  PersonPageQuery,
  QuoteWalkQuery,
} from '../src/client/documents.js';
import { graphql } from '../src/client/graphql.js';
import manifest from '../src/client/persisted-operations.json' with { type: 'json' };
import { type RequestOptions, request } from '../src/client/request.js';
import { readEnv } from '../src/env.js';
import { createNewsgraphYoga, type NewsgraphYoga, yogaOptionsFrom } from '../src/yoga.js';
import { seed } from './support/db.js';
import { type RunningServer, startServer } from './support/server.js';

const redisUrl = 'redis://127.0.0.1:6379';
const slug = 'russia-hacked-election-probe-update-kremlin-denies-interfering-in-us-elections';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const trustedHashes = new Set(Object.keys(manifest));

/** Every shipped document, with variables, as a screen would send it. */
const shipped: [string, DocumentNode, Record<string, unknown>][] = [
  ['ArticlePage', ArticlePageQuery, { slug }],
  ['PersonPage', PersonPageQuery, { slug: 'dmitry-peskov' }],
  ['ArticleList', ArticleListQuery, { first: 5 }],
  ['QuoteWalk', QuoteWalkQuery, { first: 2 }],
  // Has a string literal in it, which urql prints its own way: a third form in the manifest.
  ['Contract', ContractQuery, {}],
];

/** A document in no manifest, different per call so no earlier registration can answer for it. */
const adHoc = () =>
  graphql(`
    query AdHoc${randomUUID().replaceAll('-', '')} { articles(first: 1) { totalCount edges { node { slug } } } }
  `) as DocumentNode;

type Sent = { method: string; hash: string | undefined; withQuery: boolean; status: number };

/** A fetch that records what each request carried and how the server answered. */
function recordingFetch() {
  const sent: Sent[] = [];
  const send = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const params = init?.body
      ? (JSON.parse(String(init.body)) as { query?: unknown; extensions?: any })
      : {
          query: url.searchParams.get('query') ?? undefined,
          extensions: JSON.parse(url.searchParams.get('extensions') ?? 'null'),
        };
    const response = await fetch(input, init);
    sent.push({
      method: init?.method ?? 'GET',
      hash: params.extensions?.persistedQuery?.sha256Hash,
      withQuery: typeof params.query === 'string',
      status: response.status,
    });
    return response;
  };
  return { sent, fetch: send };
}

function apolloClient(server: RunningServer) {
  const recorder = recordingFetch();
  const client = new ApolloClient({
    cache: new InMemoryCache(),
    link: ApolloLink.from([
      new PersistedQueryLink({ sha256 }),
      new HttpLink({ uri: `${server.url}/graphql`, fetch: recorder.fetch }),
    ]),
  });
  const query = (document: DocumentNode, variables: Record<string, unknown> = {}) =>
    client.query({ query: document, variables, fetchPolicy: 'network-only' });
  return { query, sent: recorder.sent };
}

function urqlClient(server: RunningServer, withCache = true) {
  const recorder = recordingFetch();
  const client = new Client({
    url: `${server.url}/graphql`,
    fetch: recorder.fetch as typeof fetch,
    // cacheExchange is what adds __typename; without it urql hashes the document as written.
    exchanges: withCache
      ? [cacheExchange, persistedExchange(), fetchExchange]
      : [persistedExchange(), fetchExchange],
  });
  const query = (document: DocumentNode, variables: Record<string, unknown> = {}) =>
    client.query(document, variables, { requestPolicy: 'network-only' }).toPromise();
  return { query, sent: recorder.sent };
}

/** The code of the error an Apollo Client query failed with, however Apollo wrapped it. */
function apolloErrorCode(error: unknown): unknown {
  const wrapped = error as { errors?: { extensions?: { code?: unknown } }[]; bodyText?: string };
  if (wrapped.errors) return wrapped.errors[0]?.extensions?.code;
  return wrapped.bodyText ? JSON.parse(wrapped.bodyText).errors[0].extensions.code : undefined;
}

/** Results without `__typename`, to compare with what the document as written returns. */
const withoutTypenames = (value: unknown) =>
  JSON.parse(JSON.stringify(value, (key, v) => (key === '__typename' ? undefined : v)));

/** The typed client, untyped: the documents here are iterated over, so their types are not known. */
const requestAny = request as unknown as (
  document: DocumentNode,
  variables: Record<string, unknown>,
  options: RequestOptions,
) => Promise<unknown>;

const servers: RunningServer[] = [];
const start = async (env: Record<string, string>) => {
  const server = await startServer({ DATABASE_URL: process.env.DATABASE_URL as string, ...env });
  servers.push(server);
  return server;
};
const redisPrefix = `newsgraph-test-apq-${randomUUID()}:`;

beforeAll(seed);
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  const redis = new Redis(redisUrl);
  const keys = await redis.keys(`${redisPrefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

describe('trusted documents (PERSISTED_ONLY=true) with clients as shipped', () => {
  let server: RunningServer;
  /** What each shipped document returns as written, by the typed client's hash-only GET. */
  const expected = new Map<string, unknown>();
  beforeAll(async () => {
    server = await start({ PERSISTED_ONLY: 'true' });
    for (const [name, document, variables] of shipped) {
      expected.set(
        name,
        await requestAny(document, variables, {
          endpoint: `${server.url}/graphql`,
          persisted: true,
        }),
      );
    }
  });

  it.each(shipped)(
    'Apollo Client: %s by hash alone, one request',
    async (name, document, variables) => {
      const apollo = apolloClient(server);
      const result = await apollo.query(document, variables);
      expect(result.error).toBeUndefined();
      expect(JSON.stringify(result.data)).toContain('__typename');
      expect(withoutTypenames(result.data)).toEqual(expected.get(name));
      expect(apollo.sent).toEqual([
        { method: 'POST', hash: expect.any(String), withQuery: false, status: 200 },
      ]);
      expect(trustedHashes.has(apollo.sent[0]?.hash as string)).toBe(true);
    },
  );

  it.each(shipped)('urql: %s by hash alone, one request', async (name, document, variables) => {
    for (const withCache of [true, false]) {
      const urql = urqlClient(server, withCache);
      const result = await urql.query(document, variables);
      expect(result.error).toBeUndefined();
      expect(JSON.stringify(result.data).includes('__typename')).toBe(withCache);
      expect(withoutTypenames(result.data)).toEqual(expected.get(name));
      expect(urql.sent).toEqual([
        { method: 'GET', hash: expect.any(String), withQuery: false, status: 200 },
      ]);
    }
  });

  it('rejects any other document with PERSISTED_QUERY_ONLY, and registers nothing', async () => {
    const document = adHoc();
    const apollo = apolloClient(server);
    const failure = await apollo.query(document).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(apolloErrorCode(failure)).toBe('PERSISTED_QUERY_ONLY');
    // The hash first (unknown), then the document with it, which is refused, not registered.
    expect(apollo.sent.map(({ withQuery, status }) => ({ withQuery, status }))).toEqual([
      { withQuery: false, status: 404 },
      { withQuery: true, status: 403 },
    ]);

    const urql = urqlClient(server);
    const result = await urql.query(document);
    expect(result.data).toBeUndefined();
    expect(result.error?.graphQLErrors[0]?.extensions.code).toBe('PERSISTED_QUERY_ONLY');
    expect(urql.sent.map((s) => s.status)).toEqual([404, 403]);
  });
});

describe('automatic persisted queries (AUTOMATIC_PERSISTED_QUERIES=true)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await start({ AUTOMATIC_PERSISTED_QUERIES: 'true' });
  });

  it('Apollo Client: the first request registers, the next is the hash alone', async () => {
    const document = adHoc();
    const first = apolloClient(server);
    expect((await first.query(document)).data).toMatchObject({ articles: { totalCount: 1 } });
    expect(first.sent.map(({ withQuery, status }) => ({ withQuery, status }))).toEqual([
      { withQuery: false, status: 404 },
      { withQuery: true, status: 200 },
    ]);
    const second = apolloClient(server);
    expect((await second.query(document)).data).toMatchObject({ articles: { totalCount: 1 } });
    expect(second.sent).toEqual([
      { method: 'POST', hash: first.sent[0]?.hash, withQuery: false, status: 200 },
    ]);
  });

  it('urql: the first request registers, the next is the hash alone', async () => {
    const document = adHoc();
    const first = urqlClient(server);
    expect((await first.query(document)).data).toMatchObject({ articles: { totalCount: 1 } });
    expect(first.sent.map(({ withQuery, status }) => ({ withQuery, status }))).toEqual([
      { withQuery: false, status: 404 },
      { withQuery: true, status: 200 },
    ]);
    const second = urqlClient(server);
    expect((await second.query(document)).data).toMatchObject({ articles: { totalCount: 1 } });
    expect(second.sent).toEqual([
      { method: 'GET', hash: first.sent[0]?.hash, withQuery: false, status: 200 },
    ]);
  });

  it('shares registrations between processes through Redis', async () => {
    const env = {
      AUTOMATIC_PERSISTED_QUERIES: 'true',
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: redisPrefix,
    };
    const [one, two] = await Promise.all([start(env), start(env)]);
    const document = adHoc();
    const registering = apolloClient(one);
    await registering.query(document);
    expect(registering.sent.map((s) => s.status)).toEqual([404, 200]);
    // The other process has never seen the document: it finds it in Redis, for either client.
    const apollo = apolloClient(two);
    expect((await apollo.query(document)).data).toMatchObject({ articles: { totalCount: 1 } });
    expect(apollo.sent.map(({ withQuery, status }) => ({ withQuery, status }))).toEqual([
      { withQuery: false, status: 200 },
    ]);
    const urql = urqlClient(two);
    const registeringUrql = urqlClient(one);
    const other = adHoc();
    await registeringUrql.query(other);
    expect((await urql.query(other)).data).toMatchObject({ articles: { totalCount: 1 } });
    expect(urql.sent.map(({ withQuery, status }) => ({ withQuery, status }))).toEqual([
      { withQuery: false, status: 200 },
    ]);
  });
});

describe('the rules, in process', () => {
  const yogas: NewsgraphYoga[] = [];
  const yogaWith = (env: Record<string, string>) => {
    const yoga = createNewsgraphYoga(
      yogaOptionsFrom(readEnv({ NODE_ENV: 'test', RESPONSE_CACHE_TTL: '0', ...env })),
    );
    yogas.push(yoga);
    return yoga;
  };
  afterAll(async () => {
    await Promise.all(yogas.map((yoga) => yoga.dispose()));
  });
  const post = async (yoga: NewsgraphYoga, body: unknown) => {
    const response = await yoga.fetch('http://newsgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      cache: response.headers.get('x-newsgraph-cache'),
      json: (await response.json()) as { data?: any; errors?: any[] },
    };
  };
  const code = (result: { json: { errors?: any[] } }) => result.json.errors?.[0]?.extensions?.code;
  const arbitrary = { query: '{ articles(first: 1) { totalCount } }' };
  const hashed = (query: string, hash = sha256(query)) => ({
    query,
    extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
  });
  const hashOnly = (hash: string) => ({
    extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
  });

  it('PERSISTED_ONLY=true holds in development and test too, unless GRAPHIQL=true', async () => {
    for (const NODE_ENV of ['development', 'test', 'production']) {
      const strict = yogaWith({ NODE_ENV, PERSISTED_ONLY: 'true' });
      const refused = await post(strict, arbitrary);
      expect([NODE_ENV, refused.status, code(refused)]).toEqual([
        NODE_ENV,
        403,
        'PERSISTED_QUERY_ONLY',
      ]);
      expect(
        code(
          await post(yogaWith({ NODE_ENV, PERSISTED_ONLY: 'true', GRAPHIQL: 'false' }), arbitrary),
        ),
      ).toBe('PERSISTED_QUERY_ONLY');
      const graphiql = yogaWith({ NODE_ENV, PERSISTED_ONLY: 'true', GRAPHIQL: 'true' });
      expect((await post(graphiql, arbitrary)).json.data.articles.totalCount).toBe(1);
      // A trusted document sent in full is still trusted: its text is in the manifest.
      const trustedText = Object.values(manifest)[0] as string;
      const full = await post(strict, { query: trustedText, variables: { slug } });
      expect(full.status).toBe(200);
    }
  });

  it('with PERSISTED_ONLY, automatic persisted queries register nothing', async () => {
    const strict = yogaWith({ PERSISTED_ONLY: 'true', AUTOMATIC_PERSISTED_QUERIES: 'true' });
    const registering = await post(strict, hashed(arbitrary.query));
    expect([registering.status, code(registering)]).toEqual([403, 'PERSISTED_QUERY_ONLY']);
    const after = await post(strict, hashOnly(sha256(arbitrary.query)));
    expect([after.status, code(after)]).toEqual([404, 'PERSISTED_QUERY_NOT_FOUND']);
  });

  it('answers bad hashes with coded 400s, never a 5xx', async () => {
    const automatic = yogaWith({ AUTOMATIC_PERSISTED_QUERIES: 'true' });
    const strict = yogaWith({ PERSISTED_ONLY: 'true' });
    const open = yogaWith({});
    const bad: unknown[] = [
      hashed(arbitrary.query, sha256('something else')), // mismatch
      hashed(arbitrary.query, sha256(arbitrary.query).toUpperCase()),
      { ...arbitrary, extensions: { persistedQuery: { version: 1, sha256Hash: 42 } } },
      { extensions: { persistedQuery: { version: 1, sha256Hash: ['a'] } } },
      { extensions: { persistedQuery: { version: 2, sha256Hash: sha256('x') } } },
      { extensions: { persistedQuery: 'yes' } },
      { extensions: { persistedQuery: { version: 1 } } },
      {},
      ...['__proto__', 'constructor', 'toString', 'hasOwnProperty'].flatMap((hash) => [
        hashOnly(hash),
        hashed(arbitrary.query, hash),
      ]),
    ];
    for (const yoga of [automatic, strict, open]) {
      for (const body of bad) {
        const result = await post(yoga, body);
        expect([result.status, code(result)], JSON.stringify(body)).toEqual([
          400,
          'BAD_USER_INPUT',
        ]);
      }
    }
    // Nothing of the mismatched request was registered.
    const after = await post(automatic, hashOnly(sha256('something else')));
    expect(code(after)).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('keeps at most the configured number of documents, least recently used out first', async () => {
    const yoga = yogaWith({
      AUTOMATIC_PERSISTED_QUERIES: 'true',
      AUTOMATIC_PERSISTED_QUERIES_MAX: '2',
    });
    const queries = [1, 2, 3].map((n) => `{ articles(first: ${n}) { totalCount } }`);
    await post(yoga, hashed(queries[0] as string));
    await post(yoga, hashed(queries[1] as string));
    expect((await post(yoga, hashOnly(sha256(queries[0] as string)))).status).toBe(200); // used
    await post(yoga, hashed(queries[2] as string));
    const statuses = await Promise.all(
      queries.map(async (query) => (await post(yoga, hashOnly(sha256(query)))).status),
    );
    expect(statuses).toEqual([200, 404, 200]);
  });

  it('bounds Redis too, across processes', async () => {
    const env = {
      AUTOMATIC_PERSISTED_QUERIES: 'true',
      AUTOMATIC_PERSISTED_QUERIES_MAX: '2',
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: `${redisPrefix}bound:`,
    };
    const [one, two] = [yogaWith(env), yogaWith(env)];
    const queries = [1, 2, 3].map((n) => `{ articles(first: ${n}) { totalCount } }`);
    for (const query of queries) expect((await post(one, hashed(query))).status).toBe(200);
    const statuses = await Promise.all(
      queries.map(async (query) => (await post(two, hashOnly(sha256(query)))).status),
    );
    expect(statuses).toEqual([404, 200, 200]);
    const redis = new Redis(redisUrl);
    try {
      expect(await redis.keys(`${redisPrefix}bound:apq:d:*`)).toHaveLength(2);
    } finally {
      redis.disconnect();
    }
  });

  it('runs a document over the size limit without registering it', async () => {
    const yoga = yogaWith({
      AUTOMATIC_PERSISTED_QUERIES: 'true',
      AUTOMATIC_PERSISTED_QUERIES_MAX_BYTES: String(arbitrary.query.length - 1),
    });
    expect((await post(yoga, hashed(arbitrary.query))).json.data.articles.totalCount).toBe(1);
    expect(code(await post(yoga, hashOnly(sha256(arbitrary.query))))).toBe(
      'PERSISTED_QUERY_NOT_FOUND',
    );
  });
});

describe('with the response cache and the HTTP fast path', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await start({ AUTOMATIC_PERSISTED_QUERIES: 'true', RESPONSE_CACHE_TTL: '60' });
  });
  const post = async (body: unknown) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      cache: response.headers.get('x-newsgraph-cache'),
      json: (await response.json()) as { data?: any; errors?: any[] },
    };
  };

  it('checks and registers a hashed document even when its answer is cached', async () => {
    const query = `{ articles(first: 1) { totalCount } } # ${randomUUID()}`;
    await expect.poll(async () => (await post({ query })).cache).toBe('hit');
    const hash = sha256(query);
    const mismatch = await post({
      query,
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256('other') } },
    });
    expect([mismatch.status, mismatch.json.errors?.[0]?.extensions?.code]).toEqual([
      400,
      'BAD_USER_INPUT',
    ]);
    const hashOnly = { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } };
    expect((await post(hashOnly)).status).toBe(404);
    const registering = await post({ query, ...hashOnly });
    expect(registering.json.data.articles.totalCount).toBe(1);
    const byHash = await post(hashOnly);
    expect([byHash.status, byHash.json]).toEqual([200, { data: { articles: { totalCount: 1 } } }]);
  });
});
