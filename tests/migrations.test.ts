// Migrations through the WASM engine: drift detection, creation, status and failure reporting.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MigrationError, Migrator, resetDatabase } from '../src/db/migrator.js';
import { providerPaths } from '../src/db/schemas.js';
import { parseDatabaseUrl } from '../src/db/url.js';
import { freshDatabaseUrl, tableCount, testProvider } from './support/test-database.js';
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
