// Refuses requests that cannot be honest GraphQL before any parsing: an oversized URL or body, and
// `variables`/`extensions` URL parameters that are not JSON objects. Each gets a coded JSON error.
import type { Plugin } from 'graphql-yoga';

export const requestLimits = { urlBytes: 8 * 1024, bodyBytes: 256 * 1024 };

export function guardRequests(): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      const refuse = (status: number, code: string, message: string) =>
        endResponse(
          new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
            status,
            headers: { 'content-type': 'application/json; charset=utf-8' },
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
