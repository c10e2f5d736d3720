// Prisma CLI configuration. Only `prisma generate` (run by postinstall) and `prisma studio` use the CLI;
// migrations run through the WASM schema engine (src/db/migrator.ts, `npm run db:*`).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineConfig } from 'prisma/config';

const root = process.cwd();

// The CLI insists that a native schema engine exists even for `generate`, and its download fails
// offline. Point it at a stub that fails loudly if anything actually tries to run it.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(root, 'prisma/schema-engine-unavailable.sh');

// Studio needs an absolute file URL for SQLite; relative paths are relative to the project root.
function studioUrl(url: string | undefined): string {
  if (!url) return pathToFileURL(path.join(root, 'data/newsgraph.db')).href;
  if (!url.startsWith('file:')) return url;
  const file = url.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
  return pathToFileURL(path.resolve(root, file)).href;
}

export default defineConfig({
  schema: path.join(root, 'prisma/schema.prisma'),
  migrations: { path: path.join(root, 'prisma/migrations') },
  datasource: { url: studioUrl(process.env.DATABASE_URL) },
});
