// Refuses requests too large to be honest GraphQL before any parsing: an oversized URL (GET) or body.
import type { Plugin } from 'graphql-yoga';

export const requestLimits = { urlBytes: 8 * 1024, bodyBytes: 256 * 1024 };

export function limitRequestSize(): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const tooLong = request.url.length > requestLimits.urlBytes;
      const length = Number(request.headers.get('content-length') ?? 0);
      const tooBig = length > requestLimits.bodyBytes;
      if (!tooLong && !tooBig) return;
      const message = tooLong
        ? `the request URL is ${request.url.length} bytes; the limit is ${requestLimits.urlBytes}. Send large queries by POST or as persisted operations.`
        : `the request body is ${length} bytes; the limit is ${requestLimits.bodyBytes}.`;
      endResponse(
        new fetchAPI.Response(
          JSON.stringify({ errors: [{ message, extensions: { code: 'REQUEST_TOO_LARGE' } }] }),
          {
            status: tooLong ? 414 : 413,
            headers: { 'content-type': 'application/json; charset=utf-8' },
          },
        ),
      );
    },
  };
}
