// What the response cache records of an answer made outside yoga (a compiled read of a cache miss
// at the HTTP layer). The cache plugin (@envelop/response-cache) adds `__responseCacheTypeName:
// __typename` and `__responseCacheId: id` to every selection set before execution, then strips them
// from the result, recording each object's entity, and for every null or empty field the types it
// could have held (so the answer is purged when one appears). The plugin keeps both steps private.
//
// The plugin walks the parsed result. A compiled miss has the statement's JSON text, which it can
// send as it is, so ids and markers are found in the text instead: parsing a list page, walking it
// and printing it again cost twice the statement. Scanning text for keys is sound because a
// quotation mark inside a JSON string is always escaped: `"key":` with a bare `":` can only be a
// key. An object's type need not be marked either: every id the public reads is a global ID,
// which names its type. A null or empty field is known by its response key, whichever type holds
// it (so where one key names fields of different types in a document, both types are recorded: a
// purge too many, never one too few). tests/generated-parity.test.ts holds what a miss stores to
// what the plugin stores through yoga: the same bytes, and no id the plugin records missing.
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
import type { CacheEntity } from './entities.js';

/** What the cache plugin's markers are named by (`__responseCacheId`, `__responseCacheTypeName`). */
export const MARKER_PREFIX = '__responseCache';
const ID_KEY = `${MARKER_PREFIX}Id`;

const MARKER_KEY = `"${ID_KEY}"`;
/** A marker, with what comes before and after it (a comma or a brace), to cut it out. */
const MARKERS = new RegExp(`([{,])${MARKER_KEY}:"([^"\\\\]*)"(,?)`, 'g');
/** An object's id (a global ID: no escapes) from its key's opening quotation mark on. */
const ID_VALUE = '"id":"';
/** Ids, and null or empty values from their key's closing quotation mark on. */
const SCANNED = /"id":"|":null|":\[\]/g;
const EMPTY_VALUES = /":null|":\[\]/g;

const BACKSLASH = 0x5c;

export type EntityScan = {
  /** The document to answer: an id marker where a type with an id does not select it. */
  marked: DocumentNode;
  /**
   * The answer to `marked` (JSON text without spacing) without its markers, and the entities the
   * plugin would record for it; undefined when the text is not what the markers promise. `ids`:
   * every global ID the answer holds, with its type, when the read could say (SQLite builds them
   * in a function of ours); then the text is searched only for null and empty values. An ID built
   * for a row the statement then left out only adds a purge too many.
   */
  take(json: string, ids?: ReadonlyMap<string, string>): TakenEntities | undefined;
};

export type TakenEntities = {
  json: string;
  entities: CacheEntity[];
  /** A root field may be null (the answer must then be parsed to judge if it may be stored). */
  rootMayBeNull: boolean;
};

/**
 * How a document's answers are scanned; undefined when another field answers under the name `id`.
 * (The cache stores no answer of a document that uses the marker's name: cache/index.ts.)
 */
export function entityScan(schema: GraphQLSchema, document: DocumentNode): EntityScan | undefined {
  let ambiguous = false;
  // Response key → the types a null or empty value under it may have held.
  const emptyTypes = new Map<string, Set<string>>();
  const rootKeys = new Set<string>();
  const queryType = schema.getQueryType();
  const typeInfo = new TypeInfo(schema);
  const marked = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const key = node.alias?.value ?? node.name.value;
        if (key === 'id' && node.name.value !== 'id') ambiguous = true;
        const parent = typeInfo.getParentType();
        if (parent === queryType) rootKeys.add(key);
        // As the plugin reads them: a response key names the field (an alias misses, as there).
        const field = parent && 'getFields' in parent ? parent.getFields()[key] : undefined;
        if (!field) return;
        let types = emptyTypes.get(key);
        if (!types) {
          types = new Set();
          emptyTypes.set(key, types);
        }
        for (const typename of typenamesOf(field.type)) types.add(typename);
      },
      SelectionSet(node) {
        const parent = typeInfo.getParentType();
        if (!parent || !('getFields' in parent) || !parent.getFields().id) return undefined;
        const selectsId = node.selections.some(
          (selection) =>
            selection.kind === Kind.FIELD && selection.name.value === 'id' && !selection.alias,
        );
        return selectsId ? undefined : { ...node, selections: [...node.selections, idMarker] };
      },
    }),
  );
  if (ambiguous) return undefined;

  const take = (text: string, ids?: ReadonlyMap<string, string>): TakenEntities | undefined => {
    const entities: CacheEntity[] = [];
    const seenIds = new Set<string>();
    const seenTypes = new Set<string>();
    // The same function builds cursors ("articles:18"), whose "types" the schema does not have.
    for (const [id, typename] of ids ?? [])
      if (isObjectType(schema.getType(typename))) entities.push({ typename, id });
    const record = (id: string) => {
      // A marker's id the statement did not report: not what the collection promises, so yoga answers.
      if (ids) return ids.has(id);
      if (seenIds.has(id)) return true;
      seenIds.add(id);
      const typename = typeOfGlobalId(schema, id);
      if (typename !== undefined) entities.push({ typename, id });
      return typename !== undefined;
    };
    let unknownType = false;
    const json = text.includes(MARKER_KEY)
      ? text.replace(MARKERS, (_match, before: string, id: string, after: string) => {
          if (!record(id)) unknownType = true;
          return before === '{' ? '{' : after;
        })
      : text;
    // A marker left behind is not what the scan expects: yoga answers.
    if (json.includes(MARKER_KEY)) return undefined;
    let rootMayBeNull = false;
    // One pass over the page finds ids and empty values alike; only empty values when ids are known.
    const found = new RegExp(ids ? EMPTY_VALUES : SCANNED);
    for (let match = found.exec(json); match; match = found.exec(json)) {
      const at = match.index;
      if (match[0] === ID_VALUE) {
        const start = at + ID_VALUE.length;
        if (!record(json.slice(start, json.indexOf('"', start)))) unknownType = true;
        continue;
      }
      // Within a string the key's closing quotation mark would be escaped.
      if (json.charCodeAt(at - 1) === BACKSLASH) continue;
      const key = json.slice(json.lastIndexOf('"', at - 1) + 1, at);
      // Under any key, an alias included: `story: article(slug:)` finding nothing is not stored.
      if (rootKeys.has(key)) rootMayBeNull = true;
      const types = emptyTypes.get(key);
      if (!types) continue;
      for (const typename of types)
        if (!seenTypes.has(typename)) {
          seenTypes.add(typename);
          entities.push({ typename });
        }
    }
    // An id that names no type: yoga answers.
    if (unknownType) return undefined;
    return { json, entities, rootMayBeNull };
  };
  return { marked, take };
}

/** The object type a global ID names ("<Type>:<id>" in base64), if the schema has it. */
function typeOfGlobalId(schema: GraphQLSchema, id: string): string | undefined {
  let decoded: string;
  try {
    decoded = atob(id); // a third of Buffer's time for a short string
  } catch {
    return undefined;
  }
  const typename = decoded.slice(0, decoded.indexOf(':'));
  return isObjectType(schema.getType(typename)) ? typename : undefined;
}

const idMarker: SelectionNode = {
  kind: Kind.FIELD,
  name: { kind: Kind.NAME, value: 'id' },
  alias: { kind: Kind.NAME, value: ID_KEY },
};
/** The object types a field's value may hold, as the plugin infers them for null or empty fields. */
function typenamesOf(type: GraphQLType): string[] {
  if (isListType(type) || isNonNullType(type)) return typenamesOf(type.ofType);
  if (isUnionType(type)) return type.getTypes().flatMap(typenamesOf);
  return [(type as { name: string }).name];
}
