// One statement for every value of a page's text variables: `article(slug: $slug)` is the same SQL
// for every slug, with the slug as a parameter, so a page requested for the first time need not be
// compiled again (compiling costs about as much as running the statement). Grafast plans an
// operation once and binds its variables the same way.
//
// The compiler does not say where a variable went, so this finds out by compiling once with a
// sentinel in place of each text variable's value. The sentinel is built so that any code that
// judges or changes a text (a length limit, LIKE's wildcards, trimming, case folding, escaping,
// an empty check, decoding an ID or a cursor) either rejects it or changes it: a variable whose
// sentinel comes out unchanged, as a whole parameter and nowhere in the SQL text, was only passed
// through, and any value may take its place. Anything else is compiled per value, as before.
import { Kind, type TypeNode } from 'graphql';
import { perOperation } from '../graphql-params.js';
import type { CompiledRead } from './compile.js';

/** Where each text variable's value goes among a statement's parameters. */
export type Template = { read: CompiledRead; slots: [position: number, variable: string][] };

/** Long, spaced, mixed-case, non-ASCII, with LIKE's and SQL's special characters. */
const sentinel = (name: string) => ` \u0000Newsgraph_%\\'"Ü:${name}:${'x'.repeat(1200)}\u0000 `;
const SENTINEL_MARK = '\u0000Newsgraph_%';

/** The operation's variables declared `String` or `String!` (not ID, enums or input objects). */
export const textVariables = perOperation((operation) =>
  (operation?.variableDefinitions ?? [])
    .filter((definition) => isString(definition.type))
    .map((definition) => definition.variable.name.value),
);

const isString = (type: TypeNode): boolean =>
  type.kind === Kind.NON_NULL_TYPE
    ? isString(type.type)
    : type.kind === Kind.NAMED_TYPE && type.name.value === 'String';

/**
 * The variables a template may stand for: the text variables holding a non-empty string. The
 * rest (and whether each text is empty) stay in the statement's key.
 */
export function templated(
  names: string[],
  declared: Record<string, unknown>,
): { variables: string[]; keyed: Record<string, unknown> } {
  const variables = names.filter((name) => typeof declared[name] === 'string' && declared[name]);
  const keyed = { ...declared };
  for (const name of variables) keyed[name] = true;
  return { variables, keyed };
}

/**
 * Compiles with a sentinel for each of `variables` and returns the template, or null when any
 * sentinel was judged, changed or written into the SQL text.
 */
export function makeTemplate(
  compile: (variables: Record<string, unknown>) => CompiledRead | undefined,
  declared: Record<string, unknown>,
  variables: string[],
): Template | null {
  const sentinels = new Map(variables.map((name) => [sentinel(name), name]));
  const read = compile({
    ...declared,
    ...Object.fromEntries([...sentinels].map(([s, n]) => [n, s])),
  });
  if (!read || read.sql.includes(SENTINEL_MARK)) return null;
  const slots: Template['slots'] = [];
  for (const [position, value] of read.parameters.entries()) {
    if (typeof value !== 'string' || !value.includes(SENTINEL_MARK)) continue;
    const name = sentinels.get(value);
    if (name === undefined) return null;
    slots.push([position, name]);
  }
  return { read, slots };
}

/** The template's statement for these values of its variables. */
export function fill(template: Template, declared: Record<string, unknown>): CompiledRead {
  const parameters = [...template.read.parameters];
  for (const [position, name] of template.slots) parameters[position] = declared[name];
  return { ...template.read, parameters };
}
