// Coded JSON answers written straight to a socket, for refusals that happen outside yoga (or outside
// a request: the HTTP parser's own errors), and a close that does not lose them. Node built-ins
// only: the supervisor process loads this (through client-errors.ts) and nothing of GraphQL.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

/** After the answer, how long the client may keep sending (discarded) before the socket is closed. */
const LINGER_MS = 1_000;

/** A coded GraphQL error body, as every refusal has one. */
export function errorBody(code: string, message: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code } }] });
}

/**
 * Writes a complete `status` answer with a coded JSON body and closes the connection. The close is
 * a lingering one: the socket is half-closed, what the client still sends is read and dropped, and
 * it is destroyed when the client closes or after LINGER_MS. Destroying it at once with unread data
 * makes the kernel reset the connection, and a client still sending its body can lose the answer.
 */
export function answerAndClose(
  socket: Socket,
  status: number,
  code: string,
  message: string,
  mediaType = 'application/json',
): void {
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
  socket.end(`${head}\r\n\r\n${body}`);
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once('end', () => socket.destroy());
  socket.once('close', () => clearTimeout(timer));
}
