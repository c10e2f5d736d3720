// `node(id:)` and `nodes(ids:)` in SQL: each ID is decoded while compiling, and names its type's
// table (the Prisma model Pothos records on the type). A type may narrow which rows are nodes of it
// (a LeadImage is an article that has one; an Article one the viewer may see) with `nodeCondition`
// on its own extensions.
import { type Sql, sql } from '../db/sql.js';
import { checkNodeIds, decodeGlobalID } from '../global-id.js';
import { MAX_PAGE_SIZE } from '../limits.js';
import { type Compilation, type Field, fieldSql, one, Unsupported } from './field-sql.js';

const NODE_CONDITION = 'newsgraphNodeCondition';

type Condition = (row: Sql, c: Compilation) => Sql;

/** Type extensions: which rows of the model are nodes of this type, over alias `row`. */
export const nodeCondition = (condition: Condition) => ({ [NODE_CONDITION]: condition });

type TypeExtensions = {
  pothosPrismaModel?: string;
  [NODE_CONDITION]?: Condition;
};

/** The object a global ID names, or null; an ID of no Node type is left to the resolver. */
function nodeOf(field: Field, globalId: string): Sql {
  const { typename, id } = decodeGlobalID(globalId);
  checkNodeIds(field.c.schema, [{ typename, id }], 'id', MAX_PAGE_SIZE);
  const type = Object.hasOwn(field.c.schema.getTypeMap(), typename)
    ? field.c.schema.getType(typename)
    : undefined;
  const extensions = type?.extensions as TypeExtensions | undefined;
  const model = extensions?.pothosPrismaModel;
  if (!model) throw new Unsupported(`node of ${typename}`);
  const condition = extensions[NODE_CONDITION];
  return one(field, typename, (row) => {
    const narrowed = condition ? sql` AND ${condition(row, field.c)}` : sql.empty;
    return sql`FROM ${sql.ident(model)} ${row} WHERE ${row}."id" = ${sql.value(Number(id))}${narrowed}`;
  });
}

export const nodeFieldSql = fieldSql((field) => nodeOf(field, String(field.args.id)));

export const nodesFieldSql = fieldSql((field) => {
  const ids = field.args.ids as string[];
  // Too many is an error the resolver reports.
  if (ids.length > MAX_PAGE_SIZE) throw new Unsupported('nodes');
  return field.c.d.tuple(
    ids.map((id, index) => nodeOf({ ...field, path: [...field.path, String(index)] }, id)),
  );
});
