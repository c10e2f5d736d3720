// Compiles a read operation into one SQL statement whose result is the response's `data`, as JSON,
// the way PostGraphile does: every field becomes an SQL expression, every relation a correlated
// subquery, aliases and fragments included. Executing the same document field by field costs
// several times the statement itself, most of it in resolvers that only copy values.
//
// Only what is listed in `objectFields` and `rootFields` compiles; anything else (`after`,
// `before`, `last`, filters beyond status, other orders, the people/quotes/teasers lists, node)
// makes `compileRead` return undefined, and the operation is executed by the schema as before.
// Each field's SQL repeats its resolver's rules (orderings, defaults, null handling); the tests in
// tests/compiled-reads.test.ts hold the two to the same answers.
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLIncludeDirective,
  type GraphQLSchema,
  GraphQLSkipDirective,
  getArgumentValues,
  getDirectiveValues,
  getOperationAST,
  getVariableValues,
  isAbstractType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import { connectionKey } from '../cursor.js';
import { decodeIdFor } from '../global-id.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../limits.js';
import type { Provider } from '../services/page-sql.js';
import { type ReadDialect, readDialects } from './dialect.js';

/** A list whose order SQL cannot reproduce (locale-aware names), sorted after parsing. */
export type PostSort = { path: string[]; compare: (a: SortKey, b: SortKey) => number };
/** Hidden per-element sort values, removed once the list is sorted. */
export type SortKey = { count: number; name: string; id: number };
export const SORT_KEY = '#sort';

export type CompiledRead = { sql: string; parameters: unknown[]; postSorts: PostSort[] };

/** Thrown inside the compiler when the document asks for something it does not compile. */
class Unsupported extends Error {}

type Field = {
  c: Compiler;
  /** The SQL alias of the row this field belongs to. */
  row: string;
  args: Record<string, unknown>;
  /** The field's merged selection sets (one per occurrence in the document). */
  selections: SelectionSetNode[];
  path: string[];
};

type FieldSql = (field: Field) => string;

/**
 * One compilation: the statement's parameters and aliases, and the document's fragments and
 * variables. Aliases are numbered, so nested relations of the same table never collide.
 */
class Compiler {
  readonly parameters: unknown[] = [];
  readonly postSorts: PostSort[] = [];
  private aliases = 0;

  constructor(
    readonly d: ReadDialect,
    readonly schema: GraphQLSchema,
    readonly fragments: Record<string, FragmentDefinitionNode>,
    readonly variables: Record<string, unknown>,
  ) {}

  /**
   * A placeholder for `value`. Parameters are made in compile order, which is not their order in
   * the text (a lookup's WHERE comes after its fields), and SQLite numbers `?` by position; so
   * each gets a token here, and `numberParameters` numbers them once the text is whole.
   */
  parameter(value: unknown): string {
    this.parameters.push(value);
    return `{{${this.parameters.length - 1}}}`;
  }

  /** The finished statement, with its tokens replaced by placeholders in text order. */
  numberParameters(text: string): { sql: string; parameters: unknown[] } {
    const parameters: unknown[] = [];
    const sql = text.replace(/\{\{(\d+)\}\}/g, (_token, index: string) => {
      parameters.push(this.parameters[Number(index)]);
      return this.d.parameter(parameters.length);
    });
    return { sql, parameters };
  }

  alias(): string {
    this.aliases += 1;
    return `c${this.aliases}`;
  }

  /** The JSON object for a row of `type`: one entry per response key, in document order. */
  object(type: string, row: string, selections: SelectionSetNode[], path: string[]): string {
    const fields = objectFields[type];
    const graphqlType = this.schema.getType(type);
    if (!fields || !isObjectType(graphqlType)) throw new Unsupported(type);
    const entries: Record<string, string> = {};
    for (const [key, nodes] of this.collect(type, selections)) {
      const first = nodes[0] as FieldNode;
      const name = first.name.value;
      if (name === '__typename') {
        entries[key] = `'${type}'`;
        continue;
      }
      const compileField = fields[name];
      const definition = graphqlType.getFields()[name];
      if (!compileField || !definition) throw new Unsupported(`${type}.${name}`);
      entries[key] = compileField({
        c: this,
        row,
        args: getArgumentValues(definition, first, this.variables),
        selections: subselections(nodes),
        path: [...path, key],
      });
    }
    return this.d.object(entries);
  }

  /** A nullable object: the first row of `from` (`FROM … WHERE …` over alias `row`), or null. */
  one(type: string, from: (row: string) => string, field: Field): string {
    const row = this.alias();
    return `(SELECT ${this.object(type, row, field.selections, field.path)} ${from(row)})`;
  }

  /** A list of objects of `type` over the rows of `from`, in `orderBy` order. */
  many(
    type: string,
    from: (row: string) => { from: string; orderBy: string },
    field: Field,
  ): string {
    const row = this.alias();
    const { from: source, orderBy } = from(row);
    return this.d.array(this.object(type, row, field.selections, field.path), orderBy, source);
  }

  /** graphql-js's field collection: fragments flattened, @skip/@include applied, keys merged. */
  collect(type: string, selections: SelectionSetNode[]): Map<string, FieldNode[]> {
    const fields = new Map<string, FieldNode[]>();
    const visit = (set: SelectionSetNode) => {
      for (const selection of set.selections) {
        if (!this.included(selection)) continue;
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          const nodes = fields.get(key);
          if (nodes) nodes.push(selection);
          else fields.set(key, [selection]);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          if (this.applies(selection.typeCondition?.name.value, type))
            visit(selection.selectionSet);
        } else {
          const fragment = this.fragments[selection.name.value];
          if (!fragment) throw new Unsupported(selection.name.value);
          if (this.applies(fragment.typeCondition.name.value, type)) visit(fragment.selectionSet);
        }
      }
    };
    for (const set of selections) visit(set);
    return fields;
  }

  private included(node: { directives?: readonly { name: { value: string } }[] }): boolean {
    for (const directive of node.directives ?? []) {
      const name = directive.name.value;
      if (name !== 'skip' && name !== 'include') throw new Unsupported(`@${name}`);
    }
    const skip = getDirectiveValues(GraphQLSkipDirective, node as FieldNode, this.variables);
    if (skip?.if === true) return false;
    const include = getDirectiveValues(GraphQLIncludeDirective, node as FieldNode, this.variables);
    return include?.if !== false;
  }

  private applies(condition: string | undefined, type: string): boolean {
    if (condition === undefined || condition === type) return true;
    const conditionType = this.schema.getType(condition);
    const objectType = this.schema.getType(type);
    return (
      conditionType !== undefined &&
      isAbstractType(conditionType) &&
      isObjectType(objectType) &&
      this.schema.isSubType(conditionType, objectType)
    );
  }
}

function subselections(nodes: FieldNode[]): SelectionSetNode[] {
  return nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
}

const column =
  (name: string): FieldSql =>
  ({ row }) =>
    `${row}."${name}"`;
const time =
  (name: string): FieldSql =>
  ({ c, row }) =>
    c.d.isoTime(`${row}."${name}"`);
const boolean =
  (name: string): FieldSql =>
  ({ c, row }) =>
    c.d.boolean(`${row}."${name}"`);
const globalId =
  (type: string): FieldSql =>
  ({ c, row }) =>
    c.d.globalId(type, `${row}."id"`);

/** `first` of a connection page; cursors, `last` and out-of-range sizes are not compiled. */
function pageSize(args: Record<string, unknown>): number {
  if (args.after != null || args.before != null || args.last != null)
    throw new Unsupported('cursor');
  const first = (args.first as number | null | undefined) ?? DEFAULT_PAGE_SIZE;
  if (first < 0 || first > MAX_PAGE_SIZE) throw new Unsupported('page size');
  return first;
}

type ConnectionSpec = {
  /** The name its cursors carry, `connectionKey` of the field (src/cursor.ts). */
  connection: string;
  edgeType: string;
  nodeType: string;
  /** How many rows the whole connection has (built only when asked for). */
  count: () => string;
  /**
   * The page's rows, cut by `limit` inside, over the node's alias: the FROM clause, the order to
   * list them in, that order reversed, and the column the cursor encodes.
   */
  page: (
    node: string,
    limit: string,
  ) => {
    from: string;
    orderBy: string;
    reverse: string;
    cursor: string;
    /** The alias of the row each edge stands for, when it is not the node's (a mention). */
    edgeRow?: string;
  };
  /** Edge fields beyond cursor and node: GraphQL name to a column of `edgeRow`. */
  edgeColumns?: Record<string, string>;
};

/** A cursor as `encodeCursor` writes it: base64 of "<connection>:<id>". */
const cursorOf = (d: ReadDialect, connection: string, id: string) => d.globalId(connection, id);

/**
 * A forward connection page (`first`, no cursor) with `totalCount`, `edges { cursor node }` and
 * `pageInfo`, each answered as Pothos answers it; `after`, `before` and `last` are not compiled.
 */
function connection(type: string, field: Field, spec: ConnectionSpec): string {
  const { c } = field;
  const size = pageSize(field.args);
  const entries: Record<string, string> = {};
  for (const [key, nodes] of c.collect(type, field.selections)) {
    const name = (nodes[0] as FieldNode).name.value;
    if (name === '__typename') entries[key] = `'${type}'`;
    else if (name === 'totalCount') entries[key] = spec.count();
    else if (name === 'edges') entries[key] = edges(field, spec, size, nodes, [...field.path, key]);
    else if (name === 'pageInfo') entries[key] = pageInfo(field, spec, size, nodes);
    else throw new Unsupported(`${type}.${name}`);
  }
  return c.d.object(entries);
}

function edges(
  field: Field,
  spec: ConnectionSpec,
  size: number,
  nodes: FieldNode[],
  path: string[],
): string {
  const { c } = field;
  const node = c.alias();
  const { from, orderBy, cursor, edgeRow } = spec.page(node, c.d.limit(c.parameter(size)));
  const edge: Record<string, string> = {};
  for (const [key, edgeNodes] of c.collect(spec.edgeType, subselections(nodes))) {
    const name = (edgeNodes[0] as FieldNode).name.value;
    if (name === '__typename') edge[key] = `'${spec.edgeType}'`;
    else if (name === 'cursor') edge[key] = cursorOf(c.d, spec.connection, cursor);
    else if (edgeRow && spec.edgeColumns?.[name])
      edge[key] = `${edgeRow}."${spec.edgeColumns[name]}"`;
    else if (name === 'node') {
      edge[key] = c.object(spec.nodeType, node, subselections(edgeNodes), [...path, key]);
    } else throw new Unsupported(`${spec.edgeType}.${name}`);
  }
  return c.d.array(c.d.object(edge), orderBy, from);
}

function pageInfo(field: Field, spec: ConnectionSpec, size: number, nodes: FieldNode[]): string {
  const { c } = field;
  const info: Record<string, string> = {};
  // The first or last row of the page, by the page's order or its reverse.
  const endOfPage = (reversed: boolean) => {
    const node = c.alias();
    const page = spec.page(node, c.d.limit(c.parameter(size)));
    return `(SELECT ${cursorOf(c.d, spec.connection, page.cursor)} ${page.from} ORDER BY ${reversed ? page.reverse : page.orderBy} LIMIT 1)`;
  };
  for (const [key, infoNodes] of c.collect('PageInfo', subselections(nodes))) {
    const name = (infoNodes[0] as FieldNode).name.value;
    if (name === '__typename') info[key] = `'PageInfo'`;
    else if (name === 'startCursor') info[key] = endOfPage(false);
    else if (name === 'endCursor') info[key] = endOfPage(true);
    // Paging forward from the start, there is never a previous page.
    else if (name === 'hasPreviousPage') info[key] = c.d.boolean('1 = 0');
    else if (name === 'hasNextPage') {
      // A row after the page's last one.
      const node = c.alias();
      const beyond = spec.page(node, `LIMIT 1 OFFSET ${c.parameter(size)}`);
      info[key] = c.d.boolean(`EXISTS (SELECT 1 ${beyond.from})`);
    } else throw new Unsupported(`PageInfo.${name}`);
  }
  return c.d.object(info);
}

/** Most shared articles first, then by name as the resolver compares names, then by id. */
function mostSharedFirst(a: SortKey, b: SortKey): number {
  return b.count - a.count || a.name.localeCompare(b.name) || a.id - b.id;
}

/**
 * A person's articles through a link table (bylines, mentions), newest article first, as the
 * connection helpers order them. The connection pages over the links, so cursors name them, and
 * the edge's own fields are the link's columns.
 */
function articlesThrough(
  field: Field,
  relation: 'articles' | 'mentionedIn',
  table: 'ArticleAuthor' | 'Mention',
  type: string,
  edgeType: string,
  edgeColumns?: Record<string, string>,
): string {
  const { c, row } = field;
  const link = c.alias();
  const linked = c.alias();
  return connection(type, field, {
    connection: connectionKey('Person', relation),
    edgeType,
    nodeType: 'Article',
    count: () => `(SELECT count(*) FROM "${table}" ${link} WHERE ${link}."personId" = ${row}."id")`,
    page: (node, limit) => ({
      from: `FROM (SELECT ${link}.* FROM "${table}" ${link} JOIN "Article" ${linked} ON ${linked}."id" = ${link}."articleId"
                   WHERE ${link}."personId" = ${row}."id"
                   ORDER BY ${linked}."publishedAt" DESC, ${link}."articleId" DESC ${limit}) ${link}
             JOIN "Article" ${node} ON ${node}."id" = ${link}."articleId"`,
      orderBy: `${node}."publishedAt" DESC, ${link}."articleId" DESC`,
      reverse: `${node}."publishedAt", ${link}."articleId"`,
      cursor: `${link}."id"`,
      edgeRow: link,
    }),
    edgeColumns,
  });
}

const personFields: Record<string, FieldSql> = {
  id: globalId('Person'),
  slug: column('slug'),
  name: column('name'),
  description: column('description'),
  aliases: ({ c, row }) => {
    const alias = c.alias();
    return c.d.array(
      `${alias}."alias"`,
      `${alias}."id"`,
      `FROM "PersonAlias" ${alias} WHERE ${alias}."personId" = ${row}."id"`,
    );
  },
  quotes: (field) => {
    const { c, row } = field;
    const quote = c.alias();
    const quoted = c.alias();
    return connection('PersonQuotesConnection', field, {
      connection: connectionKey('Person', 'quotes'),
      edgeType: 'PersonQuoteEdge',
      nodeType: 'Quote',
      count: () =>
        `(SELECT count(*) FROM "Quote" ${quote} WHERE ${quote}."speakerId" = ${row}."id")`,
      // Newest article first, then reading order, as the connection's Prisma query orders them.
      page: (node, limit) => ({
        from: `FROM (SELECT ${quote}.* FROM "Quote" ${quote} JOIN "Article" ${quoted} ON ${quoted}."id" = ${quote}."articleId"
                     WHERE ${quote}."speakerId" = ${row}."id"
                     ORDER BY ${quoted}."publishedAt" DESC, ${quote}."articleId" DESC, ${quote}."position" ${limit}) ${node}
               JOIN "Article" ${quoted} ON ${quoted}."id" = ${node}."articleId"`,
        orderBy: `${quoted}."publishedAt" DESC, ${node}."articleId" DESC, ${node}."position"`,
        reverse: `${quoted}."publishedAt", ${node}."articleId", ${node}."position" DESC`,
        cursor: `${node}."id"`,
      }),
    });
  },
  articles: (field) =>
    articlesThrough(
      field,
      'articles',
      'ArticleAuthor',
      'PersonArticlesConnection',
      'PersonArticlesEdge',
    ),
  mentionedIn: (field) =>
    articlesThrough(
      field,
      'mentionedIn',
      'Mention',
      'PersonMentionsConnection',
      'PersonMentionsEdge',
      {
        roleAsWritten: 'roleAsWritten',
        firstParagraph: 'firstParagraph',
      },
    ),
  quotedAlongside: (field) => {
    const { c, row } = field;
    const mine = c.alias();
    const theirs = c.alias();
    const shared = c.alias();
    const named = c.alias();
    // Each co-speaker is looked up by primary key. A join with Person lets PostgreSQL hash the
    // whole table, which grows with the database rather than with the page.
    const person = (p: string) => `FROM "Person" ${p} WHERE ${p}."id" = ${shared}."otherId"`;
    const entries: Record<string, string> = {};
    for (const [key, nodes] of c.collect('QuotedAlongside', field.selections)) {
      const name = (nodes[0] as FieldNode).name.value;
      if (name === '__typename') entries[key] = `'QuotedAlongside'`;
      // quotedAlongsideId: the list's person and the co-speaker.
      else if (name === 'id')
        entries[key] = c.d.globalId('QuotedAlongside', `${row}."id" || ':' || ${shared}."otherId"`);
      else if (name === 'count') entries[key] = `${shared}."count"`;
      else if (name === 'person') {
        entries[key] = c.one('Person', person, {
          ...field,
          selections: subselections(nodes),
          path: [...field.path, key],
        });
      } else throw new Unsupported(`QuotedAlongside.${name}`);
    }
    // Names are ordered as JavaScript's localeCompare orders them, which SQL cannot repeat: each
    // element carries its sort values, and the list is sorted once parsed.
    entries[SORT_KEY] = c.d.object({
      count: `${shared}."count"`,
      name: `(SELECT ${named}."name" ${person(named)})`,
      id: `${shared}."otherId"`,
    });
    c.postSorts.push({ path: field.path, compare: mostSharedFirst });
    return c.d.array(
      c.d.object(entries),
      `${shared}."count" DESC, ${shared}."otherId"`,
      `FROM (SELECT ${theirs}."speakerId" AS "otherId", count(DISTINCT ${theirs}."articleId") AS "count"
             FROM "Quote" ${mine} JOIN "Quote" ${theirs} ON ${theirs}."articleId" = ${mine}."articleId"
             WHERE ${mine}."speakerId" = ${row}."id" AND ${theirs}."speakerId" IS NOT NULL
               AND ${theirs}."speakerId" <> ${row}."id"
             GROUP BY ${theirs}."speakerId") ${shared}`,
    );
  },
};

const personById =
  (foreignKey: string): FieldSql =>
  (field) =>
    field.c.one(
      'Person',
      (p) => `FROM "Person" ${p} WHERE ${p}."id" = ${field.row}."${foreignKey}"`,
      field,
    );

const articleById =
  (foreignKey: string): FieldSql =>
  (field) =>
    field.c.one(
      'Article',
      (a) => `FROM "Article" ${a} WHERE ${a}."id" = ${field.row}."${foreignKey}"`,
      field,
    );

const articleFields: Record<string, FieldSql> = {
  id: globalId('Article'),
  slug: column('slug'),
  headline: column('headline'),
  status: column('status'),
  publishedAt: time('publishedAt'),
  sourceUrl: column('sourceUrl'),
  paragraphs: ({ c, row }) => c.d.paragraphs(`${row}."paragraphs"`),
  createdAt: time('createdAt'),
  updatedAt: time('updatedAt'),
  // Null when title, caption and credit are all missing, as Article.leadImage decides.
  leadImage: ({ c, row, selections, path }) =>
    `CASE WHEN ${row}."leadImageTitle" IS NULL AND ${row}."leadImageCaption" IS NULL AND ${row}."leadImageCredit" IS NULL
          THEN NULL ELSE ${c.object('LeadImage', row, selections, path)} END`,
  authors: (field) =>
    field.c.many(
      'Person',
      (p) => {
        const byline = field.c.alias();
        return {
          from: `FROM "ArticleAuthor" ${byline} JOIN "Person" ${p} ON ${p}."id" = ${byline}."personId" WHERE ${byline}."articleId" = ${field.row}."id"`,
          orderBy: `${byline}."position"`,
        };
      },
      field,
    ),
  mentions: (field) =>
    field.c.many(
      'Mention',
      (m) => ({
        from: `FROM "Mention" ${m} WHERE ${m}."articleId" = ${field.row}."id"`,
        orderBy: `${m}."firstParagraph", ${m}."id"`,
      }),
      field,
    ),
  quotes: (field) => {
    const first = field.args.first as number | null | undefined;
    if (first != null && (first < 0 || first > MAX_PAGE_SIZE)) throw new Unsupported('first');
    const limit = field.c.d.limit(field.c.parameter(first ?? null));
    return field.c.many(
      'Quote',
      (q) => ({
        from: `FROM (SELECT * FROM "Quote" WHERE "articleId" = ${field.row}."id" ORDER BY "position", "id" ${limit}) ${q}`,
        orderBy: `${q}."position", ${q}."id"`,
      }),
      field,
    );
  },
  teasers: (field) =>
    field.c.many(
      'Teaser',
      (t) => ({
        from: `FROM "Teaser" ${t} WHERE ${t}."articleId" = ${field.row}."id"`,
        orderBy: `${t}."position", ${t}."id"`,
      }),
      field,
    ),
  teasedBy: (field) =>
    field.c.many(
      'Teaser',
      (t) => ({
        from: `FROM "Teaser" ${t} WHERE ${t}."targetId" = ${field.row}."id"`,
        orderBy: `${t}."articleId", ${t}."position", ${t}."id"`,
      }),
      field,
    ),
};

/** The compilable fields of each object type, by GraphQL field name. */
const objectFields: Record<string, Record<string, FieldSql>> = {
  Article: articleFields,
  LeadImage: {
    // Keyed by its article: the row here is the article's.
    id: globalId('LeadImage'),
    title: column('leadImageTitle'),
    caption: column('leadImageCaption'),
    credit: column('leadImageCredit'),
    agency: column('leadImageAgency'),
    photographer: personById('leadImagePhotographerId'),
  },
  Person: personFields,
  Quote: {
    id: globalId('Quote'),
    text: column('text'),
    isPartial: boolean('isPartial'),
    paragraph: column('paragraph'),
    speakerRoleAsWritten: column('speakerRoleAsWritten'),
    attribution: column('attribution'),
    method: column('method'),
    confidence: column('confidence'),
    sourceAsWritten: column('sourceAsWritten'),
    attributionEvidence: column('evidence'),
    speaker: personById('speakerId'),
    article: articleById('articleId'),
  },
  Teaser: {
    id: globalId('Teaser'),
    position: column('position'),
    kicker: column('kicker'),
    title: column('title'),
    summary: column('summary'),
    isTruncated: boolean('isTruncated'),
    url: column('url'),
    article: articleById('articleId'),
    target: articleById('targetId'),
  },
  Mention: {
    id: globalId('Mention'),
    roleAsWritten: column('roleAsWritten'),
    firstParagraph: column('firstParagraph'),
    person: personById('personId'),
    article: articleById('articleId'),
  },
};

/** `{ id }` or `{ slug }` of a lookup, as `uniqueWhere` accepts it; anything else is not compiled. */
function lookup(type: 'Article' | 'Person', args: Record<string, unknown>) {
  const hasId = args.id != null;
  if (hasId === (args.slug != null)) throw new Unsupported('lookup'); // the resolver reports it
  return hasId
    ? { column: 'id', value: decodeIdFor(type, String(args.id)) }
    : { column: 'slug', value: String(args.slug) };
}

const rootFields: Record<string, FieldSql> = {
  article: (field) => {
    const { column: by, value } = lookup('Article', field.args);
    const parameter = field.c.parameter(value);
    return field.c.one(
      'Article',
      (a) => `FROM "Article" ${a} WHERE ${a}."${by}" = ${parameter}`,
      field,
    );
  },
  person: (field) => {
    const { column: by, value } = lookup('Person', field.args);
    const parameter = field.c.parameter(value);
    return field.c.one(
      'Person',
      (p) => `FROM "Person" ${p} WHERE ${p}."${by}" = ${parameter}`,
      field,
    );
  },
  quote: (field) => {
    const parameter = field.c.parameter(decodeIdFor('Quote', String(field.args.id)));
    return field.c.one('Quote', (q) => `FROM "Quote" ${q} WHERE ${q}."id" = ${parameter}`, field);
  },
  teaser: (field) => {
    const parameter = field.c.parameter(decodeIdFor('Teaser', String(field.args.id)));
    return field.c.one('Teaser', (t) => `FROM "Teaser" ${t} WHERE ${t}."id" = ${parameter}`, field);
  },
  // The front page: newest first, one status (PUBLISHED unless given).
  articles: (field) => {
    const { c, args } = field;
    const { status, ...otherFilters } = (args.filter ?? {}) as Record<string, unknown>;
    if (Object.values(otherFilters).some((value) => value != null)) throw new Unsupported('filter');
    const order = args.orderBy as { field?: string; direction?: string } | null | undefined;
    if (order && (order.field !== 'PUBLISHED_AT' || order.direction !== 'DESC')) {
      throw new Unsupported('orderBy');
    }
    const wanted = String(status ?? 'PUBLISHED');
    const counted = c.alias();
    return connection('ArticleConnection', field, {
      connection: connectionKey('Query', 'articles'),
      edgeType: 'ArticleEdge',
      nodeType: 'Article',
      count: () =>
        `(SELECT count(*) FROM "Article" ${counted} WHERE ${c.d.text(`${counted}."status"`)} = ${c.parameter(wanted)})`,
      page: (node, limit) => {
        const newest = c.alias();
        return {
          from: `FROM (SELECT * FROM "Article" ${newest} WHERE ${c.d.text(`${newest}."status"`)} = ${c.parameter(wanted)}
                       ORDER BY ${newest}."publishedAt" DESC, ${newest}."id" DESC ${limit}) ${node}`,
          orderBy: `${node}."publishedAt" DESC, ${node}."id" DESC`,
          reverse: `${node}."publishedAt", ${node}."id"`,
          cursor: `${node}."id"`,
        };
      },
    });
  },
};

/**
 * The statement answering `operationName` of `document` with `rawVariables`, or undefined when
 * any part of it is not compiled (or the variables or arguments are invalid: execution reports
 * those). `document` must already have passed validation.
 */
export function compileRead(
  schema: GraphQLSchema,
  provider: Provider,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Record<string, unknown> | null | undefined,
): CompiledRead | undefined {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'query') return undefined;
  const coerced = getVariableValues(
    schema,
    operation.variableDefinitions ?? [],
    rawVariables ?? {},
  );
  if (coerced.errors) return undefined;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  const queryType = schema.getQueryType();
  if (!queryType) return undefined;
  const c = new Compiler(readDialects[provider], schema, fragments, coerced.coerced);
  try {
    const entries: Record<string, string> = {};
    for (const [key, nodes] of c.collect(queryType.name, [operation.selectionSet])) {
      const first = nodes[0] as FieldNode;
      const name = first.name.value;
      if (name === '__typename') {
        entries[key] = `'${queryType.name}'`;
        continue;
      }
      const compileField = rootFields[name];
      const definition = queryType.getFields()[name];
      if (!compileField || !definition) return undefined;
      entries[key] = compileField({
        c,
        row: '',
        args: getArgumentValues(definition, first, coerced.coerced),
        selections: subselections(nodes),
        path: [key],
      });
    }
    return { ...c.numberParameters(c.d.statement(c.d.object(entries))), postSorts: c.postSorts };
  } catch (error) {
    // Unsupported selections, and arguments the resolvers reject (bad IDs): execution takes over.
    if (error instanceof Unsupported || isClientError(error)) return undefined;
    throw error;
  }
}

function isClientError(error: unknown): boolean {
  return error instanceof Error && 'extensions' in error;
}
