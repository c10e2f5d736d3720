// How many quotes, bylines and mentions each person has: the totalCount of Person's connections.
import { readDialects } from '../compiled/dialect.js';
import { type Db, providerOf, queryRows } from '../db/client.js';
import { type Sql, sql } from '../db/sql.js';
import { articleVisibility, type Viewer } from '../rules/visibility.js';

export type PersonCounts = { quotes: number; authored: number; mentions: number };

type CountRow = {
  id: number | bigint;
  quotes: number | bigint;
  authored: number | bigint;
  mentions: number | bigint;
};

/**
 * One statement for every person a request asks about. Each count is a subquery on the person's
 * index, so it costs what the person has, not what the table holds. (Prisma's `_count` on SQLite
 * joins a GROUP BY over the whole table instead: a full scan per request.)
 */
export async function loadPersonCounts(
  db: Db,
  personIds: readonly number[],
  viewer: Viewer,
  now: Date,
): Promise<PersonCounts[]> {
  // `IN ()` is an error on PostgreSQL; DataLoader never asks for no ids, but a direct caller may.
  if (personIds.length === 0) return [];
  // Only rows whose article `viewer` may see at `now` are counted, as the connections list them.
  const at = readDialects[providerOf(db)].time(now);
  const seen = (row: Sql) => articleVisibility.ofArticleSql(row, viewer, at, sql`a`);
  const rows = await queryRows<CountRow>(
    db,
    sql`
    SELECT p."id" AS "id",
      (SELECT COUNT(*) FROM "Quote" q WHERE q."speakerId" = p."id" AND ${seen(sql`q`)}) AS "quotes",
      (SELECT COUNT(*) FROM "ArticleAuthor" b WHERE b."personId" = p."id" AND ${seen(sql`b`)}) AS "authored",
      (SELECT COUNT(*) FROM "Mention" m WHERE m."personId" = p."id" AND ${seen(sql`m`)}) AS "mentions"
    FROM "Person" p
    WHERE p."id" IN (${sql.join(personIds.map(sql.value))})`,
  );
  // PostgreSQL returns COUNT as a bigint; these counts are far below 2^53.
  const byId = new Map(
    rows.map((row) => [
      Number(row.id),
      {
        quotes: Number(row.quotes),
        authored: Number(row.authored),
        mentions: Number(row.mentions),
      },
    ]),
  );
  return personIds.map((id) => byId.get(id) ?? { quotes: 0, authored: 0, mentions: 0 });
}
