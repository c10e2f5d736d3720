// Gives every execution error a code before yoga's masking sees it: Pothos argument errors become
// BAD_USER_INPUT, and anything unexpected is logged once, with the request id, then masked.
import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { maskError, type Plugin, type YogaLogger } from 'graphql-yoga';
import type { Context } from '../context.js';
import { isUnavailable } from '../db/unavailable.js';
import { badUserInput } from '../errors.js';

export function useCodedErrors(logger: () => YogaLogger): Plugin<Context> {
  return {
    // Last stop before the response is written: request-level errors that nothing coded so far
    // (limits from validation plugins, invalid variables, unsupported operation types) get a code,
    // and a result without `data` gets an HTTP status for its errors (see `statusWithoutData`).
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !result || typeof result !== 'object' || !('errors' in result))
        return;
      const errors = (result as { errors?: readonly GraphQLError[] }).errors;
      if (!errors?.length) return;
      const withoutData = (result as { data?: unknown }).data === undefined;
      // yoga answers an unexpected (masked) error without data with 500 itself.
      const needsStatus = (error: GraphQLError) =>
        withoutData && !error.extensions?.http && !error.extensions?.unexpected;
      const needsWork = (error: GraphQLError) =>
        (!error.extensions?.code && !error.path) || needsStatus(error);
      if (!errors.some(needsWork)) return;
      setResult({
        ...(result as object),
        errors: errors.map((error) => {
          if (!needsWork(error)) return error;
          const code =
            (error.extensions?.code as string | undefined) ??
            (error.path ? undefined : requestErrorCode(error.message));
          return new GraphQLError(error.message, {
            nodes: error.nodes,
            source: error.source,
            positions: error.positions,
            path: error.path,
            extensions: {
              ...error.extensions,
              ...(code ? { code } : {}),
              ...(needsStatus(error) ? { http: statusWithoutData(code) } : {}),
            },
          });
        }),
      } as typeof result);
    },
    onExecute({ args }) {
      return {
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || !result.errors?.length) return;
          const errors = result.errors.map((error) => {
            const original = error.originalError;
            // PothosValidationError extends GraphQLError, so it must be caught before the pass-through.
            if (original instanceof PothosValidationError) {
              return new GraphQLError(original.message, {
                nodes: error.nodes,
                path: error.path,
                originalError: badUserInput(original.message),
                extensions: { code: 'BAD_USER_INPUT' },
              });
            }
            if (!original || original instanceof GraphQLError) return error;
            // The database is down or unreachable: tell the client to retry, without details.
            if (isUnavailable(original)) {
              logger().warn(
                `[${args.contextValue.requestId}] database unavailable: ${original.message.split('\n')[0]}`,
              );
              return new GraphQLError(databaseUnavailable.message, {
                nodes: error.nodes,
                path: error.path,
                extensions: databaseUnavailable.extensions,
              });
            }
            logger().error(
              `[${args.contextValue.requestId}] ${original.stack ?? original.message}`,
            );
            return maskError(error, 'Unexpected error.', false) as GraphQLError;
          });
          setResult({ ...result, errors });
        },
      };
    },
  };
}

/** What a client is told when the database cannot be reached, whichever path found out. */
export const databaseUnavailable = {
  message: 'The database is unavailable; try again shortly.',
  extensions: { code: 'SERVICE_UNAVAILABLE' },
} as const;

/** Validation limits say "Syntax Error: … limit"; everything else at request level is the client's input. */
function requestErrorCode(message: string): string {
  return /^Syntax Error: .*(depth|aliases|tokens|directives)/i.test(message)
    ? 'GRAPHQL_VALIDATION_FAILED'
    : 'BAD_USER_INPUT';
}

/**
 * GraphQL over HTTP: under `application/graphql-response+json` a response without `data` MUST be
 * 4xx or 5xx (`articles(first: 101)` refused before execution, say). yoga applies an error's
 * `extensions.http.status`; `spec: true` tells it to keep 200 under legacy `application/json`, as
 * the spec asks there. The status follows the error's code.
 */
function statusWithoutData(code: string | undefined): { status: number; spec: true } {
  const statusByCode: Record<string, number> = {
    UNAUTHENTICATED: 401,
    FORBIDDEN: 403,
    NOT_FOUND: 404,
    CONFLICT: 409,
    INTERNAL_SERVER_ERROR: 500,
    SERVICE_UNAVAILABLE: 503,
  };
  return { status: (code && statusByCode[code]) || 400, spec: true };
}
