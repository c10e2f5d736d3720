// The SQL a compiled read needs beyond the page dialect: values printed exactly as the GraphQL
// scalars print them (global IDs, ISO times, booleans), the article body checked as the field
// checks it, and the statement's text result. Written per database, used by compile.ts.
import { SQLITE_GLOBAL_ID_FUNCTION } from '../db/sqlite-functions.js';
import { type Dialect, dialects, type Provider } from '../services/page-sql.js';

/**
 * A key no GraphQL response key can be (`#` is not allowed in names). A value the compiled
 * statement cannot vouch for is replaced by `{"#fallback": 1}`, and the read is executed normally.
 */
export const FALLBACK_KEY = '#fallback';

export type ReadDialect = Dialect & {
  /** The Relay global ID, as `encodeGlobalID` builds it: base64 of "<Type>:<id>". */
  globalId(type: string, id: string): string;
  /** A DateTime column as `Date.prototype.toISOString` prints it; NULL stays NULL. */
  isoTime(column: string): string;
  boolean(column: string): string;
  /** Article.paragraphs when it is an array of strings; the fallback marker otherwise. */
  paragraphs(column: string): string;
  /** A LIMIT taking a bound parameter that may be NULL for "no limit". */
  limit(parameter: string): string;
  /** The whole statement: one row whose `data` column is the JSON as text. */
  statement(data: string): string;
};

const fallback = `'${FALLBACK_KEY}', 1`;

export const readDialects: Record<Provider, ReadDialect> = {
  sqlite: {
    ...dialects.sqlite,
    globalId: (type, id) => `${SQLITE_GLOBAL_ID_FUNCTION}('${type}', ${id})`,
    // Prisma stores ISO text ("…+00:00"); strftime prints it in UTC with milliseconds and "Z".
    isoTime: (column) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${column})`,
    boolean: (column) => `json(iif(${column}, 'true', 'false'))`,
    paragraphs: (column) =>
      `CASE WHEN json_valid(${column}) AND json_type(${column}) = 'array'
              AND NOT EXISTS (SELECT 1 FROM json_each(${column}) WHERE "type" <> 'text')
            THEN json(${column}) ELSE json_object(${fallback}) END`,
    // SQLite reads a negative LIMIT as none.
    limit: (parameter) => `LIMIT coalesce(${parameter}, -1)`,
    statement: (data) => `SELECT ${data} AS "data"`,
  },
  postgres: {
    ...dialects.postgres,
    globalId: (type, id) => `encode(convert_to('${type}:' || ${id}, 'UTF8'), 'base64')`,
    // Prisma's DateTime is timestamp(3) without time zone, holding UTC.
    isoTime: (column) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    boolean: (column) => column,
    paragraphs: (column) =>
      `CASE WHEN jsonb_typeof(${column}) = 'array'
              AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(${column}) e WHERE jsonb_typeof(e) <> 'string')
            THEN ${column} ELSE jsonb_build_object(${fallback}) END`,
    // PostgreSQL reads LIMIT NULL as none.
    limit: (parameter) => `LIMIT ${parameter}`,
    // Text, so the driver hands it over without parsing it first.
    statement: (data) => `SELECT (${data})::text AS "data"`,
  },
};
