// Editors' quote writes: naming the speaker, rewording, adding and deleting a quote. Each is one
// editorial write with its revision, and a correction so that re-importing the article keeps it.
import { z } from 'zod';
import { entityOf } from '../cache/entities.js';
import type { Db } from '../db/client.js';
import { badUserInput, notFound } from '../errors.js';
import { decodeIdFor } from '../global-id.js';
import { linkedEntities } from './article-store.js';
import {
  createdAttribution,
  editorAttribution,
  makeRoomForQuote,
  quoteKey,
  recordCorrection,
} from './correction.js';
import {
  checkVersion,
  type EditorialWrite,
  editorialWrite,
  updateVersioned,
} from './editorial-write.js';
import { quoteSnapshot } from './snapshot.js';
import { validated } from './validate.js';

/** Who writes and when: every service here takes it first. */
export type Author = { actor: string; now: Date };

/** A global ID of one type, decoded to its row id; any other string is BAD_USER_INPUT on its field. */
export const globalIdOf = (typename: string) =>
  z.string().transform((value, context) => {
    try {
      return decodeIdFor(typename, value);
    } catch {
      context.addIssue({ code: 'custom', message: `is not the ID of a ${typename}` });
      return z.NEVER;
    }
  });

const expectedVersion = z.number().int().nullish();
const quoteText = z.string().trim().min(1).max(5000);
const paragraph = z.number().int().min(0);

const ReattributeQuote = z.object({
  quote: globalIdOf('Quote'),
  speaker: globalIdOf('Person').nullish(),
  expectedVersion,
});

const UpdateQuote = z.object({
  quote: globalIdOf('Quote'),
  text: quoteText.optional(),
  isPartial: z.boolean().nullish(),
  expectedVersion,
});

const CreateQuote = z.object({
  article: globalIdOf('Article'),
  text: quoteText,
  paragraph,
  isPartial: z.boolean().nullish(),
  speaker: globalIdOf('Person').nullish(),
  expectedVersion,
});

const DeleteQuote = z.object({ quote: globalIdOf('Quote'), expectedVersion });

type Input<Schema extends z.ZodType> = z.input<Schema>;

/** The quote, with its article's slug; NOT_FOUND on `field` when there is none. */
async function quoteOrNotFound(w: EditorialWrite, id: number, field = 'input.quote') {
  const quote = await w.tx.quote.findUnique({
    where: { id },
    include: { article: { select: { slug: true } } },
  });
  if (!quote) throw notFound('no Quote with this ID', { field });
  return quote;
}

async function personOrNotFound(w: EditorialWrite, id: number, field: string): Promise<void> {
  if ((await w.tx.person.count({ where: { id } })) === 0)
    throw notFound('no Person with this ID', { field });
}

/** Names who said a quote (null: no person), as an editor's decision the importer cannot undo. */
export async function reattributeQuote(
  db: Db,
  author: Author,
  input: Input<typeof ReattributeQuote>,
): Promise<number> {
  const { quote: id, speaker, expectedVersion } = validated(ReattributeQuote, input);
  return editorialWrite(db, author, async (w) => {
    const quote = await quoteOrNotFound(w, id);
    if (speaker != null) await personOrNotFound(w, speaker, 'input.speaker');
    w.invalidate(...(await linkedEntities(w.tx, quote.articleId)));
    const before = await quoteSnapshot(w.tx, id);
    await updateVersioned(w.tx, 'Quote', id, expectedVersion, editorAttribution(speaker ?? null));
    if (speaker != null) w.invalidate(entityOf('Person', speaker));
    await w.record({
      action: 'reattributeQuote',
      entityType: 'Quote',
      entityId: id,
      articleId: quote.articleId,
      before,
      after: await quoteSnapshot(w.tx, id),
    });
    await recordCorrection(w.tx, w, {
      kind: 'REATTRIBUTE_QUOTE',
      articleSlug: quote.article.slug,
      quoteText: await quoteKey(w.tx, quote.article.slug, quote.text),
      value: { speakerId: speaker ?? null },
    });
    return id;
  });
}

/** Rewords a quote, or says whether it is partial. */
export async function updateQuote(
  db: Db,
  author: Author,
  input: {
    quote: string;
    /** Null is refused: a quote always has words. */
    text?: string | null;
    isPartial?: boolean | null;
    expectedVersion?: number | null;
  },
): Promise<number> {
  const { quote: id, text, isPartial, expectedVersion } = validated(UpdateQuote, input);
  return editorialWrite(db, author, async (w) => {
    const quote = await quoteOrNotFound(w, id);
    // The key is read before the rewording, which it must still recognise.
    const key = await quoteKey(w.tx, quote.article.slug, quote.text);
    const before = await quoteSnapshot(w.tx, id);
    const change = {
      text: text ?? quote.text,
      isPartial: isPartial ?? quote.isPartial,
    };
    await updateVersioned(w.tx, 'Quote', id, expectedVersion, change);
    w.invalidate(...(await linkedEntities(w.tx, quote.articleId)));
    await w.record({
      action: 'updateQuote',
      entityType: 'Quote',
      entityId: id,
      articleId: quote.articleId,
      before,
      after: await quoteSnapshot(w.tx, id),
    });
    await recordCorrection(w.tx, w, {
      kind: 'EDIT_QUOTE',
      articleSlug: quote.article.slug,
      quoteText: key,
      value: change,
    });
    return id;
  });
}

/** Adds a quote the importer missed, after the last quote of its paragraph. */
export async function createQuote(
  db: Db,
  author: Author,
  input: Input<typeof CreateQuote>,
): Promise<number> {
  const valid = validated(CreateQuote, input);
  const speakerId = valid.speaker ?? null;
  return editorialWrite(db, author, async (w) => {
    const article = await w.tx.article.findUnique({
      where: { id: valid.article },
      select: { id: true, slug: true, paragraphs: true },
    });
    if (!article) throw notFound('no Article with this ID', { field: 'input.article' });
    await checkVersion(w.tx, 'Article', article.id, valid.expectedVersion);
    const paragraphs = article.paragraphs as string[];
    if (valid.paragraph >= paragraphs.length)
      throw badParagraph(valid.paragraph, paragraphs.length);
    if (speakerId != null) await personOrNotFound(w, speakerId, 'input.speaker');
    w.invalidate(...(await linkedEntities(w.tx, article.id)));
    const position = await makeRoomForQuote(w.tx, article.id, valid.paragraph);
    const value = {
      text: valid.text,
      paragraph: valid.paragraph,
      isPartial: valid.isPartial ?? false,
      speakerId,
    };
    const { id } = await w.tx.quote.create({
      data: {
        articleId: article.id,
        position,
        text: value.text,
        paragraph: value.paragraph,
        isPartial: value.isPartial,
        ...createdAttribution(speakerId),
      },
      select: { id: true },
    });
    // A new quote changes the article's page: its version moves too.
    await updateVersioned(w.tx, 'Article', article.id, valid.expectedVersion);
    w.invalidate(...(await linkedEntities(w.tx, article.id)));
    await w.record({
      action: 'createQuote',
      entityType: 'Quote',
      entityId: id,
      articleId: article.id,
      before: null,
      after: await quoteSnapshot(w.tx, id),
    });
    await recordCorrection(w.tx, w, {
      kind: 'CREATE_QUOTE',
      articleSlug: article.slug,
      quoteText: value.text,
      value,
    });
    return id;
  });
}

function badParagraph(paragraph: number, count: number) {
  return badUserInput(
    `input.paragraph: the article has paragraphs 0 to ${count - 1}; there is no paragraph ${paragraph}`,
    { field: 'input.paragraph' },
  );
}

/** Deletes a quote, and keeps it deleted when the article is imported again. */
export async function deleteQuote(
  db: Db,
  author: Author,
  input: Input<typeof DeleteQuote>,
): Promise<number> {
  const { quote: id, expectedVersion } = validated(DeleteQuote, input);
  return editorialWrite(db, author, async (w) => {
    const quote = await quoteOrNotFound(w, id);
    await checkVersion(w.tx, 'Quote', id, expectedVersion);
    w.invalidate(...(await linkedEntities(w.tx, quote.articleId)));
    const before = await quoteSnapshot(w.tx, id);
    const key = await quoteKey(w.tx, quote.article.slug, quote.text);
    await w.tx.quote.delete({ where: { id } });
    await w.record({
      action: 'deleteQuote',
      entityType: 'Quote',
      entityId: id,
      articleId: quote.articleId,
      before,
      after: null,
    });
    await recordCorrection(w.tx, w, {
      kind: 'DELETE_QUOTE',
      articleSlug: quote.article.slug,
      quoteText: key,
      value: {},
    });
    return id;
  });
}
