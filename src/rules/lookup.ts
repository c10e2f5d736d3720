// Looking one row up by global ID or slug, as `article(…)`, `person(…)` and every PersonRef or
// ArticleRef filter do: exactly one must be given, and an ID must name the right type.
import { type Sql, sql } from '../db/sql.js';
import { badUserInput } from '../errors.js';
import { decodeIdFor } from '../global-id.js';

type Ref = { id?: string | number | null; slug?: string | null };

export type Lookup = { column: 'id'; value: number } | { column: 'slug'; value: string };

/** The row `ref` names; BAD_USER_INPUT for both or neither, or an ID of another type. */
export function lookup(typename: 'Article' | 'Person', ref: Ref, argument: string): Lookup {
  const hasId = ref.id != null;
  if (hasId === (ref.slug != null)) {
    throw badUserInput(`${argument}: give exactly one of "id" or "slug"`, {
      argumentName: argument,
    });
  }
  return hasId
    ? { column: 'id', value: decodeIdFor(typename, String(ref.id)) }
    : { column: 'slug', value: String(ref.slug) };
}

/** A Prisma `where` for the row `ref` names. */
export function uniqueWhere(typename: 'Article' | 'Person', ref: Ref, argument: string) {
  const { column, value } = lookup(typename, ref, argument);
  return column === 'id' ? { id: value } : { slug: value };
}

/** The same condition over the alias `row`. */
export const lookupSql = ({ column, value }: Lookup, row: Sql): Sql =>
  sql`${row}.${sql.ident(column)} = ${sql.value(value)}`;
