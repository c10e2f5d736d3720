// GraphQL over HTTP conformance on a real port: graphql-http's server audits with the response cache
// on and off, in development and production. Then what the audits leave out: media types for real
// clients (graphql-request's GET mode), malformed requests that a cache or compiled read could
// answer, responses without data, the schema kept private in production, and the probes' bodies.
import { once } from 'node:events';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AuditResult, serverAudits } from 'graphql-http';
import { GraphQLClient } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeCachesInProcess } from '../src/cache/index.js';
import { readEnv } from '../src/env.js';
import { createNewsgraphServer, yogaOptionsFrom } from '../src/yoga.js';
import { db, seed } from './support/db.js';

const slug = 'russia-hacked-election-probe-update-kremlin-denies-interfering-in-us-elections';
const gqlResponse = 'application/graphql-response+json';

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A server built from these environment variables, listening on a free port; its base URL. */
async function serve(env: Record<string, string>): Promise<string> {
  const { yoga, listener } = createNewsgraphServer(
    yogaOptionsFrom(readEnv({ NODE_ENV: 'test', ...env })),
  );
  const server = createServer(listener).listen(0, '127.0.0.1');
  await once(server, 'listening');
  closers.push(async () => {
    server.close();
    await yoga.dispose();
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: any };

/** A request through node:http, which (unlike fetch) can leave the Accept header out entirely. */
function send(
  url: string,
  options: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: unknown } = {},
): Promise<Reply> {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      {
        method: options.method ?? 'GET',
        headers: {
          ...(body === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }),
          ...options.headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: text ? JSON.parse(text) : undefined,
          });
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

const getUrl = (base: string, params: Record<string, unknown>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    search.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  return `${base}/graphql?${search}`;
};

beforeAll(async () => {
  await seed();
  await purgeCachesInProcess('all');
});

const configurations: ({ name: string } & Record<string, string>)[] = [
  { name: 'development, response cache off', NODE_ENV: 'development', RESPONSE_CACHE_TTL: '0' },
  { name: 'development, response cache on', NODE_ENV: 'development', RESPONSE_CACHE_TTL: '60' },
  { name: 'production, response cache off', NODE_ENV: 'production', RESPONSE_CACHE_TTL: '0' },
  { name: 'production, response cache on', NODE_ENV: 'production', RESPONSE_CACHE_TTL: '60' },
  {
    name: 'production with INTROSPECTION=true, response cache on',
    NODE_ENV: 'production',
    RESPONSE_CACHE_TTL: '60',
    INTROSPECTION: 'true',
  },
];

describe.each(configurations)('graphql-http server audits: $name', ({ name: _, ...env }) => {
  it('passes every audit, twice over (the second time from the cache where it is on)', async () => {
    const url = `${await serve(env)}/graphql`;
    let hits = 0;
    const fetchFn = async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await fetch(input, init);
      if (response.headers.get('x-newsgraph-cache') === 'hit') hits += 1;
      return response;
    };
    const failures: string[] = [];
    for (const _pass of [1, 2]) {
      for (const audit of serverAudits({ url, fetchFn })) {
        const result: AuditResult = await audit.fn();
        if (result.status !== 'ok') failures.push(`${result.id} ${result.name}: ${result.reason}`);
      }
    }
    expect(failures).toEqual([]);
    // With the cache on, the audits' repeated documents are answered from it (on the fast path).
    if (env.RESPONSE_CACHE_TTL !== '0') expect(hits).toBeGreaterThan(0);
    else expect(hits).toBe(0);
  });
});

describe('media types follow Accept', () => {
  let cached: string;
  let compiled: string;
  beforeAll(async () => {
    cached = await serve({ RESPONSE_CACHE_TTL: '60' });
    compiled = await serve({ RESPONSE_CACHE_TTL: '0', COMPILED_READS: 'true' });
  });
  const query = `query Story($slug: String!) { article(slug: $slug) { slug headline } }`;

  it("serves graphql-request's GET mode, from yoga and from the cache", async () => {
    for (const base of [cached, compiled]) {
      const client = new GraphQLClient(`${base}/graphql`, { method: 'GET' });
      for (let i = 0; i < 3; i++) {
        const data = await client.request<{ article: { slug: string } }>(query, { slug });
        expect(data.article.slug).toBe(slug);
      }
    }
  });

  const cases: [accept: string | undefined, expected: string][] = [
    [undefined, 'application/json'],
    ['*/*', 'application/json'],
    ['application/json', 'application/json'],
    [gqlResponse, gqlResponse],
    [`${gqlResponse}, application/json`, gqlResponse],
    [`application/json, ${gqlResponse}`, 'application/json'],
    // urql's default
    [
      `${gqlResponse}, application/graphql+json, application/json, text/event-stream, multipart/mixed`,
      gqlResponse,
    ],
  ];

  it.each(cases)('Accept: %s → %s, on GET and POST, fast path or not', async (accept, expected) => {
    const headers: Record<string, string> = accept === undefined ? {} : { accept };
    const answeredBy: string[] = [];
    for (const base of [cached, compiled]) {
      const replies = [];
      for (let i = 0; i < 3; i++) {
        replies.push(await send(getUrl(base, { query, variables: { slug } }), { headers }));
        replies.push(
          await send(`${base}/graphql`, {
            method: 'POST',
            headers,
            body: { query, variables: { slug } },
          }),
        );
      }
      for (const reply of replies) {
        expect(reply.status).toBe(200);
        expect(reply.headers['content-type']).toBe(`${expected}; charset=utf-8`);
        expect(reply.body.data.article.slug).toBe(slug);
        const fast = reply.headers['x-newsgraph-cache'] ?? reply.headers['x-newsgraph-read'];
        if (typeof fast === 'string') answeredBy.push(fast);
      }
    }
    // Both fast answers took part: a cache hit and a compiled read at the HTTP layer (and, the
    // first time the cache sees the document, a compiled miss: it stores an answer on its second).
    expect(new Set(answeredBy.filter((by) => by !== 'miss'))).toEqual(new Set(['hit', 'compiled']));
  });

  it('tags each media type of a GET apart, and answers 304 to the matching tag', async () => {
    const url = getUrl(compiled, { query, variables: { slug } });
    const asJson = await send(url, { headers: { accept: 'application/json' } });
    const asGraphql = await send(url, { headers: { accept: gqlResponse } });
    expect(asJson.headers.etag).toBeDefined();
    expect(asGraphql.headers.etag).toBeDefined();
    expect(asJson.headers.etag).not.toBe(asGraphql.headers.etag);
    expect(asGraphql.headers.vary).toContain('Accept');
    const again = await send(url, {
      headers: { accept: gqlResponse, 'if-none-match': String(asGraphql.headers.etag) },
    });
    expect(again.status).toBe(304);
    const other = await send(url, {
      headers: { accept: 'application/json', 'if-none-match': String(asGraphql.headers.etag) },
    });
    expect(other.status).toBe(200);
  });
});

describe('malformed parameters are 400, even when a fast answer is at hand', () => {
  const query = '{ articles(first: 1) { totalCount } }';
  const malformed = [
    { operationName: 0 },
    { operationName: false },
    { operationName: ['Q'] },
    { operationName: { name: 'Q' } },
    { extensions: 'x' },
    { extensions: 0 },
    { extensions: ['x'] },
    { variables: ['x'] },
    { variables: 0 },
  ];

  it.each([
    ['a response-cache hit', { RESPONSE_CACHE_TTL: '60' }, 'x-newsgraph-cache', 'hit'],
    ['a compiled read', { RESPONSE_CACHE_TTL: '0' }, 'x-newsgraph-read', 'compiled'],
  ])('with %s', async (_, env, header, value) => {
    const base = await serve(env);
    const post = (body: object, accept = 'application/json') =>
      send(`${base}/graphql`, { method: 'POST', headers: { accept }, body });
    // The well-formed request is answered at the HTTP layer once yoga has seen it.
    let fast = false;
    for (let attempt = 0; attempt < 5 && !fast; attempt++) {
      const reply = await post({ query });
      expect(reply.status).toBe(200);
      fast = reply.headers[header] === value;
    }
    expect(fast).toBe(true);
    for (const params of malformed) {
      for (const accept of ['application/json', gqlResponse]) {
        const reply = await post({ query, ...params }, accept);
        expect(reply.status, JSON.stringify(params)).toBe(400);
        expect(reply.headers[header]).toBeUndefined();
        expect(reply.body.data).toBeUndefined();
        expect(reply.body.errors[0].message).toBeTruthy();
      }
    }
  });
});

describe('refusals before parsing', () => {
  it('come in the media type the client asked for', async () => {
    const base = await serve({ RESPONSE_CACHE_TTL: '0' });
    const url = getUrl(base, { query: '{ __typename }', variables: '[1]' });
    for (const [accept, expected] of [
      [gqlResponse, gqlResponse],
      ['application/json', 'application/json'],
      ['*/*', 'application/json'],
    ]) {
      const reply = await send(url, { headers: { accept: String(accept) } });
      expect(reply.status).toBe(400);
      expect(reply.headers['content-type']).toBe(`${expected}; charset=utf-8`);
      expect(reply.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    }
  });
});

describe('responses without data', () => {
  let base: string;
  beforeAll(async () => {
    base = await serve({ RESPONSE_CACHE_TTL: '60' });
  });
  const tooLarge = '{ articles(first: 101) { totalCount } }';

  it('are 4xx under application/graphql-response+json and 200 under application/json', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const request = (accept: string) =>
        method === 'GET'
          ? send(getUrl(base, { query: tooLarge }), { headers: { accept } })
          : send(`${base}/graphql`, { method, headers: { accept }, body: { query: tooLarge } });
      const strict = await request(gqlResponse);
      expect(strict.status).toBe(400);
      expect(strict.headers['content-type']).toBe(`${gqlResponse}; charset=utf-8`);
      expect(strict.headers['cache-control']).toBe('no-store');
      expect(strict.body).toEqual({
        errors: [
          {
            message: 'first: 101 exceeds the page-size limit of 100',
            extensions: { code: 'BAD_USER_INPUT', argumentName: 'first', limit: 100 },
          },
        ],
      });
      const legacy = await request('application/json');
      expect(legacy.status).toBe(200);
      expect(legacy.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('but a response with data and a field error stays 200', async () => {
    const reply = await send(`${base}/graphql`, {
      method: 'POST',
      headers: { accept: gqlResponse },
      body: { query: '{ article(id: "not-a-global-id") { slug } }' },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.data).toEqual({ article: null });
    expect(reply.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it("fails graphql-request's default request (graphql-response+json) with the 400", async () => {
    const client = new GraphQLClient(`${base}/graphql`);
    await expect(client.request(tooLarge)).rejects.toMatchObject({
      response: { status: 400, errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] },
    });
  });
});

describe('the schema stays private in production', () => {
  const servers: Record<string, string> = {};
  beforeAll(async () => {
    servers.production = await serve({ NODE_ENV: 'production' });
    servers.opened = await serve({ NODE_ENV: 'production', INTROSPECTION: 'true' });
    servers.development = await serve({ NODE_ENV: 'development' });
  });
  const post = (base: string | undefined, query: string, variables?: object) =>
    send(`${base}/graphql`, {
      method: 'POST',
      headers: { accept: gqlResponse },
      body: { query, variables },
    });

  it('takes its default from NODE_ENV, and INTROSPECTION overrides it', () => {
    const introspection = (env: Record<string, string>) =>
      yogaOptionsFrom(readEnv(env)).introspection;
    expect(introspection({ NODE_ENV: 'production' })).toBe(false);
    expect(introspection({ NODE_ENV: 'production', INTROSPECTION: 'true' })).toBe(true);
    expect(introspection({ NODE_ENV: 'development' })).toBe(true);
    expect(introspection({ NODE_ENV: 'test' })).toBe(true);
    expect(introspection({ NODE_ENV: 'development', INTROSPECTION: 'false' })).toBe(false);
  });

  it.each([
    ['{ __schema { queryType { name } } }', { __schema: { queryType: { name: 'Query' } } }],
    [
      '{ __type(name: "Article") { name fields { name } } }',
      { __type: { name: 'Article', fields: expect.arrayContaining([{ name: 'headline' }]) } },
    ],
    [
      '{ __type(name: "Article") { ... on __Type { fields { name } } } }',
      { __type: { fields: expect.arrayContaining([{ name: 'headline' }]) } },
    ],
  ])('refuses %s in production unless INTROSPECTION=true', async (query, data) => {
    const refused = await post(servers.production, query);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toMatchObject({
      message: expect.stringMatching(/^GraphQL introspection has been disabled/),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    for (const base of [servers.opened, servers.development]) {
      const answered = await post(base, query);
      expect(answered.status).toBe(200);
      expect(answered.body).toEqual({ data });
    }
    // __typename is not introspection of the schema, and clients rely on it; a type's bare name
    // says only that it exists, and the conformance audits rely on that.
    expect((await post(servers.production, '{ __type(name: "Article") { name } }')).body).toEqual({
      data: { __type: { name: 'Article' } },
    });
    expect((await post(servers.production, '{ __typename }')).body).toEqual({
      data: { __typename: 'Query' },
    });
  });

  it.each([
    ['an unknown field', '{ article(slug: "x") { headlin } }', undefined, '"headline"'],
    [
      'an unknown enum value',
      '{ articles(filter: { status: PUBLISHE }) { totalCount } }',
      undefined,
      '"PUBLISHED"',
    ],
    [
      'an unknown input field in variables',
      'query ($f: ArticleFilter) { articles(filter: $f) { totalCount } }',
      { f: { statuss: 'DRAFT' } },
      '"status"',
    ],
  ])('suggests nothing for %s in production', async (_, query, variables, suggested) => {
    const hidden = await post(servers.production, query, variables);
    expect(hidden.status).toBe(400);
    expect(hidden.body.errors[0].message).not.toMatch(/Did you mean/);
    expect(hidden.body.errors[0].message).not.toContain(suggested);
    expect(hidden.body.errors[0].extensions.code).toMatch(
      /^(GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT)$/,
    );
    for (const base of [servers.opened, servers.development]) {
      const shown = await post(base, query, variables);
      expect(shown.body.errors[0].message).toMatch(new RegExp(`Did you mean .*${suggested}`));
      // The same error otherwise: only the suggestion is cut.
      expect(shown.body.errors[0].message).toContain(hidden.body.errors[0].message.slice(0, -1));
    }
  });
});

describe('health probes', () => {
  let base: string;
  beforeAll(async () => {
    base = await serve({ NODE_ENV: 'production' });
  });

  it('answers /healthz and /readyz with a small JSON body', async () => {
    for (const [path, body] of [
      ['/healthz', { status: 'ok' }],
      ['/readyz', { status: 'ready' }],
    ] as const) {
      const reply = await send(`${base}${path}`);
      expect(reply.status, path).toBe(200);
      expect(reply.headers['content-type']).toMatch(/^application\/json/);
      expect(reply.body).toEqual(body);
    }
  });

  it('answers /readyz with 503 and the reason while a migration is pending', async () => {
    await db.$executeRawUnsafe(`UPDATE _prisma_migrations SET rolled_back_at = finished_at`);
    try {
      const reply = await send(`${base}/readyz`);
      expect(reply.status).toBe(503);
      expect(reply.headers['content-type']).toMatch(/^application\/json/);
      expect(reply.body).toMatchObject({
        status: 'unavailable',
        reason: expect.stringMatching(/^migrations pending: /),
      });
    } finally {
      await db.$executeRawUnsafe(`UPDATE _prisma_migrations SET rolled_back_at = NULL`);
    }
    expect((await send(`${base}/readyz`)).body).toEqual({ status: 'ready' });
  });
});
