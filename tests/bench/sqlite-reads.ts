// `npm run bench:sqlite-reads`: each scenario's compiled statement, run straight on SQLite over the
// scenario's whole rotation, on a connection opened as the compiled reads open theirs
// (src/db/readers.ts: the file memory-mapped) and on one with SQLite's defaults (pages copied into
// its 16 MB page cache). Rounds interleave the two on the same file, so both meet the same OS page
// cache; the median time per statement is quoted, and the ratio of the two. No HTTP, no GraphQL
// execution: this isolates what the connection's settings cost as the database outgrows SQLite's
// cache. The bench's RSS figures include the mapped pages a server has read (shared file pages).
//
//   npm run bench:sqlite-reads                          # size L (generated first, about 2 min)
//   npm run bench:sqlite-reads -- --size S
//   npm run bench:sqlite-reads -- --database-url file:/tmp/bench-l.db --size L   # already generated
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { parse } from 'graphql';
import { compileRead } from '../../src/compiled/compile.js';
import { bindReadTime } from '../../src/compiled/dialect.js';
import { openSqliteReadConnection } from '../../src/db/readers.js';
import { addSqliteFunctions } from '../../src/db/sqlite-functions.js';
import { parseDatabaseUrl } from '../../src/db/url.js';
import { schema } from '../../src/schema/index.js';
import { type BenchSize, createDatabase, fillDatabase } from './databases.js';
import { BenchFailure, progress, runScript } from './lifecycle.js';
import { scenarioSamples, spreadSamples } from './samples.js';
import { scenarioNames } from './scenarios.js';

/** Statements per scenario: the whole rotation, spread, up to this many. */
const MAX_SAMPLES = 400;
/** How often a one-page scenario (the lists, `people`) runs its statement per round. */
const ONE_PAGE_RUNS = 200;

runScript(async () => {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'L' },
      'database-url': { type: 'string' },
      rounds: { type: 'string', default: '5' },
    },
  });
  const size = values.size?.toUpperCase() as BenchSize;
  if (size !== 'S' && size !== 'L') throw new BenchFailure('--size must be S or L');
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new BenchFailure('--rounds must be a whole number');
  let url = values['database-url'];
  if (!url) {
    const database = await createDatabase('sqlite', size);
    await fillDatabase(database.url, size);
    url = database.url;
  }
  const target = parseDatabaseUrl(url);
  if (target.provider !== 'sqlite' || target.file === ':memory:')
    throw new BenchFailure('--database-url must name a SQLite file');

  const plain = new Database(target.file, { fileMustExist: true });
  addSqliteFunctions(plain);
  const connections = { defaults: plain, mapped: openSqliteReadConnection(target.file) };
  // The read time is fixed, so every run reads the same rows.
  const now = new Date();
  const samples = scenarioSamples(size);
  const rows: string[] = [];
  for (const scenario of scenarioNames) {
    const statements = spreadSamples(samples[scenario], MAX_SAMPLES).map((sample) => {
      const { query, operationName, variables } = JSON.parse(sample.body);
      const read = compileRead(schema, 'sqlite', parse(query), operationName, variables);
      if (!read) throw new BenchFailure(`${scenario} does not compile`);
      return { sql: read.sql, parameters: bindReadTime('sqlite', read.parameters, now) };
    });
    const times: Record<keyof typeof connections, number[]> = { defaults: [], mapped: [] };
    for (let round = 0; round <= rounds; round++) {
      for (const name of Object.keys(connections) as (keyof typeof connections)[]) {
        const connection = connections[name];
        const repeats = statements.length === 1 ? ONE_PAGE_RUNS : 1;
        const started = performance.now();
        for (let i = 0; i < repeats; i++)
          for (const { sql, parameters } of statements)
            connection
              .prepare(sql)
              .pluck()
              .get(...parameters);
        // Round 0 warms both (statements prepared, pages in the OS cache) and is not counted.
        if (round > 0)
          times[name].push((performance.now() - started) / (repeats * statements.length));
      }
    }
    const defaults = median(times.defaults);
    const mapped = median(times.mapped);
    progress(`${scenario}: ${statements.length} statements`);
    rows.push(
      `| ${scenario} | ${statements.length} | ${defaults.toFixed(3)} | ${mapped.toFixed(3)} | ${(defaults / mapped).toFixed(2)}× |`,
    );
  }
  plain.close();
  connections.mapped.close();
  console.log(`sqlite, size ${size}: ms per statement, median of ${rounds} interleaved rounds\n`);
  console.log('| scenario | statements | SQLite defaults | as compiled reads open it | speed-up |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const row of rows) console.log(row);
  return 0;
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}
