// One source of truth for the models: prisma/schema.prisma (SQLite). The PostgreSQL schema is derived
// from it by `npm run db:schemas`, and a test fails if the committed copy has drifted.
import path from 'node:path';
import { projectRoot } from '../env.js';

export type Provider = 'sqlite' | 'postgres';

export const providerPaths: Record<Provider, { schema: string; migrations: string }> = {
  sqlite: {
    schema: path.join(projectRoot, 'prisma', 'schema.prisma'),
    migrations: path.join(projectRoot, 'prisma', 'migrations'),
  },
  postgres: {
    schema: path.join(projectRoot, 'prisma', 'postgres', 'schema.prisma'),
    migrations: path.join(projectRoot, 'prisma', 'postgres', 'migrations'),
  },
};

/** The PostgreSQL schema for the same models: another provider, client output and no Pothos types. */
export function postgresSchemaFrom(sqliteSchema: string): string {
  const withoutPothos = sqliteSchema.replace(/\ngenerator pothos \{[^}]*\}\n/, '\n');
  const body = withoutPothos.replace(/provider = "sqlite"/, 'provider = "postgresql"').replace(
    /output\s+=\s+"\.\.\/src\/generated\/prisma"/,
    // One statement per query with relation joins, where SQLite needs one per relation.
    'output          = "../../src/generated/prisma-postgres"\n  previewFeatures = ["relationJoins"]',
  );
  return `// GENERATED from prisma/schema.prisma by \`npm run db:schemas\`. Do not edit: change that file instead.\n${body}`;
}
