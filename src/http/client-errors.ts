// Answers for what Node's HTTP layer refuses before any request reaches yoga: requests the parser
// cannot read (malformed request lines and headers, bad chunking, headers over the size limit),
// `Expect` values it does not meet, and CONNECT. Node's own answers have empty bodies; these give
// the same statuses a coded JSON error, like every other refusal.
import { maxHeaderSize, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { answerAndClose, errorBody } from './raw-answer.js';

/** Wires the answers into a server; call once, right after creating it. */
export function answerProtocolErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const pending = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    // A reset, or an answer already under way: there is nothing left to say on this socket.
    if (error.code === 'ECONNRESET' || pending?.headersSent) return void socket.destroy();
    const [status, code, message] = refusalFor(error.code);
    answerAndClose(socket, status, code, message);
  });
  server.on('checkExpectation', (request, response) => {
    const body = errorBody(
      'EXPECTATION_FAILED',
      `the Expect header "${String(request.headers.expect).slice(0, 64)}" is not supported; send the request without it`,
    );
    response.writeHead(417, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      connection: 'close',
    });
    response.end(body);
  });
  // A proxy tunnel request: only emitted when listened to, otherwise Node drops the socket unanswered.
  server.on('connect', (_request, socket: Socket) => {
    answerAndClose(
      socket,
      405,
      'METHOD_NOT_ALLOWED',
      'CONNECT is not supported; GraphQL takes GET and POST',
    );
  });
}

/** The status Node itself would answer with (see `_http_server.js`), with a code and a message. */
function refusalFor(errorCode: string | undefined): [number, string, string] {
  switch (errorCode) {
    case 'HPE_HEADER_OVERFLOW':
      return [
        431,
        'REQUEST_TOO_LARGE',
        `the request line and headers are over the limit of ${maxHeaderSize} bytes`,
      ];
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return [413, 'REQUEST_TOO_LARGE', 'the chunk extensions are over the size limit'];
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, 'REQUEST_TIMEOUT', 'the request did not arrive in time'];
    default:
      return [400, 'BAD_REQUEST', 'the request is not valid HTTP/1.1'];
  }
}
