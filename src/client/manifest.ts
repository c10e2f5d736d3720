// The trusted-document manifest: every client document, keyed by the sha256 of each text a client
// sends for it. Build-time only (`npm run persisted`, and the test that checks the committed file):
// it runs Apollo Client's and urql's own document transforms, which are dev dependencies; the server
// reads only the JSON written here.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { addTypenameToDocument, print as printForApollo } from '@apollo/client/utilities';
import { createRequest, formatDocument, stringifyDocument } from '@urql/core';
import { type DocumentNode, print } from 'graphql';
import { documents } from './documents.js';
import { operationHash } from './hash.js';

export const manifestFile = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'persisted-operations.json',
);

/**
 * The texts clients hash for one document: printed as written (this package's `request`), and
 * as Apollo Client and urql send it, with `__typename` added to every selection set by Apollo's
 * InMemoryCache and urql's cacheExchange, each through its own printer (urql's puts a line break
 * before a string literal). Each comes from the library's own
 * code, so a change in how a library rewrites documents shows up as a stale manifest.
 */
export function clientTexts(document: DocumentNode): string[] {
  return [
    ...new Set([
      print(document),
      printForApollo(addTypenameToDocument(document)),
      // urql prints a document once, through its own printer, when it first keys it, and sends that
      // text from then on; the copy keeps the `loc` and key urql sets off the shared document.
      ...urqlTexts(structuredClone(document)),
    ]),
  ];
}

/** What urql's persistedExchange hashes: without a cache exchange, and with one (adds `__typename`). */
function urqlTexts(document: DocumentNode): string[] {
  const { query } = createRequest(document, {});
  return [stringifyDocument(query), stringifyDocument(formatDocument(query))];
}

export async function buildManifest(): Promise<Record<string, string>> {
  const entries = await Promise.all(
    Object.values(documents)
      .flatMap((document) => clientTexts(document))
      .map(async (text) => [await operationHash(text), text] as const),
  );
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}
