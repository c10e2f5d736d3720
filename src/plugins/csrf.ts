// Cross-site request forgery: a page on another origin can make a browser POST a form (urlencoded,
// multipart or text/plain) with no CORS preflight, and yoga would execute it. yoga's CSRF plugin
// refuses those unless they carry a header only a script allowed by CORS can set. GETs stay open:
// they only read (a mutation by GET is 405), and without CORS the other page cannot read the
// answer, while CDNs and plain clients need GET to work with no extra header.
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/** Headers that mark a request as sent by a script: yoga's own, and the one Apollo's clients send. */
export const csrfHeaders = ['x-graphql-yoga-csrf', 'apollo-require-preflight'];

export function useCsrfPrevention(): Plugin {
  const yogaCsrf = useCSRFPrevention({ requestHeaders: csrfHeaders });
  return {
    onRequestParse(payload) {
      if (payload.request.method === 'GET') return;
      try {
        return yogaCsrf.onRequestParse?.(payload);
      } catch {
        throw createGraphQLError(
          `a POST must be sent as application/json, or carry one of these headers: ${csrfHeaders.join(', ')}`,
          { extensions: { code: 'CSRF_REJECTED', http: { status: 403 } } },
        );
      }
    },
  };
}
