// Relay connections in SQL, answered exactly as plugin-prisma's cursor connections answer them:
// `first`/`after` read forward, `last`/`before` backward; a cursor names a row, and the page starts
// just past that row in the list's order (Prisma's `cursor` with `skip: 1`); `hasPreviousPage` is
// true after a cursor and `hasNextPage` true before one, as Pothos reports them.
import type { FieldNode } from 'graphql';
import { decodeCursor } from '../cursor.js';
import { type Sql, sql } from '../db/sql.js';
import { MAX_PAGE_SIZE } from '../limits.js';
import type { Ordering } from '../rules/ordering.js';
import { FALLBACK_KEY } from './dialect.js';
import { type Field, subselections, Unsupported } from './field-sql.js';

export type ConnectionSpec = {
  /** The name its cursors carry, `connectionKey` of the field (src/cursor.ts). */
  connection: string;
  edgeType: string;
  nodeType: string;
  /** The table whose rows the connection lists; cursors name its ids. */
  table: string;
  /**
   * Which of its rows belong to the connection, over alias `row`; `article` is the row's article
   * when the list joins it for its order.
   */
  where: (row: Sql, article?: Sql) => Sql;
  order: Ordering;
  /** Page size when neither `first` nor `last` is given. */
  defaultSize: number;
  /** When the row is a link to the node (a byline, a mention): the node's table and key. */
  node?: { table: string; foreignKey: string };
  /** Edge fields beyond cursor and node: GraphQL name to a column of the row. */
  edgeColumns?: Record<string, string>;
  /** Columns in the order that may be NULL: a page touching a NULL there is left to Prisma. */
  nullableOrderColumns?: string[];
};

type Args = {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
};

type Page = { size: number; backward: boolean; cursor: number | null; args: Args };

/** The page the arguments ask for; anything Pothos refuses is left to execution to report. */
function pageOf(spec: ConnectionSpec, args: Args, path: string[]): Page {
  const { first, last, after, before } = args;
  if ((first != null && last != null) || (after != null && before != null))
    throw new Unsupported('page');
  if ((before != null && first != null) || (after != null && last != null))
    throw new Unsupported('page');
  const size = first ?? last ?? spec.defaultSize;
  if (size < 0 || size > MAX_PAGE_SIZE) throw new Unsupported('page size');
  const cursorText = after ?? before;
  const argumentName = after != null ? 'after' : 'before';
  const cursor =
    cursorText == null
      ? null
      : decodeCursor(spec.connection, cursorText, `${path.join('.')}.${argumentName}`);
  return { size, backward: before != null || last != null, cursor, args };
}

/** FROM the connection's rows over `row`, joined to their article when the order needs it. */
function rowsFrom(spec: ConnectionSpec, row: Sql, article: Sql): Sql {
  if (!spec.order.needsArticle)
    return sql`FROM ${sql.ident(spec.table)} ${row} WHERE ${spec.where(row)}`;
  return sql`FROM ${sql.ident(spec.table)} ${row} JOIN "Article" ${article} ON ${article}."id" = ${row}."articleId"
             WHERE ${spec.where(row, article)}`;
}

const beyondAsc = sql`>`;
const beyondDesc = sql`<`;

/**
 * Rows from the cursor row on in `order`, as Prisma's `cursor` reads them: for keys k1…kn, some ki
 * beyond the cursor's while every earlier key equals it, or every key equal. The values are the
 * cursor row's own, whether or not it belongs to the list; a cursor row that does not exist lets
 * nothing through. Prisma then skips one row (`skip: 1`), and so does the page (pageRows).
 */
function fromCursor(
  field: Field,
  spec: ConnectionSpec,
  order: Ordering,
  row: Sql,
  article: Sql,
  cursor: number,
): Sql {
  const { c } = field;
  const cursorValue = (column: string, through: boolean) => {
    const at = c.alias();
    if (!through) {
      return sql`(SELECT ${at}.${sql.ident(column)} FROM ${sql.ident(spec.table)} ${at} WHERE ${at}."id" = ${sql.value(cursor)})`;
    }
    const its = c.alias();
    return sql`(SELECT ${its}.${sql.ident(column)} FROM ${sql.ident(spec.table)} ${at}
                JOIN "Article" ${its} ON ${its}."id" = ${at}."articleId" WHERE ${at}."id" = ${sql.value(cursor)})`;
  };
  const keys = order.keys.map((key) => {
    const through = key.through === 'article';
    return {
      mine: sql`${through ? article : row}.${sql.ident(key.column)}`,
      theirs: cursorValue(key.column, through),
      beyond: key.direction === 'asc' ? beyondAsc : beyondDesc,
    };
  });
  const equal = (k: (typeof keys)[number]) => sql`${k.mine} = ${k.theirs}`;
  const alternatives = keys.map((key, index) =>
    sql.join(
      [...keys.slice(0, index).map(equal), sql`${key.mine} ${key.beyond} ${key.theirs}`],
      sql` AND `,
    ),
  );
  alternatives.push(sql.join(keys.map(equal), sql` AND `));
  // Implied by the alternatives, but a plain range on the first key lets the database start its
  // index scan at the cursor, so a later page reads no more rows than the first.
  const [lead] = keys as [(typeof keys)[number]];
  const range = sql`${lead.mine} ${lead.beyond === beyondAsc ? sql`>=` : sql`<=`} ${lead.theirs}`;
  return sql`(${range} AND ((${sql.join(alternatives, sql`) OR (`)})))`;
}

/** Columns the page adds to its rows: the position in reading order, and how many were read. */
const POSITION = sql.ident('#position');
const READ = sql.ident('#read');

/**
 * The page's rows, read once: up to one row more than the page, in the order they are read
 * (backward pages read the list reversed), each with its 1-based position in that order and how
 * many were read. Edges, cursors and "is there more" are all answered from these rows, so the
 * cursor's conditions and the index scan behind them run once per connection, not once per field.
 */
function pageRows(field: Field, spec: ConnectionSpec, page: Page, countRead: boolean): Sql {
  const { c } = field;
  const row = c.alias();
  const article = c.alias();
  const readOrder = page.backward ? spec.order.reversed() : spec.order;
  // Prisma reads from a cursor only when its row meets the list's conditions (a filter, or who may
  // see it: rules/visibility.ts); a cursor naming any other row gives an empty page.
  const member = c.alias();
  const memberArticle = c.alias();
  const conditions =
    page.cursor === null
      ? sql.empty
      : sql` AND ${fromCursor(field, spec, readOrder, row, article, page.cursor)}
             AND EXISTS (SELECT 1 ${rowsFrom(spec, member, memberArticle)} AND ${member}."id" = ${sql.value(page.cursor)})`;
  // Reading from a cursor starts at the cursor's own row, which Prisma skips (`skip: 1`).
  const skip = page.cursor === null ? 0 : 1;
  const order = readOrder.toSql(row, article);
  const rows = sql`SELECT ${row}.*, row_number() OVER (ORDER BY ${order}) - ${sql.value(skip)} AS ${POSITION}
               ${rowsFrom(spec, row, article)}${conditions}
               ORDER BY ${order} ${c.d.limit(page.size + 1)} OFFSET ${sql.value(skip)}`;
  // Counting what was read is a second pass over the rows; only the cursor of the last row read
  // needs it (the endCursor, or a backward page's startCursor).
  if (!countRead) return rows;
  const read = c.alias();
  return sql`SELECT ${read}.*, count(*) OVER () AS ${READ} FROM (${rows}) ${read}`;
}

/**
 * The aliases a connection's page is read under: its rows, and the node they link to;
 * `aggregated` once a field aggregates those rows (page info of constants reads none).
 */
type PageScope = { link: Sql; node: Sql; aggregated: boolean; countsRead: boolean };

/** FROM the page's rows, joined to the node when the rows are links to it. */
function pageFrom(field: Field, spec: ConnectionSpec, page: Page, scope: PageScope): Sql {
  const { link, node } = scope;
  const joinNode = spec.node
    ? sql` JOIN ${sql.ident(spec.node.table)} ${node} ON ${node}."id" = ${link}.${sql.ident(spec.node.foreignKey)}`
    : sql.empty;
  return sql`FROM (${pageRows(field, spec, page, scope.countsRead)}) ${link}${joinNode}`;
}

/**
 * The list's order over the page's rows: their position in reading order, reversed for a backward
 * page. The rows were numbered in the list's order already, so the edges need not join the
 * article again to sort by it.
 */
const listOrder = (page: Page, link: Sql) =>
  page.backward ? sql`${link}.${POSITION} DESC` : sql`${link}.${POSITION}`;

/** The whole connection object for the selections of a connection field. */
export function connection(type: string, field: Field, spec: ConnectionSpec): Sql {
  const { c } = field;
  const page = pageOf(spec, field.args as Args, field.path);
  const link = c.alias();
  const scope: PageScope = {
    link,
    node: spec.node ? c.alias() : link,
    aggregated: false,
    countsRead: false,
  };
  const entries = new Map<string, Sql>();
  for (const [key, nodes] of c.collect(type, field.selections)) {
    const name = (nodes[0] as FieldNode).name.value;
    if (name === '__typename') entries.set(key, sql.literal(type));
    else if (name === 'totalCount') {
      const row = c.alias();
      entries.set(
        key,
        sql`(SELECT count(*) FROM ${sql.ident(spec.table)} ${row} WHERE ${spec.where(row)})`,
      );
    } else if (name === 'edges')
      entries.set(key, edges(field, spec, page, scope, nodes, [...field.path, key]));
    else if (name === 'pageInfo') entries.set(key, pageInfo(field, spec, page, scope, nodes));
    else throw new Unsupported(`${type}.${name}`);
  }
  const object = c.d.object(entries);
  // An aggregate over the page's rows answers with one row even when the page is empty.
  const answer = scope.aggregated
    ? sql`(SELECT ${object} ${pageFrom(field, spec, page, scope)})`
    : object;
  return guardNulls(field, spec, page, answer);
}

/**
 * Prisma's cursor conditions treat NULL keys in its own way; a page whose list holds a NULL in a
 * nullable order column is answered by execution instead (drafts, which have no publishedAt).
 */
function guardNulls(field: Field, spec: ConnectionSpec, page: Page, object: Sql): Sql {
  const nullable = spec.order.keys.filter((key) => spec.nullableOrderColumns?.includes(key.column));
  if (nullable.length === 0 || page.cursor === null) return object;
  const { c } = field;
  const row = c.alias();
  const article = c.alias();
  const anyNull = sql.join(
    nullable.map((key) => sql`${key.through ? article : row}.${sql.ident(key.column)} IS NULL`),
    sql` OR `,
  );
  return sql`CASE WHEN EXISTS (SELECT 1 ${rowsFrom(spec, row, article)} AND (${anyNull}))
                  THEN ${c.d.object(new Map([[FALLBACK_KEY, sql`1`]]))} ELSE ${object} END`;
}

const cursorOf = (field: Field, spec: ConnectionSpec, id: Sql) =>
  field.c.d.globalId(spec.connection, id);

/** Whether a page row is within the page (the row read beyond it only tells that there is more). */
const onPage = (page: Page, link: Sql) => sql`${link}.${POSITION} <= ${sql.value(page.size)}`;

function edges(
  field: Field,
  spec: ConnectionSpec,
  page: Page,
  scope: PageScope,
  nodes: FieldNode[],
  path: string[],
): Sql {
  const { c } = field;
  const { link, node } = scope;
  scope.aggregated = true;
  const edge = new Map<string, Sql>();
  for (const [key, edgeNodes] of c.collect(spec.edgeType, subselections(nodes))) {
    const name = (edgeNodes[0] as FieldNode).name.value;
    const column = spec.edgeColumns?.[name];
    if (name === '__typename') edge.set(key, sql.literal(spec.edgeType));
    else if (name === 'cursor') edge.set(key, cursorOf(field, spec, sql`${link}."id"`));
    else if (column) edge.set(key, sql`${link}.${sql.ident(column)}`);
    else if (name === 'node')
      edge.set(key, c.object(spec.nodeType, node, subselections(edgeNodes), [...path, key]));
    else throw new Unsupported(`${spec.edgeType}.${name}`);
  }
  return c.d.aggregateArray(c.d.object(edge), listOrder(page, link), onPage(page, link));
}

function pageInfo(
  field: Field,
  spec: ConnectionSpec,
  page: Page,
  scope: PageScope,
  nodes: FieldNode[],
): Sql {
  const { c } = field;
  const { link } = scope;
  const info = new Map<string, Sql>();
  // Each of these aggregates the page's rows.
  const aggregate = (expression: Sql) => {
    scope.aggregated = true;
    return expression;
  };
  // A row was read beyond the page, in the direction it reads.
  const beyondPage = () => aggregate(c.d.boolean(sql`count(*) > ${sql.value(page.size)}`));
  // The first row read, or the last row read that is on the page.
  const firstRead = sql`${link}.${POSITION} = 1 AND ${onPage(page, link)}`;
  const lastRead = () => {
    scope.countsRead = true;
    return sql`${onPage(page, link)} AND (${link}.${POSITION} = ${sql.value(page.size)} OR ${link}.${POSITION} = ${link}.${READ})`;
  };
  // Pages are shown in the list's order, whichever way they were read.
  const cursorWhere = (condition: Sql) =>
    aggregate(
      sql`max(CASE WHEN ${condition} THEN ${cursorOf(field, spec, sql`${link}."id"`)} END)`,
    );
  for (const [key, infoNodes] of c.collect('PageInfo', subselections(nodes))) {
    const name = (infoNodes[0] as FieldNode).name.value;
    if (name === '__typename') info.set(key, sql.literal('PageInfo'));
    else if (name === 'startCursor')
      info.set(key, cursorWhere(page.backward ? lastRead() : firstRead));
    else if (name === 'endCursor')
      info.set(key, cursorWhere(page.backward ? firstRead : lastRead()));
    else if (name === 'hasNextPage') {
      if (page.args.before != null) info.set(key, c.d.boolean(sql`1 = 1`));
      else if (page.args.last != null) info.set(key, c.d.boolean(sql`1 = 0`));
      else info.set(key, beyondPage());
    } else if (name === 'hasPreviousPage') {
      if (page.args.after != null) info.set(key, c.d.boolean(sql`1 = 1`));
      else if (page.backward) info.set(key, beyondPage());
      else info.set(key, c.d.boolean(sql`1 = 0`));
    } else throw new Unsupported(`PageInfo.${name}`);
  }
  return c.d.object(info);
}
