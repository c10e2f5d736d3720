// An HTTP server that stops without cutting anyone off. On `drain`, it stops accepting connections,
// answers every request it has received, and tells keep-alive clients to go elsewhere: a response
// not yet sent carries `Connection: close`, and a connection left idle is closed after a moment.
//
// Node's own `close()` destroys idle keep-alive sockets at once, and after a `Connection: close`
// response it destroys the socket as soon as the response is written. A client that had already
// sent its next request on that socket (load generators and proxies pipeline eagerly) then gets a
// reset. Here our side is closed first and the socket kept until the client closes its own, so such
// a request meets a clean end of stream, which clients treat as "reconnect and retry".
//
// Clients are told to go elsewhere only once nobody can connect here any more. Under node:cluster
// the listening socket belongs to the supervisor and closes some time after a worker stops
// listening; a client told to reconnect before then can land in its accept queue and be reset when
// it closes. Until the caller's `nobodyCanConnect` resolves, requests are answered as usual.
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
import { wasAnswered } from './raw-answer.js';

/** How long a connection must stay idle during a drain before it is closed. */
const IDLE_GRACE_MS = 1_000;
/** How long a half-closed connection waits for the client to close its side. */
const LINGER_MS = 2_000;

export type DrainableServer = {
  server: Server;
  /**
   * Stops accepting; once the promise `nobodyCanConnect` returns has settled, closes every connection as it falls idle.
   * Resolves once every connection has closed.
   */
  drain: (nobodyCanConnect?: () => Promise<void>) => Promise<void>;
};

export function createDrainableServer(listener: RequestListener): DrainableServer {
  let draining = false;
  const sockets = new Set<Socket>();
  /** Requests being answered, per socket. */
  const busy = new Map<Socket, number>();
  const unanswered = new Set<ServerResponse>();
  const closing = new WeakSet<Socket>();

  const closeGently = (socket: Socket) => {
    if (closing.has(socket)) return;
    closing.add(socket);
    socket.end();
    const destroy = () => socket.destroy();
    // Once the client has closed its side nothing more can arrive; the last bytes still go out.
    socket.once('end', () =>
      socket.writableFinished ? destroy() : socket.once('finish', destroy),
    );
    setTimeout(destroy, LINGER_MS).unref();
  };
  const closeWhenIdle = (socket: Socket) => {
    setTimeout(() => {
      if (!busy.has(socket)) closeGently(socket);
    }, IDLE_GRACE_MS).unref();
  };
  const prepareToClose = (socket: Socket) => {
    // Node calls this after a `Connection: close` response has been written.
    socket.destroySoon = () => closeGently(socket);
  };

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const { socket } = request;
    // Sent after our side was closed, or behind a refusal written to the socket: the client sees
    // that close, which it retries, rather than an answer it could never receive (and a mutation
    // is not run unanswered). Its body is still read and dropped: left unread, it would pause the
    // socket, and closing a socket with unread data resets it and loses the answer already sent.
    if (closing.has(socket) || wasAnswered(socket)) return void request.resume();
    busy.set(socket, (busy.get(socket) ?? 0) + 1);
    unanswered.add(response);
    if (draining) response.setHeader('connection', 'close');
    response.once('finish', () => unanswered.delete(response));
    response.once('close', () => {
      unanswered.delete(response);
      const left = (busy.get(socket) ?? 1) - 1;
      if (left > 0) return void busy.set(socket, left);
      busy.delete(socket);
      if (draining) closeWhenIdle(socket);
    });
    listener(request, response);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    if (draining) prepareToClose(socket);
  });

  const sendClientsAway = () => {
    draining = true;
    for (const response of unanswered) {
      if (!response.headersSent) response.setHeader('connection', 'close');
    }
    for (const socket of sockets) {
      prepareToClose(socket);
      if (!busy.has(socket)) closeWhenIdle(socket);
    }
  };
  const drain = (nobodyCanConnect = () => Promise.resolve()) =>
    new Promise<void>((resolve) => {
      // net's close, not http's: http's also destroys idle sockets at once (see above). Its
      // callback runs once the last connection has closed.
      NetServer.prototype.close.call(server, () => resolve());
      void nobodyCanConnect().then(sendClientsAway, sendClientsAway);
    });
  return { server, drain };
}
