// Writes: editors send scraped article text and get back the stored article.
import { builder } from '../builder.js';
import { db } from '../db/index.js';
import { badUserInput } from '../errors.js';
import { storeImportedArticle } from '../services/article-store.js';
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

type IngestResult = { outcome: 'CREATED' | 'UPDATED' | 'UNCHANGED'; slug: string };

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
    resolve: async (_root, { input }) => {
      let imported: ReturnType<typeof parseArticle>;
      try {
        imported = parseArticle(input.text);
      } catch (error) {
        if (error instanceof ImportError)
          throw badUserInput(error.message, { importCode: error.code });
        throw error;
      }
      const outcome = await storeImportedArticle(db, imported, {
        ...(input.status ? { status: input.status } : {}),
        ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}),
        ...(input.sourceUrl ? { sourceUrl: input.sourceUrl } : {}),
      });
      return {
        outcome: outcome.toUpperCase() as 'CREATED' | 'UPDATED' | 'UNCHANGED',
        slug: imported.article.slug,
      };
    },
  }),
);
