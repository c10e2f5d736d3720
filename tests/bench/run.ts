// `npm run bench`: throughput, latency, SQL statements per request and peak memory of Newsgraph
// (uncached, as deployed with every request a cache miss, and as deployed with cache hits) against a
// hand-written SQL baseline, on SQLite and PostgreSQL, for the scenarios in scenarios.ts.
//
//   npm run bench                       # sqlite + postgres, sizes S and L, 3 rounds of 10 s
//   npm run bench -- --quick            # size S only, short rounds (about 3–4 minutes per database)
//   npm run bench -- --db sqlite --size S --rounds 5 --duration 20
//   npm run -s bench -- --json > rows.json  # one JSON array on stdout (-s: no npm banner)
//   npm run bench -- --markdown bench.md
//   npm run bench -- --quick --scenario person,article  # only these scenarios
//
// BENCH_NODE_FLAGS adds node flags to the Newsgraph servers; BENCH_POSTGRES_URL (or
// TEST_POSTGRES_URL) names the PostgreSQL admin database.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type BenchSize, createDatabase, type DbKind, fillDatabase } from './databases.js';
import { BenchFailure, progress, runScript } from './lifecycle.js';
import { type LoadResult, loadProblem, runLoad } from './load.js';
import { checkParity } from './parity.js';
import {
  type Growth,
  growthLine,
  machineLine,
  markdownReport,
  median,
  type Row,
  roundRow,
  textTable,
} from './report.js';
import { sampleRss } from './rss.js';
import { type Sample, sample, scenarioSamples, spreadSamples } from './samples.js';
import { type ScenarioName, scenarioNames } from './scenarios.js';
import {
  bodyFor,
  newsgraphNodeFlags,
  postGraphql,
  type ServerName,
  type ServerProcess,
  serverNames,
  startServer,
} from './servers.js';
import { sqlPerRequest } from './sql-count.js';

type Settings = {
  dbs: DbKind[];
  sizes: BenchSize[];
  rounds: number;
  durationSec: number;
  warmupSec: number;
  json: boolean;
  markdown: string | undefined;
  /** The scenarios measured: all unless `--scenario a,b` names some (for a focused measurement). */
  scenarios: ScenarioName[];
  /** Requests per scenario the parity gate checks, spread over its rotation. */
  paritySamples: number;
};

function readSettings(): Settings {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      db: { type: 'string' },
      size: { type: 'string' },
      rounds: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      json: { type: 'boolean', default: false },
      markdown: { type: 'string' },
      scenario: { type: 'string' },
    },
  });
  const quick = values.quick ?? false;
  const dbs = choose(values.db, ['sqlite', 'postgres'] as DbKind[], '--db');
  const sizes = choose(values.size?.toUpperCase(), ['S', 'L'] as BenchSize[], '--size');
  return {
    dbs,
    // --quick measures size S only; an explicit --size wins.
    sizes: quick && !values.size ? ['S'] : sizes,
    rounds: positive(values.rounds, 3, '--rounds'),
    // Quick: 8 scenarios x 4 servers x (0.5 + 3 x 1) s of load, about two minutes per database.
    durationSec: positive(values.duration, quick ? 1 : 10, '--duration'),
    warmupSec: positive(values.warmup, quick ? 0.5 : 3, '--warmup'),
    json: values.json ?? false,
    markdown: values.markdown,
    scenarios: chooseScenarios(values.scenario),
    paritySamples: quick ? 25 : 250,
  };
}

function choose<T extends string>(value: string | undefined, all: T[], flag: string): T[] {
  if (value === undefined) return all;
  if (!all.includes(value as T)) throw new BenchFailure(`${flag} must be one of ${all.join(', ')}`);
  return [value as T];
}

function chooseScenarios(value: string | undefined): ScenarioName[] {
  if (value === undefined) return scenarioNames;
  const names = value.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !scenarioNames.includes(name as ScenarioName));
  if (unknown.length || names.length === 0) {
    throw new BenchFailure(`--scenario must name some of ${scenarioNames.join(', ')}`);
  }
  return names as ScenarioName[];
}

function positive(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!(number > 0)) throw new BenchFailure(`${flag} must be a positive number`);
  return number;
}

runScript(async () => {
  const settings = readSettings();
  const header = [
    machineLine(),
    `command: npm run bench -- ${process.argv.slice(2).join(' ')}`.trimEnd(),
    `load: autocannon, 10 connections, ${settings.warmupSec} s warm-up, ${settings.rounds} interleaved rounds of ${settings.durationSec} s; medians quoted` +
      (newsgraphNodeFlags.length ? `; newsgraph node flags: ${newsgraphNodeFlags.join(' ')}` : ''),
  ];
  const say = settings.json ? progress : (line: string) => process.stdout.write(`${line}\n`);
  for (const line of header) say(line);

  const rows: Row[] = [];
  const growth: Growth[] = [];
  const started = Date.now();
  for (const db of settings.dbs) {
    for (const size of settings.sizes) {
      const result = await benchmark(db, size, settings);
      rows.push(...result.rows);
      growth.push(result.growth);
      say(`\n${textTable(`${db}, size ${size}`, result.rows)}\n${growthLine(result.growth)}`);
    }
  }
  progress(`\nfinished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (settings.markdown) {
    writeFileSync(settings.markdown, markdownReport(header, rows, growth));
    progress(`markdown table written to ${settings.markdown}`);
  }
  if (settings.json) await writeStdout(`${JSON.stringify(rows.map(roundRow), null, 2)}\n`);
  return 0;
});

/** One database and size: fill, check parity, count SQL, then measure under load. */
async function benchmark(
  db: DbKind,
  size: BenchSize,
  settings: Settings,
): Promise<{ rows: Row[]; growth: Growth }> {
  progress(`\n== ${db}, size ${size}`);
  const database = await createDatabase(db, size);
  await fillDatabase(database.url, size);
  const samples = scenarioSamples(size);

  let phaseStart = Date.now();
  const took = () => {
    const seconds = (Date.now() - phaseStart) / 1000;
    phaseStart = Date.now();
    return `(${seconds.toFixed(1)} s)`;
  };
  // The LOG_SQL instances start alongside the measured ones (startup is mostly compiling), and
  // stop before any load runs.
  const startAll = (logSql: boolean) =>
    Promise.all(serverNames.map((name) => startServer(name, database.url, { logSql })));
  const [servers, logging] = await Promise.all([startAll(false), startAll(true)]);
  progress(`  servers: ${servers.map((s) => `${s.name} pid ${s.pid}`).join(', ')} ${took()}`);
  // Every server answers each checked request, one request at a time: checking every sample of
  // the long rotations would take minutes, so a spread of them is checked (the bench-parity test
  // checks every request of its small database).
  const checked = settings.scenarios.flatMap((name) =>
    spreadSamples(samples[name], settings.paritySamples),
  );
  const problems = await checkParity(servers, checked);
  if (problems.length) {
    for (const problem of problems.slice(0, 8)) progress(`  ${problem}`);
    if (problems.length > 8) progress(`  … and ${problems.length - 8} more`);
    throw new BenchFailure(`parity gate failed on ${db}, size ${size}: nothing was measured`);
  }
  progress(`  parity: all servers agree on ${checked.length} requests ${took()}`);

  const sql = await countSql(logging, samples, settings.scenarios);
  progress(`  SQL counted ${took()}`);
  const load = await measure(servers, samples, settings);
  progress(`  load done ${took()}`);
  await Promise.all(servers.map((server) => server.stop()));
  await database.drop();

  const rows = settings.scenarios.flatMap((scenario) => {
    const baseline = median(
      load.runs.get(key('baseline', scenario))?.map((r) => r.reqPerSec) ?? [],
    );
    return serverNames.map((server): Row => {
      const runs = load.runs.get(key(server, scenario)) ?? [];
      const reqPerSec = median(runs.map((r) => r.reqPerSec));
      return {
        db,
        size,
        scenario,
        server,
        reqPerSec,
        p50Ms: median(runs.map((r) => r.p50Ms)),
        p99Ms: median(runs.map((r) => r.p99Ms)),
        ratio: reqPerSec / baseline,
        sqlPerRequest: sql.perRequest.get(key(server, scenario)) ?? Number.NaN,
        rssMb: load.peakRss.get(key(server, scenario)) ?? Number.NaN,
      };
    });
  });
  return { rows, growth: { db, size, ...sql.growth } };
}

const key = (server: ServerName, scenario: ScenarioName) => `${server}/${scenario}`;

/** Requests per scenario the SQL counter sends (twice, one at a time, to every server). */
const sqlCountSamples = 10;

/**
 * Statements per request for every server and scenario, from the LOG_SQL instances (on up to
 * `sqlCountSamples` requests spread over each scenario's rotation), plus newsgraph's list scenario
 * at 5 and 50 articles (a page of any size should cost the same).
 */
async function countSql(
  logging: ServerProcess[],
  samples: Record<ScenarioName, Sample[]>,
  scenarios: ScenarioName[],
) {
  const perRequest = new Map<string, number>();
  for (const server of logging) {
    for (const scenario of scenarios) {
      const counted = spreadSamples(samples[scenario], sqlCountSamples);
      perRequest.set(key(server.name, scenario), await sqlPerRequest(server, counted));
    }
  }
  const newsgraph = logging.find((s) => s.name === 'newsgraph') as ServerProcess;
  const growth = {
    first5: await sqlPerRequest(newsgraph, [sample('list', { first: 5 })]),
    first50: await sqlPerRequest(newsgraph, [sample('list', { first: 50 })]),
  };
  await Promise.all(logging.map((server) => server.stop()));
  progress(
    `  SQL/request: ${[...perRequest].map(([k, n]) => `${k} ${n}`).join(', ')}; list first 5/50: ${growth.first5}/${growth.first50}`,
  );
  return { perRequest, growth };
}

/**
 * A warm-up per server and scenario, then `rounds` rounds that each run every server × scenario
 * once. Interleaving spreads slow drifts of a shared machine over all servers instead of
 * penalising whichever ran last. RSS is sampled only while a server is under measured load.
 */
async function measure(
  servers: ServerProcess[],
  samples: Record<ScenarioName, Sample[]>,
  settings: Settings,
) {
  const runs = new Map<string, LoadResult[]>();
  const peakRss = new Map<string, number>();
  const loadOnce = async (server: ServerProcess, scenario: ScenarioName, durationSec: number) => {
    const result = await runLoad({
      url: server.url,
      bodies: samples[scenario].map((s) => s.body),
      durationSec,
      varyBody: server.varyBody,
    });
    const problem = loadProblem(result);
    if (problem) throw new BenchFailure(`${server.name} under ${scenario} load: ${problem}`);
    await drain(server, samples[scenario]);
    if (result.requests === 0) {
      progress(`  warning: ${server.name} completed no ${scenario} request in ${durationSec} s`);
    }
    return result;
  };

  const total = servers.length * settings.scenarios.length;
  progress(
    `  load: ${total} warm-ups of ${settings.warmupSec} s, then ${settings.rounds} × ${total} runs of ${settings.durationSec} s`,
  );
  for (const scenario of settings.scenarios) {
    for (const server of servers) await loadOnce(server, scenario, settings.warmupSec);
  }
  for (let round = 1; round <= settings.rounds; round++) {
    const line: string[] = [];
    for (const scenario of settings.scenarios) {
      for (const server of servers) {
        const sampler = sampleRss(server.pid, 100);
        const result = await loadOnce(server, scenario, settings.durationSec);
        const rss = Math.max(...sampler.stop());
        const k = key(server.name, scenario);
        runs.set(k, [...(runs.get(k) ?? []), result]);
        peakRss.set(k, Math.max(peakRss.get(k) ?? 0, rss));
        line.push(`${k} ${result.reqPerSec.toFixed(0)}`);
      }
    }
    progress(`  round ${round} req/s: ${line.join(', ')}`);
  }
  return { runs, peakRss };
}

/**
 * autocannon drops its connections when a run ends, but the server still works through the
 * requests already in flight (seconds' worth for a slow scenario on a large database). One more
 * request waits its turn among them, so by the time it returns the backlog has (nearly) drained
 * and cannot eat into the next run, which may be another server's on the same cores.
 */
async function drain(server: ServerProcess, samples: Sample[]): Promise<void> {
  const response = await postGraphql(server.url, bodyFor(server, (samples[0] as Sample).body));
  if (response.status !== 200) {
    throw new BenchFailure(`${server.name} answered ${response.status} after a load run`);
  }
}

/** Resolves once the text is handed to the OS, so exiting right after cannot truncate it. */
function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) =>
    process.stdout.write(text, (error) => (error ? reject(error) : resolve())),
  );
}
