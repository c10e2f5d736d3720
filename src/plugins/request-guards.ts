// Refuses requests that cannot be honest GraphQL before any parsing: an oversized URL or body, and
// `variables`/`extensions` URL parameters that are not JSON objects. Each gets a coded JSON error,
// in the JSON media type the client asked for, as yoga's own answers are.
import type { Plugin } from 'graphql-yoga';

export const requestLimits = { urlBytes: 8 * 1024, bodyBytes: 256 * 1024 };

export function guardRequests(): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      const refuse = (status: number, code: string, message: string) =>
        endResponse(
          new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
            status,
            headers: {
              'content-type': `${jsonMediaType(request.headers.get('accept')) ?? 'application/json'}; charset=utf-8`,
            },
          }),
        );
      if (request.url.length > requestLimits.urlBytes) {
        return refuse(
          414,
          'REQUEST_TOO_LARGE',
          `the request URL is ${request.url.length} bytes; the limit is ${requestLimits.urlBytes}. Send large queries by POST or as persisted operations.`,
        );
      }
      const length = Number(request.headers.get('content-length') ?? 0);
      if (length > requestLimits.bodyBytes) {
        return refuse(
          413,
          'REQUEST_TOO_LARGE',
          `the request body is ${length} bytes; the limit is ${requestLimits.bodyBytes}.`,
        );
      }
      for (const name of ['variables', 'extensions']) {
        const value = url.searchParams.get(name);
        if (value !== null && !isJsonObject(value)) {
          return refuse(400, 'BAD_REQUEST', `the "${name}" parameter must be a JSON object`);
        }
      }
    },
  };
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return value === null || (typeof value === 'object' && !Array.isArray(value));
  } catch {
    return false;
  }
}

export type JsonMediaType = 'application/graphql-response+json' | 'application/json';

/**
 * The JSON media type yoga answers a request with, for anything that answers outside yoga (the HTTP
 * fast path, the refusals above): the first utf-8 Accept entry that matches either type, ignoring
 * q-values as yoga does; `application/json` for a wildcard entry, which matches both,
 * and when there is no Accept header. Undefined when no entry accepts JSON (yoga answers 406).
 */
export function jsonMediaType(accept: string | null | undefined): JsonMediaType | undefined {
  for (const entry of (accept || '*/*').replace(/\s/g, '').toLowerCase().split(',')) {
    const [range = '', ...params] = entry.split(';');
    const charset = params.find((param) => param.includes('charset='));
    if (charset !== undefined && charset !== 'charset=utf-8') continue;
    if (matches(range, 'application/json')) return 'application/json';
    if (matches(range, 'application/graphql-response+json'))
      return 'application/graphql-response+json';
  }
  return undefined;
}

function matches(range: string, mediaType: string): boolean {
  const [type, subtype] = range.split('/');
  const [wantedType, wantedSubtype] = mediaType.split('/');
  return (type === '*' || type === wantedType) && (subtype === '*' || subtype === wantedSubtype);
}
