// No N+1: every root field's document costs the same small number of SQL statements whatever
// its page size, field by field; and the compiled path answers it in one.
import type { TadaDocumentNode } from 'gql.tada';
import { beforeAll, describe, expect, it } from 'vitest';
import { ContractQuery } from '../src/client/documents.js';
import { graphql, readFragment } from '../src/client/graphql.js';
import { fieldsWithoutSql } from '../src/compiled/compile.js';
import { encodeGlobalID } from '../src/global-id.js';
import { schema } from '../src/schema/index.js';
import { captureSql, clearDatabase, db } from './support/db.js';
import { makeArticle, makePerson } from './support/factories.js';
import { gql } from './support/http.js';
import { testProvider } from './support/test-database.js';

/** Global IDs of rows the single-object root fields look up, set by `beforeAll`. */
const ids = { article: '', person: '', quote: '', teaser: '', nodes: [] as string[] };

/** Enough rows that every list of a representative document is longer than the largest page. */
const speakers = 6;
const extraPeople = 24;
const stories = 60;
const [smallPage, largePage] = [2, 20];

beforeAll(async () => {
  await clearDatabase();
  const people = [];
  for (let i = 0; i < speakers; i++)
    people.push(await makePerson({ slug: `speaker-${i}`, aliases: [`S${i}`] }));
  const [a, b, c, d, e] = people;
  if (!a || !b || !c || !d || !e) throw new Error('five speakers expected');
  for (let i = 0; i < stories; i++) {
    await makeArticle({
      slug: `story-${i}`,
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
  // One old story quoting many people, each once: a long article-level quote list and a people
  // list longer than the largest page, without changing who speaker-0 is quoted alongside.
  const extras = [];
  for (let i = 0; i < extraPeople; i++) extras.push(await makePerson({ slug: `extra-${i}` }));
  const big = await makeArticle({
    slug: 'big',
    publishedAt: new Date(Date.UTC(2000, 0, 1)),
    authors: extras.slice(0, 3),
    mentions: extras.map((person) => ({ person })),
    quotes: extras.map((speaker, i) => ({ text: `extra ${i}`, speaker })),
    teasers: extras.map((_, i) => ({ title: `Extra ${i}` })),
  });
  const quote = await db.quote.findFirstOrThrow({ where: { speakerId: a.id } });
  const teaser = await db.teaser.findFirstOrThrow({ where: { articleId: big.id } });
  const articles = await db.article.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
  ids.article = encodeGlobalID('Article', big.id);
  ids.person = encodeGlobalID('Person', a.id);
  ids.quote = encodeGlobalID('Quote', quote.id);
  ids.teaser = encodeGlobalID('Teaser', teaser.id);
  ids.nodes = articles.map((row) => encodeGlobalID('Article', row.id));
});

// The selections the representative documents share: every relation of each type, so a
// relation that loads per row shows up as statements growing with the page.
const ArticleFields = graphql(`
  fragment CountedArticle on Article {
    id slug headline publishedAt paragraphs
    authors { id slug name }
    leadImage { id title caption credit agency photographer { id name } }
    quotes { id text isPartial speaker { id slug name } }
    teasers { id kicker title summary isTruncated target { id slug } }
    mentions { id person { id slug name } roleAsWritten }
  }
`);

const PersonFields = graphql(`
  fragment CountedPerson on Person {
    id slug name aliases
    quotes(first: $first) { totalCount edges { node { text article { slug headline authors { name } } } } }
    articles(first: $first) { totalCount edges { node { headline } } }
    mentionedIn(first: $first) { totalCount edges { roleAsWritten node { headline } } }
    quotedAlongside { id person { id slug } count }
  }
`);

type Measured = { statements: number; rows: number; data: unknown };

/**
 * One root field's representative document: how to ask it for a page of `first` rows, and how
 * many rows the answer holds (so a page that did not grow cannot pass for a bounded one).
 * `most` is the field-by-field statement budget on each database (PostgreSQL joins relations in
 * one statement, SQLite loads each in its own), measured, and the same for every page size.
 */
type Representative = {
  most: number;
  /**
   * False where Prisma's batching decides the count: a `node` load of a Person can be merged with
   * the request's other Person loads in the same tick, and the node then lacks its nested selection,
   * so plugin-prisma loads its connection again (2 statements more, on either page size). The
   * budget still holds both sizes to the same bound.
   */
  exact?: boolean;
  measure: (first: number, compiled: boolean) => Promise<Measured>;
};

function representative<Result, Variables>(
  most: Record<typeof testProvider, number>,
  document: TadaDocumentNode<Result, Variables>,
  variables: (first: number) => Variables,
  rows: (data: Result) => number,
): Representative {
  return {
    most: most[testProvider],
    measure: async (first, compiled) => {
      const { result, sql } = await captureSql(() =>
        gql(document, { variables: variables(first), compiled }),
      );
      return { statements: sql.length, rows: rows(result), data: result };
    },
  };
}

const lengthOf = (list: readonly unknown[] | undefined | null) => list?.length ?? 0;

/** A representative document for every root Query field, by name. */
const representatives: Record<string, Representative> = {
  article: representative(
    { sqlite: 25, postgres: 5 },
    graphql(
      `query CountArticle($id: ID!, $first: Int!) {
        article(id: $id) { ...CountedArticle q: quotes(first: $first) { text speaker { ...CountedPerson } } }
      }`,
      [ArticleFields, PersonFields],
    ),
    (first) => ({ id: ids.article, first }),
    (data) => lengthOf(data.article?.q),
  ),
  articles: representative(
    { sqlite: 11, postgres: 2 },
    graphql(
      `query CountArticles($first: Int!) {
        articles(first: $first) {
          totalCount pageInfo { hasNextPage endCursor }
          edges { cursor node { ...CountedArticle } }
        }
      }`,
      [ArticleFields],
    ),
    (first) => ({ first }),
    (data) => data.articles.edges.length,
  ),
  person: representative(
    { sqlite: 13, postgres: 4 },
    graphql(`query CountPerson($first: Int!) { person(slug: "speaker-0") { ...CountedPerson } }`, [
      PersonFields,
    ]),
    (first) => ({ first }),
    (data) => lengthOf(readFragment(PersonFields, data.person)?.quotes.edges),
  ),
  people: representative(
    { sqlite: 14, postgres: 5 },
    graphql(
      `query CountPeople($first: Int!) {
        people(first: $first) { totalCount edges { cursor node { ...CountedPerson } } }
      }`,
      [PersonFields],
    ),
    (first) => ({ first }),
    (data) => data.people.edges.length,
  ),
  quote: representative(
    { sqlite: 24, postgres: 4 },
    graphql(
      `query CountQuote($id: ID!, $first: Int!) {
        quote(id: $id) { id text speaker { ...CountedPerson } article { ...CountedArticle } }
      }`,
      [ArticleFields, PersonFields],
    ),
    (first) => ({ id: ids.quote, first }),
    (data) => lengthOf(readFragment(PersonFields, data.quote?.speaker)?.quotes.edges),
  ),
  quotes: representative(
    { sqlite: 13, postgres: 2 },
    graphql(
      `query CountQuotes($first: Int!) {
        quotes(first: $first) { totalCount edges { node { id text speaker { id slug name }
          article { ...CountedArticle } } } }
      }`,
      [ArticleFields],
    ),
    (first) => ({ first }),
    (data) => data.quotes.edges.length,
  ),
  teaser: representative(
    { sqlite: 14, postgres: 2 },
    graphql(
      `query CountTeaser($id: ID!, $first: Int!) {
        teaser(id: $id) { id title target { slug } article { ...CountedArticle q: quotes(first: $first) { text } } }
      }`,
      [ArticleFields],
    ),
    (first) => ({ id: ids.teaser, first }),
    (data) => lengthOf(data.teaser?.article.q),
  ),
  teasers: representative(
    { sqlite: 13, postgres: 2 },
    graphql(
      `query CountTeasers($first: Int!) {
        teasers(first: $first) { totalCount edges { node { id title target { slug }
          article { ...CountedArticle } } } }
      }`,
      [ArticleFields],
    ),
    (first) => ({ first }),
    (data) => data.teasers.edges.length,
  ),
  node: {
    exact: false,
    ...representative(
      { sqlite: 15, postgres: 5 },
      graphql(
        `query CountNode($id: ID!, $first: Int!) {
        node(id: $id) { id ... on Person { ...CountedPerson page: quotes(first: $first) { edges { cursor } } } }
      }`,
        [PersonFields],
      ),
      (first) => ({ id: ids.person, first }),
      (data) => (data.node && 'page' in data.node ? data.node.page.edges.length : 0),
    ),
  },
  nodes: representative(
    // One more than the loads themselves: which of the IDs the reader may see, one query per type.
    { sqlite: 11, postgres: 2 },
    graphql(
      `query CountNodes($ids: [ID!]!) {
        nodes(ids: $ids) { id ... on Article { ...CountedArticle } }
      }`,
      [ArticleFields],
    ),
    // A list of IDs is the page of `nodes`.
    (first) => ({ ids: ids.nodes.slice(0, first) }),
    (data) => data.nodes.filter((node) => node !== null).length,
  ),
};

describe(`SQL statements per request (${testProvider})`, () => {
  it('has a representative document for every root field that reads stories, and no other', () => {
    // The viewer and the admin-only token list read no stories; compiled-reads.test.ts pins them
    // as the fields without SQL.
    const withoutSql = new Set(fieldsWithoutSql(schema));
    const rootFields = Object.keys(schema.getQueryType()?.getFields() ?? {})
      .filter((name) => !withoutSql.has(`Query.${name}`))
      .sort();
    expect(rootFields.length).toBeGreaterThan(0);
    expect(Object.keys(representatives).sort()).toEqual(rootFields);
  });

  describe.each(Object.entries(representatives))('%s', (field, { most, measure, exact }) => {
    it(`costs the same bounded number of statements for ${smallPage} and ${largePage} rows, field by field`, async () => {
      const small = await measure(smallPage, false);
      const large = await measure(largePage, false);
      expect([small.rows, large.rows]).toEqual([smallPage, largePage]);
      console.info(`${field}, field by field: ${large.statements} SQL statements`);
      if (exact !== false) expect(large.statements).toBe(small.statements);
      expect(small.statements).toBeLessThanOrEqual(most);
      expect(large.statements).toBeLessThanOrEqual(most);
    });

    it('is one statement compiled, for any page, with the same answer', async () => {
      const small = await measure(smallPage, true);
      const large = await measure(largePage, true);
      expect([small.statements, large.statements]).toEqual([1, 1]);
      expect([small.rows, large.rows]).toEqual([smallPage, largePage]);
      expect(large.data).toEqual((await measure(largePage, false)).data);
    });
  });

  it('the contract query is a small constant', async () => {
    const { sql } = await captureSql(() => gql(ContractQuery));
    expect(sql.length).toBeLessThanOrEqual(15);
  });

  // Prisma's relation `_count` on SQLite joins a GROUP BY over the whole child table, and a
  // relation filter in quotedAlongside became a scan of every quote: both grew with the database,
  // not the page. Every statement of a person page must reach its rows through an index.
  it.skipIf(testProvider !== 'sqlite')('a person page scans no table (SQLite plans)', async () => {
    const person = representatives.person as Representative;
    const { sql } = await captureSql(async () => {
      await person.measure(largePage, false);
      await person.measure(largePage, true);
    });
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
        graphql(
          `{ people(first: 30) { edges { node { slug quotedAlongside { person { slug } count } } } } }`,
        ),
        { compiled: false },
      ),
    );
    const bySlug = Object.fromEntries(
      result.people.edges.map((edge) => [edge.node.slug, edge.node.quotedAlongside]),
    );
    expect(bySlug['speaker-0']).toEqual([{ person: { slug: 'speaker-3' }, count: 60 }]);
    expect(bySlug['speaker-5']).toEqual([]);
    expect(sql.length).toBeLessThanOrEqual(4);
  });
});
