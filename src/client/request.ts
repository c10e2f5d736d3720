// A small fetch-based client: `request(document, variables)` returns data typed from the document.

import type { TadaDocumentNode } from 'gql.tada';
import { print } from 'graphql';
import { operationHash } from './hash.js';

export type RequestOptions = {
  /** The GraphQL endpoint, e.g. "https://news.example/graphql". */
  endpoint?: string;
  /** Any fetch: the global one, or a server's in-process fetch in tests. */
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
  /** Send only the operation's hash, by GET, so a CDN can cache it (see `npm run persisted`). */
  persisted?: boolean;
  headers?: Record<string, string>;
};

export type GraphQLErrorShape = {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string } & Record<string, unknown>;
};

/** The server answered with errors; `errors[i].extensions.code` says why. */
export class NewsgraphRequestError extends Error {
  override name = 'NewsgraphRequestError';
  constructor(
    readonly status: number,
    readonly errors: GraphQLErrorShape[],
  ) {
    super(
      errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ') ||
        `HTTP ${status}`,
    );
  }
}

export async function request<Result, Variables>(
  document: TadaDocumentNode<Result, Variables>,
  ...[variables, options = {}]: Variables extends Record<string, never>
    ? [Variables?, RequestOptions?]
    : [Variables, RequestOptions?]
): Promise<Result> {
  const endpoint = options.endpoint ?? '/graphql';
  const send = options.fetch ?? fetch;
  const query = print(document);
  const headers = {
    accept: 'application/graphql-response+json, application/json',
    ...options.headers,
  };
  let response: Response;
  if (options.persisted) {
    const url = new URL(endpoint, 'http://localhost');
    url.searchParams.set(
      'extensions',
      JSON.stringify({ persistedQuery: { version: 1, sha256Hash: await operationHash(query) } }),
    );
    if (variables && Object.keys(variables).length)
      url.searchParams.set('variables', JSON.stringify(variables));
    const target = /^https?:/.test(endpoint) ? url.toString() : `${url.pathname}${url.search}`;
    response = await send(target, { method: 'GET', headers });
  } else {
    response = await send(endpoint, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  }
  const body = (await response.json()) as { data?: Result | null; errors?: GraphQLErrorShape[] };
  if (body.errors?.length || body.data == null)
    throw new NewsgraphRequestError(response.status, body.errors ?? []);
  return body.data;
}
