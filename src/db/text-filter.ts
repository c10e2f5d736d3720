// Substring filters that ignore case on both databases: SQLite's LIKE already does (for ASCII), while
// PostgreSQL needs `mode: 'insensitive'`, an option the SQLite client rejects. Every `*Contains`
// filter goes through here, so its length limit is this one rule.
import { badUserInput } from '../errors.js';
import { MAX_TEXT_FILTER_LENGTH } from '../limits.js';
import { databaseTarget } from './index.js';

/** The condition for a `*Contains` filter; `argumentName` names it in the error (`filter.nameContains`). */
export function containsText(text: string, argumentName: string): { contains: string } {
  // Code points, as a person counts characters; UTF-16 length is at least that, so short texts
  // skip the count.
  const length = text.length <= MAX_TEXT_FILTER_LENGTH ? text.length : [...text].length;
  if (length > MAX_TEXT_FILTER_LENGTH)
    throw badUserInput(
      `${argumentName}: ${length} characters exceed the limit of ${MAX_TEXT_FILTER_LENGTH}`,
      { argumentName, limit: MAX_TEXT_FILTER_LENGTH },
    );
  return databaseTarget.provider === 'postgres'
    ? ({ contains: text, mode: 'insensitive' } as { contains: string })
    : { contains: text };
}
