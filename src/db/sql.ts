// SQL fragments that cannot be built from raw strings, after pg-sql2: text enters only through the
// literal parts of a `sql` tagged template; everything interpolated is another fragment, an
// identifier (quoted here), a bound value (a placeholder, numbered when the statement is rendered)
// or a constant string literal (escaped here). So a statement's safety rests on this module, not
// on every caller remembering to quote.

const FRAGMENT = Symbol('sql fragment');

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'identifier'; name: string }
  | { kind: 'value'; value: unknown }
  | { kind: 'literal'; text: string };

/** A piece of SQL. Only this module makes one. */
export type Sql = { readonly [FRAGMENT]: readonly Node[] };

const fragment = (nodes: readonly Node[]): Sql =>
  Object.freeze({ [FRAGMENT]: Object.freeze(nodes) });

function isSql(value: unknown): value is Sql {
  return typeof value === 'object' && value !== null && FRAGMENT in value;
}

/** Appends one by one: spreading a large fragment into `push` can overflow the call stack. */
function append(nodes: Node[], part: Sql): void {
  for (const node of part[FRAGMENT]) nodes.push(node);
}

/**
 * A tagged template's literal parts are a frozen array whose `raw` copy, as frozen and as long, is
 * a hidden, read-only property. An array a caller built from data has none of that unless it was
 * forged on purpose (`Object.defineProperty`), which no careless call does by accident.
 */
function isTemplate(strings: unknown): strings is TemplateStringsArray {
  if (!Array.isArray(strings) || !Object.isFrozen(strings)) return false;
  const raw = Object.getOwnPropertyDescriptor(strings, 'raw');
  return (
    raw !== undefined &&
    !raw.enumerable &&
    !raw.writable &&
    Array.isArray(raw.value) &&
    Object.isFrozen(raw.value) &&
    raw.value.length === strings.length
  );
}

function assertFragment(part: unknown, where: string): asserts part is Sql {
  if (!isSql(part)) {
    throw new TypeError(
      `sql: ${where} is a ${part === null ? 'null' : typeof part}, not a fragment; use sql.value, sql.ident or sql.literal`,
    );
  }
}

/** `sql\`SELECT ${sql.ident('id')} FROM …\``: every interpolation must itself be a fragment. */
export function sql(strings: TemplateStringsArray, ...parts: Sql[]): Sql {
  if (!isTemplate(strings)) throw new TypeError('sql must be used as a tagged template');
  const nodes: Node[] = [];
  if (parts.length !== strings.length - 1)
    throw new TypeError('sql: parts do not fit the template');
  strings.forEach((text, index) => {
    if (text) nodes.push({ kind: 'text', text });
    if (index < parts.length) {
      const part: unknown = parts[index];
      assertFragment(part, `interpolation ${index}`);
      append(nodes, part);
    }
  });
  return fragment(nodes);
}

/** A quoted identifier; `sql.ident('c1', 'id')` is `"c1"."id"`. */
sql.ident = (...names: string[]): Sql => {
  if (names.length === 0) throw new TypeError('sql.ident needs a name');
  const nodes: Node[] = [];
  names.forEach((name, index) => {
    assertIdentifier(name);
    if (index > 0) nodes.push({ kind: 'text', text: '.' });
    nodes.push({ kind: 'identifier', name });
  });
  return fragment(nodes);
};

/** A bound parameter. */
sql.value = (value: unknown): Sql => fragment([{ kind: 'value', value }]);

/**
 * A constant string written into the statement as a literal ('…', quotes doubled), for what a
 * placeholder cannot stand for: JSON keys and type names the statement builds its result with.
 */
sql.literal = (text: string): Sql => {
  if (typeof text !== 'string') throw new TypeError('sql.literal needs a string');
  if (text.includes('\0')) throw new TypeError('sql: a literal cannot hold NUL');
  return fragment([{ kind: 'literal', text }]);
};

/** Fragments joined by a separator written as a template: `sql.join(columns, sql\`, \`)`. */
sql.join = (parts: readonly Sql[], separator: Sql = sql`, `): Sql => {
  assertFragment(separator, 'the separator');
  const nodes: Node[] = [];
  parts.forEach((part: unknown, index) => {
    assertFragment(part, `part ${index} of the join`);
    if (index > 0) append(nodes, separator);
    append(nodes, part);
  });
  return fragment(nodes);
};

/** The empty fragment. */
sql.empty = fragment([]);

export type Rendered = { text: string; values: unknown[] };

/** How a database writes the placeholder for its `position`-th (1-based) bound value. */
export type Placeholder = (position: number) => string;

export const placeholders = {
  sqlite: () => '?',
  postgres: (position: number) => `$${position}`,
} satisfies Record<string, Placeholder>;

/** The statement text with its values in placeholder order. */
export function render(statement: Sql, placeholder: Placeholder): Rendered {
  const values: unknown[] = [];
  let text = '';
  for (const node of statement[FRAGMENT]) {
    if (node.kind === 'text') text += node.text;
    else if (node.kind === 'identifier') text += quoteIdentifier(node.name);
    else if (node.kind === 'literal') text += quoteLiteral(node.text);
    else {
      values.push(node.value);
      text += placeholder(values.length);
    }
  }
  return { text, values };
}

/** Checked when the fragment is made, so the error points at the code that built it. */
function assertIdentifier(name: unknown): asserts name is string {
  if (typeof name !== 'string' || name.length === 0 || name.includes('\0'))
    throw new TypeError('sql: invalid identifier');
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Quotes doubled is the whole of SQL's escaping: a backslash is an ordinary character in SQLite
 * and in PostgreSQL (standard_conforming_strings, on by default since 9.1).
 */
function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
