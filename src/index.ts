// `npm start`: serve GraphQL over HTTP from WEB_CONCURRENCY worker processes (default 1) under a
// small supervisor (node:cluster) that replaces any worker that dies. The first worker migrates and
// (if empty) seeds the database before it listens. SIGTERM drains every worker and exits 0.
//
// The supervisor loads no yoga, Prisma or schema (they are imported inside the worker), so it stays
// a few tens of megabytes and survives whatever exhausts a worker.
import cluster, { type Worker } from 'node:cluster';
import type { RequestListener } from 'node:http';
import { runCommand, type Say } from './cli/run-command.js';
import { env } from './env.js';
import { answerProtocolErrors } from './http/client-errors.js';
import { createDrainableServer } from './http/graceful.js';

/** Hard limit for a drain: orchestrators send SIGKILL soon after SIGTERM. */
const DRAIN_LIMIT_MS = 9_000;
/** Set in the environment of the worker that prepares the database. */
const PREPARE = 'NEWSGRAPH_PREPARE_DATABASE';
/** What that worker tells the supervisor once the database is ready, so the others can start. */
const PREPARED = 'newsgraph:database-ready';
/** What a draining worker tells the supervisor once it has stopped listening. */
const STOPPED_LISTENING = 'newsgraph:stopped-listening';
/** The supervisor's answer once the shared listening socket is closed and nobody can connect. */
const LISTENER_CLOSED = 'newsgraph:listener-closed';
/** How long a draining worker waits for that answer (a supervisor that is gone never gives it). */
const LISTENER_CLOSED_WAIT_MS = 2_000;
/** Wait before replacing a worker that died while starting (the database may be away). */
const RESTART_DELAY_MS = 1_000;

runCommand((say) => (cluster.isPrimary ? superviseWorkers(say) : serve(say)));

/** A worker: prepare the database if asked to, then serve until SIGTERM. */
async function serve(say: Say): Promise<number> {
  const { databaseTarget, db } = await import('./db/index.js');
  if (process.env[PREPARE]) {
    const { prepareDatabase } = await import('./services/bootstrap.js');
    const report = await prepareDatabase(db, databaseTarget);
    if (report.created && databaseTarget.provider === 'postgres')
      say(`created database "${databaseTarget.database}"`);
    if (report.applied.length)
      say(`applied ${report.applied.length} migration(s) to ${databaseTarget.url}`);
    if (report.seeded.length) say(`seeded ${report.seeded.length} article(s) from seeds/`);
    process.send?.(PREPARED);
  }
  const { listener } = await import('./yoga.js');
  await listen(listener, () => db.$disconnect());
  return 0;
}

async function listen(listener: RequestListener, closePool: () => Promise<void>): Promise<void> {
  const { server, drain } = createDrainableServer(listener);
  answerProtocolErrors(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(env.PORT, env.HOST, resolve);
  });
  let draining = false;
  const stop = () => {
    if (draining) return;
    draining = true;
    // Stop accepting, answer what has arrived, tell keep-alive clients to close, then close the pool.
    const force = setTimeout(() => server.closeAllConnections(), DRAIN_LIMIT_MS);
    void drain(supervisorClosedListener).then(() => {
      clearTimeout(force);
      void closePool().finally(() => process.exit(0));
    });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

/**
 * Resolves once the supervisor says its listening socket is closed: only then may clients be told
 * to reconnect, or a reconnect could land in that socket's accept queue and be reset with it.
 */
function supervisorClosedListener(): Promise<void> {
  const send = process.send?.bind(process);
  if (!send) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const answered = (message: unknown) => {
      if (message !== LISTENER_CLOSED) return;
      process.off('message', answered);
      resolve();
    };
    process.on('message', answered);
    setTimeout(resolve, LISTENER_CLOSED_WAIT_MS).unref();
    // Sent after the worker's own "stop listening", on the same channel, so it arrives after it.
    send(STOPPED_LISTENING);
  });
}

/**
 * The supervisor: forks the worker that prepares the database, then the others once it is ready;
 * says "serving" once all listen; replaces a worker that dies; forwards SIGTERM and exits when all
 * have drained. A worker that fails before the server first serves (a bad DATABASE_URL, a port in
 * use) stops everything with its exit code: its error line is the reason.
 */
function superviseWorkers(say: Say): Promise<number> {
  const listened = new Set<number>();
  let serving = false;
  let stopping = false;
  let worstExit = 0;
  const stoppedListening = new Set<Worker>();
  const alive = () => Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead());
  // The shared socket closes when the last worker stops listening on it; while stopping, the
  // workers hear so only then. A worker drained alone (the others serve on) hears at once.
  const answerStoppedWorkers = () => {
    if (stopping && alive().some((worker) => worker && !stoppedListening.has(worker))) return;
    for (const worker of stoppedListening) if (worker.isConnected()) worker.send(LISTENER_CLOSED);
    stoppedListening.clear();
  };
  const fork = (prepare = false) => {
    const worker = cluster.fork(prepare ? { [PREPARE]: '1' } : {});
    worker.on('message', (message) => {
      if (message === PREPARED) for (let i = 1; i < env.WEB_CONCURRENCY; i++) fork();
      if (message === STOPPED_LISTENING) {
        stoppedListening.add(worker);
        answerStoppedWorkers();
      }
    });
  };
  return new Promise<number>((resolve) => {
    const stop = (code: number) => {
      stopping = true;
      worstExit = Math.max(worstExit, code);
      const workers = alive();
      if (workers.length === 0) return resolve(worstExit);
      for (const worker of workers) worker?.process.kill('SIGTERM');
      setTimeout(() => process.exit(1), DRAIN_LIMIT_MS + 500).unref();
    };
    cluster.on('listening', (worker) => {
      listened.add(worker.id);
      if (!serving && listened.size === env.WEB_CONCURRENCY) {
        serving = true;
        const processes = env.WEB_CONCURRENCY > 1 ? ` with ${env.WEB_CONCURRENCY} processes` : '';
        say(`Newsgraph is serving GraphQL at http://localhost:${env.PORT}/graphql${processes}`);
      }
    });
    cluster.on('exit', (worker, code, signal) => {
      const exitCode = code ?? 1;
      if (stopping) {
        worstExit = Math.max(worstExit, signal ? 1 : exitCode);
        answerStoppedWorkers();
        if (alive().length === 0) resolve(worstExit);
        return;
      }
      if (!serving) return stop(exitCode || 1);
      const started = listened.has(worker.id);
      process.stderr.write(
        `worker ${worker.process.pid} ${signal ? `was killed by ${signal}` : `exited with ${code}`}; starting another\n`,
      );
      setTimeout(fork, started ? 0 : RESTART_DELAY_MS);
    });
    process.once('SIGTERM', () => stop(0));
    process.once('SIGINT', () => stop(0));
    fork(true);
  });
}
