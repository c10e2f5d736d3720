// The one way tests send GraphQL over HTTP: a POST to the app in process (yoga.fetch) or to a
// served URL. Documents are the project's own `graphql()` documents, so `data` is typed by the
// schema; a string is for documents that are meant to be wrong (invalid, hostile, oversized).
import type { TadaDocumentNode } from 'gql.tada';
import { print } from 'graphql';
import { expect } from 'vitest';
import { readEnv } from '../../src/env.js';
import { createNewsgraphYoga, yoga, yogaOptionsFrom } from '../../src/yoga.js';

/**
 * The app without compiled reads: every field resolved by the schema, as operations the compiler
 * does not cover always are. Tests of the resolvers' own SQL ask for it with `compiled: false`.
 */
const executingYoga = createNewsgraphYoga({
  ...yogaOptionsFrom(readEnv({ NODE_ENV: 'test' })),
  compiledReads: false,
});

/** Anything that answers a Fetch request in process: a yoga instance, or a listener's wrapper. */
export type FetchServer = {
  fetch: (url: string, init: RequestInit) => Response | Promise<Response>;
};

export type SendOptions = {
  /** A server in process, or the URL of a served GraphQL endpoint. The app's yoga by default. */
  to?: FetchServer | string;
  /** With no `to`: false sends to the app without compiled reads. */
  compiled?: boolean;
  /** Added to (or replacing) the JSON content type, and for `post` the response media type. */
  headers?: Record<string, string>;
};

export type PostOptions<Variables> = SendOptions & {
  variables?: Variables;
  operationName?: string;
  extensions?: Record<string, unknown>;
};

export type GqlError = {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
  path?: unknown[];
};

/** An answer, whole: the raw text for byte comparisons, and the parsed body when it is JSON. */
export type Posted<Data> = {
  status: number;
  headers: Headers;
  text: string;
  data: Data | null | undefined;
  errors: GqlError[] | undefined;
  extensions: Record<string, unknown> | undefined;
};

/** A document with its typed result, or (for deliberately broken documents) plain text. */
export type Document<Result, Variables> = TadaDocumentNode<Result, Variables> | string;

/**
 * POSTs a body exactly as given, as JSON with no other header unless asked: the way to send what
 * no document can say (malformed JSON, wrong shapes, persisted-operation hashes), and what the
 * HTTP fast paths see from a plain client. Every other helper here goes through it.
 */
export async function postBody(
  body: BodyInit,
  options: SendOptions = {},
): Promise<Posted<unknown>> {
  const init: RequestInit = {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    body,
    // A streamed body must say it is half duplex (undici's rule for `fetch`).
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  };
  const target = options.to ?? (options.compiled === false ? executingYoga : yoga);
  const response =
    typeof target === 'string'
      ? await fetch(target, init)
      : await target.fetch('http://newsgraph.test/graphql', init);
  const text = await response.text();
  const json = parseJson(text);
  return {
    status: response.status,
    headers: response.headers,
    text,
    data: json?.data,
    errors: json?.errors,
    extensions: json?.extensions,
  };
}

/** POSTs a GraphQL request, and returns the answer whole, errors and all. */
export async function post<Result, Variables>(
  document: Document<Result, Variables>,
  options: PostOptions<Variables> = {},
): Promise<Posted<Result>> {
  const { variables, operationName, extensions, headers, ...send } = options;
  const query = typeof document === 'string' ? document : print(document);
  const answer = await postBody(
    JSON.stringify({ query, variables, operationName, extensions }),
    // The GraphQL-over-HTTP media type: errors come back with their 4xx statuses.
    { ...send, headers: { accept: 'application/graphql-response+json', ...headers } },
  );
  // The body is the server's answer to this document, so its data has the document's type.
  return answer as Posted<Result>;
}

/** Runs an operation that must succeed, and returns its data. */
export async function gql<Result, Variables>(
  document: TadaDocumentNode<Result, Variables>,
  options: PostOptions<Variables> = {},
): Promise<Result> {
  const answer = await post(document, options);
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  expect(answer.data, answer.text.slice(0, 300)).toBeTruthy();
  return answer.data as Result;
}

/** Runs an operation that must fail with the given code, and returns the first error. */
export async function gqlError<Result, Variables>(
  code: string,
  document: Document<Result, Variables>,
  options: PostOptions<Variables> = {},
): Promise<GqlError & { status: number }> {
  const answer = await post(document, options);
  expect(
    answer.errors?.length,
    `expected a ${code} error, got ${answer.text.slice(0, 500)}`,
  ).toBeGreaterThan(0);
  const error = answer.errors?.[0] as GqlError;
  expect(error.extensions?.code).toBe(code);
  return { ...error, status: answer.status };
}

function parseJson(
  text: string,
): { data?: unknown; errors?: GqlError[]; extensions?: Record<string, unknown> } | undefined {
  try {
    const json: unknown = JSON.parse(text);
    return typeof json === 'object' && json !== null ? json : undefined;
  } catch {
    return undefined;
  }
}
