// The GraphQL server: schema, per-request context, error masking and request limits.
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { createYoga, maskError, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { MAX_PAGE_SIZE } from './builder.js';
import { type Context, createContext } from './context.js';
import { env } from './env.js';
import { badUserInput } from './errors.js';
import { contractQuery } from './examples.js';
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
  maskedErrors: {
    maskError(error, message, isDev) {
      // Pothos reports bad connection arguments (e.g. negative `first`) as plain errors; they are the
      // client's to fix, so surface them with a code instead of masking them.
      const original = error instanceof GraphQLError ? error.originalError : error;
      if (original instanceof PothosValidationError) {
        return badUserInput(original.message, {
          path: error instanceof GraphQLError ? error.path : undefined,
        });
      }
      return maskError(error, message, isDev);
    },
  },
  plugins: [
    maxDepthPlugin({ n: limits.depth }),
    maxAliasesPlugin({ n: limits.aliases }),
    maxTokensPlugin({ n: limits.tokens }),
    pageSizeLimit(MAX_PAGE_SIZE),
    logUnexpectedErrors(),
  ],
});

/** Logs errors that will reach the client masked, with the request id, so operators can find them. */
function logUnexpectedErrors(): Plugin<Context> {
  return {
    onExecute({ args }) {
      return {
        onExecuteDone({ result }) {
          if (!('errors' in result) || !result.errors) return;
          for (const error of result.errors) {
            if (
              error.originalError &&
              !(error.originalError instanceof GraphQLError) &&
              !(error.originalError instanceof PothosValidationError)
            ) {
              yoga.logger.error(
                `[${args.contextValue.requestId}] ${error.originalError.stack ?? error.originalError.message}`,
              );
            }
          }
        },
      };
    },
  };
}
