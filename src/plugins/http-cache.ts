// HTTP caching for public reads over GET: Cache-Control and a content ETag, and 304 for a client or
// CDN that already holds the same answer. POSTs and errors are never cached.
import { createHash } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';

export function httpCaching(maxAgeSeconds: number): Plugin {
  return {
    async onResponse({ request, response, setResponse, fetchAPI }) {
      const isJson = /json/.test(response.headers.get('content-type') ?? '');
      if (!isJson) return;
      if (request.method !== 'GET' || response.status !== 200) {
        response.headers.set('cache-control', 'no-store');
        return;
      }
      const body = await response.text();
      const headers = new fetchAPI.Headers(response.headers);
      headers.append('vary', 'Accept, Origin');
      if ((JSON.parse(body) as { errors?: unknown }).errors) {
        headers.set('cache-control', 'no-store');
        setResponse(new fetchAPI.Response(body, { status: 200, headers }));
        return;
      }
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
      headers.set('etag', etag);
      headers.set(
        'cache-control',
        `public, max-age=${maxAgeSeconds}, stale-while-revalidate=${maxAgeSeconds}`,
      );
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
