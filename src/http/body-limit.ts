// Reads a request body at the Node layer with a byte budget. Content-Length cannot be trusted to bound
// a body (a chunked one has none), so the bytes are counted as they arrive; past the limit the
// request is refused with a coded 413 at once and the rest is discarded, never buffered.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestLimits } from '../limits.js';
import { jsonMediaType } from '../plugins/request-guards.js';
import { answerAndClose } from './raw-answer.js';

/**
 * The whole body, or undefined when it was over `limit` and this already answered 413. A request
 * without a body (GET, HEAD) resolves to an empty buffer without touching the stream.
 */
export function readLimitedBody(
  request: IncomingMessage,
  response: ServerResponse,
  limit = requestLimits.bodyBytes,
): Promise<Buffer | undefined> {
  const declared = request.headers['content-length'];
  const chunked = request.headers['transfer-encoding'] !== undefined;
  if (!chunked && (declared === undefined || declared === '0'))
    return Promise.resolve(Buffer.alloc(0));
  if (Number(declared) > limit) {
    refuseTooLarge(request, Number(declared), limit);
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      request.off('data', onData);
      request.off('end', onEnd);
      chunks.length = 0;
      refuseTooLarge(request, undefined, limit);
      resolve(undefined);
    };
    const onEnd = () => resolve(Buffer.concat(chunks, size));
    request.on('data', onData);
    request.on('end', onEnd);
    // The client went away mid-body: there is nobody to answer.
    request.on('error', () => {
      response.destroy();
      resolve(undefined);
    });
  });
}

/** 413, written to the socket (see answerAndClose); the rest of the body is drained, not kept. */
function refuseTooLarge(
  request: IncomingMessage,
  declared: number | undefined,
  limit: number,
): void {
  request.resume();
  answerAndClose(
    request.socket,
    413,
    'REQUEST_TOO_LARGE',
    declared === undefined
      ? `the request body is over the limit of ${limit} bytes.`
      : `the request body is ${declared} bytes; the limit is ${limit}.`,
    jsonMediaType(request.headers.accept),
  );
}
