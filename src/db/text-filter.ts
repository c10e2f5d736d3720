// Substring filters that ignore case on both databases: SQLite's LIKE already does (for ASCII), while
// PostgreSQL needs `mode: 'insensitive'`, an option the SQLite client rejects.
import { databaseTarget } from './index.js';

export function containsText(text: string): { contains: string } {
  return databaseTarget.provider === 'postgres'
    ? ({ contains: text, mode: 'insensitive' } as { contains: string })
    : { contains: text };
}
