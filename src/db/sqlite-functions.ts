// SQL functions every SQLite connection gets (Prisma's and the direct readers'), for what compiled
// statements need and SQLite lacks. The compiler (compiled/dialect.ts) calls them by these names.
import type { Database } from 'better-sqlite3';
import { encodeGlobalID } from '../global-id.js';

/** The Relay global ID of (type, id), as `encodeGlobalID` builds it: SQLite has no base64. */
export const SQLITE_GLOBAL_ID_FUNCTION = 'newsgraph_global_id';

export function addSqliteFunctions(connection: Database): void {
  connection.function(SQLITE_GLOBAL_ID_FUNCTION, { deterministic: true }, (type, id) =>
    encodeGlobalID(String(type), id as number),
  );
}
