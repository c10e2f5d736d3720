// Keeps a process's cache in step with writes made by other processes (the ingest CLI, seeding,
// migrations, other servers) by reading the invalidation outbox.
// - SQLite: before each request, `PRAGMA data_version` (microseconds, no I/O) says whether another
//   connection committed; only then are new outbox rows read. A commit with no outbox row came from
//   outside Newsgraph (Studio, hand-written SQL), so everything is dropped.
// - PostgreSQL: LISTEN; writers NOTIFY at commit. Delivery is asynchronous (milliseconds), so strict
//   read-after-write across processes on PostgreSQL needs REDIS_URL, where writers purge directly.
import Database from 'better-sqlite3';
import pg from 'pg';
import { placeholders, render, sql } from '../db/sql.js';
import type { DatabaseTarget } from '../db/url.js';
import { type CacheEntity, entityFromKey, everything } from './entities.js';
import { keysOf, notifyChannel, type OutboxRow } from './outbox.js';

export type Purge = (entities: CacheEntity[] | 'all') => Promise<void>;

export interface OutboxWatcher {
  /** Called before serving a request; applies any outbox rows this process has not seen. */
  sync(): Promise<void> | undefined;
  close(): Promise<void>;
}

function purgeFor(keys: string[], purge: Purge): Promise<void> {
  if (keys.includes(everything)) return purge('all');
  return keys.length ? purge(keys.map(entityFromKey)) : Promise.resolve();
}

/** The outbox rows after an id, oldest first. */
const rowsAfter = (id: number) =>
  sql`SELECT id, entities FROM "CacheInvalidation" WHERE id > ${sql.value(id)} ORDER BY id`;
const lastRowId = sql`SELECT max(id) AS max FROM "CacheInvalidation"`;
const dataVersion = render(sql`PRAGMA data_version`, placeholders.sqlite).text;

export class SqliteOutboxWatcher implements OutboxWatcher {
  private readonly connection: Database.Database;
  /** Prepared on first use: the text is the same for every id. */
  private newRows: Database.Statement<unknown[], OutboxRow> | undefined;
  private readonly dataVersion: Database.Statement<[], number>;
  private lastVersion: number;
  private lastId: number;

  constructor(
    file: string,
    private readonly purge: Purge,
    private readonly onSql?: (sql: string) => void,
  ) {
    this.connection = new Database(file, { readonly: true, fileMustExist: true });
    this.connection.pragma('busy_timeout = 5000');
    this.dataVersion = this.connection.prepare(dataVersion).pluck() as Database.Statement<
      [],
      number
    >;
    this.lastVersion = this.dataVersion.get() as number;
    this.lastId =
      (this.connection.prepare(render(lastRowId, placeholders.sqlite).text).pluck().get() as
        | number
        | null) ?? 0;
  }

  sync(): Promise<void> | undefined {
    this.onSql?.(dataVersion);
    const version = this.dataVersion.get() as number;
    if (version === this.lastVersion) return undefined;
    this.lastVersion = version;
    const { text, values } = render(rowsAfter(this.lastId), placeholders.sqlite);
    this.newRows ??= this.connection.prepare<unknown[], OutboxRow>(text);
    const rows = this.newRows.all(...values);
    const last = rows.at(-1);
    if (!last) return this.purge('all');
    this.lastId = last.id;
    return purgeFor(keysOf(rows), this.purge);
  }

  async close(): Promise<void> {
    this.connection.close();
  }
}

export class PostgresOutboxWatcher implements OutboxWatcher {
  private client: pg.Client | undefined;
  private lastId = 0;
  private closed = false;
  private reconnecting = false;
  private applying: Promise<void> = Promise.resolve();

  private constructor(
    private readonly url: string,
    private readonly purge: Purge,
  ) {}

  static async start(url: string, purge: Purge): Promise<PostgresOutboxWatcher> {
    const watcher = new PostgresOutboxWatcher(url, purge);
    await watcher.connect();
    return watcher;
  }

  sync(): undefined {
    return undefined;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('error', () => this.reconnectLater());
    client.on('end', () => this.reconnectLater());
    client.on('notification', () => {
      this.applying = this.applying.then(() => this.applyNewRows()).catch(() => {});
    });
    await client.connect();
    await client.query(render(sql`LISTEN ${sql.ident(notifyChannel)}`, placeholders.postgres));
    const { rows } = await client.query<{ max: number | null }>(
      render(lastRowId, placeholders.postgres),
    );
    this.lastId = rows[0]?.max ?? 0;
    this.client = client;
  }

  private async applyNewRows(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const { rows } = await client.query<OutboxRow>(
      render(rowsAfter(this.lastId), placeholders.postgres),
    );
    const last = rows.at(-1);
    if (!last) return;
    this.lastId = last.id;
    await purgeFor(keysOf(rows), this.purge);
  }

  /** Notifications sent while disconnected are lost, so a reconnection starts from an empty cache. */
  private reconnectLater(): void {
    if (this.closed || this.reconnecting) return;
    this.reconnecting = true;
    const stale = this.client;
    this.client = undefined;
    stale?.removeAllListeners('end');
    void stale?.end().catch(() => {});
    setTimeout(() => {
      this.reconnecting = false;
      if (this.closed) return;
      this.connect()
        .then(() => this.purge('all'))
        .catch(() => this.reconnectLater());
    }, 1_000).unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client?.end().catch(() => {});
  }
}

export async function watchOutbox(target: DatabaseTarget, purge: Purge): Promise<OutboxWatcher> {
  return target.provider === 'postgres'
    ? PostgresOutboxWatcher.start(target.url, purge)
    : new SqliteOutboxWatcher(target.file, purge);
}
