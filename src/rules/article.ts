// Read rules about articles that both the resolvers and compiled reads apply: the status lists
// show by default, and when an article has a lead image.
import { type Sql, sql } from '../db/sql.js';

/** Lists show PUBLISHED articles unless a status is asked for. */
export const DEFAULT_LIST_STATUS = 'PUBLISHED';

/** An article has a lead image when any of these is set; Article.leadImage is null otherwise. */
const leadImageColumns = ['leadImageTitle', 'leadImageCaption', 'leadImageCredit'] as const;

type LeadImageColumns = { [K in (typeof leadImageColumns)[number]]: string | null };

export const leadImage = {
  /** For a loaded article. */
  isNull: (article: LeadImageColumns) =>
    leadImageColumns.every((column) => article[column] == null),
  /** Prisma's condition for an article that has one. */
  toPrisma: () => ({ OR: leadImageColumns.map((column) => ({ [column]: { not: null } })) }),
  /** The SQL condition for "no lead image" over the article alias `row`. */
  isNullSql: (row: Sql) =>
    sql.join(
      leadImageColumns.map((column) => sql`${row}.${sql.ident(column)} IS NULL`),
      sql` AND `,
    ),
};
