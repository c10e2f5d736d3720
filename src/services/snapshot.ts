// What a revision records of an object: its editable fields, as plain JSON, so that a revision's
// before and after can be compared field by field and an article restored from one.
import { leadImage } from '../rules/article.js';
import type { Tx } from './editorial-write.js';

export type ArticleSnapshot = {
  slug: string;
  headline: string;
  paragraphs: string[];
  status: string;
  publishedAt: string | null;
  leadImage: {
    title: string | null;
    caption: string | null;
    credit: string | null;
    agency: string | null;
    photographerId: number | null;
  } | null;
  /** Person ids, in byline order. */
  authorIds: number[];
  teasers: { kicker: string | null; title: string; summary: string; url: string | null }[];
  version: number;
};

export async function articleSnapshot(tx: Tx, id: number): Promise<ArticleSnapshot | null> {
  const row = await tx.article.findUnique({
    where: { id },
    include: {
      authors: { orderBy: { position: 'asc' }, select: { personId: true } },
      teasers: { orderBy: { position: 'asc' } },
    },
  });
  if (!row) return null;
  return {
    slug: row.slug,
    headline: row.headline,
    paragraphs: row.paragraphs as string[],
    status: row.status,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    leadImage: !leadImage.isNull(row)
      ? {
          title: row.leadImageTitle,
          caption: row.leadImageCaption,
          credit: row.leadImageCredit,
          agency: row.leadImageAgency,
          photographerId: row.leadImagePhotographerId,
        }
      : null,
    authorIds: row.authors.map((a) => a.personId),
    teasers: row.teasers.map((t) => ({
      kicker: t.kicker,
      title: t.title,
      summary: t.summary,
      url: t.url,
    })),
    version: row.version,
  };
}

export type PersonSnapshot = {
  slug: string;
  name: string;
  description: string | null;
  aliases: string[];
  version: number;
};

export async function personSnapshot(tx: Tx, id: number): Promise<PersonSnapshot | null> {
  const row = await tx.person.findUnique({
    where: { id },
    include: { aliases: { orderBy: { alias: 'asc' }, select: { alias: true } } },
  });
  if (!row) return null;
  return {
    slug: row.slug,
    name: row.name,
    description: row.description,
    aliases: row.aliases.map((a) => a.alias),
    version: row.version,
  };
}

export type QuoteSnapshot = {
  text: string;
  isPartial: boolean;
  paragraph: number;
  speakerId: number | null;
  method: string;
  confidence: number;
  version: number;
};

export async function quoteSnapshot(tx: Tx, id: number): Promise<QuoteSnapshot | null> {
  const row = await tx.quote.findUnique({ where: { id } });
  if (!row) return null;
  return {
    text: row.text,
    isPartial: row.isPartial,
    paragraph: row.paragraph,
    speakerId: row.speakerId,
    method: row.method,
    confidence: row.confidence,
    version: row.version,
  };
}

/** The fields whose values differ between two snapshots (either may be null: created, deleted). */
export function changedFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): { field: string; before: unknown; after: unknown }[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  fields.delete('version');
  return [...fields]
    .filter((field) => JSON.stringify(before?.[field]) !== JSON.stringify(after?.[field]))
    .map((field) => ({ field, before: before?.[field] ?? null, after: after?.[field] ?? null }));
}
