// Cache hits answered at the HTTP layer. A hit through yoga still pays for request objects, the
// plugin chain and a fresh JSON serialisation; here a plain JSON POST is looked up in the same store
// under the same key, and a hit is written straight to the socket. Everything else (misses, GET,
// CORS, credentials, persisted-only mode, odd content types) goes to yoga untouched.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/** A hit: the serialised body, and the headers yoga's response cache sends with it (ETag, Last-Modified). */
export type CachedResponse = { body: string; headers: Record<string, string> };

/** The cached response for a POST body (JSON text), if there is one. */
export type CachedResponseLookup = (body: string) => Promise<CachedResponse | undefined>;

/** Bodies above this are rare for reads and go to yoga, which enforces the real size limit. */
const MAX_FAST_BODY_BYTES = 16 * 1024;

/**
 * Wraps yoga's Node listener: eligible POSTs are read here first; a miss hands the already-read body
 * to yoga (as `request.body`, which its Node adapter accepts in place of the stream).
 */
export function withCachedReads(
  yoga: (request: IncomingMessage, response: ServerResponse) => unknown,
  lookup: CachedResponseLookup | undefined,
  graphqlPath = '/graphql',
): RequestListener {
  if (!lookup) return (request, response) => void yoga(request, response);
  return (request, response) => {
    if (!eligible(request, graphqlPath)) return void yoga(request, response);
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('error', () => response.destroy());
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const passOn = () => {
        (request as IncomingMessage & { body?: Buffer }).body = body;
        yoga(request, response);
      };
      // The cache failing must not fail the read: yoga answers it (and logs cache errors).
      void answer(body, lookup, response).then((answered) => {
        if (!answered) passOn();
      }, passOn);
    });
  };
}

function eligible(request: IncomingMessage, graphqlPath: string): boolean {
  const { headers } = request;
  const length = Number(headers['content-length']);
  return (
    request.method === 'POST' &&
    request.url === graphqlPath &&
    length > 0 &&
    length <= MAX_FAST_BODY_BYTES &&
    (headers['content-type'] ?? '').startsWith('application/json') &&
    acceptsPlainJson(headers.accept) &&
    // Credentials and CORS get yoga's full treatment (editors are never served from the cache).
    headers.authorization === undefined &&
    headers.origin === undefined
  );
}

/** yoga answers these with `application/json`; other Accept headers are left to its negotiation. */
function acceptsPlainJson(accept: string | undefined): boolean {
  if (accept === undefined) return true;
  const first = accept.split(',')[0]?.split(';')[0]?.trim();
  return first === '*/*' || first === 'application/json';
}

async function answer(
  body: Buffer,
  lookup: CachedResponseLookup,
  response: ServerResponse,
): Promise<boolean> {
  const hit = await lookup(body.toString('utf8'));
  if (!hit) return false;
  response.writeHead(200, {
    ...hit.headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(hit.body),
    // As yoga's HTTP caching says for every POST: a CDN must not keep it.
    'cache-control': 'no-store',
    // Says which path answered, for operators and for the tests that prove hits are never stale.
    'x-newsgraph-cache': 'hit',
  });
  response.end(hit.body);
  return true;
}
