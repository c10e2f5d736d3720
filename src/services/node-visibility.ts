// Which of the objects `node`/`nodes` are asked for the reader may see, decided before they are
// loaded. Pothos loads nodes with `findUnique`, which Prisma batches into one statement per type
// only while its condition is the id alone; a visibility condition there costs a statement (and one
// per relation) for every id. So each type declares the condition on its own extensions
// (`nodeWhere`), and one query per type asked for keeps the ids that pass it.
import type { GraphQLSchema } from 'graphql';
import { db } from '../db/index.js';
import type { Reader } from '../rules/visibility.js';

const NODE_WHERE = 'newsgraphNodeWhere';

type Where = Record<string, unknown>;

/** Type extensions: the rows of the type's model `reader` may fetch by id. */
export const nodeWhere = (where: (reader: Reader) => Where) => ({ [NODE_WHERE]: where });

type TypeExtensions = { pothosPrismaModel?: string; [NODE_WHERE]?: (reader: Reader) => Where };
type NodeId = { typename: string; id: string };
type Finder = { findMany(args: object): Promise<{ id: number }[]> };

const extensionsOf = (schema: GraphQLSchema, typename: string) =>
  schema.getType(typename)?.extensions as TypeExtensions | undefined;

/**
 * `ids` with the ones the reader may not see replaced by null, in order; undefined, at once, when
 * none of their types has a condition, so loading them starts in the same tick as it would alone
 * (and batches with the request's other loads as it would).
 */
export function visibleNodeIds(
  schema: GraphQLSchema,
  ids: readonly NodeId[],
  reader: Reader,
): Promise<(NodeId | null)[]> | undefined {
  if (!ids.some(({ typename }) => extensionsOf(schema, typename)?.[NODE_WHERE])) return undefined;
  return hideInvisible(schema, ids, reader);
}

async function hideInvisible(
  schema: GraphQLSchema,
  ids: readonly NodeId[],
  reader: Reader,
): Promise<(NodeId | null)[]> {
  const byType = new Map<string, number[]>();
  for (const { typename, id } of ids)
    byType.set(typename, [...(byType.get(typename) ?? []), Number(id)]);
  const hidden = new Set<string>();
  await Promise.all(
    [...byType].map(async ([typename, numbers]) => {
      const extensions = extensionsOf(schema, typename);
      const where = extensions?.[NODE_WHERE];
      const model = extensions?.pothosPrismaModel;
      if (!where || !model) return;
      const finder = (db as unknown as Record<string, Finder>)[
        model.charAt(0).toLowerCase() + model.slice(1)
      ] as Finder;
      const seen = await finder.findMany({
        where: { id: { in: numbers }, ...where(reader) },
        select: { id: true },
      });
      const visible = new Set(seen.map((row) => row.id));
      for (const number of numbers) if (!visible.has(number)) hidden.add(`${typename}:${number}`);
    }),
  );
  return ids.map((id) => (hidden.has(`${id.typename}:${Number(id.id)}`) ? null : id));
}
