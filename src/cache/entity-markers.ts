// What the response cache records of an answer, for answers made outside yoga (a compiled read of a
// cache miss at the HTTP layer). The cache plugin (@envelop/response-cache) adds
// `__responseCacheTypeName: __typename` and `__responseCacheId: id` to every selection set before
// execution, then strips them from the result, recording each object's entity, and for every null
// or empty field the types it could have held (so the answer is purged when one appears). The
// plugin keeps both steps private; they are repeated here, and tests/response-cache.test.ts holds
// the two to the same stored answers and entities.
import {
  type DocumentNode,
  type GraphQLSchema,
  type GraphQLType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  Kind,
  type SelectionNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';

const TYPENAME_KEY = '__responseCacheTypeName';
const ID_KEY = '__responseCacheId';

export type CacheEntity = { typename: string; id?: string | number };

/** The document as the plugin executes it: each selection set also asks for its typename and id. */
export function withEntityMarkers(schema: GraphQLSchema, document: DocumentNode): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      SelectionSet(node) {
        const parent = typeInfo.getParentType();
        const selected = (name: string) =>
          node.selections.some(
            (selection) =>
              selection.kind === Kind.FIELD && selection.name.value === name && !selection.alias,
          );
        const selections: SelectionNode[] = [...node.selections];
        if (!selected('__typename')) selections.push(marker('__typename', TYPENAME_KEY));
        if (parent && 'getFields' in parent && parent.getFields().id && !selected('id')) {
          selections.push(marker('id', ID_KEY));
        }
        return { ...node, selections };
      },
    }),
  );
}

const marker = (name: string, alias: string): SelectionNode => ({
  kind: Kind.FIELD,
  name: { kind: Kind.NAME, value: name },
  alias: { kind: Kind.NAME, value: alias },
});

/** The object types a field's value may hold, as the plugin infers them for null or empty fields. */
function typenamesOf(type: GraphQLType): string[] {
  if (isListType(type) || isNonNullType(type)) return typenamesOf(type.ofType);
  if (isUnionType(type)) return type.getTypes().flatMap(typenamesOf);
  return [(type as { name: string }).name];
}

/**
 * `data` without the markers, and the entities the plugin would record for it: each object's type
 * and id, and the possible types of each null or empty field. The markers are deleted in place, so
 * `data` must be the caller's own (a freshly parsed answer); the other keys keep their order.
 */
export function takeEntities(
  schema: GraphQLSchema,
  data: Record<string, unknown>,
): { data: Record<string, unknown>; entities: CacheEntity[] } {
  const entities = new Map<string, CacheEntity>();
  const strip = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) strip(item);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    const typename = record[TYPENAME_KEY] ?? record.__typename;
    if (typeof typename === 'string') {
      delete record[TYPENAME_KEY];
      const marked = record[ID_KEY];
      let id: unknown = marked;
      if (typeof marked === 'string' || typeof marked === 'number') delete record[ID_KEY];
      if (!id) id = record.id;
      if (id != null) entities.set(`${typename}:${id}`, { typename, id: id as string | number });
      const type = schema.getType(typename);
      const fields = isObjectType(type) ? type.getFields() : undefined;
      for (const field in record) {
        const fieldValue = record[field];
        const empty = fieldValue == null || (Array.isArray(fieldValue) && fieldValue.length === 0);
        const definition = fields?.[field];
        if (!empty || !definition) continue;
        for (const inferred of typenamesOf(definition.type))
          entities.set(inferred, { typename: inferred });
      }
    }
    for (const key in record) strip(record[key]);
  };
  strip(data);
  return { data, entities: [...entities.values()] };
}
