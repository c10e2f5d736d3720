// Driver adapters for the WASM schema engine, adjusted to what it expects of each database.
import { randomUUID } from 'node:crypto';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { env } from '../env.js';
import { placeholders, render, sql } from './sql.js';
import type { DatabaseTarget } from './url.js';

export function migrationAdapterFactory(
  target: DatabaseTarget,
): SqlMigrationAwareDriverAdapterFactory {
  return target.provider === 'postgres'
    ? postgresMigrationFactory(target.url)
    : sqliteMigrationFactory(target.url);
}

/**
 * better-sqlite3:
 * - refuses multi-statement SQL in `executeRaw`, which the engine uses when it replays migrations on
 *   the shadow database; such SQL goes through `executeScript` instead;
 * - the engine asks for `locking_mode=EXCLUSIVE`, which can never be granted while the server holds
 *   the database open in WAL mode, so `db:migrate` would time out beside a running server. Each
 *   migration still runs in its own transaction, which is what keeps it atomic.
 */
function sqliteMigrationFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  const base = new PrismaBetterSqlite3({ url });
  const patch = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query) => {
      if (/^\s*PRAGMA\s+(main\.)?locking_mode\s*=\s*EXCLUSIVE\s*;?\s*$/i.test(query.sql)) return 0;
      try {
        return await executeRaw(query);
      } catch (error) {
        if (query.args.length === 0 && /more than one statement/i.test(describe(error))) {
          await adapter.executeScript(query.sql);
          return 0;
        }
        throw error;
      }
    };
    return adapter;
  };
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => patch(await base.connect()),
    connectToShadowDb: async () => patch(await base.connectToShadowDb()),
  };
}

/**
 * adapter-pg, with three fixes the engine needs:
 * - reading the live schema returns `"char"` columns (oid 18), which the adapter rejects: read them as text;
 * - it splits scripts on `;`, breaking a `;` inside a string literal: run the whole script as one query;
 * - its shadow database can be reported "in use" or end up being the main one: create a uniquely
 *   named database per shadow, with its own pool, and drop it WITH (FORCE) when done.
 */
function postgresMigrationFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  // A database that does not answer fails the migration (and `npm start`) instead of hanging it.
  const base = new PrismaPg({
    connectionString: url,
    connectionTimeoutMillis: env.DATABASE_CONNECT_TIMEOUT_MS,
  });
  const patch = (adapter: SqlDriverAdapter, pool: pg.Pool | null): SqlDriverAdapter => {
    const io = adapter as unknown as {
      performIO: (q: unknown) => Promise<{ fields: { dataTypeID: number }[] }>;
    };
    const performIO = io.performIO.bind(adapter);
    io.performIO = async (query) => {
      const result = await performIO(query);
      for (const field of result.fields) if (field.dataTypeID === 18) field.dataTypeID = 25;
      return result;
    };
    adapter.executeScript = async (script) => {
      const client =
        pool ?? (adapter as unknown as { underlyingDriver(): pg.Pool }).underlyingDriver();
      await client.query(script);
    };
    return adapter;
  };
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => patch(await base.connect(), null),
    connectToShadowDb: async () => {
      const admin = new pg.Pool({ connectionString: url, max: 1 });
      const name = `newsgraph_shadow_${randomUUID().replaceAll('-', '')}`;
      await admin.query(render(sql`CREATE DATABASE ${sql.ident(name)}`, placeholders.postgres));
      const shadowUrl = new URL(url);
      shadowUrl.pathname = `/${name}`;
      const shadow = await new PrismaPg({ connectionString: shadowUrl.toString() }).connect();
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await admin.query(
          render(
            sql`DROP DATABASE IF EXISTS ${sql.ident(name)} WITH (FORCE)`,
            placeholders.postgres,
          ),
        );
        await admin.end();
      };
      return patch(shadow, null);
    },
  };
}

function describe(error: unknown): string {
  const e = error as { message?: string; cause?: unknown } | null;
  return `${e?.message ?? ''} ${JSON.stringify(e?.cause ?? '')} ${String(error)}`;
}
