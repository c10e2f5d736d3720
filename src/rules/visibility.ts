// Who may see an article, written once: the resolvers hand `toPrisma` to Prisma, compiled reads and
// hand-written statements write `toSql` into theirs, loaded rows are checked with `admits`, and the
// response cache asks `goesLiveAfter` when its answers must expire. Quotes, mentions and teasers
// are seen only with their article (`ofArticle…`), so a reachable one never names a hidden story.
import { type Sql, sql } from '../db/sql.js';

/** Who is reading: an editor sees every article, whatever its status or time. */
export type Viewer = { isEditor: boolean };

/** The viewer anonymous requests (and every cached answer) are read as. */
export const PUBLIC_VIEWER: Viewer = { isEditor: false };

/**
 * Statuses whose articles are live from their `publishedAt` on. A SCHEDULED story goes live at its
 * time with no job running: the predicate is judged at read time, against the request's clock.
 */
export const LIVE_STATUSES = ['PUBLISHED', 'SCHEDULED'] as const;

/** A loaded article, as much of it as the rule reads. */
type ArticleState = { status: string; publishedAt: Date | null };

/** The request's viewer and its clock (yoga's context: `now` comes from the server's options). */
export type Reader = Viewer & { now?: () => number };

/** The instant a request reads at: its context's clock, or the system clock. */
export const readTime = (reader: Reader): Date => new Date((reader.now ?? Date.now)());

export const articleVisibility = {
  /** Prisma's condition on Article for what `viewer` may see at `now`; none for editors. */
  toPrisma(viewer: Viewer, now: Date) {
    if (viewer.isEditor) return {};
    return {
      status: { in: [...LIVE_STATUSES] },
      publishedAt: { not: null, lte: now },
    };
  },

  /** The same over the article alias `row`; `now` is an SQL expression for the read's instant. */
  toSql(row: Sql, viewer: Viewer, now: Sql): Sql {
    if (viewer.isEditor) return sql`1 = 1`;
    const statuses = sql.join(LIVE_STATUSES.map((status) => sql.literal(status)));
    return sql`(${row}."status" IN (${statuses}) AND ${row}."publishedAt" IS NOT NULL
                AND ${row}."publishedAt" <= ${now})`;
  },

  /** The same for an article already loaded. */
  admits(article: ArticleState, viewer: Viewer, now: Date): boolean {
    if (viewer.isEditor) return true;
    return (
      (LIVE_STATUSES as readonly string[]).includes(article.status) &&
      article.publishedAt !== null &&
      article.publishedAt.getTime() <= now.getTime()
    );
  },

  /** Prisma's condition on a row with an `article` relation (a quote, mention or teaser). */
  ofArticlePrisma(viewer: Viewer, now: Date) {
    return viewer.isEditor ? {} : { article: articleVisibility.toPrisma(viewer, now) };
  },

  /** The same over the alias `row` of a table with an `articleId` (or another) column. */
  ofArticleSql(
    row: Sql,
    viewer: Viewer,
    now: Sql,
    article: Sql,
    foreignKey: 'articleId' | 'targetId' = 'articleId',
  ): Sql {
    if (viewer.isEditor) return sql`1 = 1`;
    return sql`EXISTS (SELECT 1 FROM "Article" ${article}
                       WHERE ${article}."id" = ${row}.${sql.ident(foreignKey)}
                         AND ${articleVisibility.toSql(article, viewer, now)})`;
  },

  /**
   * Prisma's condition for articles that are not visible to the public at `now` but will be by
   * their `publishedAt` alone: the next of those instants is when public answers change.
   */
  goesLiveAfter(now: Date) {
    return { status: { in: [...LIVE_STATUSES] }, publishedAt: { gt: now } };
  },
};
