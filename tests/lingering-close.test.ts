// A refusal written before the request has all arrived (431 for an oversized request line, 413
// for a body over the limit, 400 for bytes that are not HTTP) must reach the client even while the
// client is still sending. Closing a socket with unread data makes the kernel reset the connection,
// and a reset can cost the client the answer, so the server reads and drops what still comes, and
// closes only when the client stops (or a bound is reached).
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { answerProtocolErrors } from '../src/http/client-errors.js';
import { createDrainableServer } from '../src/http/graceful.js';
import { answerAndClose, type Linger } from '../src/http/raw-answer.js';

const servers: (Server | HttpServer)[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))),
  );
});

async function listen<T extends Server | HttpServer>(server: T): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** The server side's socket, once the server has closed it: how much of the request it read. */
function closedServerSocket(server: Server | HttpServer): Promise<Socket> {
  return new Promise((resolve) =>
    server.once('connection', (socket: Socket) => socket.once('close', () => resolve(socket))),
  );
}

/** A plain TCP server that refuses whatever arrives first with a 400, lingering as `linger` says. */
function refusingServer(linger: Linger): Server {
  return createServer((socket) => {
    socket.once('data', () =>
      answerAndClose(socket, 400, 'BAD_REQUEST', 'not HTTP', 'application/json', linger),
    );
  });
}

/** A client that writes `request` in one go and reads nothing until `readAfter` has resolved. */
async function lateReader(port: number, request: Buffer | string, readAfter: Promise<unknown>) {
  const socket = connect(port, '127.0.0.1');
  socket.pause();
  socket.write(request);
  let reset = false;
  socket.on('error', (error: NodeJS.ErrnoException) => {
    reset ||= error.code === 'ECONNRESET' || error.code === 'EPIPE';
  });
  await readAfter;
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.resume();
  await new Promise((resolve) => socket.once('close', resolve));
  return { answer: Buffer.concat(chunks).toString('latin1'), reset };
}

describe('a refusal while the client is still sending', () => {
  it('drains a 1.4 MB request line before closing, so the late reader gets its 431', async () => {
    const server = createHttpServer((_request, response) => response.end('unreachable'));
    answerProtocolErrors(server);
    const port = await listen(server);
    const request = `GET /graphql?query=${'a'.repeat(1_400_000)} HTTP/1.1\r\nHost: x\r\n\r\n`;
    const closed = closedServerSocket(server);
    // The client reads only after the server has closed its side for good.
    const { answer, reset } = await lateReader(port, request, closed);
    expect((await closed).bytesRead).toBe(Buffer.byteLength(request));
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toContain('"code":"REQUEST_TOO_LARGE"');
    expect(reset).toBe(false);
  });

  it('closes once the client has been quiet, having read what it sent', async () => {
    const server = refusingServer({ quietMs: 200, maxMs: 60_000 });
    const port = await listen(server);
    const closed = closedServerSocket(server);
    const { answer, reset } = await lateReader(port, 'x'.repeat(300_000), closed);
    expect((await closed).bytesRead).toBe(300_000);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(reset).toBe(false);
  });

  it('does not let a client that never stops sending hold the socket', async () => {
    const server = refusingServer({ quietMs: 20, maxMs: 100 });
    const port = await listen(server);
    const closed = closedServerSocket(server);
    const client = connect(port, '127.0.0.1');
    client.on('error', () => {});
    const clientClosed = new Promise((resolve) => client.once('close', resolve));
    const chunks: Buffer[] = [];
    client.on('data', (chunk: Buffer) => chunks.push(chunk));
    // A byte whenever the loop comes round: the server never sees a quiet spell.
    let sending = true;
    const trickle = () => {
      if (!sending || client.destroyed) return;
      client.write('x');
      setImmediate(trickle);
    };
    trickle();
    await closed;
    sending = false;
    await clientClosed;
    expect(Buffer.concat(chunks).toString('latin1')).toMatch(/^HTTP\/1\.1 400 /);
  });

  it('survives a client that resets the connection after a CONNECT is refused', async () => {
    const server = createHttpServer((_request, response) => response.end('unreachable'));
    answerProtocolErrors(server);
    const port = await listen(server);
    const closed = closedServerSocket(server);
    const client = connect(port, '127.0.0.1');
    client.write('CONNECT 127.0.0.1:80 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    const answer = await new Promise<string>((resolve) =>
      client.once('data', (chunk: Buffer) => resolve(chunk.toString('latin1'))),
    );
    expect(answer).toMatch(/^HTTP\/1\.1 405 /);
    // A reset reaches the server as an error on a socket Node's server no longer listens to: unhandled, it would end the process.
    client.resetAndDestroy();
    expect((await closed).destroyed).toBe(true);
  });
});

describe('a request pipelined behind a refusal', () => {
  it('is not run (its answer could never be sent), and its body is drained, not left to reset the socket', async () => {
    const seen: string[] = [];
    const { server } = createDrainableServer((request, response) => {
      seen.push(`${request.method} ${request.url}`);
      if (request.url === '/refuse') {
        request.resume();
        answerAndClose(request.socket, 413, 'REQUEST_TOO_LARGE', 'too large');
      } else response.end('ran');
    });
    const port = await listen(server);
    const closed = closedServerSocket(server);
    // A body large enough to fill the socket's buffers if nobody read it.
    const body = 'x'.repeat(4 * 1024 * 1024);
    const request = `POST /refuse HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello${`POST /mutate HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\n\r\n${body}`}`;
    const { answer, reset } = await lateReader(port, request, closed);
    expect((await closed).bytesRead).toBe(request.length);
    expect(reset).toBe(false);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).not.toContain('ran');
    expect(seen).toEqual(['POST /refuse']);
  });
});
