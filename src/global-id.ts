// Relay global IDs: base64 of "<Type>:<id>". Decoding failures are the client's to fix.
import { type GraphQLSchema, isObjectType } from 'graphql';
import { badUserInput } from './errors.js';

export function encodeGlobalID(typename: string, id: bigint | number | string): string {
  return Buffer.from(`${typename}:${id}`, 'utf8').toString('base64');
}

export function decodeGlobalID(globalID: string): { typename: string; id: string } {
  const decoded = Buffer.from(globalID, 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  const typename = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  // Round-tripping rejects strings that merely happen to be valid base64.
  if (
    separator <= 0 ||
    !/^[1-9][0-9]{0,15}$/.test(id) ||
    encodeGlobalID(typename, id) !== globalID
  ) {
    throw badUserInput(`"${globalID}" is not a valid Newsgraph ID`, { argumentName: 'id' });
  }
  return { typename, id };
}

/**
 * Refuses what `node`/`nodes` cannot fetch before anything is loaded: more IDs than `max`, and an
 * ID whose type is unknown or not a Node (`Foo:1`, `__proto__:1`, a join row such as
 * `ArticleAuthor:1`), which the relay plugin would otherwise fail on with an uncoded error.
 */
export function checkNodeIds(
  schema: GraphQLSchema,
  ids: readonly { typename: string; id: string }[],
  argumentName: string,
  max: number,
): void {
  if (ids.length > max)
    throw badUserInput(`${argumentName}: ${ids.length} IDs exceed the limit of ${max}`, {
      argumentName,
      limit: max,
    });
  for (const { typename, id } of ids) {
    const type = Object.hasOwn(schema.getTypeMap(), typename) ? schema.getType(typename) : null;
    if (!isObjectType(type) || !type.getInterfaces().some((i) => i.name === 'Node'))
      throw badUserInput(
        `"${encodeGlobalID(typename, id)}" is not the ID of anything node(id:) can fetch: ${typename} is not a Node type`,
        { argumentName },
      );
  }
}

/** Decodes an ID that must name a given type, returning its numeric database id. */
export function decodeIdFor(typename: string, globalID: string): number {
  const decoded = decodeGlobalID(globalID);
  if (decoded.typename !== typename) {
    throw badUserInput(`ID "${globalID}" belongs to a ${decoded.typename}, not a ${typename}`, {
      argumentName: 'id',
    });
  }
  return Number(decoded.id);
}

/**
 * The ID of a QuotedAlongside entry: the pair (the person whose list it is, the co-speaker). It is
 * shaped like a global ID so clients treat it alike, but it names no stored row, so `node` rejects
 * it as it rejects any ID whose part after the type is not one number.
 */
export function quotedAlongsideId(subjectId: number, otherId: number): string {
  return encodeGlobalID('QuotedAlongside', `${subjectId}:${otherId}`);
}
