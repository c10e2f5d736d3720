// The GraphQL server: schema, per-request context, error codes, request limits, persisted operations,
// HTTP caching and CORS. `createNewsgraphYoga` lets tests build variants; `yoga` follows the environment.

import type { RequestListener } from 'node:http';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { createAuthenticator } from './auth/authenticate.js';
import { type JwtSettings, jwtSettingsFrom } from './auth/jwt.js';
import { boundedParserCache } from './cache/bounded.js';
import { createResponseCache, type ResponseCacheOptions } from './cache/index.js';
import { createCompiledReads } from './compiled/plugin.js';
import { type Context, createContext } from './context.js';
import { databaseTarget, db } from './db/index.js';
import { type Env, env } from './env.js';
import { withFastReads } from './http/fast-path.js';
import { graphiqlOptions, renderGraphiQLPage, useGraphiQLAssets } from './http/graphiql.js';
import { documentLimits, MAX_PAGE_SIZE } from './limits.js';
import { createCostLimit } from './plugins/cost.js';
import { useCsrfPrevention } from './plugins/csrf.js';
import { useAuthentication } from './plugins/editor-auth.js';
import { useCodedErrors } from './plugins/error-codes.js';
import { healthEndpoints, useHealthEndpoints } from './plugins/health.js';
import { useHttpCaching } from './plugins/http-cache.js';
import { useSchemaPrivacy } from './plugins/introspection.js';
import { usePageSizeLimit } from './plugins/page-size.js';
import {
  type PersistedOptions,
  persistedOptionsFrom,
  usePersistedOperations,
} from './plugins/persisted.js';
import { useRequestGuards } from './plugins/request-guards.js';
import { useVariablesLimit } from './plugins/variables-limit.js';
import { schema } from './schema/index.js';
import { nextGoLive } from './services/go-live.js';
import { checkReadiness } from './services/readiness.js';

export type YogaOptions = {
  development: boolean;
  /** Trusted documents (PERSISTED_ONLY) and automatic persisted queries: see plugins/persisted.ts. */
  persisted: PersistedOptions;
  /** Allowed origins, "*" for any, or null to send no CORS headers. */
  corsOrigins: string[] | '*' | null;
  cacheMaxAge: number;
  /** The bootstrap admin's bearer token (EDITOR_TOKEN); stored tokens and JWTs work without it. */
  editorToken: string | undefined;
  /** Verifying JWTs from single sign-on (AUTH_JWT_*); undefined refuses every JWT. */
  jwt?: JwtSettings | undefined;
  /** How long a verified stored token is trusted in memory (auth/authenticate.ts has the default). */
  verifiedTokenTtlMs?: number;
  logging: 'debug' | 'info' | 'warn' | 'error';
  responseCache: ResponseCacheOptions;
  /** Answer the reads the compiler covers with one SQL statement. */
  compiledReads: boolean;
  /** The most a request may cost (COST_LIMIT; see plugins/cost.ts), checked before execution. */
  costLimit: number;
  /** The GraphiQL page at GET /graphql and its files under /graphiql/ (GRAPHIQL; see below). */
  graphiql: boolean;
  /** Introspection and "Did you mean …" suggestions (INTROSPECTION; off in production by default). */
  introspection: boolean;
  /** The clock for time windows (the wrong-token throttle, token cache, JWT expiry); tests pass their own. */
  now?: () => number;
};

export function yogaOptionsFrom(source: Env): YogaOptions {
  const development = source.NODE_ENV === 'development';
  const listed = source.CORS_ORIGINS?.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  return {
    development,
    persisted: persistedOptionsFrom(source),
    corsOrigins: listed
      ? listed.includes('*')
        ? '*'
        : listed
      : source.NODE_ENV === 'production'
        ? null
        : '*',
    cacheMaxAge: source.CACHE_MAX_AGE,
    editorToken: source.EDITOR_TOKEN,
    jwt: jwtSettingsFrom(source),
    logging: source.NODE_ENV === 'test' ? 'error' : 'info',
    compiledReads: source.COMPILED_READS,
    costLimit: source.COST_LIMIT,
    introspection: source.INTROSPECTION ?? source.NODE_ENV !== 'production',
    // Off by default in production, and under PERSISTED_ONLY, where its documents would all be
    // refused (only an explicit GRAPHIQL=true lets them through: plugins/persisted.ts).
    graphiql: source.GRAPHIQL ?? (source.NODE_ENV !== 'production' && !source.PERSISTED_ONLY),
    responseCache: {
      ttlSeconds: source.RESPONSE_CACHE_TTL ?? (source.NODE_ENV === 'test' ? 0 : 300),
      maxEntries: source.RESPONSE_CACHE_MAX,
      maxBytes: source.RESPONSE_CACHE_MAX_BYTES,
      admitAfter: source.RESPONSE_CACHE_ADMIT_AFTER,
      redisUrl: source.REDIS_URL,
      redisKeyPrefix: source.REDIS_KEY_PREFIX,
    },
  };
}

export type NewsgraphYoga = YogaServerInstance<Record<string, never>, Context>;

export function createNewsgraphYoga(options: YogaOptions): NewsgraphYoga {
  return createNewsgraphServer(options).yoga;
}

/** The yoga instance, and the Node request listener that serves it with the fast path for reads. */
export function createNewsgraphServer(options: YogaOptions): {
  yoga: NewsgraphYoga;
  listener: RequestListener;
} {
  // Built before yoga: the cache's plugins go into yoga, its lookup in front of it.
  let logger: NewsgraphYoga['logger'] | undefined;
  // Visibility is judged by this clock (rules/visibility.ts): reads, and when cached answers expire.
  const now = options.now ?? Date.now;
  const cache = createResponseCache(
    options.responseCache,
    databaseTarget,
    schema,
    { error: (message) => logger?.error(message) },
    { now, next: (at) => nextGoLive(db, at) },
  );
  const compiled = options.compiledReads
    ? createCompiledReads(db, databaseTarget.provider, schema, MAX_PAGE_SIZE, now)
    : undefined;
  // Persisted-only mode must check every document, so it takes the long way. With a response
  // cache, a miss is answered by the compiled read and stored as the cache plugin would store it.
  // A cached answer was within the limit when it was stored; a compiled one is counted each time.
  const cost = createCostLimit(schema, options.costLimit);
  const compiledAnswer = compiled && cost.costCheckedAnswer(compiled.answer);
  const compiledData = compiled && cost.costCheckedAnswer(compiled.readData);
  const fastAnswer = options.persisted.only
    ? undefined
    : cache.withMisses && compiledData
      ? cache.withMisses(compiledData)
      : (cache.lookup ?? compiledAnswer);
  const server: NewsgraphYoga = createYoga<Record<string, never>, Context>({
    schema,
    context: ({ request }) => createContext(request, options.now),
    graphqlEndpoint: '/graphql',
    // Bounded in bytes: a valid document can carry a 240 KB comment.
    parserAndValidationCache: boundedParserCache(),
    healthCheckEndpoint: healthEndpoints.live,
    landingPage: false,
    graphiql: options.graphiql ? graphiqlOptions : false,
    renderGraphiQL: renderGraphiQLPage,
    logging: options.logging,
    cors:
      options.corsOrigins === null
        ? false
        : { origin: options.corsOrigins, methods: ['GET', 'POST'] },
    plugins: [
      ...(options.graphiql ? [useGraphiQLAssets()] : []),
      useRequestGuards(),
      // Before anything that walks or serialises variables (persisted operations, the cache key).
      useVariablesLimit(),
      // After the request guards, the only plugin that replaces the request (see context.ts).
      useAuthentication({
        authenticate: createAuthenticator({
          db,
          editorToken: options.editorToken,
          jwt: options.jwt,
          ...(options.now ? { now: options.now } : {}),
          ...(options.verifiedTokenTtlMs ? { verifiedTokenTtlMs: options.verifiedTokenTtlMs } : {}),
        }),
        ...(options.now ? { now: options.now } : {}),
      }),
      useCsrfPrevention(),
      useHealthEndpoints(() => checkReadiness(db, databaseTarget)),
      usePersistedOperations(options.persisted, { error: (message) => logger?.error(message) }),
      maxDepthPlugin({ n: documentLimits.depth }),
      maxAliasesPlugin({ n: documentLimits.aliases }),
      maxTokensPlugin({ n: documentLimits.tokens }),
      usePageSizeLimit(MAX_PAGE_SIZE),
      // After the page-size limit, whose error names the argument; before compiled reads.
      cost.plugin,
      ...(options.introspection ? [] : [useSchemaPrivacy()]),
      useCodedErrors(() => server.logger),
      useHttpCaching(options.cacheMaxAge, {
        now,
        // With the response cache on, its go-live (forgotten on writes); else one indexed query.
        goLive:
          cache.goLive ??
          (async () => (await nextGoLive(db, new Date(now()))) ?? Number.POSITIVE_INFINITY),
      }),
      // Before the cache, which wraps the execute function this replaces.
      ...(compiled ? [compiled.plugin] : []),
      // After persisted operations, so a hash-only request has its document by the time it is keyed.
      ...cache.plugins,
    ],
  });
  logger = server.logger;
  return { yoga: server, listener: withFastReads(server, fastAnswer) };
}

export const { yoga, listener } = createNewsgraphServer(yogaOptionsFrom(env));
