// The GraphQL server: schema, per-request context, error codes, request limits, persisted operations,
// HTTP caching and CORS. `createNewsgraphYoga` lets tests build variants; `yoga` follows the environment.

import type { RequestListener } from 'node:http';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { createYoga, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga';
import { MAX_PAGE_SIZE } from './builder.js';
import { createResponseCache, type ResponseCacheOptions } from './cache/index.js';
import manifest from './client/persisted-operations.json' with { type: 'json' };
import { createCompiledReads } from './compiled/plugin.js';
import { type Context, createContext } from './context.js';
import { databaseTarget, db } from './db/index.js';
import { type Env, env } from './env.js';
import { graphiqlTabs } from './examples.js';
import { withFastReads } from './http/fast-path.js';
import { codedErrors } from './plugins/error-codes.js';
import { httpCaching } from './plugins/http-cache.js';
import { pageSizeLimit } from './plugins/page-size.js';
import { guardRequests } from './plugins/request-guards.js';
import { schema } from './schema/index.js';
import { checkReadiness } from './services/readiness.js';

export const limits = { depth: 12, aliases: 30, tokens: 5000 };

export type YogaOptions = {
  development: boolean;
  persistedOnly: boolean;
  /** Allowed origins, "*" for any, or null to send no CORS headers. */
  corsOrigins: string[] | '*' | null;
  cacheMaxAge: number;
  /** Editors' bearer token for writes; undefined turns writes over HTTP off. */
  editorToken: string | undefined;
  logging: 'debug' | 'info' | 'warn' | 'error';
  responseCache: ResponseCacheOptions;
  /** Answer the reads the compiler covers with one SQL statement. */
  compiledReads: boolean;
};

export function yogaOptionsFrom(source: Env): YogaOptions {
  const development = source.NODE_ENV === 'development';
  const listed = source.CORS_ORIGINS?.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  return {
    development,
    persistedOnly: source.PERSISTED_ONLY,
    corsOrigins: listed
      ? listed.includes('*')
        ? '*'
        : listed
      : source.NODE_ENV === 'production'
        ? null
        : '*',
    cacheMaxAge: source.CACHE_MAX_AGE,
    editorToken: source.EDITOR_TOKEN,
    logging: source.NODE_ENV === 'test' ? 'error' : 'info',
    compiledReads: source.COMPILED_READS,
    responseCache: {
      ttlSeconds: source.RESPONSE_CACHE_TTL ?? (source.NODE_ENV === 'test' ? 0 : 300),
      maxEntries: source.RESPONSE_CACHE_MAX,
      redisUrl: source.REDIS_URL,
      redisKeyPrefix: source.REDIS_KEY_PREFIX,
    },
  };
}

const persisted = manifest as Record<string, string>;

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
  const cache = createResponseCache(options.responseCache, databaseTarget, {
    error: (message) => logger?.error(message),
  });
  const compiled = options.compiledReads
    ? createCompiledReads(db, databaseTarget.provider, schema, MAX_PAGE_SIZE)
    : undefined;
  // Persisted-only mode must check every document, so it takes the long way. With a response
  // cache, a miss goes through yoga, which stores the answer.
  const fastAnswer = options.persistedOnly ? undefined : (cache.lookup ?? compiled?.answer);
  const server: NewsgraphYoga = createYoga<Record<string, never>, Context>({
    schema,
    context: ({ request }) => createContext(request, options.editorToken),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    graphiql: {
      title: 'Newsgraph',
      defaultQuery: graphiqlTabs[0]?.query,
      defaultTabs: graphiqlTabs,
    },
    logging: options.logging,
    cors:
      options.corsOrigins === null
        ? false
        : { origin: options.corsOrigins, methods: ['GET', 'POST'] },
    plugins: [
      guardRequests(),
      useReadinessCheck({
        endpoint: '/readyz',
        check: async ({ fetchAPI }) => {
          const readiness = await checkReadiness(db, databaseTarget);
          return readiness.ready
            ? true
            : new fetchAPI.Response(
                JSON.stringify({ status: 'unavailable', reason: readiness.reason }),
                {
                  status: 503,
                  headers: { 'content-type': 'application/json' },
                },
              );
        },
      }),
      usePersistedOperations({
        getPersistedOperation: (key) => persisted[key] ?? null,
        // Trusted documents only, except in development, where GraphiQL must keep working.
        allowArbitraryOperations: !options.persistedOnly || options.development,
        customErrors: {
          notFound: {
            message: 'PersistedQueryNotFound',
            extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 404 } },
          },
          persistedQueryOnly: {
            message:
              'Only persisted operations are accepted here; send extensions.persistedQuery.sha256Hash',
            extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 403 } },
          },
          keyNotFound: {
            message: 'extensions.persistedQuery.sha256Hash is missing or not a string',
            extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
          },
        },
      }),
      maxDepthPlugin({ n: limits.depth }),
      maxAliasesPlugin({ n: limits.aliases }),
      maxTokensPlugin({ n: limits.tokens }),
      pageSizeLimit(MAX_PAGE_SIZE),
      codedErrors(() => server.logger),
      httpCaching(options.cacheMaxAge),
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
