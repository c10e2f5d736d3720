// `npm start`: migrate and (if empty) seed the database, then serve GraphQL over HTTP, in one process
// or, with WEB_CONCURRENCY=N, in N worker processes behind node:cluster. SIGTERM drains and exits 0.
import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { runCommand, type Say } from './cli/run-command.js';
import { databaseTarget, db } from './db/index.js';
import { env } from './env.js';
import { prepareDatabase } from './services/bootstrap.js';
import { listener } from './yoga.js';

/** Hard limit for a drain: orchestrators send SIGKILL soon after SIGTERM. */
const DRAIN_LIMIT_MS = 9_000;

runCommand(async (say) => {
  if (cluster.isPrimary) {
    const report = await prepareDatabase(db, databaseTarget);
    if (report.created && databaseTarget.provider === 'postgres')
      say(`created database "${databaseTarget.database}"`);
    if (report.applied.length)
      say(`applied ${report.applied.length} migration(s) to ${databaseTarget.url}`);
    if (report.seeded.length) say(`seeded ${report.seeded.length} article(s) from seeds/`);
    if (env.WEB_CONCURRENCY > 1) return superviseWorkers(say);
  }
  await listen();
  if (cluster.isPrimary)
    say(`Newsgraph is serving GraphQL at http://localhost:${env.PORT}/graphql`);
  return 0;
});

async function listen(): Promise<void> {
  const server = createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(env.PORT, env.HOST, resolve);
  });
  let draining = false;
  const drain = () => {
    if (draining) return;
    draining = true;
    // Stop accepting, let in-flight requests finish, drop idle keep-alive sockets, then close the pool.
    const force = setTimeout(() => server.closeAllConnections(), DRAIN_LIMIT_MS);
    server.close(() => {
      clearTimeout(force);
      void db.$disconnect().finally(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.once('SIGTERM', drain);
  process.once('SIGINT', drain);
}

/** The primary only supervises: it forks workers, replaces crashed ones, and forwards SIGTERM. */
async function superviseWorkers(say: Say): Promise<number> {
  await db.$disconnect();
  let stopping = false;
  let listening = 0;
  const fork = () => cluster.fork();
  cluster.on('listening', () => {
    listening += 1;
    if (listening === env.WEB_CONCURRENCY) {
      say(
        `Newsgraph is serving GraphQL at http://localhost:${env.PORT}/graphql with ${env.WEB_CONCURRENCY} processes`,
      );
    }
  });
  cluster.on('exit', (worker, code) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    process.stderr.write(`worker ${worker.process.pid} exited with ${code}; starting another\n`);
    fork();
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    setTimeout(() => process.exit(1), DRAIN_LIMIT_MS + 500).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  for (let i = 0; i < env.WEB_CONCURRENCY; i++) fork();
  return 0;
}
