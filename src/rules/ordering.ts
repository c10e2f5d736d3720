// Every list order Newsgraph reads with, declared once as a value. The resolvers hand
// `toPrisma()` to Prisma; compiled reads write `toSql(...)` into their statement. Each order ends
// in a unique key (or one unique within its parent), so cursors stay stable.
import { type Sql, sql } from '../db/sql.js';

export type Direction = 'asc' | 'desc';

/** One sort key: a column of the row, or of its article (`through: 'article'`). */
type Key = { column: string; direction: Direction; through?: 'article' };

export class Ordering {
  constructor(readonly keys: readonly Key[]) {}

  /** Prisma's `orderBy` list. */
  toPrisma(): Record<string, unknown>[] {
    return this.keys.map(({ column, direction, through }) =>
      through ? { [through]: { [column]: direction } } : { [column]: direction },
    );
  }

  /**
   * An ORDER BY list over the row alias `row`; keys through the article read `article`, the alias
   * of the row's article, which the caller joins.
   */
  toSql(row: Sql, article?: Sql): Sql {
    return sql.join(
      this.keys.map(({ column, direction, through }) => {
        const owner = through ? article : row;
        if (!owner) throw new Error(`ordering by ${through}.${column} needs its ${through}`);
        return direction === 'desc'
          ? sql`${owner}.${sql.ident(column)} DESC`
          : sql`${owner}.${sql.ident(column)}`;
      }),
    );
  }

  /** The same keys the other way round: the order to read a page backwards in. */
  reversed(): Ordering {
    return new Ordering(
      this.keys.map((key) => ({ ...key, direction: key.direction === 'asc' ? 'desc' : 'asc' })),
    );
  }

  /** Whether any key is read through the row's article. */
  get needsArticle(): boolean {
    return this.keys.some((key) => key.through === 'article');
  }
}

const asc = (column: string): Key => ({ column, direction: 'asc' });
const desc = (column: string): Key => ({ column, direction: 'desc' });

/** A column then the id, both one way: the shape of every user-chosen order. */
const columnThenId = (column: string, direction: Direction) =>
  new Ordering([
    { column, direction },
    { column: 'id', direction },
  ]);

/** `articles`: newest first unless `orderBy` says otherwise. */
export const articleOrder = {
  PUBLISHED_AT: (direction: Direction) => columnThenId('publishedAt', direction),
  HEADLINE: (direction: Direction) => columnThenId('headline', direction),
  CREATED_AT: (direction: Direction) => columnThenId('createdAt', direction),
};
export const newestArticlesFirst = articleOrder.PUBLISHED_AT('desc');

/** `people`: by name, A first, unless `orderBy` says otherwise. */
export const personOrder = {
  NAME: (direction: Direction) => columnThenId('name', direction),
  CREATED_AT: (direction: Direction) => columnThenId('createdAt', direction),
};
export const peopleByName = personOrder.NAME('asc');

/**
 * Quotes and teasers across articles: by the article's publication, then the article's own order
 * (paragraph position), which always reads forward.
 */
export const articleThenPosition = (direction: Direction) =>
  new Ordering([
    { column: 'publishedAt', direction, through: 'article' },
    { column: 'articleId', direction },
    asc('position'),
  ]);
export const newestArticleThenPosition = articleThenPosition('desc');

/** Quotes by how sure their attribution is, ties by id the same way. */
export const byConfidence = (direction: Direction) => columnThenId('confidence', direction);
/** The review order: the least certain attribution first. */
export const leastConfidentFirst = byConfidence('asc');

/** A person's bylines and mentions: newest article first. */
export const linksNewestArticleFirst = new Ordering([
  { column: 'publishedAt', direction: 'desc', through: 'article' },
  desc('articleId'),
]);

/**
 * A person's co-speakers (`Person.quotedAlongside`): most shared articles first, then by name as
 * the database orders names (as `people` does), then by id. It is SQL on both read paths, so they
 * agree byte for byte and no server's locale changes a page. `named` is a fresh alias for the
 * co-speaker's row, looked up by primary key.
 */
export const mostSharedFirst = (count: Sql, otherId: Sql, named: Sql): Sql =>
  sql`${count} DESC, (SELECT ${named}."name" FROM "Person" ${named} WHERE ${named}."id" = ${otherId}), ${otherId}`;

/** An article's own relations, in the order its page shows them. */
export const relationOrder = {
  byline: new Ordering([asc('position')]),
  mentions: new Ordering([asc('firstParagraph'), asc('id')]),
  quotes: new Ordering([asc('position'), asc('id')]),
  teasers: new Ordering([asc('position'), asc('id')]),
  teasedBy: new Ordering([asc('articleId'), asc('position'), asc('id')]),
  aliases: new Ordering([asc('id')]),
};
