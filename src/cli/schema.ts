// `npm run schema`: writes the SDL of the built schema to src/schema.graphql, sorted, for clients.
import { writeFileSync } from 'node:fs';
import { printedSchema, schemaFile } from '../schema/print.js';
import { runCommand } from './run-command.js';

runCommand(async (say) => {
  writeFileSync(schemaFile, printedSchema());
  say(`wrote ${schemaFile}`);
  return 0;
});
