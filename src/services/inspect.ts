// Read-only views of what is stored, for operators: the data behind `npm run inspect`.
import type { Db } from '../db/client.js';
import { leastConfidentFirst } from '../rules/ordering.js';
import { DEFAULT_REVIEW_BELOW, isReviewBound } from './quote-review.js';

export class InspectError extends Error {
  override name = 'InspectError';
}

export async function stats(db: Db) {
  const [
    articles,
    byStatus,
    people,
    quotes,
    unattributed,
    teasers,
    linkedTeasers,
    mentions,
    speakers,
  ] = await Promise.all([
    db.article.count(),
    db.article.groupBy({ by: ['status'], _count: { _all: true }, orderBy: { status: 'asc' } }),
    db.person.count(),
    db.quote.count(),
    db.quote.count({ where: { speakerId: null } }),
    db.teaser.count(),
    db.teaser.count({ where: { targetId: { not: null } } }),
    db.mention.count(),
    db.quote.groupBy({
      by: ['speakerId'],
      where: { speakerId: { not: null } },
      _count: { _all: true },
      orderBy: [{ _count: { speakerId: 'desc' } }, { speakerId: 'asc' }],
      take: 10,
    }),
  ]);
  const names = await db.person.findMany({
    where: { id: { in: speakers.map((s) => s.speakerId as number) } },
    select: { id: true, slug: true, name: true },
  });
  const byId = new Map(names.map((p) => [p.id, p]));
  return {
    articles,
    articlesByStatus: Object.fromEntries(byStatus.map((s) => [s.status, s._count._all])),
    people,
    quotes,
    unattributedQuotes: unattributed,
    mentions,
    teasers,
    linkedTeasers,
    topSpeakers: speakers.map((s) => {
      const person = byId.get(s.speakerId as number) as { slug: string; name: string };
      return { slug: person.slug, name: person.name, quotes: s._count._all };
    }),
  };
}

export async function articleView(db: Db, slug: string) {
  const article = await db.article.findUnique({
    where: { slug },
    include: {
      authors: {
        orderBy: { position: 'asc' },
        include: { person: { select: { slug: true, name: true } } },
      },
      leadImagePhotographer: { select: { slug: true, name: true } },
      mentions: {
        orderBy: [{ firstParagraph: 'asc' }, { id: 'asc' }],
        include: { person: { select: { slug: true, name: true } } },
      },
      quotes: {
        orderBy: { position: 'asc' },
        include: { speaker: { select: { slug: true, name: true } } },
      },
      teasers: { orderBy: { position: 'asc' }, include: { target: { select: { slug: true } } } },
    },
  });
  if (!article) throw new InspectError(`no article with slug "${slug}"`);
  return {
    slug: article.slug,
    headline: article.headline,
    status: article.status,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    authors: article.authors.map((a) => ({ ...a.person, roleAsWritten: a.roleAsWritten })),
    leadImage:
      article.leadImageTitle || article.leadImageCaption || article.leadImageCredit
        ? {
            title: article.leadImageTitle,
            caption: article.leadImageCaption,
            credit: article.leadImageCredit,
            agency: article.leadImageAgency,
            photographer: article.leadImagePhotographer,
          }
        : null,
    paragraphs: article.paragraphs as string[],
    mentions: article.mentions.map((m) => ({
      ...m.person,
      roleAsWritten: m.roleAsWritten,
      firstParagraph: m.firstParagraph,
    })),
    quotes: article.quotes.map((q) => ({
      paragraph: q.paragraph,
      text: q.text,
      isPartial: q.isPartial,
      speaker: q.speaker,
      speakerRoleAsWritten: q.speakerRoleAsWritten,
      attribution: q.attribution,
    })),
    teasers: article.teasers.map((t) => ({
      kicker: t.kicker,
      title: t.title,
      summary: t.summary,
      isTruncated: t.isTruncated,
      target: t.target?.slug ?? null,
    })),
  };
}

export async function personView(db: Db, slug: string) {
  const person = await db.person.findUnique({
    where: { slug },
    include: {
      aliases: { orderBy: { id: 'asc' } },
      authored: {
        include: { article: { select: { slug: true, headline: true } } },
        orderBy: { articleId: 'asc' },
      },
      mentions: {
        include: { article: { select: { slug: true, headline: true } } },
        orderBy: { articleId: 'asc' },
      },
      quotes: {
        include: { article: { select: { slug: true } } },
        orderBy: [{ articleId: 'asc' }, { position: 'asc' }],
      },
    },
  });
  if (!person) throw new InspectError(`no person with slug "${slug}"`);
  return {
    slug: person.slug,
    name: person.name,
    aliases: person.aliases.map((a) => a.alias),
    authored: person.authored.map((a) => a.article),
    mentionedIn: person.mentions.map((m) => ({ ...m.article, roleAsWritten: m.roleAsWritten })),
    quotes: person.quotes.map((q) => ({
      article: q.article.slug,
      paragraph: q.paragraph,
      text: q.text,
      isPartial: q.isPartial,
    })),
  };
}

export async function quotesView(db: Db, speakerSlug?: string) {
  if (
    speakerSlug &&
    !(await db.person.findUnique({ where: { slug: speakerSlug }, select: { id: true } }))
  ) {
    throw new InspectError(`no person with slug "${speakerSlug}"`);
  }
  const quotes = await db.quote.findMany({
    where: speakerSlug ? { speaker: { slug: speakerSlug } } : {},
    orderBy: [{ articleId: 'asc' }, { position: 'asc' }],
    include: {
      speaker: { select: { slug: true, name: true } },
      article: { select: { slug: true } },
    },
  });
  return quotes.map((q) => ({
    speaker: q.speaker,
    article: q.article.slug,
    paragraph: q.paragraph,
    isPartial: q.isPartial,
    text: q.text,
  }));
}

/**
 * The quotes an editor should check: confidence below `below`, least certain first (ties by id),
 * each with what decided its attribution.
 */
export async function reviewView(db: Db, below: number = DEFAULT_REVIEW_BELOW) {
  if (!isReviewBound(below)) {
    throw new InspectError(`a review bound is a confidence from 0 to 1, got ${below}`);
  }
  const quotes = await db.quote.findMany({
    where: { confidence: { lt: below } },
    orderBy: leastConfidentFirst.toPrisma(),
    include: {
      speaker: { select: { slug: true, name: true } },
      article: { select: { slug: true, headline: true } },
    },
  });
  return quotes.map((q) => ({
    article: q.article,
    text: q.text.trim(),
    speaker: q.speaker,
    sourceAsWritten: q.sourceAsWritten,
    method: q.method,
    confidence: q.confidence,
    evidence: q.evidence,
  }));
}
