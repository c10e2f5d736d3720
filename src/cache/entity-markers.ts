// What the response cache records of an answer, for answers made outside yoga (a compiled read of a
// cache miss at the HTTP layer). The cache plugin (@envelop/response-cache) adds
// `__responseCacheTypeName: __typename` and `__responseCacheId: id` to every selection set before
// execution, then strips them from the result, recording each object's entity, and for every null
// or empty field the types it could have held (so the answer is purged when one appears). The
// plugin keeps both steps private; they are repeated here, and tests/cache-compiled-miss.test.ts
// holds the two to the same stored answers and entities.
//
// Here the document says what the plugin's markers would: an object's type is its field's type,
// so only abstract types (`node`) are asked for their typename, and only objects whose id is not
// selected are asked for it. Every marker is a column more in each of a page's hundreds of rows,
// and a property deleted from each parsed object: on a list page they cost as much as the read.
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type GraphQLType,
  getNamedType,
  getOperationAST,
  getVariableValues,
  isAbstractType,
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
import { collectFields, collectSubfields } from 'graphql/execution/collectFields.js';

const TYPENAME_KEY = '__responseCacheTypeName';
const ID_KEY = '__responseCacheId';

export type CacheEntity = { typename: string; id?: string | number };

/**
 * The document with the markers `takeEntities` needs: the typename where the type is abstract, the
 * id where the plugin would mark it (not selected under its own name).
 */
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
        if (parent && isAbstractType(parent) && !selected('__typename'))
          selections.push(marker('__typename', TYPENAME_KEY));
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

type Subfields = Map<string, readonly FieldNode[]>;

/**
 * `data` without the markers, and the entities the plugin would record for it: each object's type
 * and id, and the possible types of each null or empty field. The markers are deleted in place, so
 * `data` must be the caller's own (a freshly parsed answer); the other keys keep their order.
 * `document` is the marked one the data answers, with the variables it ran with; undefined when
 * those variables are not valid for it (execution would have refused them).
 */
export function takeEntities(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  data: Record<string, unknown>,
): { data: Record<string, unknown>; entities: CacheEntity[] } | undefined {
  const operation = getOperationAST(document, operationName);
  const queryType = schema.getQueryType();
  if (operation?.operation !== 'query' || !queryType) return undefined;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  // As execution coerced them: defaults filled in, so `@include(if: $x)` reads what it read.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return undefined;
  const variableValues = coerced.coerced;
  // As the executor does, each field's subselection is collected once per type it resolves to.
  const collected = new WeakMap<readonly FieldNode[], Map<string, Subfields>>();
  const subfieldsOf = (type: GraphQLObjectType, fieldNodes: readonly FieldNode[]): Subfields => {
    let byType = collected.get(fieldNodes);
    if (!byType) {
      byType = new Map();
      collected.set(fieldNodes, byType);
    }
    let subfields = byType.get(type.name);
    if (!subfields) {
      subfields = collectSubfields(schema, fragments, variableValues, type, fieldNodes);
      byType.set(type.name, subfields);
    }
    return subfields;
  };

  const entities = new Map<string, CacheEntity>();
  const visitValue = (value: unknown, type: GraphQLNamedType, fieldNodes: readonly FieldNode[]) => {
    if (Array.isArray(value)) {
      for (const item of value) visitValue(item, type, fieldNodes);
    } else if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      visitObject(record, resolvedType(record, type), subfieldsOf, fieldNodes);
    }
  };
  const resolvedType = (record: Record<string, unknown>, type: GraphQLNamedType) => {
    const marked = record[TYPENAME_KEY];
    if (marked !== undefined) delete record[TYPENAME_KEY];
    if (!isAbstractType(type)) return type;
    const typename = marked ?? record.__typename;
    return typeof typename === 'string' ? schema.getType(typename) : undefined;
  };
  const visitObject = (
    record: Record<string, unknown>,
    type: GraphQLNamedType | undefined,
    subfields: (type: GraphQLObjectType, fieldNodes: readonly FieldNode[]) => Subfields,
    fieldNodes: readonly FieldNode[],
    root?: Subfields,
  ) => {
    if (!isObjectType(type)) return;
    const marked = record[ID_KEY];
    let id: unknown = marked;
    if (typeof marked === 'string' || typeof marked === 'number') delete record[ID_KEY];
    if (!id) id = record.id;
    if (id != null)
      entities.set(`${type.name}:${id}`, { typename: type.name, id: id as string | number });
    const fields = type.getFields();
    // As the plugin reads them: a response key names the field (an alias misses, as there).
    for (const key in record) {
      const fieldValue = record[key];
      const empty = fieldValue == null || (Array.isArray(fieldValue) && fieldValue.length === 0);
      const definition = fields[key];
      if (!empty || !definition) continue;
      for (const inferred of typenamesOf(definition.type))
        entities.set(inferred, { typename: inferred });
    }
    for (const [key, nodes] of root ?? subfields(type, fieldNodes)) {
      const definition = fields[(nodes[0] as FieldNode).name.value];
      if (definition) visitValue(record[key], getNamedType(definition.type), nodes);
    }
  };
  const rootFields = collectFields(
    schema,
    fragments,
    variableValues,
    queryType,
    operation.selectionSet,
  );
  visitObject(data, queryType, subfieldsOf, [], rootFields);
  return { data, entities: [...entities.values()] };
}
