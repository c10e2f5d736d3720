// The first three scenarios (list, person page, article page) as one SQL statement each, which
// builds the whole `data` object as JSON inside the database, and the fragments the other scenarios
// (sql-lists.ts) share. Written once over a small dialect, so SQLite and PostgreSQL answer from the
// same joins and orderings; each ordering repeats the Newsgraph resolver's, tie-breaks included.

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
};

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

/** Article.teasers: page order, then id; `targetFields` are the target article's fields. */
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
    `FROM "Teaser" t LEFT JOIN "Article" ta ON ta."id" = t."targetId" WHERE t."articleId" = ${a}."id"`,
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

/** BenchList: PUBLISHED articles, newest first (ties by id), each with its first 5 quotes. */
export function listStatement(d: Dialect): string {
  const edges = d.array(
    d.object({ node: listNode(d, 'a') }),
    newestFirst('a'),
    `FROM (SELECT * FROM "Article" WHERE "status" = 'PUBLISHED'
           ORDER BY "publishedAt" DESC, "id" DESC LIMIT ${d.parameter(1)}) a`,
  );
  return `SELECT ${d.object({ articles: d.object({ edges }) })} AS data`;
}

/** BenchPerson: quotes and authored articles newest article first, and the co-speakers. */
export function personStatement(d: Dialect): string {
  const articleFields = (alias: string, idColumn: string) => ({
    id: d.globalId('Article', idColumn),
    slug: `${alias}."slug"`,
    headline: `${alias}."headline"`,
    publishedAt: d.isoTime(`${alias}."publishedAt"`),
  });
  const quotes = d.object({
    totalCount: `(SELECT count(*) FROM "Quote" WHERE "speakerId" = p."id")`,
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
             WHERE q."speakerId" = p."id"
             ORDER BY qa."publishedAt" DESC, q."articleId" DESC, q."position" LIMIT 20) x`,
    ),
  });
  const articles = d.object({
    totalCount: `(SELECT count(*) FROM "ArticleAuthor" WHERE "personId" = p."id")`,
    edges: d.array(
      d.object({ node: d.object(articleFields('y', 'y."articleId"')) }),
      'y."publishedAt" DESC, y."articleId" DESC',
      `FROM (SELECT aa."articleId", wa."slug", wa."headline", wa."publishedAt"
             FROM "ArticleAuthor" aa JOIN "Article" wa ON wa."id" = aa."articleId"
             WHERE aa."personId" = p."id"
             ORDER BY wa."publishedAt" DESC, aa."articleId" DESC LIMIT 20) y`,
    ),
  });
  // Other speakers in articles (of any status) that quote this person, counted once per article.
  const quotedAlongside = d.array(
    d.object({ count: 'c."shared"', person: personRef(d, 'o') }),
    `c."shared" DESC, ${d.byteOrder('o."name"')}, o."id"`,
    `FROM (SELECT "speakerId" AS "otherId", count(DISTINCT "articleId") AS "shared"
           FROM "Quote"
           WHERE "speakerId" IS NOT NULL AND "speakerId" <> p."id"
             AND "articleId" IN (SELECT "articleId" FROM "Quote" WHERE "speakerId" = p."id")
           GROUP BY "speakerId") c
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

/** BenchArticle: the whole page of one article (of any status) by slug. */
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
      `FROM "Teaser" tb JOIN "Article" h ON h."id" = tb."articleId" WHERE tb."targetId" = a."id"`,
    ),
  });
  return `SELECT ${d.object({
    article: `(SELECT ${article} FROM "Article" a WHERE a."slug" = ${d.parameter(1)})`,
  })} AS data`;
}
