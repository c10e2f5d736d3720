// HTTP caching for public reads over GET: Cache-Control and a content ETag, and 304 for a client or
// CDN that already holds the same answer. POSTs and errors are never cached, and an answer to a
// request with credentials is `private, no-store`: an editor sees drafts, which no shared cache may
// keep or hand to anyone else. No answer may be kept, even stale, past the next scheduled go-live,
// when the public's view changes with no write.
import { createHash } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';

export type GoLiveClock = {
  now: () => number;
  /** The next instant (ms) a scheduled story goes live; Infinity when none is waiting. */
  goLive: () => Promise<number>;
};

/** `max-age` and `stale-while-revalidate` together ending by the next go-live. */
export function freshness(maxAgeSeconds: number, secondsLeft: number) {
  const maxAge = Math.max(0, Math.min(maxAgeSeconds, secondsLeft));
  return { maxAge, stale: Math.max(0, Math.min(maxAgeSeconds, secondsLeft - maxAge)) };
}

export function useHttpCaching(maxAgeSeconds: number, clock: GoLiveClock): Plugin {
  return {
    async onResponse({ request, response, setResponse, fetchAPI }) {
      const isJson = /json/.test(response.headers.get('content-type') ?? '');
      if (!isJson) return;
      if (request.headers.has('authorization')) {
        response.headers.set('cache-control', 'private, no-store');
        return;
      }
      if (request.method !== 'GET' || response.status !== 200) {
        response.headers.set('cache-control', 'no-store');
        return;
      }
      const body = await response.text();
      // Copied name by name, lower-cased: yoga names it `Content-Type`, and a Headers object built
      // from those headers loses it once changed, so a string body would go out as text/plain.
      const headers = new fetchAPI.Headers();
      for (const [name, value] of response.headers) headers.append(name.toLowerCase(), value);
      headers.append('vary', 'Accept, Origin');
      if ((JSON.parse(body) as { errors?: unknown }).errors) {
        headers.set('cache-control', 'no-store');
        setResponse(new fetchAPI.Response(body, { status: response.status, headers }));
        return;
      }
      // The media type follows Accept, so it is part of the representation the tag names.
      const etag = `"${createHash('sha256')
        .update(`${headers.get('content-type')}\n${body}`)
        .digest('base64url')
        .slice(0, 27)}"`;
      headers.set('etag', etag);
      const { maxAge, stale } = freshness(
        maxAgeSeconds,
        Math.floor(((await clock.goLive()) - clock.now()) / 1000),
      );
      headers.set('cache-control', `public, max-age=${maxAge}, stale-while-revalidate=${stale}`);
      const known = (request.headers.get('if-none-match') ?? '')
        .split(',')
        .map((tag) => tag.trim().replace(/^W\//, ''));
      if (known.includes(etag) || known.includes('*')) {
        headers.delete('content-length');
        setResponse(new fetchAPI.Response(null, { status: 304, headers }));
        return;
      }
      setResponse(new fetchAPI.Response(body, { status: 200, headers }));
    },
  };
}
