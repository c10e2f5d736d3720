// Migrations through the WASM engine: drift detection, creation, status and failure reporting.
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MigrationError, Migrator, resetDatabase } from '../src/db/migrator.js';
import { providerPaths } from '../src/db/schemas.js';
import { parseDatabaseUrl } from '../src/db/url.js';
import { ATTRIBUTION_METHODS } from '../src/services/importer/attribution.js';
import {
  executeSql,
  freshDatabaseUrl,
  queryAll,
  tableCount,
  testProvider,
} from './support/test-database.js';
import { tempDir } from './support/tmp.js';

const dir = tempDir('newsgraph-migrations-');
const freshTarget = async () => parseDatabaseUrl(await freshDatabaseUrl());
const paths = providerPaths[testProvider];

async function withMigrator<T>(
  options: Parameters<typeof Migrator.open>[1],
  action: (m: Migrator) => Promise<T>,
) {
  const migrator = await Migrator.open(await freshTarget(), options);
  try {
    return await action(migrator);
  } finally {
    await migrator.close();
  }
}

/** A copy of the committed schema and migrations that a test may edit. */
function workspace(name: string) {
  const root = path.join(dir, name);
  cpSync(paths.migrations, path.join(root, 'migrations'), { recursive: true });
  cpSync(paths.schema, path.join(root, 'schema.prisma'));
  return {
    schemaPath: path.join(root, 'schema.prisma'),
    migrationsDir: path.join(root, 'migrations'),
  };
}

describe('drift', () => {
  it('finds none between the committed migrations and prisma/schema.prisma', async () => {
    const drift = await withMigrator({}, (m) => m.drift());
    expect(
      drift,
      'prisma/schema.prisma changed without a migration: run npm run db:migration -- <name>',
    ).toBe('');
  });

  it('reports a schema edited without a migration', async () => {
    const ws = workspace('edited');
    const schema = readFileSync(ws.schemaPath, 'utf8').replace(
      '  description String?\n',
      '  description String?\n  nickname    String?\n',
    );
    writeFileSync(ws.schemaPath, schema);
    const drift = await withMigrator(ws, (m) => m.drift());
    expect(drift).toMatch(/nickname/);
  });
});

describe('creating and applying', () => {
  it('writes a migration in Prisma’s layout that applies cleanly, and then reports no drift', async () => {
    const ws = workspace('create');
    writeFileSync(
      ws.schemaPath,
      `${readFileSync(ws.schemaPath, 'utf8')}\nmodel Tag {\n  id   Int    @id @default(autoincrement())\n  name String @unique\n}\n`,
    );
    const created = await withMigrator(ws, (m) =>
      m.createMigration('add tags', new Date('2030-01-02T03:04:05Z')),
    );
    expect(created).toBe('20300102030405_add_tags');
    const sql = readFileSync(
      path.join(ws.migrationsDir, created as string, 'migration.sql'),
      'utf8',
    );
    expect(sql).toMatch(/CREATE TABLE "Tag"/);
    expect(await withMigrator(ws, (m) => m.createMigration('again'))).toBeNull();

    await withMigrator(ws, async (m) => {
      const before = await m.status();
      expect(before.pending).toEqual(
        readdirSync(ws.migrationsDir)
          .filter((d) => !d.endsWith('.toml'))
          .sort(),
      );
      expect(before.applied).toEqual([]);
      const applied = await m.deploy();
      expect(applied).toContain('20300102030405_add_tags');
      const after = await m.status();
      expect(after).toMatchObject({ pending: [], failed: [], edited: [] });
      expect(await m.deploy()).toEqual([]);
    });
  });

  it('refuses a migration without a name', async () => {
    await expect(withMigrator({}, (m) => m.createMigration('  '))).rejects.toThrow(MigrationError);
  });

  it('reports a broken migration clearly and records it as failed', async () => {
    const ws = workspace('broken');
    const bad = path.join(ws.migrationsDir, '29990101000000_broken');
    cpSync(path.join(ws.migrationsDir, readdirSync(ws.migrationsDir)[0] as string), bad, {
      recursive: true,
    });
    writeFileSync(
      path.join(bad, 'migration.sql'),
      'ALTER TABLE "NoSuchTable" ADD COLUMN "x" TEXT;\n',
    );
    const target = await freshTarget();
    const migrator = await Migrator.open(target, ws);
    try {
      await expect(migrator.deploy()).rejects.toThrow(/could not apply migrations.*NoSuchTable/s);
      const status = await migrator.status();
      expect(status.failed).toEqual(['29990101000000_broken']);
    } finally {
      await migrator.close();
    }
    // A reset with the broken migration removed starts clean.
    const { rmSync } = await import('node:fs');
    rmSync(bad, { recursive: true });
    expect(await resetDatabase(target, ws)).toHaveLength(readdirSync(ws.migrationsDir).length - 1);
    expect(await tableCount(target.url)).toBeGreaterThan(0);
  });
});

describe('the quote_attribution migration', () => {
  it('gives quotes stored before it the defaults, keeps them whole, and adds the review index', async () => {
    const ws = workspace('attribution');
    const all = readdirSync(ws.migrationsDir)
      .filter((name) => /^\d{14}_/.test(name))
      .sort();
    const at = all.findIndex((name) => name.endsWith('_quote_attribution'));
    expect(at).toBeGreaterThan(0);
    const later = all.slice(at);
    // A database as it was before the migration, with quotes in it.
    const aside = path.join(dir, 'attribution-aside');
    mkdirSync(aside);
    for (const name of later) renameSync(path.join(ws.migrationsDir, name), path.join(aside, name));
    const target = await freshTarget();
    const open = async () => Migrator.open(target, ws);
    let migrator = await open();
    try {
      expect(await migrator.deploy()).toEqual(all.slice(0, at));
    } finally {
      await migrator.close();
    }
    await executeSql(
      target.url,
      `INSERT INTO "Person" ("slug", "name", "updatedAt") VALUES ('ann', 'Ann', CURRENT_TIMESTAMP);
       INSERT INTO "Article" ("slug", "headline", "paragraphs", "updatedAt")
         VALUES ('old', 'Old', '["p"]', CURRENT_TIMESTAMP);
       INSERT INTO "Quote" ("text", "articleId", "speakerId", "paragraph", "position", "attribution")
         VALUES ('said before', 1, 1, 0, 0, 'in an interview'), ('nobody', 1, NULL, 0, 1, NULL);`,
    );

    for (const name of later) renameSync(path.join(aside, name), path.join(ws.migrationsDir, name));
    migrator = await open();
    try {
      expect(await migrator.deploy()).toEqual(later);
      expect(await migrator.status()).toMatchObject({ pending: [], failed: [], edited: [] });
    } finally {
      await migrator.close();
    }
    // Ids keep counting after the rebuilt table (SQLite copies it to add the columns).
    await executeSql(
      target.url,
      `INSERT INTO "Quote" ("text", "articleId", "paragraph", "position", "method", "confidence")
         VALUES ('after', 1, 0, 2, 'COLON', 0.25)`,
    );
    const quotes = await queryAll(
      target.url,
      `SELECT "id", "text", "speakerId", "attribution", "method", "confidence", "sourceAsWritten", "evidence"
       FROM "Quote" ORDER BY "id"`,
    );
    const defaults = { method: 'NONE', confidence: 0, sourceAsWritten: null, evidence: null };
    expect(quotes).toEqual([
      { id: 1, text: 'said before', speakerId: 1, attribution: 'in an interview', ...defaults },
      { id: 2, text: 'nobody', speakerId: null, attribution: null, ...defaults },
      {
        id: 3,
        text: 'after',
        speakerId: null,
        attribution: null,
        ...defaults,
        method: 'COLON',
        confidence: 0.25,
      },
    ]);

    const indexes = await queryAll<{ name: string }>(
      target.url,
      testProvider === 'postgres'
        ? `SELECT indexname AS name FROM pg_indexes WHERE tablename = 'Quote'`
        : `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Quote'`,
    );
    expect(indexes.map((index) => index.name)).toEqual(
      expect.arrayContaining([
        'Quote_confidence_id_idx',
        'Quote_speakerId_id_idx',
        'Quote_articleId_position_key',
      ]),
    );
    if (testProvider === 'postgres') {
      const [labels] = await queryAll<{ labels: string }>(
        target.url,
        `SELECT enum_range(NULL::"AttributionMethod")::text AS labels`,
      );
      expect(labels?.labels).toBe(`{${ATTRIBUTION_METHODS.join(',')}}`);
    }
  });
});
