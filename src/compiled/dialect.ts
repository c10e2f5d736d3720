// What a compiled read needs each database to write differently: JSON built inside the database,
// values printed exactly as the GraphQL scalars print them (global IDs, ISO times, booleans), the
// article body checked as its field checks it, and the statement's text result.

import type { Provider } from '../db/schemas.js';
import { placeholders, type Sql, sql } from '../db/sql.js';
import { SQLITE_GLOBAL_ID_FUNCTION } from '../db/sqlite-functions.js';

/**
 * A key no GraphQL response key can be (`#` is not allowed in names). A value the compiled
 * statement cannot vouch for is replaced by `{"#fallback": 1}`, and the read is executed normally.
 */
export const FALLBACK_KEY = '#fallback';

/**
 * Stands, among a compiled statement's parameters, for the instant the statement is run at.
 * Statements are cached by document and variables, so the clock must not be frozen into them:
 * `bindReadTime` replaces it with the request's time on every run.
 */
export const READ_TIME = Object.freeze({ readTime: true });

export type ReadDialect = {
  provider: Provider;
  /**
   * The statement's JSON text without spacing: as `JSON.stringify` prints the same value, for a
   * statement that selects no float (see CompiledRead.exactJson).
   */
  printed(json: string): string;
  placeholder: (position: number) => string;
  /** A JSON object with these keys, in this order. */
  object(fields: ReadonlyMap<string, Sql>): Sql;
  /** A JSON array of `element` over the rows of `from`, in `orderBy` order; `[]` when empty. */
  array(element: Sql, orderBy: Sql, from: Sql): Sql;
  /**
   * An aggregate over the rows of the enclosing query: a JSON array of `element` for the rows
   * where `filter` holds, in `orderBy` order; `[]` when there are none.
   */
  aggregateArray(element: Sql, orderBy: Sql, filter: Sql): Sql;
  /** A JSON array of these values, in this order. */
  tuple(items: Sql[]): Sql;
  /** An enum column compared with a text parameter. */
  text(column: Sql): Sql;
  /** The Relay global ID, as `encodeGlobalID` builds it: base64 of "<Type>:<id>". */
  globalId(type: string, id: Sql): Sql;
  /** An instant to compare a DateTime column with, as the column stores it. */
  time(value: Date): Sql;
  /** The instant the statement runs at (READ_TIME, bound by `bindReadTime`), as `time` writes one. */
  readTime: Sql;
  /** A parameter for `time` or `readTime`: the instant as the column stores it. */
  timeValue(value: Date): string;
  /** A DateTime column as `Date.prototype.toISOString` prints it; NULL stays NULL. */
  isoTime(column: Sql): Sql;
  boolean(column: Sql): Sql;
  /** A boolean to compare a Boolean column with, as the column stores it. */
  booleanValue(value: boolean): Sql;
  /**
   * Article.paragraphs when it is an array of strings, each printed anew (stored escapes such as
   * `\u00e9` come out as JSON.stringify prints them); the fallback marker otherwise.
   */
  paragraphs(column: Sql): Sql;
  /** A LIMIT taking a bound value that may be null for "no limit". */
  limit(count: number | null): Sql;
  /** The whole statement: one row whose `data` column is the JSON as text. */
  statement(data: Sql): Sql;
};

const pairs = (fields: ReadonlyMap<string, Sql>) =>
  sql.join([...fields].map(([key, value]) => sql`${sql.literal(key)}, ${value}`));

const fallbackObject = (build: string) =>
  // build is one of two function names written here, never input.
  build === 'json_object'
    ? sql`json_object(${sql.literal(FALLBACK_KEY)}, 1)`
    : sql`jsonb_build_object(${sql.literal(FALLBACK_KEY)}, 1)`;

/**
 * PostgreSQL's JSON functions print `{"a" : 1, "b" : [1, 2]}`; JSON.stringify prints the same
 * value without the spaces (and json_agg's newlines). Dropping the whitespace outside strings
 * gives its text: a scan that steps through the punctuation and numbers between strings and jumps
 * over each string to its closing mark (`indexOf`), far cheaper than parsing the page and printing
 * it again. Numbers are kept as PostgreSQL printed them, which is exact for the integers a
 * statement sends; a statement selecting a float is parsed and reprinted instead (exactJson).
 */
export function withoutSpacing(json: string): string {
  const parts: string[] = [];
  let kept = 0;
  let at = 0;
  while (at < json.length) {
    const code = json.charCodeAt(at);
    if (code === QUOTATION_MARK) {
      at = endOfString(json, at) + 1;
    } else if (code === SPACE || code === NEWLINE) {
      parts.push(json.slice(kept, at));
      while (json.charCodeAt(at) === SPACE || json.charCodeAt(at) === NEWLINE) at++;
      kept = at;
    } else {
      at++;
    }
  }
  if (kept === 0) return json;
  parts.push(json.slice(kept));
  return parts.join('');
}

const QUOTATION_MARK = 0x22;
const BACKSLASH = 0x5c;
const SPACE = 0x20;
const NEWLINE = 0x0a;

/** The index of the quotation mark closing the JSON string opened at `open`. */
function endOfString(json: string, open: number): number {
  let close = json.indexOf('"', open + 1);
  for (;;) {
    if (close < 0) throw new SyntaxError('compiled JSON: unterminated string');
    let backslashes = 0;
    while (json.charCodeAt(close - 1 - backslashes) === BACKSLASH) backslashes++;
    // An even run of backslashes escapes itself, not the mark.
    if (backslashes % 2 === 0) return close;
    close = json.indexOf('"', close + 1);
  }
}

export const readDialects: Record<Provider, ReadDialect> = {
  sqlite: {
    provider: 'sqlite',
    printed: (json) => json,
    placeholder: placeholders.sqlite,
    object: (fields) => sql`json_object(${pairs(fields)})`,
    array: (element, orderBy, from) =>
      sql`(SELECT json_group_array(${element} ORDER BY ${orderBy}) ${from})`,
    aggregateArray: (element, orderBy, filter) =>
      sql`json_group_array(${element} ORDER BY ${orderBy}) FILTER (WHERE ${filter})`,
    tuple: (items) => sql`json_array(${sql.join(items)})`,
    text: (column) => column,
    globalId: (type, id) =>
      sql`${sql.ident(SQLITE_GLOBAL_ID_FUNCTION)}(${sql.literal(type)}, ${id})`,
    time: (value) => sql.value(readDialects.sqlite.timeValue(value)),
    readTime: sql.value(READ_TIME),
    // As Prisma's SQLite adapter writes it, so text comparison is time comparison.
    timeValue: (value) => value.toISOString().replace('Z', '+00:00'),
    // Prisma stores ISO text ("…+00:00"); strftime prints it in UTC with milliseconds and "Z".
    isoTime: (column) => sql`strftime('%Y-%m-%dT%H:%M:%fZ', ${column})`,
    boolean: (column) => sql`json(iif(${column}, 'true', 'false'))`,
    booleanValue: (value) => sql.value(value ? 1 : 0),
    paragraphs: (column) =>
      sql`CASE WHEN json_valid(${column}) AND json_type(${column}) = 'array'
              AND NOT EXISTS (SELECT 1 FROM json_each(${column}) WHERE "type" <> 'text')
            THEN (SELECT json_group_array("value") FROM (SELECT "value" FROM json_each(${column}) ORDER BY "key"))
            ELSE ${fallbackObject('json_object')} END`,
    // SQLite reads a negative LIMIT as none.
    limit: (count) => sql`LIMIT coalesce(${sql.value(count)}, -1)`,
    statement: (data) => sql`SELECT ${data} AS "data"`,
  },
  postgres: {
    provider: 'postgres',
    printed: withoutSpacing,
    placeholder: placeholders.postgres,
    object: (fields) => sql`json_build_object(${pairs(fields)})`,
    array: (element, orderBy, from) =>
      sql`COALESCE((SELECT json_agg(${element} ORDER BY ${orderBy}) ${from}), '[]'::json)`,
    aggregateArray: (element, orderBy, filter) =>
      sql`COALESCE(json_agg(${element} ORDER BY ${orderBy}) FILTER (WHERE ${filter}), '[]'::json)`,
    tuple: (items) => sql`json_build_array(${sql.join(items)})`,
    text: (column) => sql`${column}::text`,
    globalId: (type, id) =>
      sql`encode(convert_to(${sql.literal(`${type}:`)} || ${id}, 'UTF8'), 'base64')`,
    time: (value) => sql`${sql.value(readDialects.postgres.timeValue(value))}::timestamp`,
    readTime: sql`${sql.value(READ_TIME)}::timestamp`,
    timeValue: (value) => value.toISOString().slice(0, -1),
    // Prisma's DateTime is timestamp(3) without time zone, holding UTC.
    isoTime: (column) => sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    boolean: (column) => column,
    booleanValue: (value) => sql.value(value),
    paragraphs: (column) =>
      sql`CASE WHEN jsonb_typeof(${column}) = 'array'
              AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(${column}) e WHERE jsonb_typeof(e) <> 'string')
            THEN ${column} ELSE ${fallbackObject('jsonb_build_object')} END`,
    // PostgreSQL reads LIMIT NULL as none; the cast lets it plan a bound value.
    limit: (count) => sql`LIMIT ${sql.value(count)}::bigint`,
    // Text, so the driver hands it over without parsing it first.
    statement: (data) => sql`SELECT (${data})::text AS "data"`,
  },
};

/** A compiled statement's parameters with READ_TIME replaced by `now`, as `provider` stores it. */
export function bindReadTime(provider: Provider, parameters: unknown[], now: Date): unknown[] {
  if (!parameters.includes(READ_TIME)) return parameters;
  const value = readDialects[provider].timeValue(now);
  return parameters.map((parameter) => (parameter === READ_TIME ? value : parameter));
}
