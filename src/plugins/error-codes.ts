// Gives every execution error a code before yoga's masking sees it: Pothos argument errors become
// BAD_USER_INPUT, and anything unexpected is logged once, with the request id, then masked.
import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { maskError, type Plugin, type YogaLogger } from 'graphql-yoga';
import type { Context } from '../context.js';
import { badUserInput } from '../errors.js';
import { isUnavailable } from '../services/readiness.js';

export function codedErrors(logger: () => YogaLogger): Plugin<Context> {
  return {
    // Last stop before the response is written: request-level errors that nothing coded so far
    // (limits from validation plugins, invalid variables, unsupported operation types) get a code.
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !result || typeof result !== 'object' || !('errors' in result))
        return;
      const errors = (result as { errors?: readonly GraphQLError[] }).errors;
      if (!errors?.some((error) => !error.extensions?.code)) return;
      setResult({
        ...(result as object),
        errors: errors.map((error) =>
          error.extensions?.code || error.path
            ? error
            : new GraphQLError(error.message, {
                nodes: error.nodes,
                extensions: { ...error.extensions, code: requestErrorCode(error.message) },
              }),
        ),
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
              return new GraphQLError('The database is unavailable; try again shortly.', {
                nodes: error.nodes,
                path: error.path,
                extensions: { code: 'SERVICE_UNAVAILABLE' },
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

/** Validation limits say "Syntax Error: … limit"; everything else at request level is the client's input. */
function requestErrorCode(message: string): string {
  return /^Syntax Error: .*(depth|aliases|tokens|directives)/i.test(message)
    ? 'GRAPHQL_VALIDATION_FAILED'
    : 'BAD_USER_INPUT';
}
