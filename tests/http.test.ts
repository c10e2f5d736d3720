// HTTP behaviour for clients and CDNs: persisted operations, caching headers and 304s, CORS,
// the GraphiQL page, and the coded errors for malformed requests.
import { parse, print, validate } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArticlePageQuery } from '../src/client/documents.js';
import { operationHash } from '../src/client/hash.js';
import { readEnv } from '../src/env.js';
import { requestLimits } from '../src/limits.js';
import { schema } from '../src/schema/index.js';
import { createNewsgraphYoga, type NewsgraphYoga, yogaOptionsFrom } from '../src/yoga.js';
import { db, seed } from './support/db.js';
import { makeArticle } from './support/factories.js';

const slug = 'russia-hacked-election-probe-update-kremlin-denies-interfering-in-us-elections';
const server = (env: Record<string, string>) =>
  createNewsgraphYoga(yogaOptionsFrom(readEnv({ NODE_ENV: 'test', ...env })));
const open = server({});
const strict = server({ PERSISTED_ONLY: 'true' });
const strictWithGraphiql = server({ PERSISTED_ONLY: 'true', GRAPHIQL: 'true' });

const url = (params: Record<string, unknown>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    search.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  return `http://newsgraph.test/graphql?${search}`;
};
const json = { accept: 'application/graphql-response+json', 'content-type': 'application/json' };
const post = (yoga: NewsgraphYoga, body: unknown) =>
  yoga.fetch('http://newsgraph.test/graphql', {
    method: 'POST',
    headers: json,
    body: JSON.stringify(body),
  });
const get = (
  yoga: NewsgraphYoga,
  params: Record<string, unknown>,
  headers: Record<string, string> = {},
) =>
  yoga.fetch(url(params), {
    method: 'GET',
    headers: { accept: 'application/graphql-response+json', ...headers },
  });

let hash: string;
beforeAll(async () => {
  await seed();
  hash = await operationHash(print(ArticlePageQuery));
});
const persisted = () => ({
  extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
  variables: { slug },
});

describe('persisted operations', () => {
  it('accepts a known hash by POST and by GET', async () => {
    for (const response of [await post(strict, persisted()), await get(strict, persisted())]) {
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body.errors).toBeUndefined();
      expect(body.data.article.slug).toBe(slug);
    }
  });

  it('rejects an unknown hash with PERSISTED_QUERY_NOT_FOUND', async () => {
    const response = await get(open, {
      extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } },
    });
    expect(response.status).toBe(404);
    expect((await response.json()).errors[0]).toMatchObject({
      message: 'PersistedQueryNotFound',
      extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
    });
  });

  it('rejects an arbitrary document only in persisted-only mode', async () => {
    const query = { query: '{ articles(first: 1) { totalCount } }' };
    expect((await (await post(open, query)).json()).data.articles.totalCount).toBe(1);
    const refused = await post(strict, query);
    expect(refused.status).toBe(403);
    expect((await refused.json()).errors[0].extensions.code).toBe('PERSISTED_QUERY_ONLY');
    // Only an explicit GRAPHIQL=true lets GraphiQL's documents through (any NODE_ENV).
    expect((await (await post(strictWithGraphiql, query)).json()).data.articles.totalCount).toBe(1);
  });

  it('rejects a persisted query without a usable hash', async () => {
    const response = await post(strict, { extensions: { persistedQuery: { version: 1 } } });
    expect((await response.json()).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('HTTP caching', () => {
  it('gives public GET reads Cache-Control and an ETag, and answers a repeat with 304', async () => {
    const first = await get(open, persisted());
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe(
      'public, max-age=60, stale-while-revalidate=60',
    );
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    const again = await get(open, persisted(), { 'if-none-match': etag as string });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    const stale = await get(open, persisted(), { 'if-none-match': '"something-else"' });
    expect(stale.status).toBe(200);
  });

  it('lets no public GET be kept, even stale, past the next scheduled go-live', async () => {
    let clock = Date.parse('2031-01-01T12:00:00Z');
    const clocked = (env: Record<string, string>) =>
      createNewsgraphYoga({
        ...yogaOptionsFrom(readEnv({ NODE_ENV: 'test', ...env })),
        now: () => clock,
      });
    const scheduled = await makeArticle({
      slug: 'embargoed-budget',
      status: 'SCHEDULED',
      publishedAt: new Date(clock + 30_000),
    });
    try {
      // Without the response cache the next go-live is asked for; with it, its remembered horizon.
      for (const yoga of [clocked({}), clocked({ RESPONSE_CACHE_TTL: '60' })]) {
        clock = Date.parse('2031-01-01T12:00:00Z');
        const soon = await get(yoga, persisted());
        expect(soon.headers.get('cache-control')).toBe(
          'public, max-age=30, stale-while-revalidate=0',
        );
        await yoga.dispose();
      }
      clock = Date.parse('2031-01-01T11:59:00Z'); // 90 s before: fresh for 60, stale for 30 more
      const later = clocked({});
      const answer = await get(later, persisted());
      expect(answer.headers.get('cache-control')).toBe(
        'public, max-age=60, stale-while-revalidate=30',
      );
    } finally {
      await db.article.delete({ where: { id: scheduled.id } });
    }
  });

  it('never caches POSTs or errors', async () => {
    const postResponse = await post(open, { query: '{ articles { totalCount } }' });
    expect(postResponse.headers.get('cache-control')).toBe('no-store');
    const failed = await get(open, { query: '{ article { id } }' });
    expect(failed.headers.get('cache-control')).toBe('no-store');
    expect(failed.headers.get('etag')).toBeNull();
  });
});

describe('CORS', () => {
  const preflight = (yoga: NewsgraphYoga, origin: string) =>
    yoga.fetch('http://newsgraph.test/graphql', {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });

  it('allows any origin by default outside production', async () => {
    const response = await preflight(open, 'https://frontend.example');
    expect(response.headers.get('access-control-allow-origin')).toMatch(
      /^(\*|https:\/\/frontend\.example)$/,
    );
  });

  it('allows no origin by default in production', async () => {
    const response = await preflight(
      server({ NODE_ENV: 'production' }),
      'https://frontend.example',
    );
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows exactly the configured origins', async () => {
    const configured = server({
      NODE_ENV: 'production',
      CORS_ORIGINS: 'https://a.example, https://b.example',
    });
    expect(
      (await preflight(configured, 'https://b.example')).headers.get('access-control-allow-origin'),
    ).toBe('https://b.example');
    expect(
      (await preflight(configured, 'https://evil.example')).headers.get(
        'access-control-allow-origin',
      ),
    ).not.toBe('https://evil.example');
  });
});

describe('GraphiQL', () => {
  it('opens with the example tabs, each valid against the schema', async () => {
    const response = await open.fetch('http://newsgraph.test/graphql', {
      headers: { accept: 'text/html' },
    });
    const html = await response.text();
    expect(html).toContain('<title>Newsgraph</title>');
    const tabs = [...html.matchAll(/"query":"((?:[^"\\]|\\.)*)"/g)].map(
      (m) => JSON.parse(`"${m[1]}"`) as string,
    );
    const names = tabs.map((query) => /query (\w+)/.exec(query)?.[1]);
    expect(names).toEqual(
      expect.arrayContaining(['Contract', 'ArticlePage', 'PersonPage', 'ArticleList', 'QuoteWalk']),
    );
    for (const query of tabs) expect(validate(schema, parse(query))).toEqual([]);
  });

  it('the default tab runs without edits on the seeded database', async () => {
    const html = await (
      await open.fetch('http://newsgraph.test/graphql', { headers: { accept: 'text/html' } })
    ).text();
    const query = JSON.parse(`"${/"defaultQuery":"((?:[^"\\]|\\.)*)"/.exec(html)?.[1]}"`) as string;
    const body = await (await post(open, { query })).json();
    expect(body.errors).toBeUndefined();
    expect(body.data.articles.totalCount).toBe(1);
    expect(body.data.person.name).toBe('Dmitry Peskov');
  });
});

describe('malformed requests', () => {
  it('rejects a malformed extensions parameter with a coded 400', async () => {
    const response = await open.fetch(
      'http://newsgraph.test/graphql?query=%7Barticles%7BtotalCount%7D%7D&extensions=%7Bnot-json',
      {
        headers: { accept: 'application/graphql-response+json' },
      },
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors[0].message).toMatch(/extensions/i);
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('rejects a mutation sent by GET with 405', async () => {
    const response = await get(open, { query: 'mutation { __typename }' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect((await response.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('rejects an oversized query string with a coded 414, and the server keeps serving', async () => {
    const query = `{ articles { totalCount } } # ${'x'.repeat(requestLimits.urlBytes)}`;
    const response = await get(open, { query });
    expect(response.status).toBe(414);
    expect((await response.json()).errors[0].extensions.code).toBe('REQUEST_TOO_LARGE');
    expect(
      (await (await post(open, { query: '{ articles { totalCount } }' })).json()).data.articles
        .totalCount,
    ).toBe(1);
  });

  it('rejects an oversized body with a coded 413', async () => {
    const response = await open.fetch('http://newsgraph.test/graphql', {
      method: 'POST',
      headers: { ...json, 'content-length': String(requestLimits.bodyBytes + 1) },
      body: JSON.stringify({
        query: `{ articles { totalCount } } # ${'x'.repeat(requestLimits.bodyBytes)}`,
      }),
    });
    expect(response.status).toBe(413);
    expect((await response.json()).errors[0].extensions.code).toBe('REQUEST_TOO_LARGE');
  });
});
