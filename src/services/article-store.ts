// Stores an imported article and everything hanging off it in one transaction: people are matched
// across articles by slug or native-script alias, re-importing unchanged text writes nothing, and
// re-importing a changed text applies the editors' corrections to it again.

import { type CacheEntity, entityOf, listTypes } from '../cache/entities.js';
import { purgeCachesInProcess } from '../cache/index.js';
import { recordInvalidation } from '../cache/outbox.js';
import { type Db, providerOf } from '../db/client.js';
import { retryLostRaces } from '../db/write-retry.js';
import type { ArticleStatus, Prisma } from '../generated/prisma/client.js';
import { type CorrectionsReport, noCorrections, replayCorrections } from './correction.js';
import type { ImportedArticle } from './importer/index.js';
import { articleSnapshot } from './snapshot.js';
import { linkTeaserTargets } from './teaser.js';

export type StoreOutcome = 'created' | 'updated' | 'unchanged';

/** What storing did, and which of the editors' corrections to the article still hold. */
export type StoreResult = { outcome: StoreOutcome; corrections: CorrectionsReport };

/** Editorial facts the text does not carry. */
export type ArticleMeta = {
  status?: ArticleStatus;
  publishedAt?: Date | null;
  sourceUrl?: string | null;
  /** Who is ingesting, for the revision: a credential's name; "cli" by default. */
  actor?: string;
};

type Tx = Prisma.TransactionClient;

// Surnames are shared by many people; only names in another script identify someone across articles.
const isDistinctiveAlias = (alias: string) => /[^\p{Script=Latin}\p{Punctuation}\s\d]/u.test(alias);

/**
 * The stored person with this slug (or merged from someone with it), or sharing a native-script
 * name with this one.
 */
async function findPersonId(
  tx: Tx,
  person: ImportedArticle['people'][number],
): Promise<number | undefined> {
  const merged = await tx.personRedirect.findUnique({
    where: { fromSlug: person.slug },
    select: { personId: true },
  });
  if (merged) return merged.personId;
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

/** `storeImported`, for callers that need only whether it was created, updated or unchanged. */
export async function storeImportedArticle(
  db: Db,
  imported: ImportedArticle,
  meta: ArticleMeta = {},
  now: Date = new Date(),
): Promise<StoreOutcome> {
  return (await storeImported(db, imported, meta, now)).outcome;
}

/** The rows naming each person first: bylines and mentions are one per (article, person). */
function firstPerPerson<T>(rows: T[], personOf: (row: T) => number): T[] {
  const seen = new Set<number>();
  return rows.filter((row) => !seen.has(personOf(row)) && Boolean(seen.add(personOf(row))));
}

/**
 * Stores an imported article in one transaction: created, updated in place (its editors'
 * corrections applied again, and reported), or left as it is when neither text nor meta changed.
 */
export async function storeImported(
  db: Db,
  imported: ImportedArticle,
  meta: ArticleMeta = {},
  now: Date = new Date(),
): Promise<StoreResult> {
  const { article } = imported;
  const provider = providerOf(db);
  let changed: CacheEntity[] = [];
  const result = await retryLostRaces<StoreResult>(provider, () =>
    db.$transaction(async (tx) => {
      const existing = await tx.article.findUnique({
        where: { slug: article.slug },
        select: { id: true, contentHash: true, status: true, publishedAt: true, sourceUrl: true },
      });
      if (existing && existing.contentHash === imported.contentHash && metaMatches(existing, meta))
        return { outcome: 'unchanged', corrections: noCorrections() };
      const before = existing ? await linkedEntities(tx, existing.id) : [];
      const snapshotBefore = existing ? await articleSnapshot(tx, existing.id) : null;

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
        // A new text is a write like any other: an editor's expectedVersion read before it is stale.
        await tx.article.update({
          where: { id: articleId },
          data: { ...fields, version: { increment: 1 } },
        });
        await tx.articleAuthor.deleteMany({ where: { articleId } });
        await tx.mention.deleteMany({ where: { articleId } });
        await tx.quote.deleteMany({ where: { articleId } });
        await tx.teaser.deleteMany({ where: { articleId } });
      } else {
        articleId = (
          await tx.article.create({ data: { slug: article.slug, ...fields }, select: { id: true } })
        ).id;
      }
      // Two names can lead to one person (a merge, a shared native-script name): one row each.
      await tx.articleAuthor.createMany({
        data: firstPerPerson(article.authors, (author) => idOf(author.slug)).map(
          (author, position) => ({
            articleId,
            personId: idOf(author.slug),
            position,
            roleAsWritten: imported.article.authorRole,
          }),
        ),
      });
      await tx.mention.createMany({
        data: firstPerPerson(imported.mentions, (m) => idOf(m.slug)).map((m) => ({
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
      const corrections = existing
        ? await replayCorrections(tx, {
            id: articleId,
            slug: article.slug,
            paragraphs: article.paragraphs,
          })
        : noCorrections();
      // As editorialWrite records a revision, in this transaction (which stays this module's own).
      await tx.revision.create({
        data: {
          action: 'ingestArticle',
          entityType: 'Article',
          entityId: articleId,
          articleId,
          actor: meta.actor ?? 'cli',
          before: snapshotBefore ? JSON.stringify(snapshotBefore) : null,
          after: JSON.stringify(await articleSnapshot(tx, articleId)),
          createdAt: now,
        },
      });
      changed = [...before, ...(await linkedEntities(tx, articleId)), ...listTypes];
      await recordInvalidation(tx, provider, changed);
      return { outcome: existing ? 'updated' : 'created', corrections };
    }),
  );
  // Other processes learn of the change from the outbox row; this one purges before returning.
  if (changed.length) await purgeCachesInProcess(changed);
  return result;
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
