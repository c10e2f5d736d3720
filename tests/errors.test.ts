// Bad input gets a clear, coded error and never a stack trace.
import { beforeEach, describe, expect, it } from 'vitest';
import { graphql } from '../src/client/graphql.js';
import { encodeGlobalID } from '../src/global-id.js';
import { documentLimits } from '../src/limits.js';
import { yoga } from '../src/yoga.js';
import { clearDatabase, db } from './support/db.js';
import { makeArticle, makePerson } from './support/factories.js';
import { gql, gqlError, post } from './support/http.js';

beforeEach(clearDatabase);

function expectNoStack(body: unknown) {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/);
  expect(text).not.toContain('"stack"');
}

describe('lookups that find nothing', () => {
  it('returns null for an unknown slug or a well-formed id of a missing row', async () => {
    const data = await gql(
      graphql(
        `query($id: ID!) { article(slug: "no-such-article") { id } person(slug: "nobody") { id } byId: article(id: $id) { id } node(id: $id) { id } }`,
      ),
      { variables: { id: encodeGlobalID('Article', 424242) } },
    );
    expect(data).toEqual({ article: null, person: null, byId: null, node: null });
  });
});

describe('malformed ids and arguments', () => {
  it.each([
    ['not base64 at all', '!!!'],
    ['base64 without a type', Buffer.from('12').toString('base64')],
    ['a non-numeric id', encodeGlobalID('Article', 'abc')],
    ['an empty string', ''],
  ])('rejects %s with BAD_USER_INPUT', async (_label, id) => {
    const error = await gqlError('BAD_USER_INPUT', `query($id: ID!) { article(id: $id) { id } }`, {
      variables: { id },
    });
    expect(error.message).toMatch(/not a valid Newsgraph ID/);
    expectNoStack(error);
    const viaNode = await gqlError('BAD_USER_INPUT', `query($id: ID!) { node(id: $id) { id } }`, {
      variables: { id },
    });
    expect(viaNode.message).toMatch(/not a valid Newsgraph ID/);
  });

  it('rejects an id of the wrong type', async () => {
    const person = await makePerson();
    const error = await gqlError('BAD_USER_INPUT', `query($id: ID!) { article(id: $id) { id } }`, {
      variables: { id: encodeGlobalID('Person', person.id) },
    });
    expect(error.message).toBe(
      `ID "${encodeGlobalID('Person', person.id)}" belongs to a Person, not a Article`,
    );
  });

  it('requires exactly one of id and slug', async () => {
    const none = await gqlError('BAD_USER_INPUT', `{ article { id } }`);
    expect(none.message).toMatch(/exactly one of "id" or "slug"/);
    await gqlError(
      'BAD_USER_INPUT',
      `{ person(id: "${encodeGlobalID('Person', 1)}", slug: "x") { id } }`,
    );
    // PersonRef is @oneOf: graphql's own validation rejects an empty one in the document (see
    // tests/one-of-refs.test.ts for variables and for both).
    const empty = await gqlError(
      'GRAPHQL_VALIDATION_FAILED',
      `{ articles(filter: { author: {} }) { totalCount } }`,
    );
    expect(empty.message).toBe('OneOf Input Object "PersonRef" must specify exactly one key.');
  });

  it('rejects a malformed DateTime', async () => {
    const error = await gqlError(
      'BAD_USER_INPUT',
      `query($d: DateTime) { articles(filter: { publishedFrom: $d }) { totalCount } }`,
      {
        variables: { d: 'yesterday' },
      },
    );
    expect(error.message).toMatch(/ISO 8601/);
  });
});

describe('page sizes', () => {
  it('rejects first: 100000 rather than clamping it, inline or through a variable', async () => {
    const inline = await gqlError('BAD_USER_INPUT', `{ articles(first: 100000) { totalCount } }`);
    expect(inline.message).toBe('first: 100000 exceeds the page-size limit of 100');
    expect(inline.extensions).toMatchObject({ limit: 100, argumentName: 'first' });
    await gqlError('BAD_USER_INPUT', `query($n: Int) { people(last: $n) { totalCount } }`, {
      variables: { n: 101 },
    });
    await gqlError('BAD_USER_INPUT', `{ person(slug: "x") { quotes(first: 500) { totalCount } } }`);
  });

  it('rejects an oversized page given as a variable default', async () => {
    const error = await gqlError(
      'BAD_USER_INPUT',
      'query($n: Int = 100000) { articles(first: $n) { totalCount } }',
    );
    expect(error.message).toBe('first: 100000 exceeds the page-size limit of 100');
  });

  it('accepts exactly the limit', async () => {
    await makeArticle();
    const data = await gql(graphql(`{ articles(first: 100) { totalCount } }`));
    expect(data.articles.totalCount).toBe(1);
  });

  it('rejects negative sizes and unsupported cursor combinations with BAD_USER_INPUT', async () => {
    const negative = await gqlError('BAD_USER_INPUT', `{ articles(first: -1) { totalCount } }`);
    expect(negative.message).toMatch(/non-negative/);
    await gqlError('BAD_USER_INPUT', `{ articles(first: 2, before: "x") { totalCount } }`);
  });

  it('rejects a garbage cursor without a stack trace', async () => {
    const result = await post(`{ articles(first: 2, after: "garbage") { totalCount } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expectNoStack(result);
  });
});

describe('malformed and abusive documents', () => {
  it('answers a syntax error with 400 and a message', async () => {
    const result = await post(`{ articles(first: 2) { totalCount `);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.message).toMatch(/Syntax Error/);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('answers an unknown field with 400 and a validation code', async () => {
    const result = await post(`{ articles { nope } }`);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('rejects a query deeper than the limit', async () => {
    let selection = 'id';
    for (let i = 0; i < documentLimits.depth; i++)
      selection = `article { ${i % 2 ? 'teasers' : 'quotes'} { ${selection} } }`;
    const result = await post(`{ quotes { edges { node { ${selection} } } } }`);
    expect(result.errors?.[0]?.message).toMatch(/depth/i);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.data ?? null).toBeNull();
  });

  it('gives a variable of the wrong type a code', async () => {
    const result = await post('query($s: String!) { article(slug: $s) { id } }', {
      variables: { s: 5 },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('rejects a subscription, which the schema does not offer, with a code', async () => {
    const result = await post('subscription { articles { totalCount } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('rejects too many aliases', async () => {
    const aliases = Array.from(
      { length: documentLimits.aliases + 1 },
      (_, i) => `a${i}: articles { totalCount }`,
    ).join(' ');
    const result = await post(`{ ${aliases} }`);
    expect(result.errors?.[0]?.message).toMatch(/aliases/i);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('rejects a non-JSON body with 400', async () => {
    const response = await yoga.fetch('http://newsgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors[0].message).toMatch(/POST body/i);
  });
});

describe('unexpected failures', () => {
  it('masks an internal error as a generic message without details', async () => {
    const article = await makeArticle({ slug: 'corrupt' });
    await db.$executeRawUnsafe(
      `UPDATE "Article" SET "paragraphs" = '{"not":"a list"}' WHERE "id" = ${article.id}`,
    );
    const result = await post(`{ article(slug: "corrupt") { headline paragraphs } }`);
    expect(result.errors?.[0]).toMatchObject({
      message: 'Unexpected error.',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(result)).not.toContain('not an array of strings');
    expectNoStack(result);
  });
});
