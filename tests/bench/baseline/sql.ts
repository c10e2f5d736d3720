// The first three scenarios (list, person page, article page) as one SQL statement each, which
// builds the whole `data` object as JSON inside the database, and the fragments the other scenarios
// (sql-lists.ts) share. Written once over a small dialect, so SQLite and PostgreSQL answer from the
// same joins and orderings; each ordering repeats the Newsgraph resolver's, tie-breaks included.
// Every answer is an anonymous reader's: `visible` is the README's visibility rule, written out by
// hand rather than taken from src/rules/visibility.ts, so parity checks the rule too.

export type Dialect = {
  /** A JSON object from key/value SQL expressions, keys in document order. */
  object(fields: Record<string, string>): string;
  /** A JSON array of `element` over the rows of `from` (a FROM ... WHERE ... clause); `[]` if none. */
  array(element: string, orderBy: string, from: string): string;
  /** The Relay global ID of a row: base64 of "<Type>:<id>". */
  globalId(type: string, id: string): string;
  /** A DateTime column as Date.toISOString() prints it. */
  isoTime(column: string): string;
  /** A boolean column as JSON true/false. */
  boolean(column: string): string;
  /** A column holding JSON text or a JSON value, embedded as JSON. */
  json(column: string): string;
  /** Makes a text ordering compare bytes, as JavaScript compares the generated ASCII names. */
  byteOrder(expression: string): string;
  /** The statement's n-th placeholder (from 1); one value may appear several times. */
  parameter(n: number): string;
  /** `column` contains the text that the LIKE pattern `pattern` (escaped with \) stands for, ignoring ASCII case. */
  contains(column: string, pattern: string): string;
  /**
   * The database's clock when the statement runs, comparable with a DateTime column. Newsgraph reads
   * at its server's clock; the generated data keeps every `publishedAt` years in the past
   * (synthetic/plan.ts), so the two clocks cannot disagree about a row.
   */
  now: string;
};

/**
 * Whether an anonymous reader may see the article `a`: PUBLISHED or SCHEDULED, with a
 * `publishedAt` that has passed. Quotes, mentions and teasers are seen only with their article.
 */
export const visible = (d: Dialect, a: string) =>
  `(${a}."status" IN ('PUBLISHED', 'SCHEDULED') AND ${a}."publishedAt" IS NOT NULL AND ${a}."publishedAt" <= ${d.now})`;

/**
 * Whether the article whose id is `articleId` (a qualified column) is visible: for counting rows
 * that hang off articles, per row through the primary key rather than a set of all visible ids.
 */
export const ofVisibleArticle = (d: Dialect, articleId: string) =>
  `EXISTS (SELECT 1 FROM "Article" va WHERE va."id" = ${articleId} AND ${visible(d, 'va')})`;

export const personRef = (d: Dialect, p: string) =>
  d.object({ id: d.globalId('Person', `${p}."id"`), slug: `${p}."slug"`, name: `${p}."name"` });

/** A person object, or null when a LEFT JOIN found nobody. */
export const nullablePersonRef = (d: Dialect, p: string) =>
  `CASE WHEN ${p}."id" IS NULL THEN NULL ELSE ${personRef(d, p)} END`;

/** Article.leadImage: null when title, caption and credit are all null, as the resolver decides. */
const leadImage = (d: Dialect, a: string) =>
  `CASE WHEN ${a}."leadImageTitle" IS NULL AND ${a}."leadImageCaption" IS NULL AND ${a}."leadImageCredit" IS NULL THEN NULL ELSE ${d.object(
    {
      title: `${a}."leadImageTitle"`,
      caption: `${a}."leadImageCaption"`,
      credit: `${a}."leadImageCredit"`,
      agency: `${a}."leadImageAgency"`,
      photographer: `(SELECT ${personRef(d, 'ph')} FROM "Person" ph WHERE ph."id" = ${a}."leadImagePhotographerId")`,
    },
  )} END`;

/** Article.authors: byline order. */
const authors = (d: Dialect, a: string) =>
  d.array(
    personRef(d, 'ap'),
    'aa."position"',
    `FROM "ArticleAuthor" aa JOIN "Person" ap ON ap."id" = aa."personId" WHERE aa."articleId" = ${a}."id"`,
  );

/** Article.teasers: page order, then id; `targetFields` are the target's, null when it is hidden. */
const teasers = (d: Dialect, a: string, targetFields: Record<string, string>) =>
  d.array(
    d.object({
      id: d.globalId('Teaser', 't."id"'),
      position: 't."position"',
      kicker: 't."kicker"',
      title: 't."title"',
      summary: 't."summary"',
      isTruncated: d.boolean('t."isTruncated"'),
      url: 't."url"',
      target: `CASE WHEN ta."id" IS NULL THEN NULL ELSE ${d.object(targetFields)} END`,
    }),
    't."position", t."id"',
    `FROM "Teaser" t LEFT JOIN "Article" ta ON ta."id" = t."targetId" AND ${visible(d, 'ta')}
     WHERE t."articleId" = ${a}."id"`,
  );

/** An article as the list shows it: byline, lead image, first 5 quotes and teasers. */
export function listNode(d: Dialect, a: string): string {
  return d.object({
    id: d.globalId('Article', `${a}."id"`),
    slug: `${a}."slug"`,
    headline: `${a}."headline"`,
    publishedAt: d.isoTime(`${a}."publishedAt"`),
    leadImage: leadImage(d, a),
    authors: authors(d, a),
    quotes: d.array(
      d.object({
        id: d.globalId('Quote', 'q."id"'),
        text: 'q."text"',
        speaker: nullablePersonRef(d, 's'),
      }),
      'q."position", q."id"',
      `FROM (SELECT * FROM "Quote" WHERE "articleId" = ${a}."id" ORDER BY "position", "id" LIMIT 5) q
       LEFT JOIN "Person" s ON s."id" = q."speakerId"`,
    ),
    teasers: teasers(d, a, {
      id: d.globalId('Article', 'ta."id"'),
      slug: 'ta."slug"',
      headline: 'ta."headline"',
    }),
  });
}

/** The order of `articles`: newest first, ties by id (cursors stay stable). */
export const newestFirst = (a: string) => `${a}."publishedAt" DESC, ${a}."id" DESC`;

/** BenchList: the visible articles, newest first (ties by id), each with its first 5 quotes. */
export function listStatement(d: Dialect): string {
  const edges = d.array(
    d.object({ node: listNode(d, 'a') }),
    newestFirst('a'),
    `FROM (SELECT * FROM "Article" l WHERE ${visible(d, 'l')}
           ORDER BY "publishedAt" DESC, "id" DESC LIMIT ${d.parameter(1)}) a`,
  );
  return `SELECT ${d.object({ articles: d.object({ edges }) })} AS data`;
}

/** BenchPerson: quotes and authored articles newest article first, and the co-speakers, all of
 * visible articles only. */
export function personStatement(d: Dialect): string {
  const articleFields = (alias: string, idColumn: string) => ({
    id: d.globalId('Article', idColumn),
    slug: `${alias}."slug"`,
    headline: `${alias}."headline"`,
    publishedAt: d.isoTime(`${alias}."publishedAt"`),
  });
  const quotes = d.object({
    totalCount: `(SELECT count(*) FROM "Quote" pq WHERE pq."speakerId" = p."id"
                  AND ${ofVisibleArticle(d, 'pq."articleId"')})`,
    edges: d.array(
      d.object({
        node: d.object({
          id: d.globalId('Quote', 'x."id"'),
          text: 'x."text"',
          isPartial: d.boolean('x."isPartial"'),
          article: d.object(articleFields('x', 'x."articleId"')),
        }),
      }),
      'x."publishedAt" DESC, x."articleId" DESC, x."position"',
      `FROM (SELECT q."id", q."text", q."isPartial", q."articleId", q."position",
                    qa."slug", qa."headline", qa."publishedAt"
             FROM "Quote" q JOIN "Article" qa ON qa."id" = q."articleId"
             WHERE q."speakerId" = p."id" AND ${visible(d, 'qa')}
             ORDER BY qa."publishedAt" DESC, q."articleId" DESC, q."position" LIMIT 20) x`,
    ),
  });
  const articles = d.object({
    totalCount: `(SELECT count(*) FROM "ArticleAuthor" pa WHERE pa."personId" = p."id"
                  AND ${ofVisibleArticle(d, 'pa."articleId"')})`,
    edges: d.array(
      d.object({ node: d.object(articleFields('y', 'y."articleId"')) }),
      'y."publishedAt" DESC, y."articleId" DESC',
      `FROM (SELECT aa."articleId", wa."slug", wa."headline", wa."publishedAt"
             FROM "ArticleAuthor" aa JOIN "Article" wa ON wa."id" = aa."articleId"
             WHERE aa."personId" = p."id" AND ${visible(d, 'wa')}
             ORDER BY wa."publishedAt" DESC, aa."articleId" DESC LIMIT 20) y`,
    ),
  });
  // Other speakers in visible articles that quote this person, counted once per article.
  const quotedAlongside = d.array(
    d.object({ count: 'c."shared"', person: personRef(d, 'o') }),
    `c."shared" DESC, ${d.byteOrder('o."name"')}, o."id"`,
    `FROM (SELECT oq."speakerId" AS "otherId", count(DISTINCT oq."articleId") AS "shared"
           FROM "Quote" oq
           WHERE oq."speakerId" IS NOT NULL AND oq."speakerId" <> p."id"
             AND oq."articleId" IN (SELECT "articleId" FROM "Quote" WHERE "speakerId" = p."id")
             AND ${ofVisibleArticle(d, 'oq."articleId"')}
           GROUP BY oq."speakerId") c
     JOIN "Person" o ON o."id" = c."otherId"`,
  );
  const person = d.object({
    id: d.globalId('Person', 'p."id"'),
    slug: 'p."slug"',
    name: 'p."name"',
    description: 'p."description"',
    aliases: d.array('al."alias"', 'al."id"', `FROM "PersonAlias" al WHERE al."personId" = p."id"`),
    quotes,
    articles,
    quotedAlongside,
  });
  return `SELECT ${d.object({
    person: `(SELECT ${person} FROM "Person" p WHERE p."slug" = ${d.parameter(1)})`,
  })} AS data`;
}

/** BenchArticle: the whole page of one article by slug, null unless it is visible. */
export function articleStatement(d: Dialect): string {
  const article = d.object({
    id: d.globalId('Article', 'a."id"'),
    slug: 'a."slug"',
    headline: 'a."headline"',
    status: 'a."status"',
    publishedAt: d.isoTime('a."publishedAt"'),
    sourceUrl: 'a."sourceUrl"',
    paragraphs: d.json('a."paragraphs"'),
    leadImage: leadImage(d, 'a'),
    authors: authors(d, 'a'),
    mentions: d.array(
      d.object({
        roleAsWritten: 'm."roleAsWritten"',
        firstParagraph: 'm."firstParagraph"',
        person: personRef(d, 'mp'),
      }),
      'm."firstParagraph", m."id"',
      `FROM "Mention" m JOIN "Person" mp ON mp."id" = m."personId" WHERE m."articleId" = a."id"`,
    ),
    quotes: d.array(
      d.object({
        id: d.globalId('Quote', 'q."id"'),
        text: 'q."text"',
        isPartial: d.boolean('q."isPartial"'),
        speakerRoleAsWritten: 'q."speakerRoleAsWritten"',
        attribution: 'q."attribution"',
        speaker: nullablePersonRef(d, 's'),
      }),
      'q."position", q."id"',
      `FROM "Quote" q LEFT JOIN "Person" s ON s."id" = q."speakerId" WHERE q."articleId" = a."id"`,
    ),
    teasers: teasers(d, 'a', {
      id: d.globalId('Article', 'ta."id"'),
      slug: 'ta."slug"',
      headline: 'ta."headline"',
      publishedAt: d.isoTime('ta."publishedAt"'),
    }),
    teasedBy: d.array(
      d.object({
        id: d.globalId('Teaser', 'tb."id"'),
        article: d.object({
          id: d.globalId('Article', 'h."id"'),
          slug: 'h."slug"',
          headline: 'h."headline"',
        }),
      }),
      'tb."articleId", tb."position", tb."id"',
      `FROM "Teaser" tb JOIN "Article" h ON h."id" = tb."articleId" AND ${visible(d, 'h')}
       WHERE tb."targetId" = a."id"`,
    ),
  });
  return `SELECT ${d.object({
    article: `(SELECT ${article} FROM "Article" a WHERE a."slug" = ${d.parameter(1)} AND ${visible(d, 'a')})`,
  })} AS data`;
}
