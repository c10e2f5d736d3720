// Reads answered at the HTTP layer. Going through yoga costs request objects, abort signals, the
// plugin chain and a fresh JSON serialisation, which for a cached or compiled read is most of the
// request. Here a plain JSON POST is offered to a fast answer first (a response-cache hit, or a
// compiled read of a document yoga has already validated), and an answer is written straight to
// the socket. Everything else (no answer, GET, CORS, credentials, persisted-only mode, odd content
// types, malformed parameters) goes to yoga untouched, with the body already read. An answer here
// must be the one yoga would give: same status, body and media type. Every request passes here, so
// this is also where a body's size is enforced, by the bytes that actually arrive.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { isUnavailable } from '../db/unavailable.js';
import type { FastAnswer } from '../graphql-params.js';
import { databaseUnavailable } from '../plugins/error-codes.js';
import { type JsonMediaType, jsonMediaType } from '../plugins/request-guards.js';
import { readLimitedBody } from './body-limit.js';

/** Bodies above this are rare for reads and go to yoga. */
const MAX_FAST_BODY_BYTES = 16 * 1024;

/**
 * Wraps yoga's Node listener. Every body is read here first, counting its bytes against the request
 * limit whatever Content-Length says (see body-limit.ts); eligible POSTs are then offered to the fast
 * answer, and everything else, or a miss, goes to yoga with the body already read (as
 * `request.body`, which its Node adapter accepts in place of the stream).
 */
export function withFastReads(
  yoga: (request: IncomingMessage, response: ServerResponse) => unknown,
  lookup: FastAnswer | undefined,
  graphqlPath = '/graphql',
): RequestListener {
  return (request, response) => {
    void readLimitedBody(request, response).then((body) => {
      // Refused as too large, or the client went away: already answered or nobody to answer.
      if (!body) return;
      if (body.length > 0) (request as IncomingMessage & { body?: Buffer }).body = body;
      const mediaType = lookup && eligible(request, graphqlPath, body.length);
      if (!lookup || !mediaType) return void yoga(request, response);
      // A fast answer failing must not fail the read: yoga answers it (and logs what went wrong),
      // unless the database is unreachable, which yoga would only find out again, slowly.
      void answer(body, lookup, response, mediaType).then(
        (answered) => {
          if (!answered) yoga(request, response);
        },
        (error) =>
          isUnavailable(error) ? answerUnavailable(response, mediaType) : yoga(request, response),
      );
    });
  };
}

/** As yoga answers an execution that found the database down: no data, so 503 where the media type allows. */
function answerUnavailable(response: ServerResponse, mediaType: JsonMediaType): void {
  const body = JSON.stringify({ data: null, errors: [databaseUnavailable] });
  response.writeHead(mediaType === 'application/graphql-response+json' ? 503 : 200, {
    'content-type': `${mediaType}; charset=utf-8`,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  response.end(body);
}

/** The media type of the answer, when the request may have a fast one. */
function eligible(
  request: IncomingMessage,
  graphqlPath: string,
  length: number,
): JsonMediaType | undefined {
  const { headers } = request;
  const eligibleRequest =
    request.method === 'POST' &&
    request.url === graphqlPath &&
    length > 0 &&
    length <= MAX_FAST_BODY_BYTES &&
    (headers['content-type'] ?? '').startsWith('application/json') &&
    // Credentials and CORS get yoga's full treatment (editors are never served from the cache).
    headers.authorization === undefined &&
    headers.origin === undefined;
  // A fast answer has data and no errors, so it is 200 under either media type.
  return eligibleRequest ? jsonMediaType(headers.accept) : undefined;
}

async function answer(
  body: Buffer,
  lookup: FastAnswer,
  response: ServerResponse,
  mediaType: JsonMediaType,
): Promise<boolean> {
  const hit = await lookup(body.toString('utf8'));
  if (!hit) return false;
  response.writeHead(200, {
    ...hit.headers,
    'content-type': `${mediaType}; charset=utf-8`,
    'content-length': Buffer.byteLength(hit.body),
    // As yoga's HTTP caching says for every POST: a CDN must not keep it.
    'cache-control': 'no-store',
  });
  response.end(hit.body);
  return true;
}
