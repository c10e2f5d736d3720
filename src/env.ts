// Reads and validates the process environment once, so every module sees the same typed settings.
import { createPublicKey, type KeyObject } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  /** `file:<path>` (SQLite). Unset means `file:data/newsgraph.db` under the project root. */
  DATABASE_URL: z.string().min(1).optional(),
  /** Server processes to run (node:cluster); each holds its own pool. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  /** Connections each process may hold to PostgreSQL. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * PostgreSQL: milliseconds to open a connection, or to wait for a free one in the pool, before the
   * request fails with SERVICE_UNAVAILABLE.
   */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(2000),
  /**
   * PostgreSQL: milliseconds one statement may run. The server cancels it then; if the server has
   * gone silent, the client gives up half a second later.
   */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(3000),
  /** Print each SQL statement (for debugging query plans). */
  LOG_SQL: z.stringbool().default(false),
  /** Answer the reads it covers with one compiled SQL statement (see src/compiled/); off executes every field. */
  COMPILED_READS: z.stringbool().default(true),
  /**
   * The most one request may cost, checked before execution: every field costs 1, and what a list
   * selects counts once per item it may hold (`first`/`last`, the number of `ids`, or 10 for lists
   * such as an article's quotes). The shipped documents cost at most 4,601 (`ArticleList` at
   * `first: 100`), the contract query's page of articles at 50 costs 13,701, and the largest
   * response that fits in 15,000 is under 4 MB.
   */
  COST_LIMIT: z.coerce.number().int().min(1).default(15_000),
  /**
   * Bootstrap credential: `Authorization: Bearer <EDITOR_TOKEN>` acts as an ADMIN with no database
   * row, to create the first stored tokens. Unset: only stored tokens and JWTs authenticate.
   */
  EDITOR_TOKEN: z.string().min(16, 'EDITOR_TOKEN must be at least 16 characters').optional(),
  /** HS256 secret that single sign-on signs JWTs with (at least 32 characters, i.e. 256 bits). */
  AUTH_JWT_SECRET: z.string().min(32, 'AUTH_JWT_SECRET must be at least 32 characters').optional(),
  /**
   * PEM public key (SPKI) that verifies JWTs: RSA for RS256, P-256 for ES256. Newlines may be
   * written as `\n`, as one-line environment files need.
   */
  AUTH_JWT_PUBLIC_KEY: z
    .string()
    .transform((pem) => pem.replaceAll('\\n', '\n'))
    .refine(isJwtPublicKey, 'AUTH_JWT_PUBLIC_KEY must be a PEM RSA or P-256 (ES256) public key')
    .optional(),
  /** The JWT claim holding the role: `editor` or `admin`, or a list holding either. */
  AUTH_JWT_ROLE_CLAIM: z.string().min(1).default('role'),
  /** When set, a JWT's `iss` must equal it. */
  AUTH_JWT_ISSUER: z.string().min(1).optional(),
  /** When set, a JWT's `aud` must include it. */
  AUTH_JWT_AUDIENCE: z.string().min(1).optional(),
  /**
   * Run only trusted documents (the client's persisted operations, src/client/persisted-operations.json),
   * in every NODE_ENV. Arbitrary documents (GraphiQL's) run too only with GRAPHIQL=true set explicitly.
   */
  PERSISTED_ONLY: z.stringbool().default(false),
  /**
   * The GraphiQL page at GET /graphql, served by this process (no CDN). Unset: on, except under
   * NODE_ENV=production or PERSISTED_ONLY (which would refuse its documents); an explicit true
   * serves it there too, and under PERSISTED_ONLY lets its documents run.
   */
  GRAPHIQL: z.stringbool().optional(),
  /**
   * Automatic persisted queries (Apollo's protocol): a client registers a document by sending it with
   * its sha256 once, then sends the hash alone. Ignored under PERSISTED_ONLY (trusted documents win).
   */
  AUTOMATIC_PERSISTED_QUERIES: z.stringbool().default(false),
  /** Registered documents kept: per process, or in all in Redis with REDIS_URL; least recently used go first. */
  AUTOMATIC_PERSISTED_QUERIES_MAX: z.coerce.number().int().min(1).default(1000),
  /** Longer documents run but are not registered (the client keeps sending them in full). */
  AUTOMATIC_PERSISTED_QUERIES_MAX_BYTES: z.coerce.number().int().min(1).default(16_384),
  /** Comma-separated origins allowed by CORS; "*" for any. Default: any in development, none in production. */
  CORS_ORIGINS: z.string().optional(),
  /** Seconds a CDN may cache a public GET response. */
  CACHE_MAX_AGE: z.coerce.number().int().min(0).default(60),
  /**
   * Seconds the server may answer a public read from its response cache; 0 turns it off. Writes
   * purge what they change, so this is only a backstop. Default 300, or 0 under NODE_ENV=test, whose
   * fixtures write straight to the database.
   */
  RESPONSE_CACHE_TTL: z.coerce.number().int().min(0).optional(),
  /** Responses each process keeps in memory when there is no Redis. */
  RESPONSE_CACHE_MAX: z.coerce.number().int().min(1).default(5000),
  /**
   * Bytes (estimated, the bodies outside the heap) those responses may take together, whichever limit comes first; the least
   * recently used go. Default 64 MB, well under the 512 MB heap `npm start` gives each process.
   */
  RESPONSE_CACHE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(64 * 1024 * 1024),
  /**
   * The miss of a key on which its answer is stored (cache/admission.ts): 2, the default, stores
   * an answer when it is asked for again, so a page asked for once costs no more than uncached;
   * 1 stores every answer at once.
   */
  RESPONSE_CACHE_ADMIT_AFTER: z.coerce.number().int().min(1).max(10).default(2),
  /** `redis://…`: share the response cache between processes through Redis. */
  REDIS_URL: z.string().url().optional(),
  /** Prefix for every Redis key, so deployments (and test runs) can share one Redis. */
  REDIS_KEY_PREFIX: z.string().min(1).default('newsgraph:'),
  /**
   * Schema introspection (`__schema`, `__type`) and "Did you mean …" suggestions in error messages,
   * one switch for both. Unset: on, except under NODE_ENV=production, where the schema stays private.
   */
  INTROSPECTION: z.stringbool().optional(),
});

export type Env = z.infer<typeof EnvSchema>;

/**
 * The one algorithm a JWT public key verifies: RSA → RS256, P-256 → ES256. A token's `alg` must
 * name it, so no other algorithm (HS256 with the public key as its secret) is ever tried.
 */
export function jwtPublicKeyAlgorithm(key: KeyObject): 'RS256' | 'ES256' | undefined {
  if (key.asymmetricKeyType === 'rsa') return 'RS256';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1')
    return 'ES256';
  return undefined;
}

function isJwtPublicKey(pem: string): boolean {
  try {
    return jwtPublicKeyAlgorithm(createPublicKey(pem)) !== undefined;
  } catch {
    return false;
  }
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(
      `invalid ${issue?.path.join('.') ?? 'environment'}: ${issue?.message ?? ''}`,
    );
  }
  return parsed.data;
}

/** A misconfiguration the operator can fix; commands print its message without a stack trace. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const env = readEnv();

export const defaultDatabaseUrl = `file:${path.join(projectRoot, 'data', 'newsgraph.db')}`;
