// Prepared statements are reused per SQL text on SQLite, and reuse never mixes up arguments; the
// compiled reads' own connection is opened with its settings.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { createDb } from '../src/db/client.js';
import { openSqliteReadConnection } from '../src/db/readers.js';
import { cachePreparedStatements } from '../src/db/sqlite-statements.js';
import { parseDatabaseUrl } from '../src/db/url.js';

function database() {
  const connection = new Database(':memory:');
  connection.exec(
    "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t VALUES (1, 'one'), (2, 'two'), (3, 'three');",
  );
  const prepare = vi.spyOn(connection, 'prepare');
  cachePreparedStatements(connection);
  return { connection, prepare };
}

describe('cachePreparedStatements', () => {
  it('prepares each SQL text once and binds fresh arguments on every use', () => {
    const { connection, prepare } = database();
    const select = 'SELECT id, name FROM t WHERE id >= ? ORDER BY id';
    // The adapter's pattern: prepare(sql).bind(args), then raw().all() on a reader.
    const run = (from: number) =>
      connection
        .prepare(select)
        .bind([from] as never)
        .raw()
        .all();
    expect(run(2)).toEqual([
      [2, 'two'],
      [3, 'three'],
    ]);
    expect(run(3)).toEqual([[3, 'three']]);
    expect(run(1)).toHaveLength(3);
    expect(prepare).toHaveBeenCalledTimes(1);
  });

  it('keeps row mode and raw mode apart on the shared statement', () => {
    const { connection } = database();
    const sql = 'SELECT name FROM t WHERE id = ?';
    expect(
      connection
        .prepare(sql)
        .bind([1] as never)
        .raw()
        .all(),
    ).toEqual([['one']]);
    expect(
      connection
        .prepare(sql)
        .bind([2] as never)
        .all(),
    ).toEqual([{ name: 'two' }]);
  });

  it('runs writes and reports columns like a plain statement', () => {
    const { connection } = database();
    const insert = connection.prepare('INSERT INTO t (name) VALUES (?)');
    expect(insert.reader).toBe(false);
    expect(insert.bind(['four'] as never).run().changes).toBe(1);
    const select = connection.prepare('SELECT id, name FROM t');
    expect(select.reader).toBe(true);
    expect(select.columns().map((c) => c.name)).toEqual(['id', 'name']);
    expect(
      connection
        .prepare('SELECT count(*) AS n FROM t')
        .bind([] as never)
        .get(),
    ).toEqual({ n: 4 });
  });
});

describe('the SQLite Prisma client', () => {
  it('reuses statements: the adapter’s connection has the cache installed', async () => {
    const prepare = vi.spyOn(Database.prototype, 'prepare');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'newsgraph-stmt-')), 'x.db');
    const client = createDb(parseDatabaseUrl(`file:${file}`));
    try {
      for (let i = 0; i < 5; i++) {
        expect(await client.$queryRaw`SELECT ${i} + 1 AS n`).toEqual([{ n: i + 1 }]);
      }
      const texts = prepare.mock.calls.map(([sql]) => sql).filter((sql) => /\+ 1 AS n/.test(sql));
      expect(texts).toHaveLength(1);
    } finally {
      prepare.mockRestore();
      await client.$disconnect();
      rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});

describe('the compiled reads’ SQLite connection', () => {
  it('maps the database file rather than copying its pages into SQLite’s cache', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'newsgraph-read-')), 'x.db');
    new Database(file).close();
    const connection = openSqliteReadConnection(file);
    try {
      // SQLite's default is 0, no mapping (readers.ts says what that cost at the bench's size L).
      expect(connection.pragma('mmap_size', { simple: true })).toBeGreaterThanOrEqual(
        256 * 2 ** 20,
      );
      expect(connection.pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      connection.close();
      rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
