// Small factories with deterministic defaults. Each call makes new rows; nothing is shared between tests.
import type { AttributionMethod, Prisma } from '../../src/generated/prisma/client.js';
import { db } from './db.js';

let counter = 0;
const next = () => ++counter;

export async function makePerson(
  overrides: Partial<Prisma.PersonCreateInput> & { aliases?: string[] } = {},
) {
  const n = next();
  const { aliases = [], ...data } = overrides;
  return db.person.create({
    data: {
      slug: `person-${n}`,
      name: `Person ${n}`,
      ...data,
      aliases: { create: aliases.map((alias) => ({ alias })) },
    },
  });
}

type ArticleOptions = {
  slug?: string;
  headline?: string;
  publishedAt?: Date | null;
  status?: 'DRAFT' | 'PUBLISHED' | 'SCHEDULED' | 'ARCHIVED';
  paragraphs?: string[];
  authors?: { id: number }[];
  mentions?: { person: { id: number }; roleAsWritten?: string; firstParagraph?: number }[];
  quotes?: {
    text: string;
    speaker?: { id: number } | null;
    paragraph?: number;
    isPartial?: boolean;
    method?: AttributionMethod;
    confidence?: number;
    sourceAsWritten?: string | null;
    evidence?: string | null;
  }[];
  teasers?: { title: string; kicker?: string; summary?: string; isTruncated?: boolean }[];
  photographer?: { id: number };
};

/** An article published on day `n` of 2020 unless told otherwise, so ordering is predictable. */
export async function makeArticle(options: ArticleOptions = {}) {
  const n = next();
  return db.article.create({
    data: {
      slug: options.slug ?? `article-${n}`,
      headline: options.headline ?? `Headline ${n}`,
      status: options.status ?? 'PUBLISHED',
      publishedAt:
        options.publishedAt === undefined
          ? new Date(Date.UTC(2020, 0, 1) + n * 86_400_000)
          : options.publishedAt,
      paragraphs: options.paragraphs ?? [`Paragraph one of ${n}.`, `Paragraph two of ${n}.`],
      leadImageTitle: options.photographer ? `Photo ${n}` : null,
      leadImageCredit: options.photographer ? 'AP Photo/Someone' : null,
      leadImageAgency: options.photographer ? 'AP' : null,
      leadImagePhotographerId: options.photographer?.id ?? null,
      authors: {
        create: (options.authors ?? []).map((p, position) => ({ personId: p.id, position })),
      },
      mentions: {
        create: (options.mentions ?? []).map((m) => ({
          personId: m.person.id,
          roleAsWritten: m.roleAsWritten ?? null,
          firstParagraph: m.firstParagraph ?? 0,
        })),
      },
      quotes: {
        create: (options.quotes ?? []).map((q, position) => ({
          text: q.text,
          speakerId: q.speaker?.id ?? null,
          paragraph: q.paragraph ?? 0,
          position,
          isPartial: q.isPartial ?? false,
          // Omitted attribution fields take the column defaults, as rows from before them did.
          method: q.method,
          confidence: q.confidence,
          sourceAsWritten: q.sourceAsWritten,
          evidence: q.evidence,
        })),
      },
      teasers: {
        create: (options.teasers ?? []).map((t, position) => ({
          position,
          title: t.title,
          kicker: t.kicker ?? null,
          summary: t.summary ?? `About ${t.title}`,
          isTruncated: t.isTruncated ?? false,
        })),
      },
    },
  });
}
