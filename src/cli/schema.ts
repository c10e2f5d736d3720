// `npm run schema`: writes the SDL of the built schema to src/schema.graphql, sorted, for clients,
// then gql.tada's introspection types from it (src/client/graphql-env.d.ts).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../env.js';
import { printedSchema, schemaFile } from '../schema/print.js';
import { parseCommandLine, runCommand, usageError } from './run-command.js';

const usage = `usage: npm run schema

Writes src/schema.graphql from the Pothos schema, sorted, then src/client/graphql-env.d.ts from it
(gql.tada generate-output), which types the client's documents. Tests fail when either is stale.

  -h, --help  print this help`;

runCommand(
  async (say) => {
    if (parseCommandLine(usage, {}).positionals.length)
      throw usageError(usage, 'takes no arguments');
    writeFileSync(schemaFile, printedSchema());
    say(`wrote ${schemaFile}`);
    // Run here rather than chained in package.json, where npm would hand `--help` to gql.tada.
    const tada = spawnSync(
      process.execPath,
      [path.join(projectRoot, 'node_modules', 'gql.tada', 'bin', 'cli.js'), 'generate-output'],
      { cwd: projectRoot, stdio: 'inherit' },
    );
    if (tada.status !== 0) throw new Error('gql.tada generate-output failed (see above)');
    return 0;
  },
  { usage },
);
