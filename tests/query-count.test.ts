// No N+1: a nested page costs the same small number of SQL statements whatever its size.
import { beforeAll, describe, expect, it } from 'vitest';
import { contractQuery } from '../src/examples.js';
import { captureSql, clearDatabase, db } from './support/db.js';
import { makeArticle, makePerson } from './support/factories.js';
import { gql } from './support/gql.js';
import { testProvider } from './support/test-database.js';

const articlePage = /* GraphQL */ `
  query Page($first: Int!) {
    articles(first: $first) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node {
        id slug headline publishedAt paragraphs
        authors { id slug name }
        leadImage { id title caption credit agency photographer { id name } }
        quotes { id text isPartial speaker { id slug name } }
        teasers { id kicker title summary isTruncated target { id slug } }
        mentions { id person { id slug name } roleAsWritten }
      } }
    }
  }
`;

const personPage = /* GraphQL */ `
  query Person($first: Int!) {
    person(slug: "speaker-0") {
      name aliases
      quotes(first: $first) { totalCount edges { node { text article { slug headline authors { name } } } } }
      articles(first: $first) { totalCount edges { node { headline } } }
      mentionedIn(first: $first) { totalCount edges { roleAsWritten node { headline } } }
      quotedAlongside { id person { id slug } count }
    }
  }
`;

beforeAll(async () => {
  await clearDatabase();
  const speakers = [];
  for (let i = 0; i < 6; i++)
    speakers.push(await makePerson({ slug: `speaker-${i}`, aliases: [`S${i}`] }));
  const [a, b, c, d, e, f] = speakers as [any, any, any, any, any, any];
  for (let i = 0; i < 60; i++) {
    await makeArticle({
      headline: `Story ${i}`,
      authors: i % 2 ? [a, b] : [a],
      photographer: c,
      mentions: [{ person: d, roleAsWritten: 'the mayor' }, { person: e }],
      quotes: [
        { text: `q${i}-1`, speaker: a },
        { text: `q${i}-2`, speaker: d },
        { text: `q${i}-3`, speaker: null },
      ],
      teasers: [{ title: `Story ${i + 1}`, kicker: 'More' }, { title: 'Elsewhere' }],
    });
  }
  expect(f).toBeDefined();
});

/** Statements for one request; `compiled: false` resolves field by field (the fallback path). */
async function statementsFor(query: string, first: number, compiled = false) {
  const { result, sql } = await captureSql(() => gql(query, { variables: { first }, compiled }));
  return { result, count: sql.length, sql };
}

describe('SQL statements per request', () => {
  it('an article page costs the same for 2 and 50 articles', async () => {
    const small = await statementsFor(articlePage, 2);
    const large = await statementsFor(articlePage, 50);
    expect(small.result.articles.edges).toHaveLength(2);
    expect(large.result.articles.edges).toHaveLength(50);
    expect(large.result.articles.edges[49].node.quotes).toHaveLength(3);
    expect(large.result.articles.edges[49].node.leadImage.photographer.name).toBe(
      large.result.articles.edges[0].node.leadImage.photographer.name,
    );
    expect(large.count).toBe(small.count);
    console.info(`article page, field by field: ${large.count} SQL statements`);
    // Field by field, a statement per relation of the page, batched across its articles.
    expect(large.count).toBeLessThanOrEqual(12);
  });

  it('a compiled read is one statement for any page, and answers as execution does', async () => {
    for (const query of [articlePage, personPage]) {
      const small = await statementsFor(query, 2, true);
      const large = await statementsFor(query, 50, true);
      expect([small.count, large.count]).toEqual([1, 1]);
      expect(large.result).toEqual((await statementsFor(query, 50)).result);
    }
  });

  it('the contract query is a small constant', async () => {
    const { sql } = await captureSql(() => gql(contractQuery));
    expect(sql.length).toBeLessThanOrEqual(15);
  });

  it('a person page costs the same for 2 and 50 rows per list', async () => {
    const small = await statementsFor(personPage, 2);
    const large = await statementsFor(personPage, 50);
    expect(large.result.person.quotes.edges).toHaveLength(50);
    expect(large.result.person.articles.totalCount).toBe(60);
    expect(large.count).toBe(small.count);
    console.info(`person page: ${large.count} SQL statements`);
    // Counts are one indexed statement of their own (see the next test for why), quotedAlongside two.
    expect(large.count).toBeLessThanOrEqual(testProvider === 'postgres' ? 4 : 13);
  });

  // Prisma's relation `_count` on SQLite joins a GROUP BY over the whole child table, and a
  // relation filter in quotedAlongside became a scan of every quote: both grew with the database,
  // not the page. Every statement of a person page must reach its rows through an index.
  it.skipIf(testProvider !== 'sqlite')('a person page scans no table (SQLite plans)', async () => {
    const executed = await statementsFor(personPage, 20);
    const compiled = await statementsFor(personPage, 20, true);
    const sql = [...executed.sql, ...compiled.sql];
    const scans: string[] = [];
    for (const statement of sql) {
      const nulls = Array.from(statement.matchAll(/\?/g), () => null);
      const plan = await db.$queryRawUnsafe<{ detail: string }[]>(
        `EXPLAIN QUERY PLAN ${statement}`,
        ...nulls,
      );
      // Reading a subquery's own rows (a page already cut by LIMIT) or a constant is not a scan.
      const derived = new Set(
        plan.flatMap(({ detail }) => /^(?:CO-ROUTINE|MATERIALIZE) (\S+)/.exec(detail)?.[1] ?? []),
      );
      for (const { detail } of plan) {
        const scanned = /^SCAN (\S+)/.exec(detail)?.[1];
        if (scanned && scanned !== 'CONSTANT' && !derived.has(scanned))
          scans.push(`${detail} in ${statement}`);
      }
    }
    expect(sql.length).toBeGreaterThan(6);
    expect(scans).toEqual([]);
  });

  it('a list of people with quotedAlongside is batched', async () => {
    const { result, sql } = await captureSql(() =>
      gql(
        `{ people(first: 6) { edges { node { slug quotedAlongside { person { slug } count } } } } }`,
      ),
    );
    const bySlug = Object.fromEntries(
      result.people.edges.map((e: any) => [e.node.slug, e.node.quotedAlongside]),
    );
    expect(bySlug['speaker-0']).toEqual([{ person: { slug: 'speaker-3' }, count: 60 }]);
    expect(bySlug['speaker-5']).toEqual([]);
    expect(sql.length).toBeLessThanOrEqual(4);
  });
});
