// `npm run db:schemas`: derives prisma/postgres/schema.prisma from prisma/schema.prisma.
import { readFileSync, writeFileSync } from 'node:fs';
import { postgresSchemaFrom, providerPaths } from '../db/schemas.js';
import { runCommand } from './run-command.js';

runCommand(async (say) => {
  writeFileSync(
    providerPaths.postgres.schema,
    postgresSchemaFrom(readFileSync(providerPaths.sqlite.schema, 'utf8')),
  );
  say(`wrote ${providerPaths.postgres.schema}`);
  return 0;
});
