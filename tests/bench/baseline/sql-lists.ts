// The scenarios that page, filter and search lists, one SQL statement each like those of sql.ts.
// Each follows the documented semantics of its field in src/schema.graphql: `after` means the rows
// that follow the cursor's row in the list's order, `hasNextPage` that more follow the page, and
// `totalCount` counts every match across pages.
import {
  type Dialect,
  listNode,
  newestFirst,
  nullablePersonRef,
  ofVisibleArticle,
  visible,
} from './sql.js';

const int = (d: Dialect, n: number) => `CAST(${d.parameter(n)} AS INTEGER)`;

/** The order of `quotes` and `Person.quotes`: newest article first, then reading order. */
const newestArticleThenPosition = (x: string) =>
  `${x}."publishedAt" DESC, ${x}."articleId" DESC, ${x}."position"`;

/**
 * BenchListPage2: the visible articles after the cursor's article ($2) in newest-first order,
 * $1 of them. The page is read one row longer than asked, which answers hasNextPage. A cursor
 * naming a hidden article gives an empty page, as Newsgraph reads only from rows of its list.
 */
export function listPage2Statement(d: Dialect): string {
  const first = int(d, 1);
  const cursor = (a: string) => d.globalId('articles', `${a}."id"`);
  const onPage = `FROM page a WHERE a."index" <= ${first}`;
  const edges = d.array(
    d.object({ cursor: cursor('a'), node: listNode(d, 'a') }),
    newestFirst('a'),
    onPage,
  );
  const pageInfo = d.object({
    hasNextPage: d.boolean(`(SELECT count(*) FROM page) > ${first}`),
    endCursor: `(SELECT ${cursor('a')} ${onPage} ORDER BY a."index" DESC LIMIT 1)`,
  });
  return `WITH page AS (
      SELECT a.*, row_number() OVER (ORDER BY ${newestFirst('a')}) AS "index"
      FROM "Article" a
      WHERE ${visible(d, 'a')}
        AND (a."publishedAt", a."id") <
            (SELECT c."publishedAt", c."id" FROM "Article" c
             WHERE c."id" = ${d.parameter(2)} AND ${visible(d, 'c')})
      ORDER BY ${newestFirst('a')}
      LIMIT ${first} + 1)
    SELECT ${d.object({ articles: d.object({ pageInfo, edges }) })} AS data`;
}

/** BenchListMentions: the first 20 visible articles that mention the person with slug $1. */
export function listMentionsStatement(d: Dialect): string {
  const matches = (a: string) => `${visible(d, a)} AND ${a}."id" IN (
      SELECT m."articleId" FROM "Mention" m JOIN "Person" mp ON mp."id" = m."personId"
      WHERE mp."slug" = ${d.parameter(1)})`;
  const edges = d.array(
    d.object({ node: listNode(d, 'a') }),
    newestFirst('a'),
    `FROM (SELECT * FROM "Article" l WHERE ${matches('l')}
           ORDER BY "publishedAt" DESC, "id" DESC LIMIT 20) a`,
  );
  return `SELECT ${d.object({
    articles: d.object({
      totalCount: `(SELECT count(*) FROM "Article" n WHERE ${matches('n')})`,
      edges,
    }),
  })} AS data`;
}

/** BenchPeople: the first $1 people by name (ties by id), each with their quotes in visible articles. */
export function peopleStatement(d: Dialect): string {
  const node = d.object({
    id: d.globalId('Person', 'p."id"'),
    slug: 'p."slug"',
    name: 'p."name"',
    quotes: d.object({
      totalCount: `(SELECT count(*) FROM "Quote" q WHERE q."speakerId" = p."id"
                    AND ${ofVisibleArticle(d, 'q."articleId"')})`,
    }),
  });
  const edges = d.array(
    d.object({ cursor: d.globalId('people', 'p."id"'), node }),
    'p."name", p."id"',
    `FROM (SELECT * FROM "Person" ORDER BY "name", "id" LIMIT ${d.parameter(1)}) p`,
  );
  return `SELECT ${d.object({
    people: d.object({ totalCount: `(SELECT count(*) FROM "Person")`, edges }),
  })} AS data`;
}

/**
 * BenchPersonQuotesPage2: the person with slug $1 and the 20 of their quotes that follow the
 * cursor's quote ($2), of visible articles only. Their quotes are numbered in the list's order, so
 * "after" is a position; a cursor naming a quote outside the list gives an empty page.
 */
export function personQuotesPage2Statement(d: Dialect): string {
  const onPage = `FROM page x WHERE x."index" <= 20`;
  const cursor = d.globalId('Person.quotes', 'x."id"');
  const quotes = d.object({
    totalCount: `(SELECT count(*) FROM "Quote" pq WHERE pq."speakerId" = p."id"
                  AND ${ofVisibleArticle(d, 'pq."articleId"')})`,
    pageInfo: d.object({
      hasNextPage: d.boolean(`(SELECT count(*) FROM page) > 20`),
      endCursor: `(SELECT ${cursor} ${onPage} ORDER BY x."index" DESC LIMIT 1)`,
    }),
    edges: d.array(
      d.object({
        cursor,
        node: d.object({
          id: d.globalId('Quote', 'x."id"'),
          text: 'x."text"',
          isPartial: d.boolean('x."isPartial"'),
          article: d.object({
            id: d.globalId('Article', 'x."articleId"'),
            slug: 'x."slug"',
            headline: 'x."headline"',
            publishedAt: d.isoTime('x."publishedAt"'),
          }),
        }),
      }),
      'x."index"',
      onPage,
    ),
  });
  const person = d.object({
    id: d.globalId('Person', 'p."id"'),
    slug: 'p."slug"',
    name: 'p."name"',
    quotes,
  });
  return `WITH numbered AS (
      SELECT q."id", q."text", q."isPartial", q."articleId", q."position",
             qa."slug", qa."headline", qa."publishedAt",
             row_number() OVER (
               ORDER BY qa."publishedAt" DESC, q."articleId" DESC, q."position") AS "number"
      FROM "Quote" q
      JOIN "Article" qa ON qa."id" = q."articleId"
      JOIN "Person" sp ON sp."id" = q."speakerId"
      WHERE sp."slug" = ${d.parameter(1)} AND ${visible(d, 'qa')}),
    page AS (
      SELECT n.*, n."number" - c."number" AS "index"
      FROM numbered n JOIN numbered c ON c."id" = ${d.parameter(2)}
      WHERE n."number" > c."number" AND n."number" <= c."number" + 21)
    SELECT ${d.object({
      person: `(SELECT ${person} FROM "Person" p WHERE p."slug" = ${d.parameter(1)})`,
    })} AS data`;
}

/**
 * BenchQuoteSearch: the first 20 quotes (of visible articles, as `quotes` lists them) whose text
 * contains the pattern $1, with their speaker and article, and how many match in all.
 */
export function quoteSearchStatement(d: Dialect): string {
  const edges = d.array(
    d.object({
      node: d.object({
        id: d.globalId('Quote', 'x."id"'),
        text: 'x."text"',
        speaker: nullablePersonRef(d, 's'),
        article: d.object({
          id: d.globalId('Article', 'x."articleId"'),
          slug: 'x."slug"',
          headline: 'x."headline"',
        }),
      }),
    }),
    newestArticleThenPosition('x'),
    `FROM (SELECT * FROM found ORDER BY ${newestArticleThenPosition('found')} LIMIT 20) x
     LEFT JOIN "Person" s ON s."id" = x."speakerId"`,
  );
  return `WITH found AS (
      SELECT q."id", q."text", q."speakerId", q."articleId", q."position",
             qa."slug", qa."headline", qa."publishedAt"
      FROM "Quote" q JOIN "Article" qa ON qa."id" = q."articleId"
      WHERE ${d.contains('q."text"', d.parameter(1))} AND ${visible(d, 'qa')})
    SELECT ${d.object({
      quotes: d.object({ totalCount: `(SELECT count(*) FROM found)`, edges }),
    })} AS data`;
}
