// SQL functions every SQLite connection gets (Prisma's and the direct readers'), for what compiled
// statements need and SQLite lacks. The compiler (compiled/dialect.ts) calls them by these names.
import type { Database } from 'better-sqlite3';
import { encodeGlobalID } from '../global-id.js';

/** The Relay global ID of (type, id), as `encodeGlobalID` builds it: SQLite has no base64. */
export const SQLITE_GLOBAL_ID_FUNCTION = 'newsgraph_global_id';

export function addSqliteFunctions(connection: Database): void {
  connection.function(SQLITE_GLOBAL_ID_FUNCTION, { deterministic: true }, (type, id) => {
    const typename = String(type);
    const globalId = encodeGlobalID(typename, id as number);
    collecting?.set(globalId, typename);
    return globalId;
  });
}

/** Where the global IDs built while `collectGlobalIds` runs go (better-sqlite3 runs synchronously). */
let collecting: Map<string, string> | undefined;

/**
 * Runs `statement` (synchronous), adding every global ID SQLite builds meanwhile to `into`, with
 * its type: what a read's answer holds, known without reading the answer back.
 */
export function collectGlobalIds<T>(into: Map<string, string>, statement: () => T): T {
  const outer = collecting;
  collecting = into;
  try {
    return statement();
  } finally {
    collecting = outer;
  }
}
