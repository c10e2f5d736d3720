// Random valid read documents, built by walking the executable schema with a seeded PRNG: the
// parity tests send each one to both read paths, so they must cover what clients can write
// (aliases, fragments, directives, variables, every argument) and stay inside the server's limits.
import {
  type DocumentNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  print,
  validate,
  visit,
} from 'graphql';
import { connectionKey } from '../../src/cursor.js';
import { encodeGlobalID } from '../../src/global-id.js';
import { documentLimits } from '../../src/limits.js';
import { operationCost } from '../../src/plugins/cost.js';
import { mulberry32, type Random, sampleDistinct } from '../bench/synthetic/random.js';

/** What the seeded database holds, for arguments that name real rows. */
export type SeededData = {
  /** Global IDs by Node type name (Article, Person, Quote, Teaser, Mention, LeadImage). */
  ids: Record<string, string[]>;
  slugs: { Article: string[]; Person: string[] };
  /** Cursors taken from earlier answers, by connection key (`articles`, `Person.quotes`). */
  cursors: Record<string, string[]>;
  /** Words from headlines, names and quotes, for the `…Contains` filters. */
  words: string[];
};

export type GeneratedDocument = {
  seed: number;
  query: string;
  variables: Record<string, unknown> | undefined;
  operationName: string | undefined;
};

export type GeneratorOptions = {
  /** The server's cost limit (COST_LIMIT): a document over it would only test the refusal. */
  costLimit: number;
};

/** Bounds that keep documents under the server's limits (src/limits.ts) and the cost budget. */
const bounds = {
  /** Selection nesting as max-depth counts it: fields and fragments each add a level. */
  depth: documentLimits.depth - 1,
  /** Nodes (Article, Person, …) nested within one another, the root's own included. */
  entities: 4,
  aliases: documentLimits.aliases - 6,
  /** Rows a selection may stand for (product of list sizes above it) before lists stop nesting. */
  rows: 300,
};

/**
 * Two kinds of document. Wide ones use every root field and argument, so most fall back to
 * execution; lean ones keep to the common shapes of pages (lookups, forward pages, few filters),
 * so many compile and the compiled path is exercised as hard as the executed one.
 */
type Profile = {
  /** Root fields, each as often as its weight. */
  roots: Record<string, number>;
  /** Connection arguments to choose from, each equally likely. */
  pages: string[];
  /** How often `filter` or `orderBy` is given. */
  inputs: number;
  fieldsPerSelection: number;
};

const profiles: Record<'wide' | 'lean', Profile> = {
  wide: {
    roots: {
      article: 4,
      person: 3,
      articles: 3,
      people: 1,
      quotes: 1,
      teasers: 1,
      quote: 1,
      teaser: 1,
      node: 1,
      nodes: 1,
    },
    pages: [
      'none',
      'none',
      'first',
      'first',
      'first',
      'after',
      'after',
      'last',
      'before',
      'cursorOnly',
      'both',
    ],
    inputs: 0.35,
    fieldsPerSelection: 6,
  },
  lean: {
    roots: { article: 4, person: 3, articles: 3, quote: 1, teaser: 1 },
    pages: ['none', 'first', 'first'],
    inputs: 0.1,
    fieldsPerSelection: 4,
  },
};

/**
 * The document for `seed`: the same seed always gives the same text and variables for the same
 * data. Documents over the cost limit are drawn again from a stream derived from the seed.
 */
export function generateDocument(
  schema: GraphQLSchema,
  data: SeededData,
  seed: number,
  options: GeneratorOptions,
): GeneratedDocument {
  for (let attempt = 0; ; attempt++) {
    const random = mulberry32(seed + attempt * 0x9e3779b9);
    const generated = { seed, ...new DocumentBuilder(schema, data, random).build() };
    const cost = operationCost(
      schema,
      parse(generated.query),
      generated.operationName,
      generated.variables,
      {},
    );
    if (typeof cost !== 'number' || cost <= options.costLimit || attempt >= 20) return generated;
  }
}

type Context = {
  /** Nesting of the selection set being built, as max-depth counts it. */
  depth: number;
  entities: number;
  rows: number;
  /**
   * Inside a type-conditioned branch of an abstract selection: its fields merge with the other
   * branches', so names whose types differ between Node types (`quotes`, `title`) are aliased.
   */
  branch: boolean;
};

type Built = { text: string; depth: number };

type Fragment = {
  name: string;
  on: string;
  /** Levels its body adds below the spread. */
  depth: number;
  /** Aliases in its body: max-aliases counts them again at every spread. */
  aliases: number;
  branchSafe: boolean;
};

type Variable = { type: string; value: unknown; defaultValue?: string };

/** Builds one document; each instance is used once. */
class DocumentBuilder {
  private readonly variables = new Map<string, Variable>();
  private readonly fragments: Fragment[] = [];
  private readonly fragmentTexts: string[] = [];
  private aliases = 0;
  private names = 0;
  private readonly conflicting: Set<string>;
  private readonly profile: Profile;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly data: SeededData,
    private readonly random: Random,
  ) {
    this.conflicting = conflictingFieldNames(schema);
    this.profile = random.chance(0.5) ? profiles.lean : profiles.wide;
  }

  build(): Omit<GeneratedDocument, 'seed'> {
    const root = this.rootSelection();
    const selections = [root, ...this.fragmentTexts].join('\n');
    // Variables of arguments whose field was then left out (too deep, no alias left) go too.
    for (const name of [...this.variables.keys()]) {
      if (!new RegExp(`\\$${name}\\b`).test(selections)) this.variables.delete(name);
    }
    const definitions = [...this.variables].map(
      ([name, variable]) =>
        `$${name}: ${variable.type}${variable.defaultValue === undefined ? '' : ` = ${variable.defaultValue}`}`,
    );
    const values = Object.fromEntries(
      [...this.variables]
        .filter(([, variable]) => variable.defaultValue === undefined)
        .map(([name, variable]) => [name, variable.value]),
    );
    const named = definitions.length > 0 || this.random.chance(0.5);
    const extraOperation = named && this.random.chance(0.08);
    const operationName = named ? `Generated${this.random.int(1, 999)}` : undefined;
    const head = named
      ? `query ${operationName}${definitions.length ? `(${definitions.join(', ')})` : ''} `
      : '';
    const parts = [`${head}${root}`, ...this.fragmentTexts];
    // A second operation makes the server pick one by name, as clients sending a whole file do.
    if (extraOperation) parts.push('query Other { __typename }');
    return {
      query: parts.join('\n'),
      variables: definitions.length > 0 || this.random.chance(0.2) ? values : undefined,
      operationName: extraOperation || this.random.chance(0.3) ? operationName : undefined,
    };
  }

  private rootSelection(): string {
    const query = this.schema.getQueryType();
    if (!query) throw new Error('the schema has no query type');
    const context: Context = { depth: 0, entities: 0, rows: 1, branch: false };
    const chosen: string[] = [];
    const count = this.random.int(1, 3);
    const weighted = Object.entries(this.profile.roots).flatMap(([name, weight]) =>
      Array.from({ length: weight }, () => name),
    );
    for (let i = 0; i < count; i++) {
      const field = query.getFields()[this.random.pick(weighted)];
      if (!field) continue;
      // Root fields are always aliased, so two of one field never have to agree on arguments.
      const printed = this.field(query, field, { ...context, depth: 1 }, true);
      if (printed) chosen.push(printed.text);
    }
    if (chosen.length === 0 || this.random.chance(0.1)) chosen.push('__typename');
    if (this.random.chance(0.1)) chosen.push(`... ${this.directives()}{ __typename }`);
    return `{ ${chosen.join(' ')} }`;
  }

  /** A selection set on `type` whose own fields sit at `context.depth + 1`; undefined if empty. */
  private selectionSet(type: GraphQLNamedType, context: Context): Built | undefined {
    if (isAbstractType(type)) return this.abstractSelection(type, context);
    if (!isObjectType(type)) return undefined;
    const depth = context.depth + 1;
    const parts: Built[] = [];
    // A public reader's documents: fields only the newsroom may read (history) are left out; their
    // refusal is tested where they are.
    const fields = Object.values(type.getFields()).filter(
      (field) =>
        !(field.extensions as { pothosOptions?: { authScopes?: unknown } }).pothosOptions
          ?.authScopes,
    );
    const count = this.random.int(1, Math.min(this.profile.fieldsPerSelection, fields.length));
    for (const field of sampleDistinct(this.random, fields, count)) {
      const printed = this.field(type, field, { ...context, depth });
      if (printed) parts.push(printed);
      // The same response key twice, merged: a second, different selection of a field.
      if (printed && !field.args.length && this.random.chance(0.05)) {
        const again = this.field(type, field, { ...context, depth }, false, true);
        if (again) parts.push(again);
      }
    }
    if (this.random.chance(0.1)) parts.push({ text: '__typename', depth });
    if (depth + 1 < bounds.depth && this.random.chance(0.12)) {
      // No condition, the type's own, or an interface it implements (whose body branches again).
      const on: GraphQLNamedType | undefined = this.random.pick([
        undefined,
        type,
        ...type.getInterfaces(),
      ]);
      const inner = this.selectionSet(on ?? type, { ...context, depth });
      const condition = on ? `on ${on.name} ` : '';
      if (inner)
        parts.push({
          text: `... ${condition}${this.directives()}${inner.text}`,
          depth: inner.depth,
        });
    }
    if (depth + 1 < bounds.depth && this.random.chance(0.12)) {
      const spread = this.fragmentSpread(type, context);
      if (spread) parts.push(spread);
    }
    if (parts.length === 0) {
      const leaf = fields.find((field) => isLeafType(getNamedType(field.type)));
      parts.push({ text: leaf ? leaf.name : '__typename', depth });
    }
    return {
      text: `{ ${parts.map((part) => part.text).join(' ')} }`,
      depth: Math.max(...parts.map((part) => part.depth)),
    };
  }

  /** `node`/`nodes`, or a fragment on Node: the id, and branches for some of its types. */
  private abstractSelection(
    type: GraphQLNamedType & { name: string },
    context: Context,
  ): Built | undefined {
    if (!isAbstractType(type)) return undefined;
    const depth = context.depth + 1;
    const parts: Built[] = [];
    if (this.random.chance(0.6)) parts.push({ text: 'id', depth });
    if (this.random.chance(0.3)) parts.push({ text: '__typename', depth });
    const possible = this.schema.getPossibleTypes(type);
    const branches = sampleDistinct(this.random, possible, this.random.int(0, 3));
    for (const branch of branches) {
      if (depth + 1 >= bounds.depth) break;
      const branchContext = { ...context, depth, branch: true };
      if (this.random.chance(0.2)) {
        const spread = this.fragmentSpread(branch, { ...context, branch: true });
        if (spread) parts.push(spread);
        continue;
      }
      const inner = this.selectionSet(branch, branchContext);
      if (inner)
        parts.push({
          text: `... on ${branch.name} ${this.directives()}${inner.text}`,
          depth: inner.depth,
        });
    }
    if (parts.length === 0) parts.push({ text: 'id', depth });
    return {
      text: `{ ${parts.map((part) => part.text).join(' ')} }`,
      depth: Math.max(...parts.map((part) => part.depth)),
    };
  }

  /** `...Name` for a fragment on `type`, reused when one fits here, else defined now. */
  private fragmentSpread(type: GraphQLObjectType, context: Context): Built | undefined {
    // max-depth counts a spread twice (the spread, then the fragment), so its fields sit two
    // levels below the selection set it is in.
    const depth = context.depth + 1;
    if (depth + 2 > bounds.depth) return undefined;
    const fits = this.fragments.filter(
      (fragment) =>
        fragment.on === type.name &&
        depth + fragment.depth <= bounds.depth &&
        this.aliases + fragment.aliases <= bounds.aliases &&
        (!context.branch || fragment.branchSafe),
    );
    if (fits.length > 0 && this.random.chance(0.5)) {
      const fragment = this.random.pick(fits);
      this.aliases += fragment.aliases;
      return { text: `...${fragment.name} ${this.directives()}`, depth: depth + fragment.depth };
    }
    // Sometimes on an interface the type implements, whose body then branches by type itself.
    const faces = type.getInterfaces();
    const on: GraphQLNamedType =
      faces.length > 0 && this.random.chance(0.2) ? this.random.pick(faces) : type;
    const aliasesBefore = this.aliases;
    const body = this.selectionSet(on, { ...context, depth: depth + 1 });
    if (!body) return undefined;
    const name = `F${++this.names}`;
    this.fragmentTexts.push(`fragment ${name} on ${on.name} ${body.text}`);
    if (on === type)
      this.fragments.push({
        name,
        on: on.name,
        depth: body.depth - depth,
        aliases: this.aliases - aliasesBefore,
        branchSafe: context.branch,
      });
    return { text: `...${name} ${this.directives()}`, depth: body.depth };
  }

  /**
   * One field of `parent`, with arguments, alias, directives and a selection, or undefined when it
   * cannot go here (too deep, too many rows, no aliases left for a field that needs one).
   */
  private field(
    parent: GraphQLObjectType,
    field: GraphQLField<unknown, unknown>,
    context: Context,
    alwaysAlias = false,
    withoutArguments = false,
  ): Built | undefined {
    const named = getNamedType(field.type);
    const depth = context.depth;
    let args = withoutArguments ? [] : this.arguments(parent, field);
    const required = field.args.some((arg) => isNonNullType(arg.type));
    const needsAlias =
      alwaysAlias || args.length > 0 || (context.branch && this.conflicting.has(field.name));
    let alias = '';
    if (needsAlias || this.random.chance(0.15)) {
      if (this.aliases < bounds.aliases) {
        this.aliases += 1;
        alias = `${field.name.slice(0, 1)}${++this.names}: `;
      } else if (required || (context.branch && this.conflicting.has(field.name))) {
        return undefined;
      } else {
        args = [];
      }
    }
    let selection = '';
    let reached = depth;
    if (!isLeafType(named)) {
      const entities = context.entities + (isNode(named) ? 1 : 0);
      const rows = context.rows * rowsPerItem(field, args);
      if (depth >= bounds.depth || entities > bounds.entities || rows > bounds.rows)
        return undefined;
      const inner = this.selectionSet(named, { depth, entities, rows, branch: false });
      if (!inner) return undefined;
      selection = ` ${inner.text}`;
      reached = inner.depth;
    }
    const printedArgs = args.length ? `(${args.map((arg) => arg.text).join(', ')})` : '';
    const directives = this.random.chance(0.15) ? ` ${this.directives().trim()}` : '';
    const text = `${alias}${field.name}${printedArgs}${directives}${selection}`;
    // Two aliases of one field with different arguments, side by side.
    if (alias && args.length > 0 && this.aliases < bounds.aliases && this.random.chance(0.15)) {
      const twin = this.field(parent, field, context, true);
      if (twin) return { text: `${text} ${twin.text}`, depth: Math.max(reached, twin.depth) };
    }
    return { text, depth: reached };
  }

  /** `@skip`/`@include`, with literal or variable conditions, or nothing; ends with a space. */
  private directives(): string {
    if (!this.random.chance(0.3)) return '';
    const chosen = this.random.pick([['skip'], ['include'], ['skip', 'include']]);
    return `${chosen.map((name) => `@${name}(if: ${this.condition()})`).join(' ')} `;
  }

  private condition(): string {
    if (this.random.chance(0.5)) return String(this.random.chance(0.5));
    const name = `b${++this.names}`;
    const value = this.random.chance(0.5);
    // A nullable variable left out takes its default; a non-null one is always sent.
    this.variables.set(
      name,
      this.random.chance(0.2)
        ? { type: 'Boolean', value, defaultValue: String(value) }
        : { type: 'Boolean!', value },
    );
    return `$${name}`;
  }

  private arguments(
    parent: GraphQLObjectType,
    field: GraphQLField<unknown, unknown>,
  ): { name: string; value: unknown; text: string }[] {
    const values = this.argumentValues(parent, field);
    return Object.entries(values).flatMap(([name, value]) => {
      const arg = field.args.find((candidate) => candidate.name === name);
      if (!arg || value === undefined) return [];
      return [{ name, value, text: `${name}: ${this.argumentText(arg, value)}` }];
    });
  }

  /** The literal, or a variable holding the value (sometimes through its default). */
  private argumentText(arg: GraphQLArgument, value: unknown): string {
    if (!this.random.chance(0.25)) return literal(value, arg.type);
    const name = `v${++this.names}`;
    const type = String(arg.type);
    if (!isNonNullType(arg.type) && value !== null && this.random.chance(0.15)) {
      this.variables.set(name, { type, value, defaultValue: literal(value, arg.type) });
    } else {
      this.variables.set(name, { type, value });
    }
    return `$${name}`;
  }

  /** Values for some of `field`'s arguments, by what each argument means. */
  private argumentValues(
    parent: GraphQLObjectType,
    field: GraphQLField<unknown, unknown>,
  ): Record<string, unknown> {
    const names = new Set(field.args.map((arg) => arg.name));
    const values: Record<string, unknown> = {};
    const r = this.random;
    const target = getNamedType(field.type).name;
    if (names.has('slug') && names.has('id')) {
      // article/person: one of slug or id, real or not; rarely both or neither (an error).
      const kind = r.pick(['slug', 'slug', 'slug', 'id', 'id', 'unknown', 'both', 'neither']);
      if (kind === 'slug' || kind === 'both') values.slug = this.slug(target);
      if (kind === 'id' || kind === 'both') values.id = this.id(target);
      if (kind === 'unknown') {
        if (r.chance(0.5)) values.slug = 'no-such-slug';
        else values.id = encodeGlobalID(target, 999_999);
      }
      return values;
    }
    if (names.has('id')) {
      values.id = this.id(field.name === 'node' ? r.pick(Object.keys(this.data.ids)) : target);
      return values;
    }
    if (names.has('ids')) {
      values.ids = Array.from({ length: r.int(0, 4) }, () =>
        this.id(r.pick(Object.keys(this.data.ids))),
      );
      return values;
    }
    if (names.has('after') || names.has('before')) Object.assign(values, this.page(parent, field));
    else if (names.has('first') && r.chance(0.6)) values.first = r.int(0, 20);
    for (const name of ['filter', 'orderBy']) {
      const arg = field.args.find((candidate) => candidate.name === name);
      if (arg && r.chance(this.profile.inputs)) values[name] = this.inputValue(arg.type, name);
    }
    return values;
  }

  /** Connection arguments: mostly forward pages, some from a cursor, some backward. */
  private page(parent: GraphQLObjectType, field: GraphQLField<unknown, unknown>) {
    const r = this.random;
    const key = connectionKey(parent.name, field.name);
    const size = () => r.int(0, 20);
    const mode = r.pick(this.profile.pages);
    if (mode === 'first') return { first: size() };
    if (mode === 'after')
      return { first: r.chance(0.8) ? size() : undefined, after: this.cursor(key) };
    if (mode === 'last') return { last: size() };
    if (mode === 'before')
      return { last: r.chance(0.8) ? size() : undefined, before: this.cursor(key) };
    if (mode === 'cursorOnly')
      return r.chance(0.5) ? { after: this.cursor(key) } : { before: this.cursor(key) };
    if (mode === 'both') return { first: size(), last: size() }; // refused: two pages at once
    return {};
  }

  /** A cursor from an earlier answer, a valid-looking one, or rarely another list's or garbage. */
  private cursor(key: string): string {
    const r = this.random;
    const seen = this.data.cursors[key] ?? [];
    const roll = r.next();
    if (roll < 0.7 && seen.length > 0) return r.pick(seen);
    if (roll < 0.9) return encodeGlobalID(key, r.int(1, 300));
    const others = Object.entries(this.data.cursors).filter(
      ([other, list]) => other !== key && list.length,
    );
    if (roll < 0.95 && others.length > 0) return r.pick(r.pick(others)[1]);
    return 'bm90IGEgY3Vyc29y';
  }

  private slug(type: string): string {
    const slugs = type === 'Article' ? this.data.slugs.Article : this.data.slugs.Person;
    return slugs.length > 0 && this.random.chance(0.9) ? this.random.pick(slugs) : 'no-such-slug';
  }

  /** A real ID of `type` mostly; else one that names nothing, another type's, or not an ID. */
  private id(type: string): string {
    const r = this.random;
    const real = this.data.ids[type] ?? [];
    const roll = r.next();
    if (roll < 0.8 && real.length > 0) return r.pick(real);
    if (roll < 0.9) return encodeGlobalID(type, r.int(100_000, 999_999));
    if (roll < 0.96)
      return r.pick(r.pick(Object.values(this.data.ids).filter((ids) => ids.length)));
    return 'bm9wZQ==';
  }

  /** A value of an input type, for the argument or input field `name`. */
  private inputValue(type: GraphQLInputType, name: string): unknown {
    const r = this.random;
    const nullable = getNullableType(type);
    if (isListType(nullable)) return [this.inputValue(nullable.ofType, name)];
    if (isEnumType(nullable)) return r.pick(nullable.getValues()).name;
    if (isInputObjectType(nullable)) {
      const fields = Object.values(nullable.getFields());
      // @oneOf inputs (PersonRef, ArticleRef) take exactly one field.
      const chosen = nullable.isOneOf
        ? [r.pick(fields)]
        : fields.filter((field) => isNonNullType(field.type) || r.chance(0.35));
      const target = nullable.name.replace(/Ref$/, '');
      return Object.fromEntries(
        chosen.map((field) => {
          if (field.name === 'id' && nullable.isOneOf) return [field.name, this.id(target)];
          if (field.name === 'slug') return [field.name, this.slug(target)];
          return [field.name, this.inputValue(field.type, field.name)];
        }),
      );
    }
    switch (nullable.name) {
      case 'Boolean':
        return r.chance(0.5);
      case 'Int':
        return r.int(0, 5);
      case 'Float':
        return r.pick([0, 0.1, 0.5, 0.8, 0.95, 1]);
      case 'DateTime':
        return new Date(Date.UTC(r.int(2019, 2025), r.int(0, 11), r.int(1, 28))).toISOString();
      default:
        // …Contains filters: a word from the data, its case changed, or rarely text in none.
        return r.chance(0.85) && this.data.words.length > 0
          ? changeCase(r, r.pick(this.data.words))
          : r.pick(['zzz-none', '%', '_', '']);
    }
  }
}

function changeCase(random: Random, word: string): string {
  return random.pick([word, word.toLowerCase(), word.toUpperCase()]);
}

function isNode(type: GraphQLNamedType): boolean {
  if (isObjectType(type)) return type.getInterfaces().some((face) => face.name === 'Node');
  return isInterfaceType(type) && type.name === 'Node';
}

/** How many items a field's selection is taken to stand for, as the cost rule counts them. */
function rowsPerItem(
  field: GraphQLField<unknown, unknown>,
  args: { name: string; value: unknown }[],
) {
  const given = (name: string) => args.find((arg) => arg.name === name)?.value;
  const ids = given('ids');
  if (Array.isArray(ids)) return Math.max(ids.length, 1);
  const page = given('first') ?? given('last');
  if (typeof page === 'number') return Math.max(page, 1);
  if (field.args.some((arg) => arg.name === 'first'))
    return isListType(getNullableType(field.type)) ? 10 : 20;
  return isListType(getNullableType(field.type)) && field.name !== 'edges' ? 10 : 1;
}

/**
 * Field names that mean different types on different Node types (Article.quotes is a list,
 * Person.quotes a connection): in branches of one abstract selection, they could not share a key.
 */
function conflictingFieldNames(schema: GraphQLSchema): Set<string> {
  const seen = new Map<string, string>();
  const conflicting = new Set<string>();
  const node = schema.getType('Node');
  if (!node || !isAbstractType(node)) return conflicting;
  for (const type of schema.getPossibleTypes(node)) {
    for (const field of Object.values(type.getFields())) {
      const printed = `${String(field.type)}(${field.args.map((arg) => `${arg.name}:${arg.type}`)})`;
      const before = seen.get(field.name);
      if (before !== undefined && before !== printed) conflicting.add(field.name);
      seen.set(field.name, printed);
    }
  }
  return conflicting;
}

/** `value` as a GraphQL literal of `type`. */
function literal(value: unknown, type: GraphQLInputType): string {
  const nullable = getNullableType(type);
  if (value === null || value === undefined) return 'null';
  if (isListType(nullable)) {
    const items = Array.isArray(value) ? value : [value];
    return `[${items.map((item) => literal(item, nullable.ofType)).join(', ')}]`;
  }
  if (isEnumType(nullable)) return String(value);
  if (isInputObjectType(nullable)) {
    const fields = nullable.getFields();
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([name, fieldValue]) =>
        `${name}: ${literal(fieldValue, (fields[name] as { type: GraphQLInputType }).type)}`,
    );
    return `{ ${entries.join(', ')} }`;
  }
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

/**
 * The smallest document, found by deleting one selection, argument or directive at a time, that
 * still validates and still `fails`: what a parity failure report should show.
 */
export async function shrinkDocument(
  schema: GraphQLSchema,
  document: GeneratedDocument,
  fails: (candidate: GeneratedDocument) => Promise<boolean>,
  maxTries = 400,
): Promise<GeneratedDocument> {
  let current = document;
  let tries = 0;
  for (let changed = true; changed && tries < maxTries; ) {
    changed = false;
    const removable = countRemovable(parse(current.query));
    for (let index = removable - 1; index >= 0 && tries < maxTries; index--) {
      const candidate = withoutNode(schema, current, index);
      if (!candidate) continue;
      tries += 1;
      if (await fails(candidate)) {
        current = candidate;
        changed = true;
      }
    }
  }
  return current;
}

const removableKinds = new Set<string>([
  Kind.FIELD,
  Kind.INLINE_FRAGMENT,
  Kind.FRAGMENT_SPREAD,
  Kind.ARGUMENT,
  Kind.DIRECTIVE,
  Kind.OBJECT_FIELD,
]);

function countRemovable(document: DocumentNode): number {
  let count = 0;
  visit(document, {
    enter(node) {
      if (removableKinds.has(node.kind)) count += 1;
    },
  });
  return count;
}

/** `document` without its `index`-th removable node, tidied; undefined if that is not valid. */
function withoutNode(
  schema: GraphQLSchema,
  document: GeneratedDocument,
  index: number,
): GeneratedDocument | undefined {
  let seen = 0;
  let ast: DocumentNode = visit(parse(document.query), {
    enter(node) {
      if (!removableKinds.has(node.kind)) return undefined;
      return seen++ === index ? null : undefined;
    },
  });
  // An emptied selection set prints as nothing, which does not parse: such a cut is not taken.
  try {
    ast = parse(print(withoutUnused(ast)));
  } catch {
    return undefined;
  }
  if (validate(schema, ast).length > 0) return undefined;
  const defined = new Set<string>();
  visit(ast, {
    VariableDefinition(node) {
      defined.add(node.variable.name.value);
    },
  });
  const variables =
    document.variables &&
    Object.fromEntries(Object.entries(document.variables).filter(([name]) => defined.has(name)));
  const operations = ast.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
  return {
    ...document,
    query: print(ast),
    variables,
    operationName: operations > 1 ? document.operationName : undefined,
  };
}

/** Drops fragments no longer spread and variables no longer used, until none are left over. */
function withoutUnused(document: DocumentNode): DocumentNode {
  for (;;) {
    const spread = new Set<string>();
    const used = new Set<string>();
    visit(document, {
      FragmentSpread(node) {
        spread.add(node.name.value);
      },
      VariableDefinition() {
        return false; // a definition is not a use
      },
      Variable(node) {
        used.add(node.name.value);
      },
    });
    let removed = false;
    const tidied = visit(document, {
      FragmentDefinition(node) {
        if (spread.has(node.name.value)) return undefined;
        removed = true;
        return null;
      },
      VariableDefinition(node) {
        if (used.has(node.variable.name.value)) return undefined;
        removed = true;
        return null;
      },
    });
    if (!removed) return tidied;
    document = tidied;
  }
}
