// Coded JSON answers written straight to a socket, for refusals that happen outside yoga (or outside
// a request: the HTTP parser's own errors), and a close that does not lose them. Node built-ins
// only: the supervisor process loads this (through client-errors.ts) and nothing of GraphQL.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

/**
 * After the answer, the socket is kept open while the client keeps sending (what it sends is
 * dropped): it is closed once nothing has arrived for `quietMs`, and in any case after `maxMs`, so
 * a slow sender cannot hold it (nor a graceful shutdown, whose drain waits up to 9 s: graceful.ts).
 */
export type Linger = { quietMs: number; maxMs: number };
const LINGER: Linger = { quietMs: 1_000, maxMs: 5_000 };

/** Sockets already answered: the parser reports its error again for every later read, and those must not cut the linger short. */
const answered = new WeakSet<Socket>();

/** Whether a refusal was written to this socket: nothing more can be answered on it. */
export const wasAnswered = (socket: Socket): boolean => answered.has(socket);

/** A coded GraphQL error body, as every refusal has one. */
export function errorBody(code: string, message: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code } }] });
}

/**
 * Writes a complete `status` answer with a coded JSON body and closes the connection. The close is
 * a lingering one (see `lingeringClose`). A second call for the same socket does nothing.
 */
export function answerAndClose(
  socket: Socket,
  status: number,
  code: string,
  message: string,
  mediaType = 'application/json',
  linger: Linger = LINGER,
): void {
  if (answered.has(socket)) return;
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = errorBody(code, message);
  const head = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    `Content-Type: ${mediaType}; charset=utf-8`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'Connection: close',
  ].join('\r\n');
  answered.add(socket);
  // Before anything else: a client resetting the connection now must not be an unhandled error
  // (Node's server takes its own listener off a CONNECT socket before handing it over).
  socket.on('error', () => socket.destroy());
  socket.end(`${head}\r\n\r\n${body}`);
  lingeringClose(socket, linger);
}

/**
 * Closes a half-closed socket once the client stops sending. Destroying it while unread data sits
 * in its buffers makes the kernel reset the connection, and a client still writing its request can
 * then lose the answer it was sent. So what arrives is read and dropped, and the socket is destroyed
 * when the client closes, when nothing more has arrived for `quietMs`, or after `maxMs`.
 */
function lingeringClose(socket: Socket, { quietMs, maxMs }: Linger): void {
  let waited = 0;
  let bytesSeen = socket.bytesRead;
  const check = () => {
    if (socket.destroyed) return;
    waited += quietMs;
    if (socket.bytesRead === bytesSeen || waited >= maxMs) return void socket.destroy();
    bytesSeen = socket.bytesRead;
    timer = setTimeout(afterPendingReads, quietMs).unref();
  };
  // Timers run before the loop polls for I/O, so after a stall (a busy or loaded process) the
  // client's data may be waiting unread: look again only once that poll has read it.
  const afterPendingReads = () => setImmediate(check);
  let timer = setTimeout(afterPendingReads, quietMs).unref();
  // Where Node's parser has let go of the socket, reading it is up to us.
  socket.resume();
  // Once the client has closed its side nothing more can arrive; the answer still goes out.
  const destroy = () => socket.destroy();
  socket.once('end', () => (socket.writableFinished ? destroy() : socket.once('finish', destroy)));
  socket.once('close', () => clearTimeout(timer));
}
