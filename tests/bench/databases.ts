// Fresh databases for a benchmark run, filled by the generator CLI in a child process. SQLite gets a
// file in a temp directory; PostgreSQL a `bench_<pid>_<size>` database on the admin server. Both are
// removed on cleanup, also after a failure or Ctrl-C.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { BenchFailure, onCleanup, progress, trackChild } from './lifecycle.js';
import { projectRoot } from './servers.js';

export type DbKind = 'sqlite' | 'postgres';
export type BenchSize = 'S' | 'L';

export const adminPostgresUrl =
  process.env.BENCH_POSTGRES_URL ??
  process.env.TEST_POSTGRES_URL ??
  'postgresql://postgres@127.0.0.1:5432/postgres';

export type BenchDatabase = { kind: DbKind; url: string; drop: () => Promise<void> };

export async function createDatabase(kind: DbKind, size: BenchSize): Promise<BenchDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), `newsgraph-bench-${size}-`));
    const remove = async () => rmSync(dir, { recursive: true, force: true });
    const forget = onCleanup(remove);
    return {
      kind,
      url: `file:${path.join(dir, 'bench.db')}`,
      drop: async () => {
        await remove();
        forget();
      },
    };
  }
  const name = `bench_${process.pid}_${size.toLowerCase()}`;
  // FORCE: a server we failed to stop must not keep the database alive.
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${name}"`);
  const remove = () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  const forget = onCleanup(remove);
  const url = new URL(adminPostgresUrl);
  url.pathname = `/${name}`;
  return {
    kind,
    url: url.toString(),
    drop: async () => {
      await remove();
      forget();
    },
  };
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({
    connectionString: adminPostgresUrl,
    connectionTimeoutMillis: 5000,
  });
  try {
    await client.connect();
    await client.query(sql);
  } catch (error) {
    throw new BenchFailure(`PostgreSQL at ${adminPostgresUrl}: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Migrates and fills the database with `tests/bench/generate.ts`; its output goes to stderr. */
export async function fillDatabase(url: string, size: BenchSize): Promise<void> {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'tests/bench/generate.ts', '--size', size, '--database-url', url],
    { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  trackChild(child);
  // Forwarded by hand: stdout may be a `--json` consumer, so the generator's chatter goes to stderr.
  child.stdout?.pipe(process.stderr, { end: false });
  const [code] = (await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (...result) => resolve(result));
  })) as [number | null, NodeJS.Signals | null];
  if (code !== 0) throw new BenchFailure(`generate.ts --size ${size} exited with ${code}`);
  progress(`  generated size ${size} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
