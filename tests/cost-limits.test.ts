import { print } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { documents } from '../src/client/documents.js';
import { graphql } from '../src/client/graphql.js';
import { ConfigError, readEnv } from '../src/env.js';
import { graphiqlTabs } from '../src/examples.js';
import { encodeGlobalID } from '../src/global-id.js';
import { createNewsgraphServer, createNewsgraphYoga, yoga, yogaOptionsFrom } from '../src/yoga.js';
import { captureSql, seed } from './support/db.js';
import { type FetchServer, type GqlError, gql, postBody } from './support/http.js';
import { serveInProcess } from './support/server.js';

const seededSlug = 'russia-hacked-election-probe-update-kremlin-denies-interfering-in-us-elections';
const costLimit = yogaOptionsFrom(readEnv({ NODE_ENV: 'test' })).costLimit;
let articleId: string;

beforeAll(async () => {
  await seed();
  const data = await gql(graphql(`query($slug: String!) { article(slug: $slug) { id } }`), {
    variables: { slug: seededSlug },
  });
  articleId = data.article?.id ?? '';
  expect(articleId).toBeTruthy();
});

type Answer = { status: number; text: string; body: { data?: unknown; errors?: GqlError[] } };

/** A POST with a body written as text, so values too deep for JSON.stringify can be sent. */
async function postText(
  body: string,
  server: FetchServer = yoga,
  accept = 'application/graphql-response+json',
): Promise<Answer> {
  const { status, text } = await postBody(body, { to: server, headers: { accept } });
  return { status, text, body: JSON.parse(text) };
}

const post = (query: string, variables?: Record<string, unknown>) =>
  postText(JSON.stringify({ query, variables }));

/** `{"a":{"a":…1…}}`, `depth` objects deep, built as text (JSON.stringify itself would overflow). */
const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

function expectCoded(answer: Answer, code: string, status = 400): GqlError {
  expect(answer.status, answer.text.slice(0, 300)).toBe(status);
  const error = answer.body.errors?.[0];
  expect(error?.extensions?.code, answer.text.slice(0, 300)).toBe(code);
  expect(answer.text).not.toMatch(/\bat .*\.(ts|js):\d+/);
  return error as GqlError;
}

function expectData(answer: Answer): Record<string, unknown> {
  expect(answer.body.errors, answer.text.slice(0, 300)).toBeUndefined();
  expect(answer.status).toBe(200);
  return answer.body.data as Record<string, unknown>;
}

describe('node and nodes', () => {
  const nodesQuery = `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`;

  it('takes up to 100 IDs, and refuses 101 with the limit', async () => {
    const hundred = expectData(await post(nodesQuery, { ids: Array(100).fill(articleId) }));
    expect(hundred.nodes).toHaveLength(100);
    expect((hundred.nodes as { id: string }[])[99]?.id).toBe(articleId);

    const error = expectCoded(
      await post(nodesQuery, { ids: Array(101).fill(articleId) }),
      'BAD_USER_INPUT',
      200, // refused by the field, so `data` is there (null), as for any argument error
    );
    expect(error.extensions).toMatchObject({ limit: 100, argumentName: 'ids' });
    expect(error.message).toMatch(/101 IDs exceed the limit of 100/);
  });

  it('refuses the 13,000 IDs of one 195 KB request before reading any of them', async () => {
    const ids = Array.from({ length: 13_000 }, (_, i) => encodeGlobalID('Article', i + 1));
    const { result, sql } = await captureSql(() => post(nodesQuery, { ids }));
    const error = expectCoded(result, 'BAD_USER_INPUT');
    expect(error.extensions?.limit).toBeTypeOf('number');
    expect(sql).toEqual([]);
  });

  it.each([
    ['an unknown type', encodeGlobalID('Foo', 1)],
    ['__proto__', encodeGlobalID('__proto__', 1)],
    ['constructor', encodeGlobalID('constructor', 1)],
    ['a join row that is no Node', encodeGlobalID('ArticleAuthor', 1)],
    ['an object type that is no Node', encodeGlobalID('PageInfo', 1)],
    ['the root type', encodeGlobalID('Query', 1)],
    ['an enum', encodeGlobalID('ArticleStatus', 1)],
  ])('refuses the ID of %s in node and nodes', async (_label, id) => {
    const viaNode = expectCoded(
      await post(`query($id: ID!) { node(id: $id) { id } }`, { id }),
      'BAD_USER_INPUT',
      200,
    );
    expect(viaNode.message).toMatch(/is not a Node type/);
    expect(viaNode.extensions?.argumentName).toBe('id');
    const viaNodes = expectCoded(
      await post(nodesQuery, { ids: [articleId, id] }),
      'BAD_USER_INPUT',
      200,
    );
    expect(viaNodes.message).toMatch(/is not a Node type/);
  });

  it('refuses the literal string __proto__ as a malformed ID', async () => {
    const error = expectCoded(
      await post(`query($id: ID!) { node(id: $id) { id } }`, { id: '__proto__' }),
      'BAD_USER_INPUT',
    );
    expect(error.message).toMatch(/not a valid Newsgraph ID/);
  });

  it('still fetches every Node type', async () => {
    const { article } = expectData(
      await post(
        `query($slug: String!) { article(slug: $slug) { id leadImage { id }
          authors { id } mentions { id } quotes { id } teasers { id } } }`,
        { slug: seededSlug },
      ),
    ) as { article: Record<string, { id: string } | { id: string }[]> };
    const ids = Object.values(article as object).map((value) =>
      typeof value === 'string' ? value : Array.isArray(value) ? value[0]?.id : value.id,
    );
    const data = expectData(
      await post(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids }),
    );
    expect((data.nodes as { __typename: string }[]).map((node) => node.__typename)).toEqual([
      'Article',
      'LeadImage',
      'Person',
      'Mention',
      'Quote',
      'Teaser',
    ]);
  });
});

describe('the cost limit', () => {
  // The editors' tab needs credentials: it is sent as an editor fills it in, with a real token.
  const editorToken = 'c'.repeat(32);
  const editorYoga = createNewsgraphYoga(
    yogaOptionsFrom(readEnv({ NODE_ENV: 'test', EDITOR_TOKEN: editorToken })),
  );
  // The tab's Authorization header (a placeholder) as an editor fills it in.
  const asSent = (headers: string | undefined): Record<string, string> =>
    headers ? { authorization: `Bearer ${editorToken}` } : {};
  const shipped: [string, string, Record<string, unknown>, Record<string, string>?][] = [
    ['Contract', print(documents.Contract), {}],
    ['ArticlePage', print(documents.ArticlePage), { slug: seededSlug }],
    ['PersonPage', print(documents.PersonPage), { slug: 'dmitry-peskov' }],
    ['PersonPage at 100', print(documents.PersonPage), { slug: 'dmitry-peskov', quotesFirst: 100 }],
    ['ArticleList', print(documents.ArticleList), {}],
    ['ArticleList at 100', print(documents.ArticleList), { first: 100 }],
    ['QuoteWalk', print(documents.QuoteWalk), {}],
    ['QuoteWalk at 100', print(documents.QuoteWalk), { first: 100 }],
    ...graphiqlTabs.map(
      (tab, index) =>
        [
          `GraphiQL tab ${index + 1}`,
          tab.query,
          tab.variables ? (JSON.parse(tab.variables) as Record<string, unknown>) : {},
          asSent(tab.headers),
        ] as [string, string, Record<string, unknown>, Record<string, string>],
    ),
  ];

  it.each(shipped)('lets %s through', async (_name, query, variables, headers = {}) => {
    const answer = Object.keys(headers).length
      ? await postBody(JSON.stringify({ query, variables }), {
          to: editorYoga,
          headers: { accept: 'application/graphql-response+json', ...headers },
        }).then(({ status, text }) => ({ status, text, body: JSON.parse(text) }))
      : await post(query, variables);
    const data = expectData(answer);
    expect(Object.values(data).some((value) => value !== null)).toBe(true);
  });

  it('multiplies nested pages by their sizes and refuses before any SQL runs', async () => {
    const query = `query($n: Int!) { articles(first: $n) { edges { node {
      quotes { text speaker { quotes(first: $n) { edges { node { text } } } } }
    } } } }`;
    expectData(await post(query, { n: 5 }));
    const { result, sql } = await captureSql(() => post(query, { n: 100 }));
    const error = expectCoded(result, 'COST_LIMIT_EXCEEDED');
    expect(error.extensions?.limit).toBe(costLimit);
    // 100 articles × 10 quotes × a page of 100 quotes: at least 100,000 quotes' worth.
    expect(error.extensions?.cost).toBeGreaterThan(100_000);
    expect(error.message).toContain(`the limit is ${costLimit}`);
    expect(sql).toEqual([]);
  });

  it('answers 200 with the error under application/json, as for every request error', async () => {
    const query = `{ articles(first: 100) { edges { node {
      quotes { speaker { quotes(first: 100) { edges { node { text } } } } } } } } }`;
    const answer = await postText(JSON.stringify({ query }), yoga, 'application/json');
    expectCoded(answer, 'COST_LIMIT_EXCEEDED', 200);
    expect(answer.body.data).toBeUndefined();
  });

  it('bounds the largest response to a few MB, and the next field over is refused', async () => {
    // The most bytes per unit of cost: whole article bodies (a list of strings costs 10), read
    // again and again through `nodes` with the same ID, 10 × k per ID.
    const bodies = (k: number) =>
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Article { ${Array.from(
        { length: k },
        (_, i) => `p${i}: paragraphs`,
      ).join(' ')} } } }`;
    const ids = Array(100).fill(articleId);
    const k = Math.floor((costLimit - 1) / (100 * 10));
    const largest = await post(bodies(k), { ids });
    expectData(largest);
    const megabytes = Buffer.byteLength(largest.text) / 1e6;
    expect(megabytes).toBeGreaterThan(1); // it is the large response it claims to be
    expect(megabytes).toBeLessThan(4);
    const over = expectCoded(await post(bodies(k + 1), { ids }), 'COST_LIMIT_EXCEEDED');
    expect(over.extensions?.cost).toBe(1 + 100 * 10 * (k + 1));
  });

  it('takes its limit from COST_LIMIT', async () => {
    const strict = createNewsgraphYoga({
      ...yogaOptionsFrom(readEnv({ NODE_ENV: 'test', COST_LIMIT: '500' })),
    });
    try {
      const answer = await postText(JSON.stringify({ query: print(documents.Contract) }), strict);
      const error = expectCoded(answer, 'COST_LIMIT_EXCEEDED');
      expect(error.extensions).toMatchObject({ limit: 500 });
      expect(error.extensions?.cost).toBeGreaterThan(500);
      expectData(
        await postText(JSON.stringify({ query: '{ articles(first: 1) { totalCount } }' }), strict),
      );
    } finally {
      await strict.dispose();
    }
    expect(() => readEnv({ COST_LIMIT: '0' })).toThrow(ConfigError);
  });

  describe('on the HTTP fast path', () => {
    // Compiled reads answer a document yoga has validated once, with whatever variables follow.
    const { yoga: fastYoga, listener } = createNewsgraphServer(
      yogaOptionsFrom(
        readEnv({ NODE_ENV: 'test', RESPONSE_CACHE_TTL: '0', COMPILED_READS: 'true' }),
      ),
    );
    const served = serveInProcess(listener, () => fastYoga.dispose());

    const send = async (body: string) => {
      const response = await fetch(served.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
        },
        body,
      });
      const text = await response.text();
      return {
        status: response.status,
        text,
        body: JSON.parse(text),
        compiled: response.headers.get('x-newsgraph-read') === 'compiled',
      };
    };

    it('counts the cost again when a known document comes back with larger pages', async () => {
      const query = `query($n: Int!) { ${Array.from(
        // Each costs 1 + 100 × 13 at n = 100, so these go over the limit together.
        { length: Math.ceil(costLimit / 1_301) + 1 },
        (_, i) => `a${i}: articles(first: $n) { edges { node { headline paragraphs } } }`,
      ).join(' ')} }`;
      expectData(await send(JSON.stringify({ query, variables: { n: 1 } })));
      const again = await send(JSON.stringify({ query, variables: { n: 1 } }));
      expectData(again);
      expect(again.compiled).toBe(true); // the fast path answers this document
      const error = expectCoded(
        await send(JSON.stringify({ query, variables: { n: 100 } })),
        'COST_LIMIT_EXCEEDED',
      );
      expect(error.extensions?.cost).toBeGreaterThan(costLimit);
      // Costs are remembered per declared variables: a variable the document does not declare
      // changes nothing either way.
      expectCoded(
        await send(JSON.stringify({ query, variables: { n: 100, buster: 1 } })),
        'COST_LIMIT_EXCEEDED',
      );
      const busted = await send(JSON.stringify({ query, variables: { n: 1, buster: 2 } }));
      expectData(busted);
      expect(busted.compiled).toBe(true);
    });

    it('refuses variables 10,000 levels deep with a 400', async () => {
      const query = '{ articles(first: 1) { totalCount } }';
      expectData(await send(JSON.stringify({ query })));
      const error = expectCoded(
        await send(`{"query":${JSON.stringify(query)},"variables":{"x":${nested(10_000)}}}`),
        'BAD_USER_INPUT',
      );
      expect(error.extensions?.limit).toBe(20);
    });
  });
});

describe('text filters', () => {
  const filters = [
    ['articles', 'ArticleFilter', 'headlineContains'],
    ['people', 'PersonFilter', 'nameContains'],
    ['quotes', 'QuoteFilter', 'textContains'],
    ['teasers', 'TeaserFilter', 'titleContains'],
  ] as const;

  it.each(filters)('%s: %s.%s takes 200 characters and refuses 201', async (root, type, field) => {
    const query = `query($filter: ${type}) { ${root}(first: 1, filter: $filter) { totalCount } }`;
    expectData(await post(query, { filter: { [field]: 'a'.repeat(200) } }));
    // Characters are code points: 200 emoji are 400 UTF-16 units.
    expectData(await post(query, { filter: { [field]: '😀'.repeat(200) } }));
    for (const length of [201, 50_000]) {
      const error = expectCoded(
        await post(query, { filter: { [field]: 'a'.repeat(length) } }),
        'BAD_USER_INPUT',
        200,
      );
      expect(error.extensions).toMatchObject({ limit: 200, argumentName: `filter.${field}` });
      expect(error.message).toContain(`${length} characters exceed the limit of 200`);
    }
  });

  it('still finds by a short text', async () => {
    const data = expectData(
      await post(`{ articles(filter: { headlineContains: "kremlin" }) { totalCount } }`),
    );
    expect(data.articles).toEqual({ totalCount: 1 });
  });
});

describe('variables', () => {
  const query = '{ articles(first: 1) { totalCount } }';
  const withVariables = (variables: string) =>
    postText(`{"query":${JSON.stringify(query)},"variables":${variables}}`);

  it('refuses 10,000 levels of nesting with a coded 400, not a stack overflow', async () => {
    const error = expectCoded(await withVariables(`{"x":${nested(10_000)}}`), 'BAD_USER_INPUT');
    expect(error.extensions?.limit).toBe(20);
    expect(error.message).toMatch(/nested more than 20 levels/);
  });

  it('takes 20 levels and refuses 21', async () => {
    // The variables object is the first level.
    expectData(await withVariables(`{"x":${nested(19)}}`));
    expectCoded(await withVariables(`{"x":${nested(20)}}`), 'BAD_USER_INPUT');
  });

  it('takes 1000 values and refuses 1001', async () => {
    // The object and the list count too.
    const list = (n: number) => `{"x":[${Array(n).fill(0).join(',')}]}`;
    expectData(await withVariables(list(998)));
    const error = expectCoded(await withVariables(list(999)), 'BAD_USER_INPUT');
    expect(error.extensions?.limit).toBe(1000);
  });

  it('refuses deep extensions and deep GET variables alike', async () => {
    const deepExtensions = await postText(
      `{"query":${JSON.stringify(query)},"extensions":{"x":${nested(5000)}}}`,
    );
    expectCoded(deepExtensions, 'BAD_USER_INPUT');
    const deepList = `${'['.repeat(1000)}${']'.repeat(1000)}`;
    const response = await yoga.fetch(
      `http://newsgraph.test/graphql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(`{"x":${deepList}}`)}`,
      { headers: { accept: 'application/graphql-response+json' } },
    );
    const text = await response.text();
    expectCoded({ status: response.status, text, body: JSON.parse(text) }, 'BAD_USER_INPUT');
  });
});
