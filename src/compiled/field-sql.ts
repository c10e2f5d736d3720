// How a field declares its SQL, next to its resolver: `extensions: fieldSql((field) => sql`…`)`.
// The compiler (compile.ts) walks the schema and asks each selected field for its fragment; a field
// without one makes the compiler hand the whole operation to execution. Stored scalars exposed with
// `t.expose…` need no declaration: the compiler reads their column from Pothos's own extensions.
import type { FieldNode, GraphQLSchema, SelectionSetNode } from 'graphql';
import { type Sql, sql } from '../db/sql.js';
import { containsTextSql } from '../db/text-filter.js';
import type { Ordering } from '../rules/ordering.js';
import { articleVisibility, type Viewer } from '../rules/visibility.js';
import type { ReadDialect } from './dialect.js';

/** The extensions key a field's SQL is kept under. */
export const FIELD_SQL = 'newsgraphSql';

/** Thrown while compiling when the document asks for something that has no SQL. */
export class Unsupported extends Error {}

/** What one compilation offers the fields it compiles. */
export interface Compilation {
  readonly d: ReadDialect;
  readonly schema: GraphQLSchema;
  /** Who the statement reads for: it is compiled (and cached) per viewer. */
  readonly viewer: Viewer;
  /** A fresh table alias, so nested relations of the same table never collide. */
  alias(): Sql;
  /** The JSON object for a row of `type` (alias `row`), one entry per response key. */
  object(type: string, row: Sql, selections: SelectionSetNode[], path: string[]): Sql;
  /** graphql-js's field collection over `type`: fragments flattened, @skip/@include applied. */
  collect(type: string, selections: SelectionSetNode[]): Map<string, FieldNode[]>;
  /** The statement's best plan depends on a parameter's value (a search pattern), not its type. */
  planForParameters(): void;
}

/** One selected field being compiled. */
export type Field = {
  c: Compilation;
  /** The alias of the row this field belongs to (empty for root fields). */
  row: Sql;
  args: Record<string, unknown>;
  /** The field's merged selection sets (one per occurrence in the document). */
  selections: SelectionSetNode[];
  path: string[];
};

export type FieldSqlOf = (field: Field) => Sql;

/** The extensions a field declares its SQL with. */
export const fieldSql = (compile: FieldSqlOf) => ({ [FIELD_SQL]: compile });

export function subselections(nodes: FieldNode[]): SelectionSetNode[] {
  return nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
}

/**
 * A `*Contains` filter over `column`; a text holding LIKE's wildcards, which Prisma passes to LIKE
 * as they are, is left to execution.
 */
export function containsSql(c: Compilation, column: Sql, text: string, argumentName: string): Sql {
  const condition = containsTextSql(c.d.provider, column, text, argumentName);
  if (!condition) throw new Unsupported(argumentName);
  // How many rows a pattern matches depends on its text, which a plan made once cannot see.
  c.planForParameters();
  return condition;
}

/** `column` of the field's row. */
export const columnOf = (field: Field, column: string) => sql`${field.row}.${sql.ident(column)}`;

/** The visibility rule over the article alias `row`, for this compilation's viewer, at read time. */
export const visibleArticle = (c: Compilation, row: Sql): Sql =>
  articleVisibility.toSql(row, c.viewer, c.d.readTime);

/**
 * The visibility rule for a row of a table linked to an article (a quote, mention or teaser) by
 * `foreignKey` (`articleId` unless said): seen only with its article. `joined` is that article
 * when the statement already joins it (a list ordered by its article), so the rule reads it
 * instead of looking it up again.
 */
export const withVisibleArticle = (
  c: Compilation,
  row: Sql,
  {
    foreignKey = 'articleId',
    joined,
  }: { foreignKey?: 'articleId' | 'targetId'; joined?: Sql } = {},
): Sql =>
  joined
    ? visibleArticle(c, joined)
    : articleVisibility.ofArticleSql(row, c.viewer, c.d.readTime, c.alias(), foreignKey);

/** A nullable object: the first row of `from` (`FROM … WHERE …` over a fresh alias), or null. */
export function one(field: Field, type: string, from: (row: Sql) => Sql): Sql {
  const row = field.c.alias();
  return sql`(SELECT ${field.c.object(type, row, field.selections, field.path)} ${from(row)})`;
}

/** The row of `table` whose id is the field's row's `foreignKey`, as an object of `type`. */
export const byForeignKey = (type: string, table: string, foreignKey: string) =>
  fieldSql((field) =>
    one(
      field,
      type,
      (row) =>
        sql`FROM ${sql.ident(table)} ${row} WHERE ${row}."id" = ${columnOf(field, foreignKey)}`,
    ),
  );

/**
 * The rows of `table` whose `foreignKey` is the field's row's id, as a list of `type` in `order`,
 * at most `limit` of them (null: all), and only those meeting `also` when given.
 */
export function childList(
  field: Field,
  type: string,
  table: string,
  foreignKey: string,
  order: Ordering,
  limit: number | null = null,
  also?: (row: Sql) => Sql,
): Sql {
  const { c } = field;
  const row = c.alias();
  const inner = c.alias();
  const more = (r: Sql) => (also ? sql` AND ${also(r)}` : sql.empty);
  const from =
    limit === null
      ? sql`FROM ${sql.ident(table)} ${row} WHERE ${row}.${sql.ident(foreignKey)} = ${field.row}."id"${more(row)}`
      : sql`FROM (SELECT * FROM ${sql.ident(table)} ${inner}
                  WHERE ${inner}.${sql.ident(foreignKey)} = ${field.row}."id"${more(inner)}
                  ORDER BY ${order.toSql(inner)} ${c.d.limit(limit)}) ${row}`;
  return c.d.array(c.object(type, row, field.selections, field.path), order.toSql(row), from);
}
