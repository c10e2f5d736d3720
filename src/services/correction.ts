// Editors' decisions kept apart from what the importer extracts: recording one as a mutation makes
// it, and replaying them all after a re-import, so that a changed text does not undo them.
import type { AttributionMethod, CorrectionKind } from '../generated/prisma/client.js';
import type { Tx } from './editorial-write.js';

/** What replaying an article's corrections did: how many still hold, and which were lost. */
export type CorrectionsReport = {
  kept: number;
  lost: { kind: CorrectionKind; quoteText: string | null }[];
};

export const noCorrections = (): CorrectionsReport => ({ kept: 0, lost: [] });

/** A quote's words compared the way a re-import finds them again: whitespace collapsed. */
export const normaliseQuoteText = (text: string): string => text.replace(/\s+/g, ' ').trim();

type ReattributeValue = { speakerId: number | null };
type EditQuoteValue = { text: string; isPartial: boolean };
type CreateQuoteValue = {
  text: string;
  paragraph: number;
  isPartial: boolean;
  speakerId: number | null;
};
export type PersonFields = { name?: string; description?: string | null; aliases?: string[] };

type Recorded =
  | { kind: 'REATTRIBUTE_QUOTE'; articleSlug: string; quoteText: string; value: ReattributeValue }
  | { kind: 'EDIT_QUOTE'; articleSlug: string; quoteText: string; value: EditQuoteValue }
  | { kind: 'CREATE_QUOTE'; articleSlug: string; quoteText: string; value: CreateQuoteValue }
  | { kind: 'DELETE_QUOTE'; articleSlug: string; quoteText: string; value: Record<string, never> }
  | { kind: 'EDIT_PERSON'; personId: number; value: PersonFields };

export async function recordCorrection(
  tx: Tx,
  { actor, now }: { actor: string; now: Date },
  correction: Recorded,
): Promise<void> {
  await tx.correction.create({
    data: {
      kind: correction.kind,
      articleSlug: 'articleSlug' in correction ? correction.articleSlug : null,
      quoteText: 'quoteText' in correction ? correction.quoteText : null,
      personId: 'personId' in correction ? correction.personId : null,
      value: JSON.stringify(correction.value),
      actor,
      createdAt: now,
    },
  });
}

/**
 * The key a quote's corrections are recorded under: the text the importer extracted (or an editor
 * created it with), which a re-import finds again. A quote an editor has reworded is known by the
 * key of the correction that gave it its present words, so all its corrections share one key.
 */
export async function quoteKey(tx: Tx, articleSlug: string, text: string): Promise<string> {
  const rewordings = await tx.correction.findMany({
    where: { articleSlug, kind: { in: ['EDIT_QUOTE', 'CREATE_QUOTE'] } },
    orderBy: { id: 'desc' },
    select: { quoteText: true, value: true },
  });
  const wanted = normaliseQuoteText(text);
  const source = rewordings.find(
    (row) => normaliseQuoteText((JSON.parse(row.value) as { text: string }).text) === wanted,
  );
  return source?.quoteText ?? text;
}

/** A quote's attribution once an editor has named its speaker (or said no person spoke it). */
export function editorAttribution(speakerId: number | null) {
  return {
    speakerId,
    method: 'EDITOR' as AttributionMethod,
    confidence: 1,
    evidence: null,
    // Who the article credits is still worth showing when no person is named.
    ...(speakerId != null ? { sourceAsWritten: null } : {}),
  };
}

/**
 * Where an added quote goes in a re-imported text, whose paragraphs may have moved: the paragraph
 * it was added to if that still holds its words, else the first that does, else the same index if
 * the text still has one. Undefined when it has none.
 */
function paragraphFor(paragraphs: string[], quote: CreateQuoteValue): number | undefined {
  const words = normaliseQuoteText(quote.text);
  const holds = (index: number) => normaliseQuoteText(paragraphs[index] ?? '').includes(words);
  if (holds(quote.paragraph)) return quote.paragraph;
  const found = paragraphs.findIndex((_, index) => holds(index));
  if (found >= 0) return found;
  return quote.paragraph < paragraphs.length ? quote.paragraph : undefined;
}

/** A quote an editor added: EDITOR when they named the speaker, NONE when no person spoke it. */
export function createdAttribution(speakerId: number | null) {
  return {
    ...editorAttribution(speakerId),
    ...(speakerId == null ? { method: 'NONE' as const } : {}),
  };
}

/**
 * A new quote's position: after the last quote of its paragraph (or of any earlier one), with the
 * quotes after it moved down one, last first, so (articleId, position) stays unique at every step.
 */
export async function makeRoomForQuote(
  tx: Tx,
  articleId: number,
  paragraph: number,
): Promise<number> {
  const quotes = await tx.quote.findMany({
    where: { articleId },
    orderBy: { position: 'asc' },
    select: { id: true, paragraph: true, position: true },
  });
  const before = quotes.filter((q) => q.paragraph <= paragraph);
  const position = before.length ? (before.at(-1)?.position ?? 0) + 1 : 0;
  const after = quotes.filter((q) => q.position >= position).reverse();
  for (const quote of after)
    await tx.quote.update({ where: { id: quote.id }, data: { position: quote.position + 1 } });
  return position;
}

/** Writes a person's edited fields; the aliases given replace the set. */
export async function writePersonFields(
  tx: Tx,
  personId: number,
  fields: PersonFields,
): Promise<void> {
  const columns = {
    ...(fields.name !== undefined ? { name: fields.name } : {}),
    ...(fields.description !== undefined ? { description: fields.description } : {}),
  };
  if (Object.keys(columns).length)
    await tx.person.update({ where: { id: personId }, data: columns });
  if (fields.aliases) {
    await tx.personAlias.deleteMany({ where: { personId, alias: { notIn: fields.aliases } } });
    for (const alias of fields.aliases)
      await tx.personAlias.upsert({
        where: { personId_alias: { personId, alias } },
        create: { personId, alias },
        update: {},
      });
  }
}

/**
 * Applies again, in the order they were made, the corrections to an article just re-imported:
 * its quote corrections, found by the quote's imported text (the first quote with it), and the
 * person edits of everyone linked to it. A quote correction whose quote the new text no longer
 * has is lost; a deletion of a quote that is gone still holds.
 */
export async function replayCorrections(
  tx: Tx,
  article: { id: number; slug: string; paragraphs: string[] },
): Promise<CorrectionsReport> {
  const report = noCorrections();
  const quotes = await tx.quote.findMany({
    where: { articleId: article.id },
    orderBy: { position: 'asc' },
    select: { id: true, text: true },
  });
  const byKey = new Map<string, number>();
  for (const quote of quotes) {
    const key = normaliseQuoteText(quote.text);
    if (!byKey.has(key)) byKey.set(key, quote.id);
  }
  const corrections = await tx.correction.findMany({
    where: { articleSlug: article.slug },
    orderBy: { id: 'asc' },
  });
  const speakerExists = async (id: number | null) =>
    id == null || (await tx.person.count({ where: { id } })) > 0;

  for (const correction of corrections) {
    const key = normaliseQuoteText(correction.quoteText ?? '');
    const quoteId = byKey.get(key);
    const lose = () => report.lost.push({ kind: correction.kind, quoteText: correction.quoteText });
    switch (correction.kind) {
      case 'CREATE_QUOTE': {
        const value = JSON.parse(correction.value) as CreateQuoteValue;
        const paragraph = paragraphFor(article.paragraphs, value);
        if (paragraph == null || !(await speakerExists(value.speakerId))) {
          lose();
          break;
        }
        const data = {
          text: value.text,
          isPartial: value.isPartial,
          ...createdAttribution(value.speakerId),
        };
        if (quoteId != null) {
          // The importer now finds the quote itself: the editor's version of it stands.
          await tx.quote.update({ where: { id: quoteId }, data });
        } else {
          const position = await makeRoomForQuote(tx, article.id, paragraph);
          const created = await tx.quote.create({
            data: { ...data, articleId: article.id, paragraph, position },
            select: { id: true },
          });
          byKey.set(key, created.id);
        }
        report.kept++;
        break;
      }
      case 'DELETE_QUOTE':
        if (quoteId != null) {
          await tx.quote.delete({ where: { id: quoteId } });
          byKey.delete(key);
        }
        report.kept++;
        break;
      case 'REATTRIBUTE_QUOTE': {
        const value = JSON.parse(correction.value) as ReattributeValue;
        if (quoteId == null || !(await speakerExists(value.speakerId))) {
          lose();
          break;
        }
        await tx.quote.update({
          where: { id: quoteId },
          data: editorAttribution(value.speakerId),
        });
        report.kept++;
        break;
      }
      case 'EDIT_QUOTE': {
        const value = JSON.parse(correction.value) as EditQuoteValue;
        if (quoteId == null) {
          lose();
          break;
        }
        await tx.quote.update({
          where: { id: quoteId },
          data: { text: value.text, isPartial: value.isPartial },
        });
        report.kept++;
        break;
      }
      case 'EDIT_PERSON':
        break;
    }
  }

  const linked = await tx.article.findUniqueOrThrow({
    where: { id: article.id },
    select: {
      leadImagePhotographerId: true,
      authors: { select: { personId: true } },
      mentions: { select: { personId: true } },
      quotes: { select: { speakerId: true } },
    },
  });
  const people = [
    linked.leadImagePhotographerId,
    ...linked.authors.map((a) => a.personId),
    ...linked.mentions.map((m) => m.personId),
    ...linked.quotes.map((q) => q.speakerId),
  ].filter((id) => id != null);
  const personEdits = await tx.correction.findMany({
    where: { kind: 'EDIT_PERSON', personId: { in: [...new Set(people)] } },
    orderBy: { id: 'asc' },
  });
  for (const edit of personEdits) {
    await writePersonFields(tx, edit.personId as number, JSON.parse(edit.value) as PersonFields);
    report.kept++;
  }
  return report;
}

/**
 * After a merge, the corrections naming `fromId` as a quote's speaker name `intoId`. The person
 * edits of `fromId` go: they described someone who is now `intoId`, whose own fields stand.
 */
export async function repointCorrections(tx: Tx, fromId: number, intoId: number): Promise<void> {
  await tx.correction.deleteMany({ where: { kind: 'EDIT_PERSON', personId: fromId } });
  await tx.correction.updateMany({ where: { personId: fromId }, data: { personId: intoId } });
  const naming = await tx.correction.findMany({
    where: {
      kind: { in: ['REATTRIBUTE_QUOTE', 'CREATE_QUOTE'] },
      value: { contains: `"speakerId":${fromId}` },
    },
    select: { id: true, value: true },
  });
  for (const row of naming) {
    const value = JSON.parse(row.value) as { speakerId?: number | null };
    if (value.speakerId !== fromId) continue;
    await tx.correction.update({
      where: { id: row.id },
      data: { value: JSON.stringify({ ...value, speakerId: intoId }) },
    });
  }
}
