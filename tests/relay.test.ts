// Every connection pages the same rows forwards (first/after) and backwards (last/before), at
// any page size, with ties in its order keys; and cursors only page the list that made them.
import type { TadaDocumentNode } from 'gql.tada';
import { assert, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../src/client/graphql.js';
import { clearDatabase } from './support/db.js';
import { makeArticle, makePerson } from './support/factories.js';
import { gql, gqlError, post } from './support/http.js';
import { testProvider } from './support/test-database.js';

type Page = {
  totalCount: number;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  edges: { cursor: string; node: { id: string } }[];
};

type PageArgs = { first?: number; last?: number; after?: string | null; before?: string | null };

/**
 * A connection of the schema: its document and where its page is in the answer. Every document
 * asks the same page (`c`) with the same four arguments.
 */
type Connection = {
  document: TadaDocumentNode<unknown, PageArgs>;
  fetch: (args: PageArgs, compiled?: boolean) => Promise<Page>;
};

function connection<Result>(
  document: TadaDocumentNode<Result, PageArgs>,
  pick: (data: Result) => Page | undefined,
): Connection {
  return {
    document,
    fetch: async (args, compiled = true) => {
      const page = pick(await gql(document, { variables: args, compiled }));
      assert.exists(page, 'the connection’s owner exists');
      return page;
    },
  };
}

const connections: Record<string, Connection> = {
  articles: connection(
    graphql(`query($first: Int, $last: Int, $after: String, $before: String) {
      c: articles(first: $first, last: $last, after: $after, before: $before) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } } }`),
    (data) => data.c,
  ),
  people: connection(
    graphql(`query($first: Int, $last: Int, $after: String, $before: String) {
      c: people(first: $first, last: $last, after: $after, before: $before) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } } }`),
    (data) => data.c,
  ),
  quotes: connection(
    graphql(`query($first: Int, $last: Int, $after: String, $before: String) {
      c: quotes(first: $first, last: $last, after: $after, before: $before) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } } }`),
    (data) => data.c,
  ),
  teasers: connection(
    graphql(`query($first: Int, $last: Int, $after: String, $before: String) {
      c: teasers(first: $first, last: $last, after: $after, before: $before) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } } }`),
    (data) => data.c,
  ),
  'Person.quotes': connection(
    graphql(`query($first: Int, $last: Int, $after: String, $before: String) { person(slug: "ann") {
      c: quotes(first: $first, last: $last, after: $after, before: $before) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } } } }`),
    (data) => data.person?.c,
  ),
  'Person.articles': connection(
    graphql(`query($first: Int, $last: Int, $after: String, $before: String) { person(slug: "ann") {
      c: articles(first: $first, last: $last, after: $after, before: $before) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } } } }`),
    (data) => data.person?.c,
  ),
  'Person.mentionedIn': connection(
    graphql(`query($first: Int, $last: Int, $after: String, $before: String) { person(slug: "ann") {
      c: mentionedIn(first: $first, last: $last, after: $after, before: $before) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } } } }`),
    (data) => data.person?.c,
  ),
};

function fetchPage(name: string, args: PageArgs, compiled = true): Promise<Page> {
  const found = connections[name];
  assert.exists(found, name);
  return found.fetch(args, compiled);
}

function expectConsistent(result: Page) {
  expect(result.pageInfo.startCursor).toBe(result.edges[0]?.cursor ?? null);
  expect(result.pageInfo.endCursor).toBe(result.edges.at(-1)?.cursor ?? null);
}

const ids = (result: Page) => result.edges.map((edge) => edge.node.id);
const sizes = [1, 2, 3, 7, 100];

describe(`Relay connections (${testProvider})`, () => {
  beforeAll(async () => {
    await clearDatabase();
    const ann = await makePerson({ slug: 'ann', name: 'Ann' });
    // Equal names: `people` orders by name, so ids must break the ties.
    const others = [];
    for (let i = 0; i < 9; i++) others.push(await makePerson({ name: i < 5 ? 'Same' : `P${i}` }));
    for (let i = 0; i < 12; i++) {
      const other = others[i % others.length] as { id: number };
      await makeArticle({
        // Three articles per instant: ties in publishedAt everywhere articles order things.
        publishedAt: new Date(Date.UTC(2024, 0, 1 + Math.floor(i / 3))),
        authors: i % 4 === 3 ? [other] : [ann, other],
        mentions: [{ person: ann }, { person: other }],
        quotes: [
          { text: `a${i}`, speaker: ann },
          { text: `o${i}`, speaker: other },
          { text: `b${i}`, speaker: ann },
        ],
        teasers: [{ title: `t${i}` }, { title: `u${i}` }],
      });
    }
  });

  for (const name of Object.keys(connections)) {
    it(`${name}: every page size, both ways, the same rows as one big page`, async () => {
      const all = await fetchPage(name, { first: 100 });
      expect(all.edges.length).toBeGreaterThan(7);
      expect(all.totalCount).toBe(all.edges.length);
      expect(new Set(ids(all)).size).toBe(all.edges.length);
      // The field-by-field answer gives the same cursors as the compiled one.
      expect(await fetchPage(name, { first: 100 }, false)).toEqual(all);
      for (const size of sizes) {
        const forwards: string[] = [];
        let after: string | null = null;
        for (;;) {
          const result: Page = await fetchPage(name, { first: size, after });
          expectConsistent(result);
          expect(result.totalCount).toBe(all.totalCount);
          expect(result.pageInfo.hasPreviousPage).toBe(after !== null);
          forwards.push(...ids(result));
          expect(result.pageInfo.hasNextPage).toBe(forwards.length < all.edges.length);
          if (!result.pageInfo.hasNextPage) break;
          after = result.pageInfo.endCursor;
        }
        expect(forwards, `first: ${size}`).toEqual(ids(all));

        const backwards: string[] = [];
        let before: string | null = null;
        for (;;) {
          const result: Page = await fetchPage(name, { last: size, before });
          expectConsistent(result);
          expect(result.pageInfo.hasNextPage).toBe(before !== null);
          backwards.unshift(...ids(result));
          expect(result.pageInfo.hasPreviousPage).toBe(backwards.length < all.edges.length);
          if (!result.pageInfo.hasPreviousPage) break;
          before = result.pageInfo.startCursor;
        }
        expect(backwards, `last: ${size}`).toEqual(ids(all));
      }
    });

    it(`${name}: first with last, and cursors of other lists or made up, are BAD_USER_INPUT`, async () => {
      const query = (connections[name] as Connection).document;
      const both = await gqlError('BAD_USER_INPUT', query, { variables: { first: 3, last: 1 } });
      expect(both.message).toMatch(/not both/);
      // A real cursor of every other connection.
      for (const other of Object.keys(connections)) {
        if (other === name) continue;
        const cursor = (await fetchPage(other, { first: 1 })).pageInfo.endCursor;
        for (const variables of [
          { first: 2, after: cursor },
          { last: 2, before: cursor },
        ]) {
          const error = await gqlError('BAD_USER_INPUT', query, { variables });
          expect(error.message).toContain(`cursor of ${other}, not of ${name}`);
        }
      }
      const articleId = (await fetchPage('articles', { first: 1 })).edges[0]?.node.id;
      const base64 = (text: string) => Buffer.from(text).toString('base64');
      for (const forged of [
        base64('GPC:S:hello'),
        base64('GPC:N:1'), // the old, list-less form
        base64(`${name}:hello`),
        base64(`${name}:0`),
        base64(`${name}:1:2`),
        'garbage',
        '%%%',
        '',
        articleId, // a global ID is not a cursor
      ]) {
        for (const variables of [
          { first: 2, after: forged },
          { last: 2, before: forged },
        ]) {
          const result = await post(query, { variables });
          expect(result.errors?.[0]?.extensions?.code, `${forged}`).toBe('BAD_USER_INPUT');
        }
      }
    });
  }

  it('last with nothing under the node (cursors, pageInfo, totalCount) answers', async () => {
    for (const field of ['quotes', 'articles', 'mentionedIn']) {
      for (const selection of ['totalCount', 'pageInfo { hasPreviousPage }', 'edges { cursor }']) {
        for (const window of ['last: 2', 'first: 2']) {
          for (const compiled of [true, false]) {
            // Generated from parts, so plain text: the answer is checked by shape, not by type.
            const answer = await post(
              `{ person(slug: "ann") { c: ${field}(${window}) { ${selection} } } }`,
              { compiled },
            );
            expect(answer.errors).toBeUndefined();
            expect(answer.data).toMatchObject({ person: { c: expect.any(Object) } });
          }
        }
      }
    }
  });
});

describe(`articles(last:) on a few hundred articles (${testProvider})`, () => {
  beforeAll(async () => {
    await clearDatabase();
    for (let i = 0; i < 310; i++) {
      await makeArticle({ publishedAt: new Date(Date.UTC(2023, 0, 1 + (i % 40))) });
    }
  });

  it('answers the oldest article, as the end of a forward walk', async () => {
    const last = await fetchPage('articles', { last: 1 });
    expect(last.totalCount).toBe(310);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    let after: string | null = null;
    let end: Page | undefined;
    for (;;) {
      end = await fetchPage('articles', { first: 100, after });
      if (!end.pageInfo.hasNextPage) break;
      after = end.pageInfo.endCursor;
    }
    expect(ids(last)).toEqual(ids(end).slice(-1));
    expect(last.edges[0]?.cursor).toBe(end.edges.at(-1)?.cursor);
  });
});
