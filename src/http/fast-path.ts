// Reads answered at the HTTP layer. Going through yoga costs request objects, abort signals, the
// plugin chain and a fresh JSON serialisation, which for a cached or compiled read is most of the
// request. Here a plain JSON POST is offered to a fast answer first (a response-cache hit, or a
// compiled read of a document yoga has already validated), and an answer is written straight to
// the socket. Everything else (no answer, GET, CORS, credentials, persisted-only mode, odd content
// types) goes to yoga untouched, with the body already read.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/** An answer: the serialised body, and the headers that go with it beyond the ones yoga always sends. */
export type FastResponse = { body: string; headers: Record<string, string> };

/** The answer for a POST body (JSON text), or undefined to let yoga answer it. */
export type FastAnswer = (body: string) => Promise<FastResponse | undefined>;

/** Bodies above this are rare for reads and go to yoga, which enforces the real size limit. */
const MAX_FAST_BODY_BYTES = 16 * 1024;

/**
 * Wraps yoga's Node listener: eligible POSTs are read here first; a miss hands the already-read body
 * to yoga (as `request.body`, which its Node adapter accepts in place of the stream).
 */
export function withFastReads(
  yoga: (request: IncomingMessage, response: ServerResponse) => unknown,
  lookup: FastAnswer | undefined,
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
      // A fast answer failing must not fail the read: yoga answers it (and logs what went wrong).
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
  lookup: FastAnswer,
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
  });
  response.end(hit.body);
  return true;
}

/** The GraphQL parameters of a POST body that a fast answer looks at. */
export type ReadParams = {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
};

/** A POST body's GraphQL parameters, or undefined when it is not a JSON object (yoga says why). */
export function readParams(body: string): ReadParams | undefined {
  try {
    const params: unknown = JSON.parse(body);
    return typeof params === 'object' && params !== null && !Array.isArray(params)
      ? (params as ReadParams)
      : undefined;
  } catch {
    return undefined;
  }
}
