// `npm run bench:soak`: does memory stay flat under sustained load? Size S on one database, one
// Newsgraph server, mixed traffic (list, person, article in rotation) from 10 connections.
// RSS is taken right after a warm-up (caches, JIT and pools have grown to their working size by
// then, and on SQLite the mapped pages of the 12 MB database the traffic reads) and every second of
// the soak; the run fails if it drifts more than 15% from that value or
// if any request fails.
//
//   npm run bench:soak                             # sqlite, uncached, 60 s
//   npm run bench:soak -- --db postgres --cached --duration 300 --json
import { parseArgs } from 'node:util';
import { createDatabase, type DbKind, fillDatabase } from './databases.js';
import { BenchFailure, progress, runScript } from './lifecycle.js';
import { loadProblem, runLoad } from './load.js';
import { readRssMb, sampleRss } from './rss.js';
import { mixedSamples, scenarioSamples } from './samples.js';
import { startServer } from './servers.js';

const maxDeviationPercent = 15;

runScript(async () => {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: 'sqlite' },
      cached: { type: 'boolean', default: false },
      duration: { type: 'string', default: '60' },
      warmup: { type: 'string', default: '10' },
      json: { type: 'boolean', default: false },
    },
  });
  const db = values.db as DbKind;
  if (db !== 'sqlite' && db !== 'postgres')
    throw new BenchFailure('--db must be sqlite or postgres');
  const durationSec = Number(values.duration);
  const warmupSec = Number(values.warmup);
  if (!(durationSec > 0) || !(warmupSec > 0)) {
    throw new BenchFailure('--duration and --warmup must be positive numbers of seconds');
  }
  const serverName = values.cached ? 'newsgraph-cached' : 'newsgraph';

  progress(`soak: ${serverName} on ${db}, size S, ${warmupSec} s warm-up, ${durationSec} s load`);
  const database = await createDatabase(db, 'S');
  await fillDatabase(database.url, 'S');
  const bodies = mixedSamples(scenarioSamples('S')).map((s) => s.body);
  const server = await startServer(serverName, database.url);

  const warmup = await runLoad({ url: server.url, bodies, durationSec: warmupSec });
  const warmupProblem = loadProblem(warmup);
  if (warmupProblem) throw new BenchFailure(`warm-up: ${warmupProblem}`);
  const warmRss = readRssMb(server.pid);

  const sampler = sampleRss(server.pid, 1000);
  const load = await runLoad({ url: server.url, bodies, durationSec });
  const samples = sampler.stop();
  await server.stop();
  await database.drop();

  const finalRss = samples.at(-1) ?? Number.NaN;
  const deviation = Math.max(...samples.map((mb) => Math.abs(mb - warmRss) / warmRss)) * 100;
  const problem = loadProblem(load) ?? (load.requests === 0 ? 'no request completed' : undefined);
  const passed = !problem && deviation <= maxDeviationPercent;
  const result = {
    db,
    server: serverName,
    durationSec,
    warmupRssMb: round(warmRss),
    maxRssMb: round(Math.max(...samples)),
    finalRssMb: round(finalRss),
    maxDeviationPercent: round(deviation),
    /** RSS every 10 s of the soak: a leak climbs, a heap settling into its working size levels off. */
    rssEvery10sMb: samples.filter((_, i) => i % 10 === 0).map(round),
    requests: load.requests,
    reqPerSec: round(load.reqPerSec),
    errors: load.errors,
    non2xx: load.non2xx,
    graphqlErrors: load.graphqlErrors,
    passed,
  };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    console.log(
      [
        `soak ${serverName} on ${db}, size S, ${durationSec} s`,
        `RSS after warm-up ${result.warmupRssMb} MB, max ${result.maxRssMb} MB, final ${result.finalRssMb} MB`,
        `max deviation ${result.maxDeviationPercent}% (limit ${maxDeviationPercent}%)`,
        `RSS every 10 s: ${result.rssEvery10sMb.join(', ')} MB`,
        `${result.requests} requests (${result.reqPerSec} req/s), ${load.errors} errors, ${load.non2xx} non-2xx, ${load.graphqlErrors} GraphQL errors`,
        passed ? 'PASS' : 'FAIL',
      ].join('\n'),
    );
  }
  if (problem) progress(`error: ${problem}`);
  if (deviation > maxDeviationPercent) {
    progress(`error: RSS moved ${result.maxDeviationPercent}% from its post-warm-up value`);
  }
  return passed ? 0 : 1;
});

function round(value: number): number {
  return Number(value.toFixed(1));
}
