// A TCP proxy a test controls, to make a database go silent: while silent, it accepts connections
// and swallows every byte in both directions, as a network that drops packets does, without
// closing anything. Bytes lost meanwhile break the connections open across the silence, as they would.
import { once } from 'node:events';
import { connect, createServer, type Socket } from 'node:net';

export type TcpProxy = {
  port: number;
  silent: boolean;
  close: () => Promise<void>;
};

export async function startTcpProxy(
  targetPort: number,
  targetHost = '127.0.0.1',
): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const proxy: TcpProxy = { port: 0, silent: false, close: async () => {} };
  const server = createServer((client) => {
    const upstream = connect(targetPort, targetHost);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
      socket.on('error', () => socket.destroy());
    }
    client.on('data', (bytes) => {
      if (!proxy.silent) upstream.write(bytes);
    });
    upstream.on('data', (bytes) => {
      if (!proxy.silent) client.write(bytes);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  proxy.port = (server.address() as { port: number }).port;
  proxy.close = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  };
  return proxy;
}
