// `npm start` runs its workers under a supervisor (node:cluster), even with one: a worker that dies
// is replaced within seconds, the supervisor itself stays small, and SIGTERM under load drains every
// keep-alive connection without resetting a request.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { afterEach, describe, expect, it } from 'vitest';
import { postQuery, type RunningServer, startServer } from './support/server.js';
import { freshDatabaseUrl, testProvider } from './support/test-database.js';

const running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(
    running.splice(0).map((server) => (server.child.exitCode === null ? server.stop() : null)),
  );
});
async function start(env: Record<string, string> = {}) {
  const server = await startServer({
    DATABASE_URL: await freshDatabaseUrl(),
    WEB_CONCURRENCY: '1',
    ...env,
  });
  running.push(server);
  return server;
}

/** The worker pids of a supervisor, from /proc. */
function workersOf(pid: number): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1]) / 1024;
}

const countQuery = '{ articles { totalCount } }';

describe('supervisor', () => {
  it('replaces a killed worker within seconds, with one worker', async () => {
    const server = await start();
    const supervisor = server.child.pid as number;
    const [worker] = workersOf(supervisor);
    expect(worker).toBeGreaterThan(0);
    expect((await postQuery(server.url, countQuery)).body.data.articles.totalCount).toBe(1);

    process.kill(worker as number, 'SIGKILL');
    const killedAt = Date.now();
    let answered = false;
    while (!answered && Date.now() - killedAt < 15_000) {
      // Each try bounded: a keep-alive connection to the dead worker may never answer.
      answered = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: countQuery }),
        signal: AbortSignal.timeout(1_000),
      })
        .then((response) => response.json())
        .then((body) => body.data?.articles.totalCount === 1)
        .catch(() => false);
      if (!answered) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(answered).toBe(true);
    expect(Date.now() - killedAt).toBeLessThan(10_000);
    const [replacement] = workersOf(supervisor);
    expect(replacement).not.toBe(worker);
    expect(server.output()).toContain(`worker ${worker} was killed by SIGKILL; starting another`);
    // Said once, when first ready: a replacement does not announce itself again.
    expect(server.output().match(/serving GraphQL/g)).toHaveLength(1);
    expect(await server.stop()).toBe(0);
  });

  it('stays small: the supervisor loads no GraphQL server, schema or database client', async () => {
    const server = await start();
    const supervisor = server.child.pid as number;
    const [worker] = workersOf(supervisor) as [number];
    await postQuery(server.url, countQuery);
    // Node and the TypeScript loader alone take about 75 MB; a worker takes several times that.
    expect(rssMb(supervisor)).toBeLessThan(130);
    expect(rssMb(supervisor)).toBeLessThan(rssMb(worker) / 2);
    if (testProvider === 'sqlite') {
      // The SQLite driver is a native library: mapped where Prisma is loaded, and only there.
      const maps = (pid: number) => readFileSync(`/proc/${pid}/maps`, 'utf8');
      expect(maps(worker)).toContain('better_sqlite3.node');
      expect(maps(supervisor)).not.toContain('better_sqlite3.node');
    }
  });
});

describe('draining on SIGTERM', () => {
  // Two workers share one listening socket, which closes only when the last stops listening.
  it.each([1, 2])(
    'answers every request under keep-alive load with %i worker(s), resets none, and exits 0',
    async (workers) => {
      const server = await start({ WEB_CONCURRENCY: String(workers) });
      const errors: string[] = [];
      let responses = 0;
      let nonOk = 0;
      let signalled = false;
      let answeredAfterSignal = 0;
      let finished = () => {};
      const done = new Promise<void>((resolve) => {
        finished = resolve;
      });
      const load = autocannon(
        {
          url: `${server.url}/graphql`,
          connections: 20,
          duration: 30,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: countQuery }),
        },
        () => finished(),
      );
      load.on('response', (_client, status) => {
        responses += 1;
        if (status !== 200) nonOk += 1;
        if (signalled) answeredAfterSignal += 1;
      });
      load.on('reqError', (error: NodeJS.ErrnoException) =>
        errors.push(error.code ?? error.message),
      );
      // Until every connection is busy and the server warm.
      while (responses < 500) await new Promise((resolve) => setTimeout(resolve, 50));

      signalled = true;
      const exitCode = await server.stop();
      load.stop();
      await done;

      expect(exitCode).toBe(0);
      expect(nonOk).toBe(0);
      // Requests in flight at the signal were answered, not dropped.
      expect(answeredAfterSignal).toBeGreaterThan(0);
      // Once the server has stopped listening, reconnecting is refused; nothing else may fail.
      expect(errors.filter((code) => code !== 'ECONNREFUSED')).toEqual([]);
    },
  );
});
