// Quote: words a person said, as an article quotes them; plus quote lookups and lists.
import { builder, totalCountField } from '../builder.js';
import { db } from '../db/index.js';
import { containsText } from '../db/text-filter.js';
import type { Prisma } from '../generated/prisma/client.js';
import { decodeIdFor } from '../global-id.js';
import { newestArticleThenPosition } from './ordering.js';
import { ArticleRef, PersonRef, uniqueWhere } from './scalars.js';

export const Quote = builder.prismaNode('Quote', {
  id: { field: 'id' },
  nullable: true,
  description: 'Words a person said, as an article quotes them.',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The quoted words, without quotation marks.' }),
    isPartial: t.exposeBoolean('isPartial', {
      description:
        'True when the words are a fragment inside the writer’s own sentence ("called it an \\"absolute nonsense\\"").',
    }),
    paragraph: t.exposeInt('paragraph', { description: 'Index into the article’s paragraphs.' }),
    speaker: t.relation('speaker', {
      nullable: true,
      description: 'Who said it; null when the article does not say.',
    }),
    speakerRoleAsWritten: t.exposeString('speakerRoleAsWritten', {
      nullable: true,
      description: 'The speaker’s role as this article words it, where it gives one.',
    }),
    attribution: t.exposeString('attribution', {
      nullable: true,
      description: 'How the words were obtained, e.g. "during a recent interview".',
    }),
    article: t.relation('article', { description: 'The article that quotes it.' }),
  }),
});

const QuoteFilter = builder.inputType('QuoteFilter', {
  description: 'Narrows a quote list. All given conditions must hold.',
  fields: (t) => ({
    speaker: t.field({
      type: PersonRef,
      required: false,
      description: 'Only quotes by this person.',
    }),
    article: t.field({
      type: ArticleRef,
      required: false,
      description: 'Only quotes in this article.',
    }),
    textContains: t.string({
      required: false,
      description: 'Only quotes containing this text (case-insensitive for ASCII).',
    }),
    isPartial: t.boolean({
      required: false,
      description: 'Only partial (true) or only full (false) quotes.',
    }),
    attributed: t.boolean({
      required: false,
      description: 'Only quotes with a known speaker (true), or only unattributed ones (false).',
    }),
  }),
});

function quoteWhere(
  filter: typeof QuoteFilter.$inferInput | null | undefined,
): Prisma.QuoteWhereInput {
  const where: Prisma.QuoteWhereInput = {};
  if (filter?.speaker) where.speaker = uniqueWhere('Person', filter.speaker, 'filter.speaker');
  if (filter?.article) where.article = uniqueWhere('Article', filter.article, 'filter.article');
  if (filter?.textContains) where.text = containsText(filter.textContains);
  if (filter?.isPartial != null) where.isPartial = filter.isPartial;
  if (filter?.attributed != null) where.speakerId = filter.attributed ? { not: null } : null;
  return where;
}

builder.queryFields((t) => ({
  quote: t.prismaField({
    type: 'Quote',
    nullable: true,
    description: 'One quote by global ID; null if there is none.',
    args: { id: t.arg.id({ required: true, description: 'The quote’s global ID.' }) },
    resolve: (query, _root, args) =>
      db.quote.findUnique({ ...query, where: { id: decodeIdFor('Quote', String(args.id)) } }),
  }),
  quotes: t.prismaConnection(
    {
      type: 'Quote',
      cursor: 'id',
      description: 'Quotes, newest article first and in reading order within an article.',
      args: {
        filter: t.arg({
          type: QuoteFilter,
          required: false,
          description: 'Conditions every quote must meet.',
        }),
      },
      totalCount: (_connection, args) => db.quote.count({ where: quoteWhere(args.filter) }),
      resolve: (query, _root, args) =>
        db.quote.findMany({
          ...query,
          where: quoteWhere(args.filter),
          orderBy: newestArticleThenPosition,
        }),
    },
    {
      name: 'QuoteConnection',
      description: 'A page of quotes.',
      fields: totalCountField('quotes'),
    },
    { name: 'QuoteEdge', description: 'One of a page of quotes, with its cursor.' },
  ),
}));
