// `npm run persisted`: writes the trusted-operation manifest (sha256 → document) from the client's
// documents, each in every form a client sends it (see src/client/manifest.ts).
import { writeFileSync } from 'node:fs';
import { documents } from '../client/documents.js';
import { buildManifest, manifestFile } from '../client/manifest.js';
import { parseCommandLine, runCommand, usageError } from './run-command.js';

const usage = `usage: npm run persisted

Rewrites src/client/persisted-operations.json: the sha256 of every shipped document, in every form
Apollo Client and urql send it, mapped to the document. Run it after changing src/client/documents.ts.

  -h, --help  print this help`;

runCommand(
  async (say) => {
    if (parseCommandLine(usage, {}).positionals.length)
      throw usageError(usage, 'takes no arguments');
    const manifest = await buildManifest();
    writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
    say(
      `wrote ${Object.keys(manifest).length} hashes of ${Object.keys(documents).length} documents to ${manifestFile}`,
    );
    return 0;
  },
  { usage },
);
