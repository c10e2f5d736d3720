// Editors' quote writes: naming the speaker, rewording, adding and deleting quotes. The rules are
// in services/quote-edit.ts; each resolver reads the changed quote back for the selection.
import { actorOf } from '../auth/viewer.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { db } from '../db/index.js';
import { encodeGlobalID } from '../global-id.js';
import {
  type Author,
  createQuote,
  deleteQuote,
  reattributeQuote,
  updateQuote,
} from '../services/quote-edit.js';

/** Who a mutation's write is by, and the request's clock. */
export const authorOf = (context: Context): Author => ({
  actor: actorOf(context.viewer),
  now: new Date(context.now?.() ?? Date.now()),
});

const expectedVersionDescription =
  'The version you read; when given and the object has changed since, the write is a CONFLICT carrying `currentVersion`.';

const ReattributeQuoteInput = builder.inputType('ReattributeQuoteInput', {
  description: 'Who said a quote, as an editor decides it.',
  fields: (t) => ({
    quote: t.id({ required: true, description: 'The quote’s global ID.' }),
    speaker: t.id({
      required: false,
      description: 'The global ID of the person who said it; null when no person did.',
    }),
    expectedVersion: t.int({ required: false, description: expectedVersionDescription }),
  }),
});

const UpdateQuoteInput = builder.inputType('UpdateQuoteInput', {
  description: 'A quote’s corrected words. Fields left out keep their values.',
  fields: (t) => ({
    quote: t.id({ required: true, description: 'The quote’s global ID.' }),
    text: t.string({
      required: false,
      description: 'The quoted words, without quotation marks: 1 to 5000 characters.',
    }),
    isPartial: t.boolean({
      required: false,
      description: 'Whether the words are a fragment inside the writer’s own sentence.',
    }),
    expectedVersion: t.int({ required: false, description: expectedVersionDescription }),
  }),
});

const CreateQuoteInput = builder.inputType('CreateQuoteInput', {
  description: 'A quote the importer missed, added to an article.',
  fields: (t) => ({
    article: t.id({ required: true, description: 'The article’s global ID.' }),
    text: t.string({
      required: true,
      description: 'The quoted words, without quotation marks: 1 to 5000 characters.',
    }),
    paragraph: t.int({
      required: true,
      description:
        'Index into the article’s paragraphs; the quote goes after that paragraph’s last.',
    }),
    isPartial: t.boolean({
      required: false,
      description:
        'Whether the words are a fragment inside the writer’s own sentence; false if left out.',
    }),
    speaker: t.id({
      required: false,
      description: 'The global ID of the person who said it; null when no person did.',
    }),
    expectedVersion: t.int({
      required: false,
      description: `The article’s version. ${expectedVersionDescription}`,
    }),
  }),
});

const DeleteQuoteInput = builder.inputType('DeleteQuoteInput', {
  description: 'A quote to delete; it stays deleted when the article is imported again.',
  fields: (t) => ({
    quote: t.id({ required: true, description: 'The quote’s global ID.' }),
    expectedVersion: t.int({ required: false, description: expectedVersionDescription }),
  }),
});

builder.mutationFields((t) => ({
  reattributeQuote: t.prismaField({
    type: 'Quote',
    description:
      'Names who said a quote, or that no person did. The attribution becomes EDITOR with confidence 1, and re-importing the article keeps it.',
    args: {
      input: t.arg({ type: ReattributeQuoteInput, required: true, description: 'The decision.' }),
    },
    authScopes: { editor: true },
    resolve: async (query, _root, { input }, context) => {
      const id = await reattributeQuote(db, authorOf(context), {
        quote: String(input.quote),
        speaker: input.speaker == null ? null : String(input.speaker),
        expectedVersion: input.expectedVersion,
      });
      return db.quote.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateQuote: t.prismaField({
    type: 'Quote',
    description: 'Corrects a quote’s words; re-importing the article keeps the correction.',
    args: {
      input: t.arg({ type: UpdateQuoteInput, required: true, description: 'The correction.' }),
    },
    authScopes: { editor: true },
    resolve: async (query, _root, { input }, context) => {
      const id = await updateQuote(db, authorOf(context), {
        quote: String(input.quote),
        text: input.text,
        isPartial: input.isPartial,
        expectedVersion: input.expectedVersion,
      });
      return db.quote.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  createQuote: t.prismaField({
    type: 'Quote',
    description:
      'Adds a quote the importer missed, after the last quote of its paragraph; re-importing the article keeps it.',
    args: {
      input: t.arg({ type: CreateQuoteInput, required: true, description: 'The new quote.' }),
    },
    authScopes: { editor: true },
    resolve: async (query, _root, { input }, context) => {
      const id = await createQuote(db, authorOf(context), {
        ...input,
        article: String(input.article),
        speaker: input.speaker == null ? null : String(input.speaker),
      });
      return db.quote.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteQuote: t.field({
    type: 'ID',
    description:
      'Deletes a quote, and keeps it deleted when the article is imported again. Returns its global ID.',
    args: {
      input: t.arg({ type: DeleteQuoteInput, required: true, description: 'The quote to delete.' }),
    },
    authScopes: { editor: true },
    resolve: async (_root, { input }, context) => {
      const id = await deleteQuote(db, authorOf(context), {
        quote: String(input.quote),
        expectedVersion: input.expectedVersion,
      });
      return encodeGlobalID('Quote', id);
    },
  }),
}));
