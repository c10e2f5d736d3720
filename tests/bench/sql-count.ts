// SQL statements per request, counted from a server started with LOG_SQL=true (a separate, short-
// lived instance: logging every statement would slow down the measured servers).
import { setTimeout as sleep } from 'node:timers/promises';
import { BenchFailure } from './lifecycle.js';
import type { Sample } from './samples.js';
import { bodyFor, postGraphql, type ServerProcess } from './servers.js';

/**
 * Sends every sample once, sequentially, and divides the statements logged by the number of
 * requests. A warm-up pass comes first: it takes one-time work (and, for the cached server, the
 * cache misses) out of the count, so the figure is the steady state the load test sees.
 */
export async function sqlPerRequest(server: ServerProcess, samples: Sample[]): Promise<number> {
  await sendAll(server, samples);
  const before = await settledCount(server);
  await sendAll(server, samples);
  const after = await settledCount(server);
  return (after - before) / samples.length;
}

async function sendAll(server: ServerProcess, samples: Sample[]): Promise<void> {
  for (const sample of samples) {
    const response = await postGraphql(server.url, bodyFor(server, sample.body));
    if (response.status !== 200 || response.json?.errors) {
      throw new BenchFailure(
        `${server.name} (LOG_SQL) answered ${sample.scenario} ${JSON.stringify(sample.variables)} with ${response.status}: ${response.text.slice(0, 300)}`,
      );
    }
  }
}

/**
 * The statement count once stderr has gone quiet: the log lines are written before the response
 * is sent, but they reach us through a pipe and may arrive after it.
 */
async function settledCount(server: ServerProcess): Promise<number> {
  let count = server.sqlStatements();
  for (let quietMs = 0; quietMs < 150; quietMs += 50) {
    await sleep(50);
    const now = server.sqlStatements();
    if (now !== count) {
      count = now;
      quietMs = -50; // something arrived: wait for another quiet stretch
    }
  }
  return count;
}
