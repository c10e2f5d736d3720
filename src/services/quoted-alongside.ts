// Who is quoted in the same stories as whom: the data behind Person.quotedAlongside.
import { readDialects } from '../compiled/dialect.js';
import { type Db, providerOf, queryRows } from '../db/client.js';
import { sql } from '../db/sql.js';
import type { Person } from '../generated/prisma/client.js';
import { mostSharedFirst } from '../rules/ordering.js';
import { articleVisibility, type Viewer } from '../rules/visibility.js';

export type QuotedAlongsideRow = { person: Person; count: number };

type SharedRow = { personId: number; otherId: number; shared: number | bigint };

/**
 * For each person id, the other speakers quoted in articles that also quote that person, with the
 * number of such articles that `viewer` may see at `now`. Two statements for any number of ids, so a list of people stays flat.
 *
 * The pairs come from a self-join that starts at the person's own quotes (the speaker index) and
 * reaches the other quotes of those articles through the article index, so the cost follows the
 * person's quotes rather than the size of the Quote table.
 */
export async function loadQuotedAlongside(
  db: Db,
  personIds: readonly number[],
  viewer: Viewer,
  now: Date,
): Promise<QuotedAlongsideRow[][]> {
  if (personIds.length === 0) return [];
  const at = readDialects[providerOf(db)].time(now);
  const pairs = await queryRows<SharedRow>(
    db,
    sql`
    SELECT mine."speakerId" AS "personId", theirs."speakerId" AS "otherId",
           COUNT(DISTINCT mine."articleId") AS "shared"
    FROM "Quote" mine
    JOIN "Quote" theirs ON theirs."articleId" = mine."articleId"
    WHERE mine."speakerId" IN (${sql.join(personIds.map(sql.value))})
      AND ${articleVisibility.ofArticleSql(sql`mine`, viewer, at, sql`a`)}
      AND theirs."speakerId" IS NOT NULL
      AND theirs."speakerId" <> mine."speakerId"
    GROUP BY mine."speakerId", theirs."speakerId"
    ORDER BY mine."speakerId", ${mostSharedFirst(sql`COUNT(DISTINCT mine."articleId")`, sql`theirs."speakerId"`, sql`named`)}`,
  );
  const otherIds = [...new Set(pairs.map((pair) => Number(pair.otherId)))];
  const people = otherIds.length
    ? await db.person.findMany({ where: { id: { in: otherIds } } })
    : [];
  const byId = new Map(people.map((p) => [p.id, p]));
  const rowsByPerson = new Map<number, QuotedAlongsideRow[]>(personIds.map((id) => [id, []]));
  for (const pair of pairs) {
    const person = byId.get(Number(pair.otherId));
    // PostgreSQL returns COUNT as a bigint; the counts here are small.
    if (person)
      rowsByPerson.get(Number(pair.personId))?.push({ person, count: Number(pair.shared) });
  }
  // The pairs come in each person's order.
  return personIds.map((id) => rowsByPerson.get(id) ?? []);
}
