// Who is quoted in the same stories as whom: the data behind Person.quotedAlongside.
import type { Db } from '../db/client.js';
import type { Person } from '../generated/prisma/client.js';

export type QuotedAlongsideRow = { person: Person; count: number };

/**
 * For each person id, the other speakers quoted in articles that also quote that person, with the
 * number of such articles. Two statements for any number of ids, so a list of people stays flat.
 */
export async function loadQuotedAlongside(
  db: Db,
  personIds: readonly number[],
): Promise<QuotedAlongsideRow[][]> {
  const pairs = await db.quote.findMany({
    where: {
      speakerId: { not: null },
      article: { quotes: { some: { speakerId: { in: [...personIds] } } } },
    },
    select: { articleId: true, speakerId: true },
    distinct: ['articleId', 'speakerId'],
  });
  const speakersByArticle = new Map<number, number[]>();
  for (const { articleId, speakerId } of pairs) {
    if (speakerId == null) continue;
    speakersByArticle.set(articleId, [...(speakersByArticle.get(articleId) ?? []), speakerId]);
  }
  const counts = new Map<number, Map<number, number>>(personIds.map((id) => [id, new Map()]));
  for (const speakers of speakersByArticle.values()) {
    for (const speaker of speakers) {
      const tally = counts.get(speaker);
      if (!tally) continue;
      for (const other of speakers) {
        if (other !== speaker) tally.set(other, (tally.get(other) ?? 0) + 1);
      }
    }
  }
  const otherIds = [...new Set([...counts.values()].flatMap((tally) => [...tally.keys()]))];
  const people = otherIds.length
    ? await db.person.findMany({ where: { id: { in: otherIds } } })
    : [];
  const byId = new Map(people.map((p) => [p.id, p]));
  return personIds.map((id) =>
    [...(counts.get(id) ?? new Map<number, number>())]
      .flatMap(([otherId, count]) => {
        const person = byId.get(otherId);
        return person ? [{ person, count }] : [];
      })
      .sort(
        (a, b) =>
          b.count - a.count ||
          a.person.name.localeCompare(b.person.name) ||
          a.person.id - b.person.id,
      ),
  );
}
