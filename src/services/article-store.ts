// Stores an imported article and everything hanging off it in one transaction: people are matched
// across articles by slug or native-script alias, and re-importing unchanged text writes nothing.

import { type CacheEntity, entityOf, listTypes } from '../cache/entities.js';
import { purgeCachesInProcess } from '../cache/index.js';
import { recordInvalidation } from '../cache/outbox.js';
import { type Db, providerOf } from '../db/client.js';
import { retryLostRaces } from '../db/write-retry.js';
import type { ArticleStatus, Prisma } from '../generated/prisma/client.js';
import type { ImportedArticle } from './importer/index.js';
import { linkTeaserTargets } from './teaser.js';

export type StoreOutcome = 'created' | 'updated' | 'unchanged';

/** Editorial facts the text does not carry. */
export type ArticleMeta = {
  status?: ArticleStatus;
  publishedAt?: Date | null;
  sourceUrl?: string | null;
};

type Tx = Prisma.TransactionClient;

// Surnames are shared by many people; only names in another script identify someone across articles.
const isDistinctiveAlias = (alias: string) => /[^\p{Script=Latin}\p{Punctuation}\s\d]/u.test(alias);

/** The stored person with this slug, or sharing a native-script name with this one. */
async function findPersonId(
  tx: Tx,
  person: ImportedArticle['people'][number],
): Promise<number | undefined> {
  const bySlug = await tx.person.findUnique({ where: { slug: person.slug }, select: { id: true } });
  if (bySlug) return bySlug.id;
  const distinctive = person.aliases.filter(isDistinctiveAlias);
  if (distinctive.length === 0) return undefined;
  const byAlias = await tx.personAlias.findFirst({
    where: { alias: { in: distinctive } },
    select: { personId: true },
  });
  return byAlias?.personId;
}

async function resolvePerson(tx: Tx, person: ImportedArticle['people'][number]): Promise<number> {
  const id =
    (await findPersonId(tx, person)) ??
    (
      await tx.person.create({
        data: { slug: person.slug, name: person.name },
        select: { id: true },
      })
    ).id;
  for (const alias of person.aliases) {
    await tx.personAlias.upsert({
      where: { personId_alias: { personId: id, alias } },
      create: { personId: id, alias },
      update: {},
    });
  }
  return id;
}

function metaMatches(
  existing: { status: ArticleStatus; publishedAt: Date | null; sourceUrl: string | null },
  meta: ArticleMeta,
): boolean {
  return (
    (meta.status === undefined || meta.status === existing.status) &&
    (meta.publishedAt === undefined ||
      meta.publishedAt?.getTime() === existing.publishedAt?.getTime()) &&
    (meta.sourceUrl === undefined || meta.sourceUrl === existing.sourceUrl)
  );
}

export async function storeImportedArticle(
  db: Db,
  imported: ImportedArticle,
  meta: ArticleMeta = {},
  now: Date = new Date(),
): Promise<StoreOutcome> {
  const { article } = imported;
  const provider = providerOf(db);
  let changed: CacheEntity[] = [];
  const outcome = await retryLostRaces(provider, () =>
    db.$transaction(async (tx) => {
      const existing = await tx.article.findUnique({
        where: { slug: article.slug },
        select: { id: true, contentHash: true, status: true, publishedAt: true, sourceUrl: true },
      });
      if (existing && existing.contentHash === imported.contentHash && metaMatches(existing, meta))
        return 'unchanged';
      const before = existing ? await linkedEntities(tx, existing.id) : [];

      const personIds = new Map<string, number>();
      for (const person of imported.people)
        personIds.set(person.slug, await resolvePerson(tx, person));
      const idOf = (slug: string) => personIds.get(slug) as number;

      const fields = {
        headline: article.headline,
        paragraphs: article.paragraphs,
        contentHash: imported.contentHash,
        status: meta.status ?? existing?.status ?? 'PUBLISHED',
        publishedAt:
          meta.publishedAt !== undefined ? meta.publishedAt : (existing?.publishedAt ?? now),
        sourceUrl: meta.sourceUrl !== undefined ? meta.sourceUrl : (existing?.sourceUrl ?? null),
        leadImageTitle: article.leadImage?.title ?? null,
        leadImageCaption: article.leadImage?.caption ?? null,
        leadImageCredit: article.leadImage?.credit ?? null,
        leadImageAgency: article.leadImage?.agency ?? null,
        leadImagePhotographerId: article.leadImage?.photographer
          ? idOf(article.leadImage.photographer.slug)
          : null,
      };
      let articleId: number;
      if (existing) {
        // Same article, new text: update it in place and re-extract everything that hangs off it.
        articleId = existing.id;
        await tx.article.update({ where: { id: articleId }, data: fields });
        await tx.articleAuthor.deleteMany({ where: { articleId } });
        await tx.mention.deleteMany({ where: { articleId } });
        await tx.quote.deleteMany({ where: { articleId } });
        await tx.teaser.deleteMany({ where: { articleId } });
      } else {
        articleId = (
          await tx.article.create({ data: { slug: article.slug, ...fields }, select: { id: true } })
        ).id;
      }
      await tx.articleAuthor.createMany({
        data: article.authors.map((author, position) => ({
          articleId,
          personId: idOf(author.slug),
          position,
          roleAsWritten: imported.article.authorRole,
        })),
      });
      await tx.mention.createMany({
        data: imported.mentions.map((m) => ({
          articleId,
          personId: idOf(m.slug),
          roleAsWritten: m.roleAsWritten,
          firstParagraph: m.firstParagraph,
        })),
      });
      await tx.quote.createMany({
        data: imported.quotes.map((q, position) => ({
          articleId,
          text: q.text,
          speakerId: q.speaker ? idOf(q.speaker.slug) : null,
          paragraph: q.paragraph,
          position,
          isPartial: q.isPartial,
          speakerRoleAsWritten: q.speakerRoleAsWritten,
          attribution: q.attribution,
          method: q.method,
          confidence: q.confidence,
          sourceAsWritten: q.sourceAsWritten,
          evidence: q.evidence,
        })),
      });
      await tx.teaser.createMany({
        data: imported.teasers.map((t, position) => ({ articleId, position, ...t })),
      });
      await linkTeaserTargets(tx, articleId);
      changed = [...before, ...(await linkedEntities(tx, articleId)), ...listTypes];
      await recordInvalidation(tx, provider, changed);
      return existing ? 'updated' : 'created';
    }),
  );
  // Other processes learn of the change from the outbox row; this one purges before returning.
  if (changed.length) await purgeCachesInProcess(changed);
  return outcome;
}

/**
 * Everything whose cached responses show part of this article: the article, the people linked to
 * it (their pages list its quotes and bylines), its quotes and teasers, the articles its teasers
 * point at (their `teasedBy`), and the articles whose teasers point at it.
 */
export async function linkedEntities(tx: Tx, articleId: number): Promise<CacheEntity[]> {
  const linked = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    select: {
      leadImagePhotographerId: true,
      authors: { select: { personId: true } },
      mentions: { select: { personId: true } },
      quotes: { select: { id: true, speakerId: true } },
      teasers: { select: { id: true, targetId: true } },
      teasedBy: { select: { id: true, articleId: true } },
    },
  });
  const people = [
    linked.leadImagePhotographerId,
    ...linked.authors.map((a) => a.personId),
    ...linked.mentions.map((m) => m.personId),
    ...linked.quotes.map((q) => q.speakerId),
  ];
  const articles = [
    articleId,
    ...linked.teasers.map((t) => t.targetId),
    ...linked.teasedBy.map((t) => t.articleId),
  ];
  const ids = (values: (number | null)[]) => [...new Set(values)].filter((id) => id != null);
  return [
    ...ids(articles).map((id) => entityOf('Article', id)),
    ...ids(people).map((id) => entityOf('Person', id)),
    ...linked.quotes.map((q) => entityOf('Quote', q.id)),
    ...[...linked.teasers, ...linked.teasedBy].map((t) => entityOf('Teaser', t.id)),
  ];
}
