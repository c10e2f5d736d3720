// Writes: editors send scraped article text and get back the stored article, and which of their
// corrections to it a changed text kept.
import { actorOf } from '../auth/viewer.js';
import { builder } from '../builder.js';
import { db } from '../db/index.js';
import { badUserInput } from '../errors.js';
import { storeImported } from '../services/article-store.js';
import type { CorrectionsReport } from '../services/correction.js';
import { ImportError, parseArticle } from '../services/importer/index.js';
import { ArticleStatus } from './article.js';

const IngestOutcome = builder.enumType('IngestOutcome', {
  description: 'What an ingest did.',
  values: {
    CREATED: { description: 'A new article was stored.' },
    UPDATED: {
      description: 'The article with this headline was updated in place and re-extracted.',
    },
    UNCHANGED: { description: 'The same text was already stored; nothing was written.' },
  },
});

const IngestArticleInput = builder.inputType('IngestArticleInput', {
  description:
    'A scraped article, in the format of seeds/ (headline, byline, photo, body, teasers).',
  fields: (t) => ({
    text: t.string({ required: true, description: 'The whole article text.' }),
    status: t.field({
      type: ArticleStatus,
      required: false,
      description: 'Defaults to PUBLISHED for new articles.',
    }),
    publishedAt: t.field({
      type: 'DateTime',
      required: false,
      description: 'Defaults to now for new articles.',
    }),
    sourceUrl: t.string({ required: false, description: 'Where the text was scraped from.' }),
  }),
});

type IngestResult = {
  outcome: 'CREATED' | 'UPDATED' | 'UNCHANGED';
  slug: string;
  corrections: CorrectionsReport;
};

const CorrectionKind = builder.enumType('CorrectionKind', {
  description:
    'What an editor decided about an article, kept so that a re-import applies it again.',
  values: {
    REATTRIBUTE_QUOTE: { description: 'Named who said a quote (reattributeQuote).' },
    EDIT_QUOTE: { description: 'Reworded a quote (updateQuote).' },
    CREATE_QUOTE: { description: 'Added a quote the importer missed (createQuote).' },
    DELETE_QUOTE: { description: 'Deleted a quote (deleteQuote).' },
    EDIT_PERSON: { description: 'Corrected a person’s details (updatePerson).' },
  },
});

const LostCorrection = builder
  .objectRef<CorrectionsReport['lost'][number]>('LostCorrection')
  .implement({
    description:
      'A correction the new text no longer has a place for: the quote it was about is gone. Embedded in its payload (no ID of its own).',
    fields: (t) => ({
      kind: t.field({
        type: CorrectionKind,
        description: 'What the correction did.',
        resolve: (lost) => lost.kind,
      }),
      quoteText: t.exposeString('quoteText', {
        nullable: true,
        description: 'The quote it was about, as the importer first extracted it.',
      }),
    }),
  });

const IngestCorrections = builder.objectRef<CorrectionsReport>('IngestCorrections').implement({
  description:
    'What happened to the editors’ corrections to the article when its changed text was stored. Embedded in its payload (no ID of its own).',
  fields: (t) => ({
    kept: t.exposeInt('kept', {
      description:
        'How many corrections were applied again: to its quotes, and to the people linked to it.',
    }),
    lost: t.field({
      type: [LostCorrection],
      description: 'The corrections whose quote the new text no longer has, in the order made.',
      resolve: (report) => report.lost,
    }),
  }),
});

const IngestArticlePayload = builder.objectRef<IngestResult>('IngestArticlePayload').implement({
  description:
    'The result of ingesting one article. Embedded in the mutation result (no ID of its own); its `article` is the entity caches key.',
  fields: (t) => ({
    outcome: t.field({
      type: IngestOutcome,
      description: 'Whether the article was created, updated or unchanged.',
      resolve: (r) => r.outcome,
    }),
    slug: t.exposeString('slug', { description: 'The stored article’s slug.' }),
    corrections: t.field({
      type: IngestCorrections,
      description:
        'The editors’ corrections applied again to an updated article (none for a new or unchanged one).',
      resolve: (r) => r.corrections,
    }),
    article: t.prismaField({
      type: 'Article',
      description: 'The article as stored now.',
      resolve: (query, result) =>
        db.article.findUniqueOrThrow({ ...query, where: { slug: result.slug } }),
    }),
  }),
});

builder.mutationType({
  description:
    'Writes. Each requires an editor: `Authorization: Bearer <token>` with a stored API token, a JWT or EDITOR_TOKEN.',
});

builder.mutationField('ingestArticle', (t) =>
  t.field({
    type: IngestArticlePayload,
    description:
      'Imports one scraped article and stores it with its people, quotes and teasers, atomically.',
    args: {
      input: t.arg({
        type: IngestArticleInput,
        required: true,
        description: 'The article text and editorial facts.',
      }),
    },
    // Refused before the resolver runs: UNAUTHENTICATED without credentials (builder.ts).
    authScopes: { editor: true },
    resolve: async (_root, { input }, context) => {
      let imported: ReturnType<typeof parseArticle>;
      try {
        imported = parseArticle(input.text);
      } catch (error) {
        if (error instanceof ImportError)
          throw badUserInput(error.message, { importCode: error.code });
        throw error;
      }
      const { outcome, corrections } = await storeImported(db, imported, {
        ...(input.status ? { status: input.status } : {}),
        ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}),
        ...(input.sourceUrl ? { sourceUrl: input.sourceUrl } : {}),
        actor: actorOf(context.viewer),
      });
      return {
        outcome: outcome.toUpperCase() as 'CREATED' | 'UPDATED' | 'UNCHANGED',
        slug: imported.article.slug,
        corrections,
      };
    },
  }),
);
