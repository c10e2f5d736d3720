// A database that goes silent (packets dropped, nothing closed) must not hang anyone: requests
// answer SERVICE_UNAVAILABLE within 5 s, /readyz says 503 within 2 s, `npm start` gives up within
// 10 s, and service comes back when the database does. PostgreSQL only: SQLite is a local file.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/env.js';
import { type RunningServer, startServer } from './support/server.js';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.js';
import { freshDatabaseUrl, testProvider } from './support/test-database.js';

const query = JSON.stringify({ query: '{ articles(first: 1) { totalCount } }' });

async function timed<T>(action: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await action();
  return { result, ms: performance.now() - start };
}

async function ask(url: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: query,
  });
  return { status: response.status, body: await response.json() };
}

describe.skipIf(testProvider !== 'postgres')('a silent database', () => {
  let proxy: TcpProxy;
  let server: RunningServer;
  let proxiedUrl: string;

  beforeAll(async () => {
    const direct = new URL(await freshDatabaseUrl());
    proxy = await startTcpProxy(Number(direct.port || 5432), direct.hostname);
    direct.port = String(proxy.port);
    proxiedUrl = direct.toString();
    server = await startServer({ DATABASE_URL: proxiedUrl });
  });
  afterAll(async () => {
    await server?.stop();
    await proxy?.close();
  });

  it('answers SERVICE_UNAVAILABLE within 5 s, 503 on /readyz within 2 s, then recovers', async () => {
    expect((await ask(server.url)).body.data.articles.totalCount).toBeGreaterThan(0);
    proxy.silent = true;

    const failed = await timed(() => ask(server.url));
    expect(failed.ms).toBeLessThan(5000);
    expect(failed.result.status).toBe(503);
    expect(failed.result.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');

    const readiness = await timed(() => fetch(`${server.url}/readyz`));
    expect(readiness.ms).toBeLessThan(2000);
    expect(readiness.result.status).toBe(503);

    proxy.silent = false;
    // Connections broken by the silence are dropped; new ones serve again.
    let recovered = false;
    for (let attempt = 0; attempt < 20 && !recovered; attempt++) {
      const answer = await ask(server.url);
      recovered = answer.body.data?.articles?.totalCount > 0;
    }
    expect(recovered).toBe(true);
  }, 60_000);

  it('makes `npm start` exit 1 with a one-line reason within 10 s', async () => {
    proxy.silent = true;
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
        cwd: projectRoot,
        env: { ...process.env, NODE_ENV: 'test', PORT: '0', DATABASE_URL: proxiedUrl },
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
      });
      const exit = await timed(
        () => new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code))),
      );
      expect(exit.result).toBe(1);
      expect(exit.ms).toBeLessThan(10_000);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/database/i);
    } finally {
      proxy.silent = false;
    }
  }, 30_000);
});
