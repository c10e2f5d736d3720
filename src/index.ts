// `npm start`: migrate and (if empty) seed the database, then serve GraphQL over HTTP.
import { createServer } from 'node:http';
import { runCommand } from './cli/run-command.js';
import { databaseTarget, db } from './db/index.js';
import { env } from './env.js';
import { prepareDatabase } from './services/bootstrap.js';
import { yoga } from './yoga.js';

runCommand(async (say) => {
  const report = await prepareDatabase(db, databaseTarget);
  if (report.applied.length)
    say(`applied ${report.applied.length} migration(s) to ${databaseTarget.url}`);
  if (report.seeded.length) say(`seeded ${report.seeded.length} article(s) from seeds/`);
  const server = createServer(yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(env.PORT, env.HOST, resolve);
  });
  say(`Newsgraph is serving GraphQL at http://localhost:${env.PORT}/graphql`);
  const stop = () => {
    server.close(() => void db.$disconnect().finally(() => process.exit(0)));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
});
