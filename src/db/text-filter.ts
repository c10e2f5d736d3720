// Substring filters that ignore case on both databases: SQLite's LIKE already does (for ASCII), while
// PostgreSQL needs `mode: 'insensitive'`, an option the SQLite client rejects. Every `*Contains`
// filter goes through here, so its length limit is this one rule.
import { badUserInput } from '../errors.js';
import { MAX_TEXT_FILTER_LENGTH } from '../limits.js';
import { databaseTarget } from './index.js';
import type { Provider } from './schemas.js';
import { type Sql, sql } from './sql.js';

/** The condition for a `*Contains` filter; `argumentName` names it in the error (`filter.nameContains`). */
export function containsText(text: string, argumentName: string): { contains: string } {
  checkLength(text, argumentName);
  return databaseTarget.provider === 'postgres'
    ? ({ contains: text, mode: 'insensitive' } as { contains: string })
    : { contains: text };
}

/** A text Prisma passes to LIKE as it is, so `%`, `_` and `\\` would act as wildcards there. */
const LIKE_SPECIALS = /[%_\\]/;

/**
 * The same condition in SQL over `column`, as Prisma writes it (LIKE, or ILIKE on PostgreSQL); or
 * undefined for a text with LIKE's special characters, which compiled reads leave to Prisma.
 */
export function containsTextSql(
  provider: Provider,
  column: Sql,
  text: string,
  argumentName: string,
): Sql | undefined {
  checkLength(text, argumentName);
  if (LIKE_SPECIALS.test(text)) return undefined;
  const pattern = sql`'%' || ${sql.value(text)} || '%'`;
  return provider === 'postgres' ? sql`${column} ILIKE ${pattern}` : sql`${column} LIKE ${pattern}`;
}

function checkLength(text: string, argumentName: string): void {
  // Code points, as a person counts characters; UTF-16 length is at least that, so short texts
  // skip the count.
  const length = text.length <= MAX_TEXT_FILTER_LENGTH ? text.length : [...text].length;
  if (length > MAX_TEXT_FILTER_LENGTH)
    throw badUserInput(
      `${argumentName}: ${length} characters exceed the limit of ${MAX_TEXT_FILTER_LENGTH}`,
      { argumentName, limit: MAX_TEXT_FILTER_LENGTH },
    );
}
