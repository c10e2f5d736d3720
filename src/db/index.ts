// The process-wide Prisma client. Modules import `db` rather than reading it from the GraphQL context.
import { env } from '../env.js';
import { createDb, onSql } from './client.js';
import { parseDatabaseUrl } from './url.js';

export const databaseTarget = parseDatabaseUrl(env.DATABASE_URL);
export const db = createDb(databaseTarget, {
  poolSize: env.DATABASE_POOL_SIZE,
  connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
  statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
});

if (env.LOG_SQL) onSql(db, (sql) => process.stderr.write(`[sql] ${sql}\n`));
