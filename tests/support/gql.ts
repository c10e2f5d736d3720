// One helper for GraphQL over HTTP, in process through yoga.fetch: data, or the coded errors.
import { expect } from 'vitest';
import { readEnv } from '../../src/env.js';
import { createNewsgraphYoga, yoga, yogaOptionsFrom } from '../../src/yoga.js';

/**
 * The server without compiled reads: every field resolved by the schema, as operations the
 * compiler does not cover always are. Tests of the resolvers' own SQL ask for it.
 */
const executingYoga = createNewsgraphYoga({
  ...yogaOptionsFrom(readEnv({ NODE_ENV: 'test' })),
  compiledReads: false,
});

type RequestOptions = {
  variables?: Record<string, unknown>;
  /** false: execute field by field even where a compiled read would answer. */
  compiled?: boolean;
};

export type GqlError = {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
  path?: unknown[];
};
export type GqlResponse<T> = {
  status: number;
  data: T | null | undefined;
  errors: GqlError[] | undefined;
};

export async function gqlRaw<T = Record<string, unknown>>(
  query: string,
  options: RequestOptions = {},
): Promise<GqlResponse<T>> {
  const server = options.compiled === false ? executingYoga : yoga;
  const response = await server.fetch('http://newsgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  const body = (await response.json()) as { data?: T | null; errors?: GqlError[] };
  return { status: response.status, data: body.data, errors: body.errors };
}

/** Runs an operation that must succeed, and returns its data. */
export async function gql<T = any>(query: string, options: RequestOptions = {}): Promise<T> {
  const result = await gqlRaw<T>(query, options);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

/** Runs an operation that must fail with the given code, and returns the first error. */
export async function gqlError(
  code: string,
  query: string,
  options: { variables?: Record<string, unknown> } = {},
): Promise<GqlError & { status: number }> {
  const result = await gqlRaw(query, options);
  expect(
    result.errors?.length,
    `expected a ${code} error, got ${JSON.stringify(result)}`,
  ).toBeGreaterThan(0);
  const error = result.errors?.[0] as GqlError;
  expect(error.extensions?.code).toBe(code);
  return { ...error, status: result.status };
}
