// The pieces the one-statement pages share: a small SQL dialect that builds JSON inside SQLite or
// PostgreSQL, every model's columns, and turning the JSON back into the values Prisma returns.
export type Provider = 'sqlite' | 'postgres';

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type Dialect = {
  object(fields: Record<string, string>): string;
  /** A JSON array of `element` over the rows of `from`, in `orderBy` order; `[]` when empty. */
  array(element: string, orderBy: string, from: string): string;
  /** A JSON column (Article.paragraphs) embedded as JSON rather than as a string. */
  json(column: string): string;
  /** An enum column compared with a text parameter. */
  text(column: string): string;
  parameter(position: number): string;
};

export const dialects: Record<Provider, Dialect> = {
  sqlite: {
    object: (fields) =>
      `json_object(${Object.entries(fields)
        .map(([key, value]) => `'${key}', ${value}`)
        .join(', ')})`,
    array: (element, orderBy, from) =>
      `(SELECT json_group_array(${element} ORDER BY ${orderBy}) ${from})`,
    // json() would fail the whole statement on malformed text; a string lets the field report it.
    json: (column) => `iif(json_valid(${column}), json(${column}), ${column})`,
    text: (column) => column,
    parameter: () => '?',
  },
  postgres: {
    object: (fields) =>
      `json_build_object(${Object.entries(fields)
        .map(([key, value]) => `'${key}', ${value}`)
        .join(', ')})`,
    array: (element, orderBy, from) =>
      `COALESCE((SELECT json_agg(${element} ORDER BY ${orderBy}) ${from}), '[]'::json)`,
    json: (column) => column,
    text: (column) => `${column}::text`,
    parameter: (position) => `$${position}`,
  },
};

export const columns = {
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
    'method',
    'confidence',
    'sourceAsWritten',
    'evidence',
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

export type Model = keyof typeof columns;

/**
 * A row as a JSON object with every column Prisma would return, except Article.paragraphs unless
 * `withParagraphs`: the body is most of an article's bytes, and only an article's own page shows it
 * (the GraphQL field loads it for any other article that asks).
 */
export function row(
  d: Dialect,
  model: Model,
  alias: string,
  extra: Record<string, string> = {},
  withParagraphs = false,
): string {
  const fields: Record<string, string> = {};
  for (const column of columns[model]) {
    if (column !== 'paragraphs') fields[column] = `${alias}."${column}"`;
    else if (withParagraphs) fields[column] = d.json(`${alias}."${column}"`);
  }
  return d.object({ ...fields, ...extra });
}

/** A row from a LEFT JOIN, or null when it found nothing. */
export const nullableRow = (d: Dialect, model: Model, alias: string) =>
  `CASE WHEN ${alias}."id" IS NULL THEN NULL ELSE ${row(d, model, alias)} END`;

// The JSON carries what the database stores; Prisma's results carry Dates and booleans.
const dateColumns = new Set(['publishedAt', 'createdAt', 'updatedAt']);
const booleanColumns = new Set(['isPartial', 'isTruncated']);

/** Turns the database's JSON values into the types Prisma returns, in place, all the way down. */
export function hydrate(value: Record<string, unknown>): Record<string, unknown> {
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

/** A page's JSON (text on SQLite, parsed on PostgreSQL) as Prisma-typed objects. */
export function parsePage(raw: unknown): Record<string, unknown> {
  return hydrate((typeof raw === 'string' ? JSON.parse(raw) : raw) as Record<string, unknown>);
}

/** Statement texts by key, built once per process. */
export function statementCache(): (key: string, build: () => string) => string {
  const statements = new Map<string, string>();
  return (key, build) => {
    let sql = statements.get(key);
    if (sql === undefined) {
      sql = build();
      statements.set(key, sql);
    }
    return sql;
  };
}
