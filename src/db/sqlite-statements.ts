// Reuses prepared statements on a better-sqlite3 connection. Prisma's SQLite adapter prepares every
// statement afresh (about a tenth of a request's CPU on a nested page), and the plans it sends
// repeat: each GraphQL document yields the same few SQL texts.
import type { Database, Statement } from 'better-sqlite3';

const MAX_STATEMENTS = 500;

/**
 * Makes `database.prepare` return a cached statement per SQL text. The adapter binds each statement
 * once (`prepare(sql).bind(args)`), and better-sqlite3 forbids binding a statement twice, so a
 * cached statement is handed out inside a small wrapper that keeps the arguments and passes them to
 * each run instead.
 */
export function cachePreparedStatements(database: Database): void {
  const prepare = database.prepare.bind(database);
  const statements = new Map<string, Statement>();
  database.prepare = ((sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = prepare(sql);
      // Oldest first in a Map: dropping the first entry keeps the cache bounded.
      if (statements.size >= MAX_STATEMENTS)
        statements.delete(statements.keys().next().value as string);
      statements.set(sql, statement);
    }
    return reusable(statement);
  }) as Database['prepare'];
}

/** The parts of a statement the adapter uses, with `bind` that does not consume the statement. */
function reusable(statement: Statement) {
  let args: unknown[] = [];
  const wrapper = {
    get reader() {
      return statement.reader;
    },
    columns: () => statement.columns(),
    bind(bound: unknown[]) {
      args = bound;
      return wrapper;
    },
    raw(toggle = true) {
      // Raw mode is a flag on the shared statement: set it on every use, never assume it.
      return { all: () => statement.raw(toggle).all(...args) };
    },
    all: () => statement.raw(false).all(...args),
    get: () => statement.raw(false).get(...args),
    run: () => statement.run(...args),
  };
  return wrapper;
}
