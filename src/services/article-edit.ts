// Editors' writes to articles: creating, updating, deleting and restoring one from a revision. Each
// is one editorial write, with its revision and the cached responses it invalidates.
import type { Db } from '../db/client.js';
import { badUserInput, CodedError, notFound } from '../errors.js';
import type { ArticleStatus } from '../generated/prisma/client.js';
import { decodeIdFor } from '../global-id.js';
import {
  type CreateArticleInput,
  createArticleInput,
  type DeleteArticleInput,
  MAX_SLUG,
  type RestoreArticleRevisionInput,
  type UpdateArticleInput,
  updateArticleInput,
  type ValidLeadImage,
} from './article-input.js';
import { linkedEntities } from './article-store.js';
import { conflict, editorialWrite, type Tx, updateVersioned } from './editorial-write.js';
import { slugify } from './importer/normalise.js';
import { type ArticleSnapshot, articleSnapshot } from './snapshot.js';
import { linkTeaserTargets } from './teaser.js';
import { validated } from './validate.js';

/** Who writes and when: the credential's name (actorOf) and the request's clock. */
export type Writer = { actor: string; now: Date };

type LeadImageState = NonNullable<ArticleSnapshot['leadImage']>;
type TeaserState = ArticleSnapshot['teasers'][number];

/** A change to an article's editable state; a field left out stays as it is. */
export type ArticleChange = {
  headline?: string;
  paragraphs?: string[];
  status?: ArticleStatus;
  publishedAt?: Date | null;
  leadImage?: LeadImageState | null;
  authorIds?: number[];
  teasers?: TeaserState[];
};

/** The ID of a `typename`, or BAD_USER_INPUT naming the input field it came from. */
export function decodeAt(typename: string, id: string, field: string): number {
  try {
    return decodeIdFor(typename, id);
  } catch (error) {
    if (error instanceof CodedError) throw badUserInput(`${field}: ${error.message}`, { field });
    throw error;
  }
}

/**
 * The people these ids name now: each stored person is themself, a person merged into another
 * (PersonRedirect) is the one they became, and an id naming nobody is left out of the map.
 */
async function currentPeople(tx: Tx, ids: (number | null)[]): Promise<Map<number, number>> {
  const wanted = [...new Set(ids)].filter((id) => id !== null);
  const people = new Map<number, number>();
  if (wanted.length === 0) return people;
  const found = await tx.person.findMany({ where: { id: { in: wanted } }, select: { id: true } });
  for (const { id } of found) people.set(id, id);
  const missing = wanted.filter((id) => !people.has(id));
  if (missing.length === 0) return people;
  const redirects = await tx.personRedirect.findMany({
    where: { fromId: { in: missing } },
    select: { fromId: true, personId: true },
  });
  for (const { fromId, personId } of redirects) people.set(fromId, personId);
  return people;
}

/** The byline and photographer an input names: NOT_FOUND or BAD_USER_INPUT with the field. */
async function peopleOfInput(
  tx: Tx,
  authors: string[] | null | undefined,
  image: { photographer?: string | null } | null | undefined,
): Promise<{ authorIds?: number[]; photographerId: number | null }> {
  const authorIds = authors?.map((id, n) => decodeAt('Person', id, `input.authors.${n}`));
  const photographerId = image?.photographer
    ? decodeAt('Person', image.photographer, 'input.leadImage.photographer')
    : null;
  const people = await currentPeople(tx, [...(authorIds ?? []), photographerId]);
  const resolve = (id: number, field: string) => {
    const person = people.get(id);
    if (person === undefined) throw notFound(`${field}: no Person with this ID`, { field });
    return person;
  };
  const byline = authorIds?.map((id, n) => resolve(id, `input.authors.${n}`));
  byline?.forEach((id, n) => {
    if (byline.indexOf(id) !== n) {
      const field = `input.authors.${n}`;
      throw badUserInput(`${field}: this person is already in the byline`, { field });
    }
  });
  return {
    ...(byline ? { authorIds: byline } : {}),
    photographerId:
      photographerId === null ? null : resolve(photographerId, 'input.leadImage.photographer'),
  };
}

function leadImageState(
  image: ValidLeadImage | null | undefined,
  photographerId: number | null,
): LeadImageState | null {
  if (!image) return null;
  return {
    title: image.title,
    caption: image.caption,
    credit: image.credit,
    agency: image.agency,
    photographerId,
  };
}

type ArticleColumns = {
  headline?: string;
  paragraphs?: string[];
  status?: ArticleStatus;
  publishedAt?: Date | null;
  leadImageTitle?: string | null;
  leadImageCaption?: string | null;
  leadImageCredit?: string | null;
  leadImageAgency?: string | null;
  leadImagePhotographerId?: number | null;
};

/** The article's scalar columns a change sets. */
function columnsOf(change: ArticleChange): ArticleColumns {
  const data: ArticleColumns = {};
  if (change.headline !== undefined) data.headline = change.headline;
  if (change.paragraphs !== undefined) data.paragraphs = change.paragraphs;
  if (change.status !== undefined) data.status = change.status;
  if (change.publishedAt !== undefined) data.publishedAt = change.publishedAt;
  if (change.leadImage !== undefined) {
    const image = change.leadImage;
    data.leadImageTitle = image?.title ?? null;
    data.leadImageCaption = image?.caption ?? null;
    data.leadImageCredit = image?.credit ?? null;
    data.leadImageAgency = image?.agency ?? null;
    data.leadImagePhotographerId = image?.photographerId ?? null;
  }
  return data;
}

/** Replaces the byline and teasers a change gives, and links teasers by headline again. */
async function writeRelations(tx: Tx, articleId: number, change: ArticleChange): Promise<void> {
  if (change.authorIds) {
    await tx.articleAuthor.deleteMany({ where: { articleId } });
    await tx.articleAuthor.createMany({
      data: change.authorIds.map((personId, position) => ({ articleId, personId, position })),
    });
  }
  if (change.teasers) {
    await tx.teaser.deleteMany({ where: { articleId } });
    await tx.teaser.createMany({
      data: change.teasers.map((t, position) => ({ articleId, position, ...t })),
    });
  }
  if (change.headline !== undefined || change.teasers) await linkTeaserTargets(tx, articleId);
  if (change.paragraphs) await placeQuotes(tx, articleId, change.paragraphs);
}

const collapsed = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * New paragraphs: each quote keeps pointing at a paragraph that holds its words (the one it was
 * in, else the first that does); a quote whose words are in none is deleted, since readers would
 * see words the story no longer prints. Mentions point at a paragraph that exists.
 */
async function placeQuotes(tx: Tx, articleId: number, paragraphs: string[]): Promise<void> {
  const texts = paragraphs.map(collapsed);
  const quotes = await tx.quote.findMany({
    where: { articleId },
    select: { id: true, text: true, paragraph: true },
  });
  for (const quote of quotes) {
    const words = collapsed(quote.text);
    if (texts[quote.paragraph]?.includes(words)) continue;
    const found = texts.findIndex((text) => text.includes(words));
    if (found < 0) await tx.quote.delete({ where: { id: quote.id } });
    else await tx.quote.update({ where: { id: quote.id }, data: { paragraph: found } });
  }
  await tx.mention.updateMany({
    where: { articleId, firstParagraph: { gte: paragraphs.length } },
    data: { firstParagraph: paragraphs.length - 1 },
  });
}

/** Applies a change to a stored article at `version`, adding one to it. */
export async function applyArticleChange(
  tx: Tx,
  id: number,
  version: number,
  change: ArticleChange,
): Promise<void> {
  await updateVersioned(tx, 'Article', id, version, columnsOf(change));
  await writeRelations(tx, id, change);
}

/**
 * A snapshot as a change that puts the article back as it was (its slug stays). People merged
 * since are their survivors; anyone gone altogether is left out.
 */
export async function changeFromSnapshot(
  tx: Tx,
  snapshot: ArticleSnapshot,
): Promise<ArticleChange> {
  const photographer = snapshot.leadImage?.photographerId ?? null;
  const people = await currentPeople(tx, [...snapshot.authorIds, photographer]);
  const authorIds = [
    ...new Set(snapshot.authorIds.map((id) => people.get(id)).filter((id) => id !== undefined)),
  ];
  return {
    headline: snapshot.headline,
    paragraphs: snapshot.paragraphs,
    status: snapshot.status as ArticleStatus,
    publishedAt: snapshot.publishedAt === null ? null : new Date(snapshot.publishedAt),
    leadImage: snapshot.leadImage && {
      ...snapshot.leadImage,
      photographerId: photographer === null ? null : (people.get(photographer) ?? null),
    },
    authorIds,
    teasers: snapshot.teasers,
  };
}

type Edit = {
  /** The revision's action, e.g. "updateArticle". */
  action: string;
  id: number;
  expectedVersion: number | null | undefined;
  /**
   * Whether the change can alter what the article links to (people, teasers). A status change
   * cannot, so the entities read before are the ones after and are read once.
   */
  relinks: boolean;
};

/**
 * One write to a stored article: NOT_FOUND or CONFLICT unless it is at `expectedVersion` (when
 * given), then `change` (given the article as it was) is applied, what showed the article before
 * and after is invalidated, and a revision records both states.
 */
export function editArticle(
  db: Db,
  writer: Writer,
  edit: Edit,
  change: (tx: Tx, before: ArticleSnapshot) => Promise<ArticleChange>,
): Promise<number> {
  const { action, id, expectedVersion } = edit;
  return editorialWrite(db, writer, async (w) => {
    const before = await articleSnapshot(w.tx, id);
    if (!before) throw notFound('no Article with this ID', { typename: 'Article' });
    if (expectedVersion != null && before.version !== expectedVersion)
      throw conflict('Article', expectedVersion, before.version);
    w.invalidate(...(await linkedEntities(w.tx, id)));
    // The version read above guards the write: a write made since is a CONFLICT, not overwritten.
    await applyArticleChange(w.tx, id, before.version, await change(w.tx, before));
    if (edit.relinks) w.invalidate(...(await linkedEntities(w.tx, id)));
    const after = await articleSnapshot(w.tx, id);
    await w.record({ action, entityType: 'Article', entityId: id, articleId: id, before, after });
    return id;
  });
}

/** Stores a new DRAFT article; returns its id. */
export async function createArticle(
  db: Db,
  writer: Writer,
  input: CreateArticleInput,
): Promise<number> {
  const valid = validated(createArticleInput, input);
  const slug = valid.slug ?? slugify(valid.headline, MAX_SLUG, 'article');
  return editorialWrite(db, writer, async (w) => {
    const taken = await w.tx.article.findUnique({ where: { slug }, select: { id: true } });
    if (taken)
      throw new CodedError('CONFLICT', `input.slug: the slug "${slug}" is taken`, {
        field: 'input.slug',
        slug,
      });
    const people = await peopleOfInput(w.tx, valid.authors, valid.leadImage);
    const change: ArticleChange = {
      headline: valid.headline,
      paragraphs: valid.paragraphs,
      status: 'DRAFT',
      publishedAt: null,
      leadImage: leadImageState(valid.leadImage, people.photographerId),
      authorIds: people.authorIds ?? [],
      teasers: valid.teasers ?? [],
    };
    const { id } = await w.tx.article.create({
      data: { slug, headline: valid.headline, paragraphs: valid.paragraphs, ...columnsOf(change) },
      select: { id: true },
    });
    await writeRelations(w.tx, id, change);
    w.invalidate(...(await linkedEntities(w.tx, id)));
    const after = await articleSnapshot(w.tx, id);
    await w.record({
      action: 'createArticle',
      entityType: 'Article',
      entityId: id,
      articleId: id,
      before: null,
      after,
    });
    return id;
  });
}

/** Changes the fields given; returns the article's id. */
export function updateArticle(db: Db, writer: Writer, input: UpdateArticleInput): Promise<number> {
  const id = decodeAt('Article', input.id, 'input.id');
  const valid = validated(updateArticleInput, input);
  const edit = { action: 'updateArticle', id, expectedVersion: input.expectedVersion };
  return editArticle(db, writer, { ...edit, relinks: true }, async (tx) => {
    const people = await peopleOfInput(tx, valid.authors, valid.leadImage);
    return {
      ...(valid.headline != null ? { headline: valid.headline } : {}),
      ...(valid.paragraphs != null ? { paragraphs: valid.paragraphs } : {}),
      ...(people.authorIds ? { authorIds: people.authorIds } : {}),
      ...(input.leadImage !== undefined
        ? { leadImage: leadImageState(valid.leadImage, people.photographerId) }
        : {}),
      ...(valid.teasers != null ? { teasers: valid.teasers } : {}),
    };
  });
}

/** Deletes an article (its byline, quotes and teasers go with it); returns its id. */
export function deleteArticle(db: Db, writer: Writer, input: DeleteArticleInput): Promise<number> {
  const id = decodeAt('Article', input.id, 'input.id');
  return editorialWrite(db, writer, async (w) => {
    const before = await articleSnapshot(w.tx, id);
    if (!before) throw notFound('no Article with this ID', { typename: 'Article' });
    const expected = input.expectedVersion ?? before.version;
    if (expected !== before.version) throw conflict('Article', expected, before.version);
    // Teasers elsewhere that pointed at it are among these, and lose their target (SetNull).
    w.invalidate(...(await linkedEntities(w.tx, id)));
    const { count } = await w.tx.article.deleteMany({ where: { id, version: expected } });
    if (count === 0) {
      const current = await w.tx.article.findUnique({ where: { id }, select: { version: true } });
      if (!current) throw notFound('no Article with this ID', { typename: 'Article' });
      throw conflict('Article', expected, current.version);
    }
    // Revisions keep the id (no foreign key), so the article's history outlives it.
    await w.record({
      action: 'deleteArticle',
      entityType: 'Article',
      entityId: id,
      articleId: id,
      before,
      after: null,
    });
    return id;
  });
}

/** Puts an article back as a revision's `after` left it; returns the article's id. */
export async function restoreArticleRevision(
  db: Db,
  writer: Writer,
  input: RestoreArticleRevisionInput,
): Promise<number> {
  const field = 'input.revision';
  const revisionId = decodeAt('Revision', input.revision, field);
  // Revisions are never changed, so this read needs no transaction.
  const revision = await db.revision.findUnique({ where: { id: revisionId } });
  if (!revision) throw notFound(`${field}: no Revision with this ID`, { field });
  if (revision.entityType !== 'Article' || revision.after == null)
    throw badUserInput(`${field}: only a revision that left an article behind can be restored`, {
      field,
    });
  const snapshot = JSON.parse(revision.after) as ArticleSnapshot;
  const edit = {
    action: 'restoreArticleRevision',
    id: revision.entityId,
    expectedVersion: input.expectedVersion,
  };
  return editArticle(db, writer, { ...edit, relinks: true }, (tx) =>
    changeFromSnapshot(tx, snapshot),
  );
}
