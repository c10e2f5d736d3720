// `npm run bench:hostile`: does memory stay bounded under valid but hostile traffic, and does the
// server stay up? Size S on one database, the server as `npm start` runs it (NODE_ENV=production,
// response cache on, one worker). Two phases, each against a fresh server:
//   1. ordinary soak: the soak test's mixed traffic (list, person, article in rotation), the baseline;
//   2. hostile: at once, POSTs of a valid query behind a distinct 240 KB comment, distinct list pages
//      (cache misses, about 64 KB each) and `nodes(ids:)` with 100 distinct ids per request.
// RSS is that of the whole server (supervisor and workers, polled from /proc every 250 ms); worker
// restarts are new worker pids. The ratio quoted is the hostile peak over the soak peak.
//
//   npm run bench:hostile                           # sqlite, 60 s of load in all (1/3 soak, 2/3 hostile)
//   npm run bench:hostile -- --db postgres --duration 120 --json
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createDatabase, type DbKind, fillDatabase } from './databases.js';
import { BenchFailure, onCleanup, progress, runScript } from './lifecycle.js';
import { runLoad } from './load.js';
import { childPids, readRssMb } from './rss.js';
import { mixedSamples, scenarioSamples } from './samples.js';
import { postGraphql, type ServerProcess, startServer } from './servers.js';
import { benchSizes } from './synthetic/plan.js';

/** The peak under hostile traffic may be at most this multiple of the ordinary soak's. */
const targetRatio = 1.5;
const commentChars = 240_000;

runScript(async () => {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: 'sqlite' },
      duration: { type: 'string', default: '60' },
      connections: { type: 'string', default: '12' },
      json: { type: 'boolean', default: false },
    },
  });
  const db = values.db as DbKind;
  if (db !== 'sqlite' && db !== 'postgres')
    throw new BenchFailure('--db must be sqlite or postgres');
  const durationSec = Number(values.duration);
  const connections = Number(values.connections);
  if (!(durationSec >= 3) || !(connections >= 3)) {
    throw new BenchFailure('--duration must be at least 3 seconds and --connections at least 3');
  }
  const soakSec = durationSec / 3;
  const hostileSec = durationSec - soakSec;

  progress(
    `hostile: ${db}, size S, ${soakSec.toFixed(0)} s soak, ${hostileSec.toFixed(0)} s hostile`,
  );
  const database = await createDatabase(db, 'S');
  await fillDatabase(database.url, 'S');

  const soak = await phase(database.url, async (server) => {
    const bodies = mixedSamples(scenarioSamples('S')).map((s) => s.body);
    const load = await runLoad({ url: server.url, bodies, durationSec: soakSec, connections });
    return { soak: tally(load.requests, load.errors, load.non2xx, load.graphqlErrors) };
  });
  progress(`  soak done: peak ${soak.peakMb.toFixed(0)} MB`);

  const share = Math.max(1, Math.floor(connections / 3));
  const hostile = await phase(database.url, async (server) => {
    const [comments, pages, nodes] = await Promise.all([
      hammer(server.url, hostileSec, share, commentBody),
      hammer(server.url, hostileSec, share, listPageBody),
      hammer(server.url, hostileSec, connections - 2 * share, nodesBody),
    ]);
    return { comments, pages, nodes };
  });
  await database.drop();

  const ratio = hostile.peakMb / soak.peakMb;
  const passed = hostile.stayedUp && soak.stayedUp && ratio <= targetRatio;
  const result = { db, durationSec, connections, soak, hostile, ratio: round(ratio), passed };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    const describe = (name: string, p: PhaseResult) =>
      [
        `${name}: RSS start ${round(p.startMb)} MB, end ${round(p.endMb)} MB, peak ${round(p.peakMb)} MB` +
          ` (largest worker ${round(p.peakWorkerMb)} MB, supervisor ${round(p.supervisorMb)} MB)`,
        `  server stayed up: ${p.stayedUp ? 'yes' : 'NO'}; worker restarts: ${p.restarts}`,
        ...Object.entries(p.loads).map(
          ([load, t]) =>
            `  ${load}: ${t.requests} responses, ${t.errors} connection errors, ${t.non2xx} non-2xx, ${t.graphqlErrors} with GraphQL errors`,
        ),
      ].join('\n');
    console.log(
      [
        `hostile traffic on ${db}, size S, ${durationSec} s of load, ${connections} connections`,
        describe('ordinary soak', soak),
        describe('hostile', hostile),
        `peak ratio hostile/soak ${round(ratio)}x (target ≤ ${targetRatio}x)`,
        passed ? 'PASS' : 'FAIL',
      ].join('\n'),
    );
  }
  return passed ? 0 : 1;
});

type Tally = { requests: number; errors: number; non2xx: number; graphqlErrors: number };
const tally = (requests: number, errors: number, non2xx: number, graphqlErrors: number): Tally => ({
  requests,
  errors,
  non2xx,
  graphqlErrors,
});

type PhaseResult = {
  startMb: number;
  endMb: number;
  peakMb: number;
  peakWorkerMb: number;
  supervisorMb: number;
  stayedUp: boolean;
  restarts: number;
  loads: Record<string, Tally>;
};

/** Starts a fresh server, runs `load` while sampling its memory, then checks it still answers. */
async function phase(
  databaseUrl: string,
  load: (server: ServerProcess) => Promise<Record<string, Tally>>,
): Promise<PhaseResult> {
  const server = await startServer('newsgraph-cached', databaseUrl);
  const sampler = sampleTree(server.rootPid);
  const loads = await load(server);
  // Whether it still answers, a few seconds on: a replaced worker gets that long to come up.
  let stayedUp = false;
  for (let attempt = 0; attempt < 20 && !stayedUp; attempt++) {
    const probe = await postGraphql(server.url, '{"query":"{ articles(first: 1) { totalCount } }"}')
      .then((r) => r.status === 200 && r.json?.data?.articles != null)
      .catch(() => false);
    stayedUp = probe;
    if (!probe) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const samples = sampler.stop();
  await server.stop();
  const totals = samples.map((s) => s.totalMb);
  return {
    startMb: totals[0] ?? Number.NaN,
    endMb: totals.at(-1) ?? Number.NaN,
    peakMb: Math.max(...totals),
    peakWorkerMb: Math.max(...samples.map((s) => s.workerMb)),
    supervisorMb: samples.at(-1)?.supervisorMb ?? Number.NaN,
    // The supervisor must never exit; without one, the server itself must not have.
    stayedUp: stayedUp && samples.every((s) => s.alive),
    restarts: sampler.restarts(),
    loads,
  };
}

type TreeSample = { totalMb: number; workerMb: number; supervisorMb: number; alive: boolean };

/** RSS of a process and its children every 250 ms; a child pid not seen before is a restart. */
function sampleTree(pid: number) {
  const samples: TreeSample[] = [];
  const seen = new Set<number>();
  let firstWorkers = -1;
  const take = () => {
    const own = readRssMb(pid);
    const children = childPids(pid);
    for (const child of children) seen.add(child);
    if (firstWorkers < 0 && children.length) firstWorkers = children.length;
    const workers = children.map(readRssMb).filter((mb) => !Number.isNaN(mb));
    const alive = !Number.isNaN(own);
    samples.push({
      totalMb: (alive ? own : 0) + workers.reduce((a, b) => a + b, 0),
      // Without workers (a single process) the process itself serves.
      workerMb: workers.length ? Math.max(...workers) : alive ? own : 0,
      supervisorMb: workers.length ? own : 0,
      alive,
    });
  };
  take();
  const timer = setInterval(take, 250);
  const forget = onCleanup(() => clearInterval(timer));
  return {
    stop: () => {
      clearInterval(timer);
      forget();
      take();
      return samples;
    },
    restarts: () => Math.max(0, seen.size - Math.max(firstWorkers, 0)),
  };
}

/**
 * `connections` keep-alive connections sending a new body from `next` with every request. Unlike
 * load.ts it does not stop at the first failure: whether the server survives is what is measured.
 */
function hammer(
  url: string,
  durationSec: number,
  connections: number,
  next: (n: number) => string,
): Promise<Tally> {
  let n = 0;
  return new Promise((resolve, reject) => {
    let forget = () => {};
    const instance = autocannon(
      {
        url: `${url}/graphql`,
        connections,
        duration: durationSec,
        sampleInt: 250,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: [{ setupRequest: (request) => ({ ...request, body: next(n++) }) }],
        verifyBody: (body) => !String(body).includes('"errors":'),
      },
      (error, result) => {
        forget();
        if (error) return reject(error);
        resolve(tally(result.requests.total, result.errors, result.non2xx, result.mismatches));
      },
    );
    forget = onCleanup(() => instance.stop());
  });
}

const articleCount = benchSizes.S.articles;
const cursor = (id: number) => Buffer.from(`articles:${id}`).toString('base64');

/** A valid small read behind a comment of 240 KB, different every time. */
function commentBody(n: number): string {
  const comment = `# ${n} ${'x'.repeat(commentChars)}\n`;
  return JSON.stringify({ query: `${comment}{ articles(first: 5) { totalCount } }` });
}

/** A list page of 50 articles with everything on them: a different page every time. */
const pageQuery = /* GraphQL */ `query HostilePage($first: Int!, $after: String) {
  articles(first: $first, after: $after) {
    edges { node {
      id slug headline publishedAt paragraphs
      leadImage { title caption credit agency photographer { id slug name } }
      authors { id slug name }
      quotes(first: 5) { id text speaker { id slug name } }
      teasers { id position kicker title summary isTruncated url target { id slug headline } }
    } }
  }
}`;
function listPageBody(n: number): string {
  const first = 40 + (n % 11);
  const after = 1 + (Math.floor(n / 11) % (articleCount - 60));
  return JSON.stringify({ query: pageQuery, variables: { first, after: cursor(after) } });
}

/** `nodes` with 100 distinct article ids (the most one request may ask for). */
const nodesQuery = /* GraphQL */ `query HostileNodes($ids: [ID!]!) {
  nodes(ids: $ids) { id ... on Article { slug headline } }
}`;
function nodesBody(n: number): string {
  const ids = Array.from({ length: 100 }, (_, i) =>
    Buffer.from(`Article:${1 + ((n * 37 + i * 13) % articleCount)}`).toString('base64'),
  );
  return JSON.stringify({ query: nodesQuery, variables: { ids } });
}

function round(value: number): number {
  return Number(value.toFixed(1));
}
