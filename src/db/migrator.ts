// Prisma migrations without the native engine: create, apply, inspect and reset through the WASM engine,
// in Prisma's own layout (prisma/migrations/<timestamp>_<name>/migration.sql + migration_lock.toml).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaFilter } from '@prisma/schema-engine-wasm/schema_engine_bg';
import pg from 'pg';
import { projectRoot } from '../env.js';
import { migrationAdapterFactory } from './migration-adapters.js';
import { MigrationError } from './migration-error.js';
import { withMigrationLock } from './migration-lock.js';
import { type SchemaEngine, type StartedEngine, startSchemaEngine } from './schema-engine.js';
import { providerPaths } from './schemas.js';
import { placeholders, render, sql } from './sql.js';
import type { DatabaseTarget } from './url.js';

const NO_FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };

/** The SQLite schema and migrations (the default provider). */
export const defaultPaths = providerPaths.sqlite;

export type MigrationStatus = {
  applied: string[];
  pending: string[];
  failed: string[];
  edited: string[];
  /** Migrations recorded in the database but missing from prisma/migrations. */
  unknown: string[];
};

export { MigrationError };

export type MigratorOptions = { schemaPath?: string; migrationsDir?: string };

export class Migrator {
  private constructor(
    private readonly engine: SchemaEngine,
    private readonly explain: (error: unknown) => string,
    private readonly adapters: SqlDriverAdapter[],
    readonly target: DatabaseTarget,
    private readonly schema: { path: string; content: string },
    readonly migrationsDir: string,
  ) {}

  static async open(target: DatabaseTarget, options: MigratorOptions = {}): Promise<Migrator> {
    const paths = providerPaths[target.provider];
    const schemaPath = options.schemaPath ?? paths.schema;
    const schema = { path: schemaPath, content: readFileSync(schemaPath, 'utf8') };
    const adapters: SqlDriverAdapter[] = [];
    if (target.provider === 'sqlite' && target.file !== ':memory:') {
      mkdirSync(path.dirname(target.file), { recursive: true });
    }
    const factory = trackAdapters(migrationAdapterFactory(target), adapters);
    let started: StartedEngine;
    try {
      started = await startSchemaEngine(schema, factory);
    } catch (error) {
      await Promise.all(adapters.splice(0).map((adapter) => adapter.dispose().catch(() => {})));
      throw new MigrationError(
        `could not connect to the database: ${firstLines((error as Error)?.message ?? String(error))}`,
      );
    }
    const { engine, explain } = started;
    return new Migrator(
      engine,
      explain,
      adapters,
      target,
      schema,
      options.migrationsDir ?? paths.migrations,
    );
  }

  /** Reads prisma/migrations the way the Prisma CLI does, sorted by directory name. */
  migrationsList(): MigrationList {
    const dir = this.migrationsDir;
    const lockPath = path.join(dir, 'migration_lock.toml');
    const directories = existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => entry.name)
          .sort()
      : [];
    return {
      baseDir: dir,
      lockfile: {
        path: 'migration_lock.toml',
        content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null,
      },
      shadowDbInitScript: '',
      migrationDirectories: directories.map((name) => {
        const file = path.join(dir, name, 'migration.sql');
        return {
          path: name,
          migrationFile: {
            path: 'migration.sql',
            content: existsSync(file)
              ? { tag: 'ok' as const, value: readFileSync(file, 'utf8') }
              : { tag: 'error' as const, value: `missing ${path.relative(projectRoot, file)}` },
          },
        };
      }),
    };
  }

  /** Applies pending migrations (what `prisma migrate deploy` does); returns the names applied. */
  async deploy(): Promise<string[]> {
    const result = await this.run('apply migrations', () =>
      this.engine.applyMigrations({ migrationsList: this.migrationsList(), filters: NO_FILTERS }),
    );
    if (result.appliedMigrationNames.length) await this.announceSchemaChange();
    return result.appliedMigrationNames;
  }

  /**
   * A migration may change any response, so it tells every server's response cache to empty itself
   * (see src/cache/outbox.ts). Databases without the outbox table have no caches to tell.
   */
  private async announceSchemaChange(): Promise<void> {
    const record = sql`INSERT INTO "CacheInvalidation" ("entities") VALUES ('["*"]')`;
    const notify = sql`SELECT pg_notify('newsgraph_cache', '*')`;
    const script =
      this.target.provider === 'postgres' ? sql`${record}; ${notify};` : sql`${record};`;
    await this.adapters[0]
      ?.executeScript(render(script, placeholders[this.target.provider]).text)
      .catch(() => {});
  }

  async status(): Promise<MigrationStatus> {
    const list = this.migrationsList();
    const all = list.migrationDirectories.map((d) => d.path);
    try {
      const diagnosis = await this.engine.diagnoseMigrationHistory({
        migrationsList: list,
        optInToShadowDatabase: false,
        filters: NO_FILTERS,
      });
      const history = diagnosis.history;
      const pending =
        history?.diagnostic === 'databaseIsBehind' || history?.diagnostic === 'historiesDiverge'
          ? history.unappliedMigrationNames
          : [];
      const unknown =
        history?.diagnostic === 'migrationsDirectoryIsBehind' ||
        history?.diagnostic === 'historiesDiverge'
          ? history.unpersistedMigrationNames
          : [];
      return {
        applied: all.filter(
          (name) => !pending.includes(name) && !diagnosis.failedMigrationNames.includes(name),
        ),
        pending,
        failed: diagnosis.failedMigrationNames,
        edited: diagnosis.editedMigrationNames,
        unknown,
      };
    } catch (error) {
      // P1014: _prisma_migrations does not exist yet, so nothing has been applied.
      if (
        errorCode(error) === 'P1014' ||
        /_prisma_migrations/.test(String((error as Error)?.message))
      ) {
        return { applied: [], pending: all, failed: [], edited: [], unknown: [] };
      }
      throw this.wrap('read migration status', error);
    }
  }

  /** The SQL that would bring the committed migrations up to schema.prisma; empty when they match. */
  async drift(): Promise<string> {
    const list = this.migrationsList();
    // Before the first migration there is no lockfile, and the engine cannot read an empty history.
    const from = list.migrationDirectories.length
      ? { tag: 'migrations' as const, ...list }
      : { tag: 'empty' as const };
    const result = await this.run('compare migrations with the schema', () =>
      this.engine.diff({
        from,
        to: { tag: 'schemaDatamodel', files: [this.schema] },
        script: true,
        exitCode: true,
        filters: NO_FILTERS,
      }),
    );
    return result.exitCode === 2 ? (result.stdout ?? '').trim() : '';
  }

  /** Writes a new migration from the schema diff; returns its directory name, or null if none is needed. */
  async createMigration(name: string, now: Date = new Date()): Promise<string | null> {
    const slug = name
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '');
    if (!slug) throw new MigrationError('a migration needs a name: npm run db:migration -- <name>');
    const sql = await this.drift();
    if (!sql) return null;
    const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
    const dirName = `${stamp}_${slug}`;
    const dir = path.join(this.migrationsDir, dirName);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'migration.sql'), `${sql}\n`);
    const lockPath = path.join(this.migrationsDir, 'migration_lock.toml');
    if (!existsSync(lockPath)) {
      writeFileSync(
        lockPath,
        `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${this.target.provider === 'postgres' ? 'postgresql' : 'sqlite'}"\n`,
      );
    }
    return dirName;
  }

  async close(): Promise<void> {
    this.engine.free();
    await Promise.all(this.adapters.splice(0).map((adapter) => adapter.dispose().catch(() => {})));
  }

  private async run<T>(what: string, action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      throw this.wrap(what, error);
    }
  }

  private wrap(what: string, error: unknown): MigrationError {
    const code = errorCode(error);
    const message = this.explain(error);
    return new MigrationError(
      `could not ${what}${code ? ` (${code})` : ''}: ${firstLines(message)}`,
    );
  }
}

/** Applies pending migrations and closes the engine: what every command does before touching data. */
export async function migrateToLatest(target: DatabaseTarget): Promise<string[]> {
  return withMigrationLock(target, async () => {
    const migrator = await Migrator.open(target);
    try {
      return await migrator.deploy();
    } finally {
      await migrator.close();
    }
  });
}

/**
 * Deletes the database and re-applies every migration. For SQLite that means removing the file (as
 * `prisma migrate reset` does): dropping tables leaves sqlite_sequence, which the engine counts as
 * a non-empty schema.
 */
export async function resetDatabase(
  target: DatabaseTarget,
  options: MigratorOptions = {},
): Promise<string[]> {
  if (target.provider === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: 1 });
    try {
      await pool.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
    } finally {
      await pool.end();
    }
  } else if (target.file !== ':memory:') {
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      rmSync(`${target.file}${suffix}`, { force: true });
  }
  const migrator = await Migrator.open(target, options);
  try {
    return await migrator.deploy();
  } finally {
    await migrator.close();
  }
}

function errorCode(error: unknown): string | undefined {
  const value = error as { code?: unknown; error_code?: unknown; meta?: { code?: unknown } } | null;
  const code = value?.code ?? value?.error_code;
  return typeof code === 'string' ? code : undefined;
}

function firstLines(message: string): string {
  // One line: commands print it as their reason, and the engine's backtrace is noise there.
  const lines = message
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return lines
    .filter((line) => !/^\d+: |^at /.test(line))
    .slice(0, 3)
    .join(' ');
}

function trackAdapters(
  factory: SqlMigrationAwareDriverAdapterFactory,
  adapters: SqlDriverAdapter[],
): SqlMigrationAwareDriverAdapterFactory {
  return {
    ...factory,
    connect: async () => {
      const adapter = await factory.connect();
      adapters.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const adapter = await factory.connectToShadowDb();
      adapters.push(adapter);
      return adapter;
    },
  };
}
