// Looking one row up by global ID or slug, as `article(…)`, `person(…)` and every PersonRef or
// ArticleRef filter do: exactly one must be given, and an ID must name the right type. A person
// merged into another (mergePeople) is found by their old ID or slug as the person they became.
import { type Sql, sql } from '../db/sql.js';
import { badUserInput } from '../errors.js';
import { decodeIdFor } from '../global-id.js';

type Ref = { id?: string | number | null; slug?: string | null };

type Typename = 'Article' | 'Person';

export type Lookup = { typename: Typename } & (
  | { column: 'id'; value: number }
  | { column: 'slug'; value: string }
);

// PersonRedirect's column for each lookup column.
const redirectColumn = { id: 'fromId', slug: 'fromSlug' } as const;

/** The row `ref` names; BAD_USER_INPUT for both or neither, or an ID of another type. */
export function lookup(typename: Typename, ref: Ref, argument: string): Lookup {
  const hasId = ref.id != null;
  if (hasId === (ref.slug != null)) {
    throw badUserInput(`${argument}: give exactly one of "id" or "slug"`, {
      argumentName: argument,
    });
  }
  return hasId
    ? { typename, column: 'id', value: decodeIdFor(typename, String(ref.id)) }
    : { typename, column: 'slug', value: String(ref.slug) };
}

/** A Prisma `where` for the row `ref` names. */
export function uniqueWhere(typename: Typename, ref: Ref, argument: string) {
  const { column, value } = lookup(typename, ref, argument);
  return column === 'id' ? { id: value } : { slug: value };
}

/**
 * `person(…)` only: the person an old ID or slug was merged into. The resolver asks it only when
 * no person has the ID or slug itself, so a lookup that finds someone costs no second statement.
 */
export function mergedPersonWhere({ column, value }: Lookup) {
  return { mergedFrom: { some: column === 'id' ? { fromId: value } : { fromSlug: value } } };
}

/** `uniqueWhere` over the alias `row`. */
export const lookupSql = ({ column, value }: Lookup, row: Sql): Sql =>
  sql`${row}.${sql.ident(column)} = ${sql.value(value)}`;

/**
 * `person(…)`: the person with the ID or slug, or else the one it was merged into. Both lookups
 * are uncorrelated, so the database runs each once and reads the one row by its key (an `OR` of
 * the two made it test every person).
 */
export const personLookupSql = (found: Lookup, row: Sql): Sql => {
  const own = sql`SELECT "id" FROM "Person" WHERE ${sql.ident(found.column)} = ${sql.value(found.value)}`;
  const merged = sql`SELECT "personId" FROM "PersonRedirect"
                     WHERE ${sql.ident(redirectColumn[found.column])} = ${sql.value(found.value)}`;
  return sql`${row}."id" = COALESCE((${own}), (${merged}))`;
};
