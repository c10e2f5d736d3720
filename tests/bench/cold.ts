// `npm run bench:cold`: the first request for every page, on servers just started (the minutes
// after a deploy). Each rotating scenario's samples are sent once each, 10 at a time, to a fresh
// baseline server and a fresh uncached Newsgraph server, so every Newsgraph request meets a page it
// has not compiled a statement for. Quoted as the time to get through them all, and as a ratio of
// the baseline's rate measured the same way.
//
//   npm run bench:cold                     # sqlite, size S
//   npm run bench:cold -- --db postgres
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createDatabase, type DbKind, fillDatabase } from './databases.js';
import { BenchFailure, progress, runScript } from './lifecycle.js';
import { scenarioSamples } from './samples.js';
import type { ScenarioName } from './scenarios.js';
import { type ServerName, startServer } from './servers.js';

/** The scenarios that rotate over many pages; the others are one request each. */
const rotating: ScenarioName[] = ['article', 'person', 'list-mentions', 'person-quotes-page2'];

async function sendEachOnce(url: string, bodies: string[]) {
  let next = 0;
  const started = performance.now();
  const result = await autocannon({
    url: `${url}/graphql`,
    connections: 10,
    amount: bodies.length,
    // The run ends at the sample after the last answer: sample often, or the time is rounded up.
    sampleInt: 10,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      { setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }) },
    ],
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.errors || result.non2xx) throw new BenchFailure(`${url}: requests failed`);
  return { seconds, reqPerSec: bodies.length / seconds, p50Ms: result.latency.p50 };
}

runScript(async () => {
  const { values } = parseArgs({ options: { db: { type: 'string', default: 'sqlite' } } });
  const db = values.db as DbKind;
  if (db !== 'sqlite' && db !== 'postgres')
    throw new BenchFailure('--db must be sqlite or postgres');
  const database = await createDatabase(db, 'S');
  await fillDatabase(database.url, 'S');
  const samples = scenarioSamples('S');
  const rows: string[] = [];
  for (const scenario of rotating) {
    const bodies = samples[scenario].map((s) => s.body);
    const measured: Partial<Record<ServerName, Awaited<ReturnType<typeof sendEachOnce>>>> = {};
    for (const name of ['baseline', 'newsgraph'] as const) {
      // A fresh process per scenario: nothing compiled, nothing warmed up.
      const server = await startServer(name, database.url);
      measured[name] = await sendEachOnce(server.url, bodies);
      await server.stop();
    }
    const { baseline, newsgraph } = measured as Required<typeof measured>;
    progress(`${scenario}: ${bodies.length} pages`);
    rows.push(
      `${scenario.padEnd(20)} ${String(bodies.length).padStart(5)}  ${baseline.seconds.toFixed(2).padStart(6)} s  ${newsgraph.seconds.toFixed(2).padStart(6)} s  p50 ${baseline.p50Ms} / ${newsgraph.p50Ms} ms  ${(newsgraph.reqPerSec / baseline.reqPerSec).toFixed(2)}×`,
    );
  }
  await database.drop();
  console.log(`cold pages on ${db}, size S: scenario, pages, baseline, newsgraph, p50, ratio`);
  for (const row of rows) console.log(row);
  return 0;
});
