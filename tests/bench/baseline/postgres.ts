// The baseline on PostgreSQL: each scenario is one named (server-side prepared) statement whose
// single row is the `data` object as JSON text, passed on without parsing.
import pg from 'pg';
import type { ScenarioName } from '../scenarios.js';
import { type ScenarioRequest, sqlParameters } from './request.js';
import type { Dialect } from './sql.js';
import { scenarioStatements } from './statements.js';

const postgres: Dialect = {
  object: (fields) =>
    `json_build_object(${Object.entries(fields)
      .map(([key, value]) => `'${key}', ${value}`)
      .join(', ')})`,
  array: (element, orderBy, from) =>
    `(SELECT COALESCE(json_agg(${element} ORDER BY ${orderBy}), '[]'::json) ${from})`,
  globalId: (type, id) => `encode(convert_to('${type}:' || ${id}, 'UTF8'), 'base64')`,
  // Prisma stores DateTime as timestamp(3) without time zone, holding UTC.
  isoTime: (column) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  boolean: (column) => column,
  json: (column) => column,
  byteOrder: (expression) => `${expression} COLLATE "C"`,
  parameter: (n) => `$${n}`,
  contains: (column, pattern) => `${column} ILIKE ${pattern}`,
  // UTC without a zone, as the DateTime columns hold it, whatever the session's TimeZone.
  now: `(statement_timestamp() AT TIME ZONE 'UTC')`,
};

// Cast to text: pg hands text over as is, where a json column would cost a JSON.parse per row.
const wrapped = (sql: string) => `SELECT (${sql})::text AS data`;
const built = scenarioStatements(postgres);

/** The statements exactly as sent. */
export const postgresStatements = Object.fromEntries(
  Object.entries(built).map(([scenario, sql]) => [scenario, wrapped(sql)]),
) as Record<ScenarioName, string>;

export function openPostgresBaseline(url: string, poolSize = 10): pg.Pool {
  return new pg.Pool({ connectionString: url, max: poolSize });
}

/** The `data` object of a scenario's response, as JSON text. One statement. */
export async function postgresDataJson(pool: pg.Pool, request: ScenarioRequest): Promise<string> {
  const result = await pool.query<{ data: string }>({
    name: `baseline_${request.scenario}`,
    text: postgresStatements[request.scenario],
    values: sqlParameters(request),
  });
  return result.rows[0]?.data as string;
}

export async function postgresData(pool: pg.Pool, request: ScenarioRequest): Promise<unknown> {
  return JSON.parse(await postgresDataJson(pool, request));
}
