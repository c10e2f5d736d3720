import { beforeAll, describe, expect, it } from 'vitest';
import { readEnv } from '../src/env.js';
import { createNewsgraphServer, yogaOptionsFrom } from '../src/yoga.js';
import { captureSql, clearDatabase, db } from './support/db.js';
import { makeArticle, makePerson } from './support/factories.js';
import { postBody } from './support/http.js';
import { serveInProcess } from './support/server.js';
import { testProvider } from './support/test-database.js';

const { yoga, listener } = createNewsgraphServer(
  yogaOptionsFrom(readEnv({ NODE_ENV: 'test', RESPONSE_CACHE_TTL: '0' })),
);
const served = serveInProcess(listener, () => yoga.dispose());

beforeAll(async () => {
  await clearDatabase();
  const ann = await makePerson({ slug: 'ann', name: 'Ann Ávila' });
  for (let i = 0; i < 3; i++) {
    await makeArticle({
      slug: `story-${i}`,
      authors: [ann],
      quotes: [{ text: `said ${i}`, speaker: ann }],
    });
  }
});

const page = `query Page($slug: String!) { article(slug: $slug) { slug headline publishedAt
  authors { id name } quotes { text speaker { slug } } } }`;

/** A request to the served endpoint (a string is sent as the raw body), with its SQL count. */
async function post(payload: unknown, headers: Record<string, string> = {}) {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const { result, sql } = await captureSql(() => postBody(body, { to: served.url, headers }));
  return {
    ...result,
    statements: sql.length,
    json: JSON.parse(result.text),
    compiled: result.headers.get('x-newsgraph-read') === 'compiled',
  };
}

/** yoga's own answer, through its fetch API (never the fast path). */
async function yogaAnswer(payload: unknown) {
  const { status, headers, text } = await postBody(JSON.stringify(payload), { to: yoga });
  return { status, headers, text };
}

describe(`compiled reads over HTTP (${testProvider})`, () => {
  it('answers a validated document without yoga, in one statement, byte for byte', async () => {
    const first = await post({ query: page, variables: { slug: 'story-0' } });
    expect(first.compiled).toBe(false); // yoga validates it first
    const again = await post({ query: page, variables: { slug: 'story-1' } });
    expect(again.compiled).toBe(true);
    expect(again.statements).toBe(1);
    const expected = await yogaAnswer({ query: page, variables: { slug: 'story-1' } });
    expect(again.text).toBe(expected.text);
    expect(again.status).toBe(expected.status);
    for (const header of ['content-type', 'cache-control', 'content-length'])
      expect(again.headers.get(header), header).toBe(expected.headers.get(header));
    expect(again.json.data.article.quotes[0].text).toBe('said 1');
  });

  it("sends the statement's own JSON only where it prints as yoga would: escapes, floats", async () => {
    // A body stored with escapes JSON.stringify would not write, and a Float field (confidence).
    await db.$executeRawUnsafe(
      `UPDATE "Article" SET "paragraphs" = ${testProvider === 'postgres' ? '\'["caf\\u00e9 \\u0001 x\\/y \\ud83d\\ude00"]\'::jsonb' : '\'["caf\\u00e9 \\u0001 x\\/y \\ud83d\\ude00"]\''} WHERE "slug" = 'story-0'`,
    );
    await db.quote.updateMany({ data: { confidence: 1 / 3 } });
    const body = `query Body($slug: String!) { article(slug: $slug) { paragraphs quotes { text confidence } } }`;
    await post({ query: body, variables: { slug: 'story-1' } }); // yoga validates it first
    const fast = await post({ query: body, variables: { slug: 'story-0' } });
    expect(fast.compiled).toBe(true);
    const expected = await yogaAnswer({ query: body, variables: { slug: 'story-0' } });
    expect(fast.text).toBe(expected.text);
    expect(fast.json.data.article.paragraphs).toEqual(['café \u0001 x/y 😀']);
    expect(fast.json.data.article.quotes[0].confidence).toBe(1 / 3);
  });

  it('shows a write at once: nothing is kept between requests', async () => {
    await post({ query: page, variables: { slug: 'story-2' } });
    await db.article.update({ where: { slug: 'story-2' }, data: { headline: 'Changed' } });
    const read = await post({ query: page, variables: { slug: 'story-2' } });
    expect(read.compiled).toBe(true);
    expect(read.json.data.article.headline).toBe('Changed');
  });

  it('leaves to yoga what yoga must judge, with its usual errors', async () => {
    const list = 'query L($n: Int!) { articles(first: $n) { edges { node { slug } } } }';
    expect((await post({ query: list, variables: { n: 2 } })).compiled).toBe(false);
    expect((await post({ query: list, variables: { n: 2 } })).compiled).toBe(true);

    const oversized = await post({ query: list, variables: { n: 1000 } });
    expect(oversized.compiled).toBe(false);
    expect(oversized.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');

    const badVariable = await post({ query: list, variables: { n: 'two' } });
    expect(badVariable.compiled).toBe(false);
    expect(badVariable.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');

    const unknownOperation = await post({
      query: list,
      operationName: 'Nope',
      variables: { n: 1 },
    });
    expect(unknownOperation.compiled).toBe(false);
    expect(unknownOperation.json.errors).toHaveLength(1);

    const persisted = await post({
      query: list,
      variables: { n: 1 },
      extensions: { persistedQuery: { version: 1, sha256Hash: 'not-the-hash' } },
    });
    expect(persisted.compiled).toBe(false);

    const tooDeep = `{ article(slug: "story-0") { ${'quotes { article { '.repeat(7)} slug ${'} } '.repeat(7)} } }`;
    for (let i = 0; i < 2; i++) {
      const refused = await post({ query: tooDeep });
      expect(refused.compiled).toBe(false);
      expect(refused.json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }

    expect((await post('{"query": ')).status).toBe(400);
  });

  it('hands a value the statement cannot vouch for back to yoga, which reports it', async () => {
    const query = `query B($slug: String!) { article(slug: $slug) { slug paragraphs } }`;
    expect((await post({ query, variables: { slug: 'story-0' } })).compiled).toBe(false);
    expect((await post({ query, variables: { slug: 'story-0' } })).compiled).toBe(true);
    await db.$executeRawUnsafe(
      testProvider === 'postgres'
        ? `UPDATE "Article" SET "paragraphs" = '{"not": "a list"}'::jsonb WHERE "slug" = 'story-1'`
        : `UPDATE "Article" SET "paragraphs" = '{"not": "a list"}' WHERE "slug" = 'story-1'`,
    );
    const broken = await post({ query, variables: { slug: 'story-1' } });
    expect(broken.compiled).toBe(false);
    expect(broken.json.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
  });
});
