// The servers under test as child processes on free ports of 127.0.0.1. Each is started with
// `node --import tsx <entry>` rather than the tsx CLI, so the pid we sample for RSS is the server
// itself and not a wrapper process.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../support/server.js';
import { uniqueBody } from './cache-miss.js';
import { BenchFailure, onCleanup, stopChild } from './lifecycle.js';
import { servingPid } from './rss.js';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * - newsgraph: response cache off, so every request does the work;
 * - newsgraph-prod-miss: as deployed (cache on), every request a cache miss (see cache-miss.ts);
 * - newsgraph-cached: as deployed, the samples repeating, so nearly every request is a hit.
 */
export type ServerName = 'baseline' | 'newsgraph' | 'newsgraph-prod-miss' | 'newsgraph-cached';

export const serverNames: ServerName[] = [
  'baseline',
  'newsgraph',
  'newsgraph-prod-miss',
  'newsgraph-cached',
];

/** Servers whose cache is on: they run with the server's own default TTL. */
const cacheOn: ServerName[] = ['newsgraph-prod-miss', 'newsgraph-cached'];

/** Extra node flags for the Newsgraph servers (e.g. BENCH_NODE_FLAGS="--max-semi-space-size=64"). */
export const newsgraphNodeFlags = (process.env.BENCH_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);

export type ServerProcess = {
  name: ServerName;
  /** The process serving requests: under `npm start`'s supervisor, its (first) worker. */
  pid: number;
  /** The process started: the supervisor, or the server itself when it has no workers. */
  rootPid: number;
  url: string;
  /** `[sql]` lines the server has written to stderr so far (only with `logSql`). */
  sqlStatements: () => number;
  /**
   * The body to send for a sample's body: itself, or for newsgraph-prod-miss a variant no request
   * has sent before. Every request to a server goes through it (load, parity, SQL counts).
   */
  varyBody?: (body: string) => string;
  stop: () => Promise<void>;
};

/** What to send a server for a sample body. */
export const bodyFor = (server: ServerProcess, body: string) =>
  server.varyBody ? server.varyBody(body) : body;

/**
 * The node arguments of `npm start` (its script is `node <flags> --import tsx src/index.ts`), so the
 * bench measures the server as users run it, heap settings included.
 */
export function startScriptArgs(): string[] {
  const { scripts } = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [program, ...args] = (scripts.start ?? '').trim().split(/\s+/);
  if (program !== 'node' || args.at(-1) !== 'src/index.ts') {
    throw new BenchFailure(
      `package.json "start" must be "node … src/index.ts", not "${scripts.start}"`,
    );
  }
  return args;
}

/** The node arguments and environment for one kind of server. */
function command(name: ServerName): { args: string[]; env: Record<string, string>; ready: string } {
  if (name === 'baseline') {
    return {
      args: ['--import', 'tsx', 'tests/bench/baseline-server.ts'],
      env: {},
      ready: 'baseline listening on',
    };
  }
  return {
    args: [...newsgraphNodeFlags, ...startScriptArgs()],
    // One worker, so the pid we sample is the one serving; the cache is on unless TTL is 0.
    env: { NODE_ENV: 'production', WEB_CONCURRENCY: '1', RESPONSE_CACHE_TTL: '0' },
    ready: 'serving GraphQL',
  };
}

export async function startServer(
  name: ServerName,
  databaseUrl: string,
  options: { logSql?: boolean } = {},
): Promise<ServerProcess> {
  const { args, env, ready } = command(name);
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...env,
    DATABASE_URL: databaseUrl,
    HOST: '127.0.0.1',
    PORT: String(port),
    // Explicitly off for measured servers, in case the caller's shell has it on.
    LOG_SQL: options.logSql ? 'true' : 'false',
  };
  // "Cache on" means the server's own default, not whatever the caller's shell exports.
  if (cacheOn.includes(name)) delete childEnv.RESPONSE_CACHE_TTL;
  const child = spawn(process.execPath, args, { cwd: projectRoot, env: childEnv });
  const forget = onCleanup(() => stopChild(child));

  let statements = 0;
  let partialLine = '';
  let tail = ''; // the last few KB of output, for error messages
  const remember = (text: string) => {
    tail = (tail + text).slice(-4000);
  };
  child.stdout.setEncoding('utf8').on('data', remember);
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    // Count whole lines only: a chunk may end in the middle of a statement.
    const lines = (partialLine + chunk).split('\n');
    partialLine = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('[sql] ')) statements++;
      else remember(`${line}\n`);
    }
  });

  try {
    await waitForOutput(child, ready, () => tail);
  } catch (error) {
    await stopChild(child);
    forget();
    throw error;
  }
  return {
    name,
    pid: servingPid(child.pid as number),
    rootPid: child.pid as number,
    url: `http://127.0.0.1:${port}`,
    sqlStatements: () => statements,
    varyBody: name === 'newsgraph-prod-miss' ? uniqueBody : undefined,
    stop: async () => {
      await stopChild(child);
      forget();
    },
  };
}

/** Resolves once stdout contains `ready`; rejects if the process exits first or takes too long. */
function waitForOutput(
  child: ChildProcessWithoutNullStreams,
  ready: string,
  output: () => string,
  // Generous: the bench starts eight servers at once, and compiling them on a busy two-core
  // machine has taken over a minute.
  timeoutMs = 180_000,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    const done = (error?: Error) => {
      clearTimeout(timer);
      child.stdout.off('data', check);
      child.off('exit', exited);
      if (error) reject(error);
      else resolve();
    };
    const check = (chunk: string) => {
      stdout += chunk;
      if (stdout.includes(ready)) done();
    };
    const exited = (code: number | null) =>
      done(new BenchFailure(`${child.spawnargs.at(-1)} exited with ${code}:\n${output()}`));
    const timer = setTimeout(
      () => done(new BenchFailure(`${child.spawnargs.at(-1)} did not start:\n${output()}`)),
      timeoutMs,
    );
    child.stdout.on('data', check);
    child.once('exit', exited);
  });
}

/** POSTs one GraphQL request body; the parity gate and the SQL counter use it. */
export async function postGraphql(
  url: string,
  body: string,
): Promise<{ status: number; json: any; text: string }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}
