// Editors' writes to articles: creating, updating, deleting and restoring one from a revision. Each
// is one editorial write, with its revision and the cached responses it invalidates.
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { badUserInput, CodedError, notFound } from '../errors.js';
import type { ArticleStatus } from '../generated/prisma/client.js';
import { decodeIdFor } from '../global-id.js';
import { linkedEntities } from './article-store.js';
import { conflict, editorialWrite, type Tx, updateVersioned } from './editorial-write.js';
import { slugify } from './importer/normalise.js';
import { type ArticleSnapshot, articleSnapshot } from './snapshot.js';
import { linkTeaserTargets } from './teaser.js';
import { validated } from './validate.js';

/** Who writes and when: the credential's name (actorOf) and the request's clock. */
export type Writer = { actor: string; now: Date };

export type LeadImageInput = {
  title?: string | null;
  caption?: string | null;
  credit?: string | null;
  agency?: string | null;
  /** The photographer's Person global ID. */
  photographer?: string | null;
};

export type TeaserInput = {
  title: string;
  summary: string;
  kicker?: string | null;
  url?: string | null;
};

export type CreateArticleInput = {
  headline: string;
  slug?: string | null;
  paragraphs: string[];
  /** Person global IDs, in byline order. */
  authors?: string[] | null;
  leadImage?: LeadImageInput | null;
  teasers?: TeaserInput[] | null;
};

export type UpdateArticleInput = {
  id: string;
  expectedVersion?: number | null;
  headline?: string | null;
  paragraphs?: string[] | null;
  authors?: string[] | null;
  /** Null removes the lead image; omitted keeps it. */
  leadImage?: LeadImageInput | null;
  teasers?: TeaserInput[] | null;
};

export type DeleteArticleInput = { id: string; expectedVersion?: number | null };

export type RestoreArticleRevisionInput = { revision: string; expectedVersion?: number | null };

const MAX_HEADLINE = 300;
const MAX_SLUG = 100;

/** Optional text: trimmed, and blank is the same as absent. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);

const headline = z.string().trim().min(1).max(MAX_HEADLINE);

// Blank paragraphs are dropped; what is left must say something.
const paragraphs = z
  .array(z.string())
  .transform((list) => list.map((p) => p.trim()).filter((p) => p !== ''))
  .pipe(z.array(z.string()).min(1, 'an article needs at least one paragraph with text'));

const leadImage = z
  .object({
    title: optionalText(MAX_HEADLINE),
    caption: optionalText(2000),
    credit: optionalText(MAX_HEADLINE),
    agency: optionalText(100),
    photographer: z.string().nullish(),
  })
  // Article.leadImage is null without one of these (rules/article.ts), so the photo would be lost.
  .refine((image) => image.title || image.caption || image.credit, {
    message: 'a lead image needs a title, a caption or a credit',
  });

const teaser = z.object({
  title: z.string().trim().min(1).max(MAX_HEADLINE),
  summary: z.string().trim().max(2000),
  kicker: optionalText(100),
  url: z
    .url({ protocol: /^https?$/ })
    .nullish()
    .transform((value) => value ?? null),
});

const createSchema = z.object({
  headline,
  slug: z
    .string()
    .max(MAX_SLUG)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters and digits joined by single hyphens')
    .nullish(),
  paragraphs,
  authors: z.array(z.string()).nullish(),
  leadImage: leadImage.nullish(),
  teasers: z.array(teaser).nullish(),
});

// Null for headline, paragraphs, authors or teasers means "not given", as omitting them does.
const updateSchema = z.object({
  headline: headline.nullish(),
  paragraphs: paragraphs.nullish(),
  authors: z.array(z.string()).nullish(),
  leadImage: leadImage.nullish(),
  teasers: z.array(teaser).nullish(),
});

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
  image: z.infer<typeof leadImage> | null | undefined,
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
  const valid = validated(createSchema, input);
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
  const valid = validated(updateSchema, input);
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
