// `npm run test:postgres`: the same suite against PostgreSQL (TEST_POSTGRES_URL). If the server is
// unreachable, CI fails with the reason; elsewhere the run is skipped with a note.
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { adminPostgresUrl } from './test-database.js';

const client = new pg.Client({ connectionString: adminPostgresUrl, connectionTimeoutMillis: 5000 });
try {
  await client.connect();
  await client.query('SELECT 1');
  await client.end();
} catch (error) {
  const reason = `PostgreSQL is not reachable at ${adminPostgresUrl}: ${(error as Error).message}`;
  if (process.env.CI === 'true') {
    process.stderr.write(`error: ${reason}. Set TEST_POSTGRES_URL or start PostgreSQL.\n`);
    process.exit(1);
  }
  process.stdout.write(`note: skipping the PostgreSQL suite. ${reason}\n`);
  process.exit(0);
}

const run = spawnSync(
  process.execPath,
  [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--config',
    'tests/vitest.config.ts',
    ...process.argv.slice(2),
  ],
  {
    stdio: 'inherit',
    env: { ...process.env, TEST_DATABASE: 'postgres' },
  },
);
process.exit(run.status ?? 1);
