// Production behaviour: health and readiness, draining on SIGTERM, several processes on one
// database, and recovery when the database goes away and comes back.
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { providerPaths } from '../src/db/schemas.js';
import { projectRoot } from '../src/env.js';
import { yoga } from '../src/yoga.js';
import { db, seed } from './support/db.js';
import { postQuery, type RunningServer, startServer } from './support/server.js';
import { freshDatabaseUrl, testProvider } from './support/test-database.js';
import { runTs } from './support/tmp.js';

// The provider's migrations, oldest first, as readiness names them.
const migrations = readdirSync(providerPaths[testProvider].migrations)
  .filter((name) => /^\d{14}_/.test(name))
  .sort();

const running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()));
});
async function start(env: Record<string, string>, ready?: string) {
  const server = await startServer(env, ready);
  running.push(server);
  return server;
}

describe('health and readiness', () => {
  it('reports /healthz and /readyz as 200 on a migrated database', async () => {
    expect((await yoga.fetch('http://newsgraph.test/healthz')).status).toBe(200);
    expect((await yoga.fetch('http://newsgraph.test/readyz')).status).toBe(200);
  });

  it('reports 503 with a reason while a migration is pending', async () => {
    await seed();
    await db.$executeRawUnsafe(`UPDATE _prisma_migrations SET rolled_back_at = finished_at`);
    try {
      const response = await yoga.fetch('http://newsgraph.test/readyz');
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        status: 'unavailable',
        reason: `migrations pending: ${migrations.join(', ')}`,
      });
    } finally {
      await db.$executeRawUnsafe(`UPDATE _prisma_migrations SET rolled_back_at = NULL`);
    }
    expect((await yoga.fetch('http://newsgraph.test/readyz')).status).toBe(200);
  });
});

describe('server processes', () => {
  it('serves from several processes with WEB_CONCURRENCY and exits 0 on SIGTERM', async () => {
    const server = await startServer(
      { DATABASE_URL: await freshDatabaseUrl(), WEB_CONCURRENCY: '2' },
      'with 2 processes',
    );
    const results = await Promise.all(
      Array.from({ length: 6 }, () => postQuery(server.url, '{ articles { totalCount } }')),
    );
    expect(results.every((r) => r.body.data?.articles.totalCount === 1)).toBe(true);
    expect(await server.stop()).toBe(0);
  });

  it('two servers on one database see each other’s writes at once', async () => {
    const url = await freshDatabaseUrl();
    const token = 'editor-token-for-tests-0123456789';
    const a = await start({ DATABASE_URL: url, EDITOR_TOKEN: token });
    const b = await start({ DATABASE_URL: url, EDITOR_TOKEN: token });
    // Ingest through A…
    const text = readFileSync(
      path.join(projectRoot, 'tests', 'fixtures', '03-greyhaven-takeover.txt'),
      'utf8',
    );
    const response = await fetch(`${a.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: 'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { outcome } }',
        variables: { input: { text } },
      }),
    });
    expect((await response.json()).data.ingestArticle.outcome).toBe('CREATED');
    // …and read through both, B included.
    for (const server of [a, b]) {
      const { body } = await postQuery(
        server.url,
        '{ articles { totalCount } people(filter: { nameContains: "ekholm" }) { totalCount } }',
      );
      expect(body.data).toEqual({ articles: { totalCount: 2 }, people: { totalCount: 1 } });
    }
  });

  it('exits non-zero with one line when the database host is unreachable', async () => {
    const result = await runTs('src/index.ts', [], {
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/newsgraph',
      PORT: '0',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: could not connect to the database: Can't reach database server at `127\.0\.0\.1:1`/,
    );
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe.runIf(testProvider === 'postgres')('PostgreSQL faults', () => {
  it('finishes an in-flight request after SIGTERM, then exits 0', async () => {
    const url = await freshDatabaseUrl();
    const server = await startServer({ DATABASE_URL: url });
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE "Article" IN ACCESS EXCLUSIVE MODE');
    const slow = postQuery(server.url, '{ articles { totalCount edges { node { headline } } } }');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exited = server.stop();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await blocker.query('COMMIT');
    await blocker.end();
    const { body } = await slow;
    expect(body.data.articles.totalCount).toBe(1);
    expect(await exited).toBe(0);
  });

  it('answers SERVICE_UNAVAILABLE while the database is away, and recovers by itself', async () => {
    const target = new URL(await freshDatabaseUrl());
    const proxy = await startProxy(Number(target.port || 5432));
    const viaProxy = new URL(target);
    viaProxy.port = String(proxy.port);
    const server = await start({ DATABASE_URL: viaProxy.toString() });
    const query = '{ articles { totalCount } }';
    expect((await postQuery(server.url, query)).body.data.articles.totalCount).toBe(1);

    await proxy.cut();
    const down = await postQuery(server.url, query);
    expect(down.body.errors[0]).toMatchObject({
      message: 'The database is unavailable; try again shortly.',
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', reason: 'database unreachable' });

    await proxy.restore();
    let recovered = false;
    for (let attempt = 0; attempt < 20 && !recovered; attempt++) {
      recovered = (await postQuery(server.url, query)).body.data?.articles.totalCount === 1;
      if (!recovered) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(recovered).toBe(true);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    await proxy.close();
  }, 60_000);
});

/** A TCP proxy to PostgreSQL that a test can cut (closing every connection) and restore. */
async function startProxy(targetPort: number) {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const listen = async () => {
    server = createServer((client) => {
      const upstream = connect(targetPort, '127.0.0.1');
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    server.listen(port, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as { port: number }).port;
  };
  const cut = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server?.close(resolve));
  };
  await listen();
  return { port, cut, restore: listen, close: cut };
}
