// Coded errors a client can act on. Anything else is masked by yoga and logged with the request id.
import { GraphQLError } from 'graphql';

export type ErrorCode =
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'SERVICE_UNAVAILABLE';

export class CodedError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
  }

  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
}

export function badUserInput(message: string, details?: Record<string, unknown>): CodedError {
  return new CodedError('BAD_USER_INPUT', message, details);
}

export function notFound(message: string, details?: Record<string, unknown>): CodedError {
  return new CodedError('NOT_FOUND', message, details);
}
