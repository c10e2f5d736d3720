// The SQL builder (src/db/sql.ts): placeholders numbered in text order, identifiers and literals
// escaped by construction, no plain string let in; and hostile names, literals and values sent to
// real SQLite and PostgreSQL come back exactly as given.
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.js';
import { placeholders, render, type Sql, sql } from '../src/db/sql.js';
import { db } from './support/db.js';
import { testProvider } from './support/test-database.js';

const postgres = (statement: Sql) => render(statement, placeholders.postgres);
const sqlite = (statement: Sql) => render(statement, placeholders.sqlite);

describe('placeholders', () => {
  it('are numbered in text order through nested fragments and joins', () => {
    const inner = sql`(${sql.value('b')}, ${sql.join([sql.value('c'), sql.value('d')])})`;
    const statement = sql`SELECT ${sql.value('a')}, ${inner} WHERE x = ${sql.value('e')}`;
    expect(postgres(statement)).toEqual({
      text: 'SELECT $1, ($2, $3, $4) WHERE x = $5',
      values: ['a', 'b', 'c', 'd', 'e'],
    });
    expect(sqlite(statement)).toEqual({
      text: 'SELECT ?, (?, ?, ?) WHERE x = ?',
      values: ['a', 'b', 'c', 'd', 'e'],
    });
  });

  it('number a fragment used twice once per use, and a fragment renders the same every time', () => {
    const id = sql.value(7);
    const statement = sql`${id} = ${sql.join([sql.value(1), id], sql` OR ${sql.value(2)} = `)}`;
    expect(postgres(statement)).toEqual({ text: '$1 = $2 OR $3 = $4', values: [7, 1, 2, 7] });
    expect(postgres(statement)).toEqual(postgres(statement));
  });

  it('start again at 1 inside a fragment rendered on its own', () => {
    const tail = sql`LIMIT ${sql.value(10)}`;
    expect(postgres(sql`SELECT ${sql.value(1)} ${tail}`).text).toBe('SELECT $1 LIMIT $2');
    expect(postgres(tail).text).toBe('LIMIT $1');
  });

  it('bind values as they are, of any type', () => {
    const values = [null, undefined, 0, '', "'; --", { a: 1 }, [1, 2], 10n, true];
    const { text, values: bound } = postgres(sql.join(values.map(sql.value)));
    expect(text).toBe(values.map((_, i) => `$${i + 1}`).join(', '));
    expect(bound).toEqual(values);
  });
});

describe('identifiers and literals', () => {
  it('quote identifiers, doubling embedded double quotes', () => {
    expect(postgres(sql`SELECT ${sql.ident('a"b')}`).text).toBe('SELECT "a""b"');
    expect(postgres(sql.ident('c1', 'id')).text).toBe('"c1"."id"');
    expect(postgres(sql.ident('a"; DROP TABLE x; --')).text).toBe('"a""; DROP TABLE x; --"');
  });

  it('write literals in single quotes, doubling embedded ones, backslashes left alone', () => {
    expect(postgres(sql`SELECT ${sql.literal("it's")}`)).toEqual({
      text: "SELECT 'it''s'",
      values: [],
    });
    expect(postgres(sql.literal("\\'")).text).toBe("'\\'''");
  });

  it('refuse an empty identifier, no identifier, and NUL in either', () => {
    expect(() => sql.ident('')).toThrow(TypeError);
    expect(() => sql.ident()).toThrow(TypeError);
    expect(() => sql.ident('a', '')).toThrow(TypeError);
    expect(() => sql.ident('a\0b')).toThrow(TypeError);
    expect(() => sql.literal('a\0b')).toThrow(TypeError);
    expect(() => sql.ident(42 as never)).toThrow(TypeError);
    expect(() => sql.literal(42 as never)).toThrow(TypeError);
  });
});

describe('nothing unescaped gets in', () => {
  it.each([
    ['a string', '1; DROP TABLE x; --'],
    ['a number', 1],
    ['undefined', undefined],
    ['null', null],
    ['an object', { text: 'SELECT 1' }],
    ['an array', ['SELECT 1']],
  ])('interpolating %s throws a TypeError', (_, part) => {
    expect(() => sql`SELECT ${part as never}`).toThrow(TypeError);
  });

  it('a join refuses parts and separators that are not fragments', () => {
    expect(() => sql.join(['1; DROP TABLE x' as never])).toThrow(TypeError);
    expect(() => sql.join([sql.value(1), sql.value(2)], ', ' as never)).toThrow(TypeError);
  });

  it.each([
    ['a plain array', () => ['SELECT 1']],
    ['a frozen array', () => Object.freeze(['SELECT 1'])],
    [
      'a frozen array with a plain raw copy',
      () => Object.freeze(Object.assign(['SELECT 1'], { raw: ['SELECT 1'] })),
    ],
    [
      'a frozen array whose raw copy is not frozen',
      () => {
        const strings = ['SELECT 1'];
        Object.defineProperty(strings, 'raw', { value: ['SELECT 1'] });
        return Object.freeze(strings);
      },
    ],
  ])('calling sql with %s throws', (_, strings) => {
    expect(() => sql(strings() as never)).toThrow(TypeError);
  });

  it('a template given more parts than it has holes throws', () => {
    const strings = (s: TemplateStringsArray) => s;
    expect(() => sql(strings`SELECT 1`, sql.value(1))).toThrow(TypeError);
  });

  it('fragments cannot be altered after they are made', () => {
    const fragment = sql`SELECT ${sql.value(1)}`;
    expect(Object.isFrozen(fragment)).toBe(true);
    for (const key of Object.getOwnPropertySymbols(fragment))
      expect(Object.isFrozen((fragment as unknown as Record<symbol, unknown>)[key])).toBe(true);
  });

  it('the empty fragment and an empty join render as nothing', () => {
    expect(postgres(sql.empty)).toEqual({ text: '', values: [] });
    expect(postgres(sql`a${sql.join([])}b${sql.empty}`)).toEqual({ text: 'ab', values: [] });
  });
});

// What a careless builder would let through: each closes its quote and starts a new statement.
const hostileTable = 'a"; DROP TABLE x; --';
const hostileColumn = 'b" TEXT); DROP TABLE x; --';
const hostileAlias = 'c"; DROP TABLE x; --';
const hostileLiteral = "'); DROP TABLE x; -- \\' $1 ? \"";
const hostileValue = "'; DROP TABLE x; -- $1 ? \\";

/** Statements for a hostile table beside a sentinel `x`, and the read that must come back intact. */
function hostileStatements(temporary: Sql) {
  return {
    setup: [
      sql`CREATE ${temporary} TABLE x (id INTEGER)`,
      sql`INSERT INTO x (id) VALUES (${sql.value(1)})`,
      sql`CREATE ${temporary} TABLE ${sql.ident(hostileTable)} (${sql.ident(hostileColumn)} TEXT, n INTEGER)`,
      sql`INSERT INTO ${sql.ident(hostileTable)} (${sql.ident(hostileColumn)}, n)
          VALUES (${sql.value(hostileValue)}, ${sql.value(42)}), (${sql.value('other')}, ${sql.value(7)})`,
    ],
    read: sql`SELECT ${sql.ident('t', hostileColumn)} AS ${sql.ident(hostileAlias)},
                     ${sql.literal(hostileLiteral)} AS ${sql.ident('literal')}
              FROM ${sql.ident(hostileTable)} AS t
              WHERE t.n = ${sql.value(42)} AND ${sql.ident('t', hostileColumn)} = ${sql.value(hostileValue)}`,
    sentinel: sql`SELECT COUNT(*) AS n FROM x`,
  };
}

const expectedRow = { [hostileAlias]: hostileValue, literal: hostileLiteral };

describe('hostile names, literals and values on real databases', () => {
  it('SQLite (better-sqlite3, in memory) answers exactly', () => {
    const connection = new Database(':memory:');
    try {
      const statements = hostileStatements(sql.empty);
      for (const statement of statements.setup) {
        const { text, values } = sqlite(statement);
        connection.prepare(text).run(...values);
      }
      const { text, values } = sqlite(statements.read);
      const read = connection.prepare(text);
      expect(read.columns().map((column) => column.name)).toEqual([hostileAlias, 'literal']);
      expect(read.all(...values)).toEqual([expectedRow]);
      const sentinel = sqlite(statements.sentinel);
      expect(connection.prepare(sentinel.text).get(...sentinel.values)).toEqual({ n: 1 });
      const tables = connection
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .pluck()
        .all();
      expect(tables).toEqual([hostileTable, 'x']);
    } finally {
      connection.close();
    }
  });

  describe.runIf(testProvider === 'postgres')('PostgreSQL (pg)', () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    afterAll(() => client.end());

    it('answers exactly', async () => {
      await client.connect();
      // Temporary tables: the worker's database is left as it was when the session ends.
      const statements = hostileStatements(sql`TEMPORARY`);
      for (const statement of statements.setup) await client.query(postgres(statement));
      const result = await client.query(postgres(statements.read));
      expect(result.fields.map((field) => field.name)).toEqual([hostileAlias, 'literal']);
      expect(result.rows).toEqual([expectedRow]);
      const sentinel = await client.query(postgres(statements.sentinel));
      expect(sentinel.rows).toEqual([{ n: '1' }]);
      const tables = await client.query(
        postgres(
          sql`SELECT relname FROM pg_class WHERE relnamespace = pg_my_temp_schema() AND relkind = 'r' ORDER BY relname`,
        ),
      );
      expect(tables.rows.map((row) => row.relname).sort()).toEqual([hostileTable, 'x'].sort());
    });
  });

  it(`the app's client (${testProvider}, through Prisma) answers exactly`, async () => {
    const rows = await queryRows<Record<string, unknown>>(
      db,
      sql`SELECT ${sql.literal(hostileLiteral)} AS ${sql.ident(hostileAlias)},
                 CAST(${sql.value(hostileValue)} AS TEXT) AS "value",
                 CAST(${sql.value(42)} AS INTEGER) AS "number"`,
    );
    // An INTEGER comes back from a raw query as a bigint on SQLite and a number on PostgreSQL.
    const answers = rows.map((row) => ({ ...row, number: Number(row.number) }));
    expect(answers).toEqual([{ [hostileAlias]: hostileLiteral, value: hostileValue, number: 42 }]);
  });
});
