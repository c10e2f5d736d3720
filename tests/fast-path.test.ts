import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { purgeCachesInProcess } from '../src/cache/index.js';
import { readEnv } from '../src/env.js';
import { ingestFile } from '../src/services/ingest.js';
import { defaultSeedsDir } from '../src/services/seed.js';
import { createNewsgraphServer, yogaOptionsFrom } from '../src/yoga.js';
import { captureSql, clearDatabase, db } from './support/db.js';
import { postBody } from './support/http.js';
import { serveInProcess } from './support/server.js';

const token = 'editor-token-for-fast-path-tests';
const { yoga, listener } = createNewsgraphServer(
  yogaOptionsFrom(readEnv({ NODE_ENV: 'test', RESPONSE_CACHE_TTL: '60', EDITOR_TOKEN: token })),
);
const served = serveInProcess(listener, () => yoga.dispose());

beforeEach(async () => {
  await clearDatabase();
  await purgeCachesInProcess('all');
  await ingestFile(db, path.join(defaultSeedsDir, 'seed-article.txt'));
});

const query = '{ articles(first: 5) { edges { node { slug headline quotes { text } } } } }';

/** A raw body to the served endpoint, with the SQL statements it cost this process. */
async function post(body: string, headers: Record<string, string> = {}) {
  const { result, sql } = await captureSql(() => postBody(body, { to: served.url, headers }));
  return { ...result, statements: sql.length };
}

/**
 * Posts until a response comes from the fast path; returns the miss before it and the hit. On
 * PostgreSQL the notification of the ingest in `beforeEach` can arrive after the first miss was
 * stored, and rightly purges it; so a second miss is allowed before the hit.
 */
async function missThenHit(body: string) {
  let miss = await post(body);
  for (let attempt = 0; attempt < 5; attempt++) {
    expect(miss.status).toBe(200);
    expect(miss.headers.get('x-newsgraph-cache')).not.toBe('hit'); // yoga's miss, or the fast path's compiled one
    const next = await post(body);
    if (next.headers.get('x-newsgraph-cache') === 'hit') return { miss, hit: next };
    miss = next;
  }
  return { miss, hit: await post(body) };
}

describe('HTTP fast path for cache hits', () => {
  it('answers a repeated read without yoga or SQL, byte for byte', async () => {
    const { miss, hit } = await missThenHit(JSON.stringify({ query }));
    expect(miss.statements).toBeGreaterThan(0);
    expect(hit.headers.get('x-newsgraph-cache')).toBe('hit');
    expect(hit.statements).toBe(0);
    expect(hit.text.length, `${miss.text}\n${hit.text}`).toBe(miss.text.length);
    expect(hit.text).toBe(miss.text);
    expect(hit.headers.get('content-type')).toBe(miss.headers.get('content-type'));
    expect(hit.headers.get('cache-control')).toBe('no-store');
    expect(hit.headers.get('etag')).toBe(miss.headers.get('etag'));
    expect(JSON.parse(hit.text).data.articles.edges.length).toBeGreaterThan(0);
  });

  it('keys on variables and operation name, not only the document', async () => {
    const document =
      'query A($n: Int!) { articles(first: $n) { edges { node { slug } } } } query B { __typename }';
    const one = JSON.stringify({ query: document, operationName: 'A', variables: { n: 1 } });
    const two = JSON.stringify({ query: document, operationName: 'A', variables: { n: 2 } });
    await missThenHit(one);
    const other = await post(two);
    expect(other.headers.get('x-newsgraph-cache')).not.toBe('hit'); // yoga's miss, or the fast path's compiled one
    expect(JSON.parse(other.text).data.articles.edges).toHaveLength(1); // the seed has one article
    const b = await post(JSON.stringify({ query: document, operationName: 'B' }));
    expect(JSON.parse(b.text).data).toEqual({ __typename: 'Query' });
  });

  it('shows a write at once: the next read after an ingest is not served from the old entry', async () => {
    const body = JSON.stringify({ query });
    const { hit } = await missThenHit(body);
    expect(hit.headers.get('x-newsgraph-cache')).toBe('hit');
    await ingestFile(
      db,
      path.join(import.meta.dirname, 'fixtures', '01-port-aldwick-floodwall.txt'),
    );
    const after = await post(body);
    expect(after.headers.get('x-newsgraph-cache')).not.toBe('hit'); // yoga's miss, or the fast path's compiled one
    expect(JSON.parse(after.text).data.articles.edges).toHaveLength(2);
  });

  it('leaves credentials, CORS, GET and other media types to yoga', async () => {
    const body = JSON.stringify({ query });
    await missThenHit(body);
    const others: Record<string, string>[] = [
      { authorization: `Bearer ${token}` },
      { origin: 'https://example.org' },
      // Either JSON media type is answered here (tests/http-conformance.test.ts); others are yoga's.
      { accept: 'multipart/mixed' },
    ];
    for (const headers of others) {
      const response = await post(body, headers);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-newsgraph-cache')).toBeNull();
    }
    const get = await fetch(`${served.url}?query=${encodeURIComponent(query)}`);
    expect(get.status).toBe(200);
    expect(get.headers.get('x-newsgraph-cache')).toBeNull();
  });

  it('hands what it cannot answer to yoga with the body intact: errors keep their codes', async () => {
    const malformed = await post('{"query": ');
    expect(malformed.status).toBe(400);
    expect(malformed.text).toMatch(/POST body sent invalid JSON|invalid JSON/i);

    const notObject = await post('[1, 2]');
    expect(notObject.status).toBeGreaterThanOrEqual(400);

    const invalid = await post(JSON.stringify({ query: '{ nope }' }));
    expect(JSON.parse(invalid.text).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const mutation = JSON.stringify({
      query: 'mutation { ingestArticle(input: { text: "x" }) { outcome } }',
    });
    for (let i = 0; i < 2; i++) {
      const refused = await post(mutation);
      expect(refused.headers.get('x-newsgraph-cache')).toBeNull();
      // Anonymous: credentials are missing, not too weak.
      expect(JSON.parse(refused.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('never runs a statement meant for any slug with a value that is not text', async () => {
    const document = 'query A($slug: String!) { article(slug: $slug) { headline } }';
    const bodyWith = (slug: unknown) =>
      JSON.stringify({ query: document, operationName: 'A', variables: { slug } });
    const found = await missThenHit(
      bodyWith('russia-hacked-election-probe-update-kremlin-denies-interfering-in-us-elections'),
    );
    expect(JSON.parse(found.hit.text).data.article.headline).toMatch(/Kremlin/);
    // The statement kept for every slug must not answer `true` as if it were one: yoga refuses it.
    const refused = await post(bodyWith(true));
    expect(JSON.parse(refused.text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(refused.text).not.toContain('"data":{"article"');
  });
});
