// One statement for every value of a page's text variables: `article(slug: $slug)` is the same SQL
// for every slug, with the slug as a parameter, so a page requested for the first time need not be
// compiled again (compiling costs about as much as running the statement). Grafast plans an
// operation once and binds its variables the same way.
//
// The compiler does not say where a variable went, so this finds out by compiling twice, with a
// different sentinel in place of each text variable's value each time. The sentinels are built so
// that code judging or changing a text (a length limit, LIKE's wildcards, trimming, case folding,
// escaping, decoding an ID or a cursor) rejects them or turns them into two other parameters. Only
// if the two statements have the same SQL and differ in nothing but whole parameters that are
// exactly the sentinels, with every variable in at least one, were the values passed through, and
// any value may take their place. Anything else is compiled per value, as before; so are texts that
// are empty, and values that are not text at all, under keys of their own.
import { Kind, type TypeNode } from 'graphql';
import { perOperation } from '../graphql-params.js';
import type { CompiledRead } from './compile.js';

/** Where each text variable's value goes among a statement's parameters. */
export type Template = { read: CompiledRead; slots: [position: number, variable: string][] };

/**
 * Two sentinels per variable, unlike each other: long, spaced, mixed-case, non-ASCII, with LIKE's
 * and SQL's special characters, so that code judging or changing a text rejects them or turns
 * them into two different parameters.
 */
const sentinel = (name: string, variant: 0 | 1) =>
  variant === 0
    ? ` \u0000Newsgraph_%\\'"Ü:${name}:${'x'.repeat(1200)}\u0000 `
    : `\tNEWSGRAPH-%_é/${name}/${'Yz'.repeat(700)}\u0000\n`;

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
 * Compiles twice, with each of `variables` replaced by one sentinel and then by the other, and
 * returns the template; or null when the two statements differ but in whole parameters that are
 * exactly the sentinels, or some variable goes into no parameter (its value was judged, changed or
 * dropped).
 */
export function makeTemplate(
  compile: (variables: Record<string, unknown>) => CompiledRead | undefined,
  declared: Record<string, unknown>,
  variables: string[],
): Template | null {
  const withSentinels = (variant: 0 | 1) =>
    compile({
      ...declared,
      ...Object.fromEntries(variables.map((name) => [name, sentinel(name, variant)])),
    });
  const first = withSentinels(0);
  const second = first && withSentinels(1);
  if (!first || !second || first.sql !== second.sql) return null;
  if (first.parameters.length !== second.parameters.length) return null;
  const slots: Template['slots'] = [];
  for (const [position, value] of first.parameters.entries()) {
    const other = second.parameters[position];
    if (value === other) continue;
    const name = variables.find(
      (candidate) => value === sentinel(candidate, 0) && other === sentinel(candidate, 1),
    );
    if (name === undefined) return null;
    slots.push([position, name]);
  }
  const bound = new Set(slots.map(([, name]) => name));
  return variables.every((name) => bound.has(name)) ? { read: first, slots } : null;
}

/** The template's statement for these values of its variables. */
export function fill(template: Template, declared: Record<string, unknown>): CompiledRead {
  const parameters = [...template.read.parameters];
  for (const [position, name] of template.slots) parameters[position] = declared[name];
  return { ...template.read, parameters };
}
