// The GraphQL server: schema, per-request context, error masking and request limits.
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { MAX_PAGE_SIZE } from './builder.js';
import { type Context, createContext } from './context.js';
import { env } from './env.js';
import { contractQuery } from './examples.js';
import { codedErrors } from './plugins/error-codes.js';
import { pageSizeLimit } from './plugins/page-size.js';
import { schema } from './schema/index.js';

export const limits = { depth: 12, aliases: 30, tokens: 5000 };

export const yoga: YogaServerInstance<Record<string, never>, Context> = createYoga<
  Record<string, never>,
  Context
>({
  schema,
  context: ({ request }) => createContext(request),
  graphqlEndpoint: '/graphql',
  landingPage: false,
  graphiql: { title: 'Newsgraph', defaultQuery: contractQuery },
  logging: env.NODE_ENV === 'test' ? 'error' : 'info',
  plugins: [
    maxDepthPlugin({ n: limits.depth }),
    maxAliasesPlugin({ n: limits.aliases }),
    maxTokensPlugin({ n: limits.tokens }),
    pageSizeLimit(MAX_PAGE_SIZE),
    codedErrors(() => yoga.logger),
  ],
});
