// Person: someone who writes, photographs, appears in or is quoted by articles; plus people lookups.
import { createContextCache } from '@pothos/core';
import { prismaConnectionHelpers } from '@pothos/plugin-prisma';
import DataLoader from 'dataloader';
import { builder, totalCountField } from '../builder.js';
import { db } from '../db/index.js';
import { containsText } from '../db/text-filter.js';
import type { Prisma } from '../generated/prisma/client.js';
import { quotedAlongsideId } from '../global-id.js';
import { loadPersonCounts, type PersonCounts } from '../services/person-counts.js';
import { loadPersonPage, personPageCovers, preloadedOf } from '../services/person-page.js';
import { loadQuotedAlongside, type QuotedAlongsideRow } from '../services/quoted-alongside.js';
import { Article } from './article.js';
import { containsFilterField } from './contains-filter.js';
import { newestArticleThenPosition } from './ordering.js';
import { Quote } from './quote.js';
import { OrderDirection, uniqueWhere } from './scalars.js';

// Newest article first; articleId breaks ties between articles published at the same instant.
const newestArticleFirst = [
  { article: { publishedAt: 'desc' as const } },
  { articleId: 'desc' as const },
];
// Prisma accepts a list of orderings, but the connection helpers' types only name a single one.
const newestArticleFirstForJoin = newestArticleFirst as unknown as {
  article: { publishedAt: 'desc' };
};

/**
 * The linked article's selection, never empty. A document asking only for cursors, pageInfo or
 * totalCount selects nothing under the node, and Prisma rejects `select: {}`; the one-statement
 * person page hid this for `first`, but `last` and cursors are always planned by Prisma. The rows
 * still carry the whole article whenever the node is asked for: `id` only seeds the selection.
 */
const linkedArticle = (nodeSelection: <T extends true | object>(selection?: T) => T) =>
  nodeSelection({ select: { id: true } }) as unknown as true;

const authoredArticles = prismaConnectionHelpers(builder, 'ArticleAuthor', {
  cursor: 'id',
  query: { orderBy: newestArticleFirstForJoin },
  select: (nodeSelection) => ({ article: linkedArticle(nodeSelection) }),
  resolveNode: (byline) => byline.article,
});

const mentionedInArticles = prismaConnectionHelpers(builder, 'Mention', {
  cursor: 'id',
  query: { orderBy: newestArticleFirstForJoin },
  select: (nodeSelection) => ({
    roleAsWritten: true,
    firstParagraph: true,
    article: linkedArticle(nodeSelection),
  }),
  resolveNode: (mention) => mention.article,
});

const spokenQuotes = prismaConnectionHelpers(builder, 'Quote', {
  cursor: 'id',
  // Prisma accepts a list of orderings, but the connection helpers' types only name a single one.
  query: { orderBy: newestArticleThenPosition as unknown as { position: 'asc' } },
});

// Per-request loaders, so a page of people shares one statement each.
const personCounts = createContextCache(
  () => new DataLoader((ids: readonly number[]) => loadPersonCounts(db, ids)),
);

/** A connection's totalCount: computed with the page when it came from one statement. */
function countOf(person: { id: number }, context: object, connection: keyof PersonCounts) {
  const preloaded = preloadedOf(person)?.counts[connection];
  if (preloaded !== undefined) return preloaded;
  return personCounts(context)
    .load(person.id)
    .then((counts) => counts[connection]);
}

const quotedAlongsideLoader = createContextCache(
  () => new DataLoader((ids: readonly number[]) => loadQuotedAlongside(db, ids)),
);

/** A co-speaker row seen from one person (`subjectId`): the same pair keeps the same ID. */
type QuotedAlongsideOf = QuotedAlongsideRow & { subjectId: number };

const QuotedAlongside = builder.objectRef<QuotedAlongsideOf>('QuotedAlongside');

export const Person = builder.prismaNode('Person', {
  id: { field: 'id' },
  nullable: true,
  description: 'A person who writes, photographs, appears in or is quoted by articles.',
  fields: (t) => ({
    slug: t.exposeString('slug', {
      description: 'Lowercase, hyphenated unique name, e.g. "dmitry-peskov".',
    }),
    name: t.exposeString('name', {
      description: 'Full name, without titles such as "Dr." or "President".',
    }),
    description: t.exposeString('description', {
      nullable: true,
      description: 'A short editorial description.',
    }),
    aliases: t.stringList({
      description: 'Other forms of the name found in articles: surnames and native-script names.',
      select: { aliases: { select: { alias: true }, orderBy: { id: 'asc' } } },
      resolve: (person) => person.aliases.map((a) => a.alias),
    }),
    quotes: t.connection(
      {
        type: Quote,
        description:
          'Everything this person is quoted saying, newest article first, in reading order.',
        select: (args, ctx, nestedSelection) => ({
          quotes: spokenQuotes.getQuery(args, ctx, nestedSelection),
        }),
        resolve: (person, args, ctx) => ({
          ...spokenQuotes.resolve(person.quotes, args, ctx),
          totalCount: () => countOf(person, ctx, 'quotes'),
        }),
      },
      {
        name: 'PersonQuotesConnection',
        description:
          'A page of what a person said. Embedded in its parent (no ID of its own), as normalised caches expect of connections.',
        fields: totalCountField('quotes'),
      },
      {
        name: 'PersonQuoteEdge',
        description:
          'A quote by a person, with its cursor. Embedded in its parent (no ID of its own), as normalised caches expect of edges.',
      },
    ),
    quotedAlongside: t.field({
      type: [QuotedAlongside],
      description: 'People quoted in the same articles as this person, most shared articles first.',
      resolve: async (person, _args, context) => {
        const rows =
          preloadedOf(person)?.quotedAlongside ??
          (await quotedAlongsideLoader(context).load(person.id));
        return rows.map((row) => ({ ...row, subjectId: person.id }));
      },
    }),
  }),
});

QuotedAlongside.implement({
  description: 'Someone quoted in the same articles as a given person.',
  fields: (t) => ({
    id: t.id({
      description:
        'A stable key for client caches, from this pair of people: the same two, seen from the same side, always have this ID. It names a pair rather than a stored record, so `node(id:)` does not take it.',
      resolve: (row) => quotedAlongsideId(row.subjectId, row.person.id),
    }),
    person: t.field({
      type: Person,
      description: 'The other speaker.',
      resolve: (row) => row.person,
    }),
    count: t.exposeInt('count', { description: 'How many articles quote both people.' }),
  }),
});

// Fields that reference Article are added after both types exist, which keeps their inferred types acyclic.
builder.prismaObjectFields(Person, (t) => ({
  articles: t.connection(
    {
      type: Article,
      description: 'Articles this person wrote, newest first.',
      select: (args, ctx, nestedSelection) => ({
        authored: authoredArticles.getQuery(args, ctx, nestedSelection),
      }),
      resolve: (person, args, ctx) => ({
        ...authoredArticles.resolve(person.authored, args, ctx),
        totalCount: () => countOf(person, ctx, 'authored'),
      }),
    },
    {
      name: 'PersonArticlesConnection',
      description:
        'Articles a person wrote. Embedded in its parent (no ID of its own), as normalised caches expect of connections.',
      fields: (connection) => ({
        totalCount: connection.int({
          description: 'How many articles the person wrote in all.',
          resolve: (result) => result.totalCount(),
        }),
      }),
    },
    {
      name: 'PersonArticlesEdge',
      description:
        'An article a person wrote. Embedded in its parent (no ID of its own), as normalised caches expect of edges.',
    },
  ),
  mentionedIn: t.connection(
    {
      type: Article,
      description: 'Articles that name this person, newest first, with the role each gives them.',
      select: (args, ctx, nestedSelection) => ({
        mentions: mentionedInArticles.getQuery(args, ctx, nestedSelection),
      }),
      resolve: (person, args, ctx) => ({
        ...mentionedInArticles.resolve(person.mentions, args, ctx),
        totalCount: () => countOf(person, ctx, 'mentions'),
      }),
    },
    {
      name: 'PersonMentionsConnection',
      description:
        'Articles that name a person. Embedded in its parent (no ID of its own), as normalised caches expect of connections.',
      fields: (connection) => ({
        totalCount: connection.int({
          description: 'How many articles name the person in all.',
          resolve: (result) => result.totalCount(),
        }),
      }),
    },
    {
      name: 'PersonMentionsEdge',
      description:
        'An article that names a person, with how it describes them. Embedded in its parent (no ID of its own), as normalised caches expect of edges.',
      fields: (edge) => ({
        roleAsWritten: edge.string({
          nullable: true,
          description: 'The role this article gives the person, as written.',
          resolve: (mention) => mention.roleAsWritten,
        }),
        firstParagraph: edge.int({
          description: 'Index into the article’s paragraphs where the person first appears.',
          resolve: (mention) => mention.firstParagraph,
        }),
      }),
    },
  ),
}));

const PersonFilter = builder.inputType('PersonFilter', {
  description: 'Narrows a people list. All given conditions must hold.',
  fields: (t) => ({
    nameContains: containsFilterField(
      t,
      'Only people whose name or an alias contains this text (case-insensitive for ASCII).',
    ),
  }),
});

const PersonOrderField = builder.enumType('PersonOrderField', {
  description: 'What to sort people by. Ties are broken by ID.',
  values: {
    NAME: { description: 'Full name.' },
    CREATED_AT: { description: 'When the record was created.' },
  },
});

const PersonOrder = builder.inputType('PersonOrder', {
  description: 'Sort order for a people list. Defaults to name, A first.',
  fields: (t) => ({
    field: t.field({ type: PersonOrderField, required: true, description: 'What to sort by.' }),
    direction: t.field({
      type: OrderDirection,
      required: false,
      defaultValue: 'ASC',
      description: 'Which way.',
    }),
  }),
});

function personWhere(
  filter: typeof PersonFilter.$inferInput | null | undefined,
): Prisma.PersonWhereInput {
  const text = filter?.nameContains;
  if (!text) return {};
  return {
    OR: [
      { name: containsText(text, 'filter.nameContains') },
      { aliases: { some: { alias: containsText(text, 'filter.nameContains') } } },
    ],
  };
}

function personOrderBy(
  order: typeof PersonOrder.$inferInput | null | undefined,
): Prisma.PersonOrderByWithRelationInput[] {
  const direction = order?.direction === 'DESC' ? 'desc' : 'asc';
  const column = order?.field === 'CREATED_AT' ? 'createdAt' : 'name';
  return [{ [column]: direction }, { id: direction }];
}

builder.queryFields((t) => ({
  person: t.prismaField({
    type: 'Person',
    nullable: true,
    description: 'One person by global ID or slug (give exactly one); null if there is none.',
    args: {
      id: t.arg.id({ required: false, description: 'The person’s global ID.' }),
      slug: t.arg.string({
        required: false,
        description: 'The person’s slug, e.g. "dmitry-peskov".',
      }),
    },
    resolve: (query, _root, args) => {
      const where = uniqueWhere('Person', args, 'person');
      // A person page: one statement when the document asks for no more than the page holds.
      const plan = personPageCovers(query);
      return plan
        ? (loadPersonPage(db, where, plan) as ReturnType<typeof db.person.findUnique>)
        : db.person.findUnique({ ...query, where });
    },
  }),
  people: t.prismaConnection(
    {
      type: 'Person',
      cursor: 'id',
      description: 'People, by name unless `orderBy` says otherwise.',
      args: {
        filter: t.arg({
          type: PersonFilter,
          required: false,
          description: 'Conditions every person must meet.',
        }),
        orderBy: t.arg({
          type: PersonOrder,
          required: false,
          description: 'Sort order; defaults to NAME ASC.',
        }),
      },
      totalCount: (_connection, args) => db.person.count({ where: personWhere(args.filter) }),
      resolve: (query, _root, args) =>
        db.person.findMany({
          ...query,
          where: personWhere(args.filter),
          orderBy: personOrderBy(args.orderBy),
        }),
    },
    {
      name: 'PersonConnection',
      description:
        'A page of people. Embedded in its parent (no ID of its own), as normalised caches expect of connections.',
      fields: totalCountField('people'),
    },
    {
      name: 'PersonEdge',
      description:
        'One of a page of people, with its cursor. Embedded in its parent (no ID of its own), as normalised caches expect of edges.',
    },
  ),
}));
