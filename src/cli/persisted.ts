// `npm run persisted`: writes the trusted-operation manifest (sha256 → document) from the client's documents.
import { writeFileSync } from 'node:fs';
import { buildManifest, manifestFile } from '../client/manifest.js';
import { runCommand } from './run-command.js';

runCommand(async (say) => {
  const manifest = await buildManifest();
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  say(`wrote ${Object.keys(manifest).length} operations to ${manifestFile}`);
  return 0;
});
