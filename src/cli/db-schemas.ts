// `npm run db:schemas`: derives prisma/postgres/schema.prisma from prisma/schema.prisma.
import { readFileSync, writeFileSync } from 'node:fs';
import { postgresSchemaFrom, providerPaths } from '../db/schemas.js';
import { parseCommandLine, runCommand, usageError } from './run-command.js';

const usage = `usage: npm run db:schemas

Writes prisma/postgres/schema.prisma from prisma/schema.prisma (the only file where models are
edited): the same models for PostgreSQL. A test fails when the derived file is stale.

  -h, --help  print this help`;

runCommand(
  async (say) => {
    if (parseCommandLine(usage, {}).positionals.length)
      throw usageError(usage, 'takes no arguments');
    writeFileSync(
      providerPaths.postgres.schema,
      postgresSchemaFrom(readFileSync(providerPaths.sqlite.schema, 'utf8')),
    );
    say(`wrote ${providerPaths.postgres.schema}`);
    return 0;
  },
  { usage },
);
