// An article page in one SQL statement: the article and every relation its page shows, built as
// JSON inside the database. Through Prisma's relation loading the same page is a dozen statements
// on SQLite (it has no relation joins), and each statement costs far more in the client than in
// SQLite. The rows come back shaped exactly as Prisma would return them for `pageInclude`, so the
// GraphQL fields resolve from them as from any Prisma result.
import type { Db } from '../db/client.js';
import { providerOf } from '../db/client.js';

type Provider = 'sqlite' | 'postgres';

/** What one page query loads: every relation of the article page, one level deep. */
const pageShape = {
  leadImagePhotographer: null,
  authors: 'person',
  mentions: 'person',
  quotes: 'speaker',
  teasers: 'target',
  teasedBy: 'article',
} as const;

type Relation = keyof typeof pageShape;

/**
 * The `take` of each list relation if `query` (plugin-prisma's plan for `article(…)`) asks for no
 * more than the page query loads, or undefined when it asks for more (deeper relations, filters,
 * counts): then the caller plans with Prisma as usual. Orderings are not compared: each relation
 * has one, fixed in the schema, and the SQL below repeats it.
 */
export function pageCovers(query: unknown): Partial<Record<Relation, number>> | undefined {
  if (!isObject(query)) return undefined;
  const { include, ...rest } = query;
  if (Object.keys(rest).length > 0) return undefined;
  if (include === undefined) return {};
  if (!isObject(include)) return undefined;
  const takes: Partial<Record<Relation, number>> = {};
  for (const [name, value] of Object.entries(include)) {
    if (!(name in pageShape)) return undefined;
    const relation = name as Relation;
    if (value === true) continue;
    const nested = pageShape[relation];
    if (!isObject(value) || nested === null) return undefined;
    const { orderBy: _orderBy, take, include: inner, select, ...other } = value;
    if (Object.keys(other).length > 0) return undefined;
    if (take !== undefined) {
      if (typeof take !== 'number' || take < 0) return undefined;
      takes[relation] = take;
    }
    for (const selection of [inner, select]) {
      if (selection === undefined) continue;
      if (!isObject(selection)) return undefined;
      for (const [key, wanted] of Object.entries(selection)) {
        if (key !== nested || wanted !== true) return undefined;
      }
    }
  }
  return takes;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Dialect = {
  object(fields: Record<string, string>): string;
  /** A JSON array of `element` over the rows of `from`, in `orderBy` order; `[]` when empty. */
  array(element: string, orderBy: string, from: string): string;
  /** A JSON column (Article.paragraphs) embedded as JSON rather than as a string. */
  json(column: string): string;
  parameter: string;
};

const dialects: Record<Provider, Dialect> = {
  sqlite: {
    object: (fields) =>
      `json_object(${Object.entries(fields)
        .map(([key, value]) => `'${key}', ${value}`)
        .join(', ')})`,
    array: (element, orderBy, from) =>
      `(SELECT json_group_array(${element} ORDER BY ${orderBy}) ${from})`,
    // json() would fail the whole statement on malformed text; a string lets the field report it.
    json: (column) => `iif(json_valid(${column}), json(${column}), ${column})`,
    parameter: '?',
  },
  postgres: {
    object: (fields) =>
      `json_build_object(${Object.entries(fields)
        .map(([key, value]) => `'${key}', ${value}`)
        .join(', ')})`,
    array: (element, orderBy, from) =>
      `COALESCE((SELECT json_agg(${element} ORDER BY ${orderBy}) ${from}), '[]'::json)`,
    json: (column) => column,
    parameter: '$1',
  },
};

const columns = {
  Article: [
    'id',
    'slug',
    'headline',
    'paragraphs',
    'status',
    'publishedAt',
    'sourceUrl',
    'contentHash',
    'leadImageTitle',
    'leadImageCaption',
    'leadImageCredit',
    'leadImageAgency',
    'leadImagePhotographerId',
    'createdAt',
    'updatedAt',
  ],
  Person: ['id', 'slug', 'name', 'description', 'createdAt', 'updatedAt'],
  ArticleAuthor: ['id', 'articleId', 'personId', 'position', 'roleAsWritten'],
  Mention: ['id', 'articleId', 'personId', 'roleAsWritten', 'firstParagraph'],
  Quote: [
    'id',
    'text',
    'articleId',
    'speakerId',
    'paragraph',
    'position',
    'isPartial',
    'speakerRoleAsWritten',
    'attribution',
  ],
  Teaser: [
    'id',
    'articleId',
    'position',
    'kicker',
    'title',
    'summary',
    'isTruncated',
    'url',
    'targetId',
  ],
} as const;

type Model = keyof typeof columns;

function row(d: Dialect, model: Model, alias: string, extra: Record<string, string> = {}): string {
  const fields: Record<string, string> = {};
  for (const column of columns[model]) {
    fields[column] =
      column === 'paragraphs' ? d.json(`${alias}."${column}"`) : `${alias}."${column}"`;
  }
  return d.object({ ...fields, ...extra });
}

/** A row from a LEFT JOIN, or null when it found nothing. */
const nullableRow = (d: Dialect, model: Model, alias: string) =>
  `CASE WHEN ${alias}."id" IS NULL THEN NULL ELSE ${row(d, model, alias)} END`;

function pageStatement(d: Dialect, by: 'id' | 'slug'): string {
  const page = row(d, 'Article', 'a', {
    leadImagePhotographer: `(SELECT ${row(d, 'Person', 'ph')} FROM "Person" ph WHERE ph."id" = a."leadImagePhotographerId")`,
    authors: d.array(
      row(d, 'ArticleAuthor', 'aa', { person: row(d, 'Person', 'ap') }),
      'aa."position"',
      `FROM "ArticleAuthor" aa JOIN "Person" ap ON ap."id" = aa."personId" WHERE aa."articleId" = a."id"`,
    ),
    mentions: d.array(
      row(d, 'Mention', 'm', { person: row(d, 'Person', 'mp') }),
      'm."firstParagraph", m."id"',
      `FROM "Mention" m JOIN "Person" mp ON mp."id" = m."personId" WHERE m."articleId" = a."id"`,
    ),
    quotes: d.array(
      row(d, 'Quote', 'q', { speaker: nullableRow(d, 'Person', 'qs') }),
      'q."position", q."id"',
      `FROM "Quote" q LEFT JOIN "Person" qs ON qs."id" = q."speakerId" WHERE q."articleId" = a."id"`,
    ),
    teasers: d.array(
      row(d, 'Teaser', 't', { target: nullableRow(d, 'Article', 'tt') }),
      't."position", t."id"',
      `FROM "Teaser" t LEFT JOIN "Article" tt ON tt."id" = t."targetId" WHERE t."articleId" = a."id"`,
    ),
    teasedBy: d.array(
      row(d, 'Teaser', 'tb', { article: row(d, 'Article', 'ta') }),
      'tb."articleId", tb."position", tb."id"',
      `FROM "Teaser" tb JOIN "Article" ta ON ta."id" = tb."articleId" WHERE tb."targetId" = a."id"`,
    ),
  });
  return `SELECT ${page} AS "page" FROM "Article" a WHERE a."${by}" = ${d.parameter}`;
}

const statements = new Map<string, string>();

function statementFor(provider: Provider, by: 'id' | 'slug'): string {
  const key = `${provider}:${by}`;
  let sql = statements.get(key);
  if (!sql) {
    sql = pageStatement(dialects[provider], by);
    statements.set(key, sql);
  }
  return sql;
}

// The JSON carries what the database stores; Prisma's results carry Dates and booleans.
const dateColumns = new Set(['publishedAt', 'createdAt', 'updatedAt']);
const booleanColumns = new Set(['isPartial', 'isTruncated']);

/** Turns the database's JSON values into the types Prisma returns, in place, all the way down. */
function hydrate(value: Record<string, unknown>): Record<string, unknown> {
  for (const [key, field] of Object.entries(value)) {
    if (field === null || field === undefined) continue;
    if (dateColumns.has(key) && typeof field === 'string') value[key] = parseStoredTime(field);
    else if (booleanColumns.has(key)) value[key] = field === true || field === 1;
    else if (Array.isArray(field) && key !== 'paragraphs') {
      for (const item of field) hydrate(item as Record<string, unknown>);
    } else if (isObject(field)) hydrate(field);
  }
  return value;
}

/**
 * SQLite keeps Prisma's ISO text ("…+00:00"); PostgreSQL's `timestamp(3)` comes out of JSON without
 * a zone, and Prisma stores UTC there.
 */
function parseStoredTime(text: string): Date {
  return new Date(/(Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`);
}

/**
 * The article by id or slug with every page relation, as Prisma would return it for the page's
 * include; list relations are cut to `takes`. Null when there is no such article.
 */
export async function loadArticlePage(
  db: Db,
  where: { id: number } | { slug: string },
  takes: Partial<Record<Relation, number>> = {},
): Promise<Record<string, unknown> | null> {
  const by = 'id' in where ? 'id' : 'slug';
  const sql = statementFor(providerOf(db), by);
  const rows = await db.$queryRawUnsafe<{ page: unknown }[]>(
    sql,
    'id' in where ? where.id : where.slug,
  );
  const raw = rows[0]?.page;
  if (raw == null) return null;
  const page = hydrate(
    (typeof raw === 'string' ? JSON.parse(raw) : raw) as Record<string, unknown>,
  );
  for (const [relation, take] of Object.entries(takes)) {
    const list = page[relation];
    if (Array.isArray(list)) page[relation] = list.slice(0, take);
  }
  return page;
}
