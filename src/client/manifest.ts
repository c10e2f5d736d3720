// The persisted-operation manifest: every client document, keyed by the hash the client sends.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { print } from 'graphql';
import { documents } from './documents.js';
import { operationHash } from './hash.js';

export const manifestFile = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'persisted-operations.json',
);

export async function buildManifest(): Promise<Record<string, string>> {
  const entries = await Promise.all(
    Object.values(documents).map(async (document) => {
      const query = print(document);
      return [await operationHash(query), query] as const;
    }),
  );
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}
