// Article: the story, its byline, lead image, people, quotes and teasers; plus article lookups and lists.
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { builder, totalCountField } from '../builder.js';
import { db } from '../db/index.js';
import { containsText } from '../db/text-filter.js';
import type { Prisma } from '../generated/prisma/client.js';
import { ArticleStatus as ArticleStatusValues } from '../generated/prisma/enums.js';
import { MAX_PAGE_SIZE } from '../limits.js';
import {
  loadArticlePage,
  loadNewestArticles,
  type PagePlan,
  pageCovers,
} from '../services/article-page.js';
import { containsFilterField } from './contains-filter.js';
import { Person } from './person.js';
import { OrderDirection, PersonRef, uniqueWhere } from './scalars.js';

const statusDescriptions: Record<keyof typeof ArticleStatusValues, string> = {
  DRAFT: 'Being written or edited; not shown in public lists.',
  PUBLISHED: 'Live: listed by `articles` and linked from teasers.',
  SCHEDULED: 'Ready, with a future `publishedAt`.',
  ARCHIVED: 'Withdrawn from lists but kept for the record.',
};

export const ArticleStatus = builder.enumType('ArticleStatus', {
  description: 'Where an article is in its editorial life.',
  values: Object.fromEntries(
    Object.values(ArticleStatusValues).map((value) => [
      value,
      { value, description: statusDescriptions[value] },
    ]),
  ) as { [K in keyof typeof ArticleStatusValues]: { value: K; description: string } },
});

/** An article has a lead image when any of these is set; Article.leadImage is null otherwise. */
const leadImageColumns = ['leadImageTitle', 'leadImageCaption', 'leadImageCredit'] as const;

// The lead image lives in Article's columns; a variant of Article lets its photographer be planned
// as an ordinary relation, in the same query as the article. There is one per article, so it is a
// Node keyed by the article's id ("LeadImage:<article id>"), and caches store it once.
const LeadImage = builder.prismaNode('Article', {
  variant: 'LeadImage',
  id: { field: 'id' },
  nullable: true,
  // node(id) finds nothing for an article without a lead image, as Article.leadImage is null then.
  findUnique: (id) => ({
    id: Number(id),
    OR: leadImageColumns.map((column) => ({ [column]: { not: null } })),
  }),
  description:
    'The photo at the top of an article, with its credit split into agency and photographer.',
  fields: (t) => ({
    title: t.exposeString('leadImageTitle', {
      nullable: true,
      description: 'The photo’s title, e.g. "2016 Election Protests".',
    }),
    caption: t.exposeString('leadImageCaption', {
      nullable: true,
      description: 'The caption, without the credit line.',
    }),
    credit: t.exposeString('leadImageCredit', {
      nullable: true,
      description: 'The credit line as printed, e.g. "REUTERS/David Becker".',
    }),
    agency: t.exposeString('leadImageAgency', {
      nullable: true,
      description: 'The agency named in the credit, e.g. "Reuters".',
    }),
    photographer: t.relation('leadImagePhotographer', {
      nullable: true,
      description: 'Who took the photo, when the credit names a person.',
    }),
  }),
});

export const Article = builder.prismaNode('Article', {
  id: { field: 'id' },
  nullable: true,
  description:
    'A published story, with the people in it, what they said, and the teasers on its page.',
  fields: (t) => ({
    slug: t.exposeString('slug', {
      description: 'URL-safe unique name, e.g. "kremlin-denies-interfering".',
    }),
    headline: t.exposeString('headline', { description: 'The headline as published.' }),
    status: t.expose('status', { type: ArticleStatus, description: 'Editorial status.' }),
    publishedAt: t.expose('publishedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the article was published; null for drafts.',
    }),
    sourceUrl: t.exposeString('sourceUrl', {
      nullable: true,
      description: 'Where the text was imported from, if known.',
    }),
    paragraphs: t.stringList({
      description: 'The body, one string per paragraph, in reading order.',
      // The one-statement pages leave this heavy column out of lists and nested articles; it is
      // then fetched for every article of the request that needs it, in one statement.
      resolve: async (article, _args, context) =>
        paragraphsOf(
          article.paragraphs === undefined
            ? await paragraphLoader(context).load(article.id)
            : article.paragraphs,
        ),
    }),
    createdAt: t.expose('createdAt', {
      type: 'DateTime',
      description: 'When this record was created.',
    }),
    updatedAt: t.expose('updatedAt', {
      type: 'DateTime',
      description: 'When this record last changed.',
    }),
    leadImage: t.variant(LeadImage, {
      description: 'The lead photo; null when the article has none.',
      isNull: (article) => leadImageColumns.every((column) => article[column] == null),
    }),
    mentions: t.relation('mentions', {
      description:
        'Everyone the story names, in order of first appearance, with the role it gives them.',
      query: { orderBy: [{ firstParagraph: 'asc' }, { id: 'asc' }] },
    }),
    quotes: t.relation('quotes', {
      description:
        'The quotations in the story, in reading order: all of them, or the first `first`.',
      args: {
        first: t.arg.int({
          required: false,
          description: `Only the first N quotes: 0 to ${MAX_PAGE_SIZE}; more is an error. All when omitted.`,
        }),
      },
      query: (args) => ({
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
        ...(args.first == null ? {} : { take: args.first }),
      }),
    }),
    teasers: t.relation('teasers', {
      description: 'The promotions for other stories at the foot of the page, in page order.',
      query: { orderBy: [{ position: 'asc' }, { id: 'asc' }] },
    }),
    teasedBy: t.relation('teasedBy', {
      description: 'Teasers on other articles’ pages that promote this one.',
      query: { orderBy: [{ articleId: 'asc' }, { position: 'asc' }, { id: 'asc' }] },
    }),
  }),
});

// Fields that reference Person are added after both types exist, which keeps their inferred types acyclic.
builder.prismaObjectFields(Article, (t) => ({
  authors: t.field({
    type: [Person],
    description: 'The byline, in the order it names the authors.',
    select: (_args, _ctx, nestedSelection) => ({
      authors: { orderBy: { position: 'asc' }, select: { person: nestedSelection(true) } },
    }),
    resolve: (article) => article.authors.map((byline) => byline.person),
  }),
}));

const paragraphLoader = createContextCache(
  () =>
    new DataLoader(async (ids: readonly number[]) => {
      const rows = await db.article.findMany({
        where: { id: { in: [...ids] } },
        select: { id: true, paragraphs: true },
      });
      const byId = new Map(rows.map((row) => [row.id, row.paragraphs]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
);

/** Article.paragraphs is a JSON array of strings; anything else is a data error, not a client error. */
function paragraphsOf(value: Prisma.JsonValue): string[] {
  if (!Array.isArray(value) || !value.every((p) => typeof p === 'string')) {
    throw new Error('Article.paragraphs is not an array of strings');
  }
  return value as string[];
}

const ArticleFilter = builder.inputType('ArticleFilter', {
  description: 'Narrows an article list. All given conditions must hold.',
  fields: (t) => ({
    status: t.field({
      type: ArticleStatus,
      required: false,
      description: 'Only articles with this status. Defaults to PUBLISHED.',
    }),
    author: t.field({
      type: PersonRef,
      required: false,
      description: 'Only articles this person wrote.',
    }),
    mentions: t.field({
      type: PersonRef,
      required: false,
      description: 'Only articles that mention this person.',
    }),
    quotes: t.field({
      type: PersonRef,
      required: false,
      description: 'Only articles that quote this person.',
    }),
    publishedFrom: t.field({
      type: 'DateTime',
      required: false,
      description: 'Only articles published at or after this instant.',
    }),
    publishedTo: t.field({
      type: 'DateTime',
      required: false,
      description: 'Only articles published before this instant (exclusive).',
    }),
    headlineContains: containsFilterField(
      t,
      'Only articles whose headline contains this text (case-insensitive for ASCII).',
    ),
  }),
});

const ArticleOrderField = builder.enumType('ArticleOrderField', {
  description: 'What to sort articles by. Ties are broken by ID, so cursors stay stable.',
  values: {
    PUBLISHED_AT: { description: 'Publication time.' },
    HEADLINE: { description: 'Headline, alphabetically.' },
    CREATED_AT: { description: 'When the record was created.' },
  },
});

const ArticleOrder = builder.inputType('ArticleOrder', {
  description: 'Sort order for an article list. Defaults to newest first.',
  fields: (t) => ({
    field: t.field({ type: ArticleOrderField, required: true, description: 'What to sort by.' }),
    direction: t.field({
      type: OrderDirection,
      required: false,
      defaultValue: 'DESC',
      description: 'Which way.',
    }),
  }),
});

type ArticleFilterInput = typeof ArticleFilter.$inferInput;
type ArticleOrderInput = typeof ArticleOrder.$inferInput;

export function articleWhere(
  filter: ArticleFilterInput | null | undefined,
): Prisma.ArticleWhereInput {
  const where: Prisma.ArticleWhereInput = { status: filter?.status ?? 'PUBLISHED' };
  if (filter?.author)
    where.authors = { some: { person: uniqueWhere('Person', filter.author, 'filter.author') } };
  if (filter?.mentions) {
    where.mentions = {
      some: { person: uniqueWhere('Person', filter.mentions, 'filter.mentions') },
    };
  }
  if (filter?.quotes)
    where.quotes = { some: { speaker: uniqueWhere('Person', filter.quotes, 'filter.quotes') } };
  if (filter?.publishedFrom || filter?.publishedTo) {
    where.publishedAt = {
      ...(filter.publishedFrom ? { gte: filter.publishedFrom } : {}),
      ...(filter.publishedTo ? { lt: filter.publishedTo } : {}),
    };
  }
  if (filter?.headlineContains)
    where.headline = containsText(filter.headlineContains, 'filter.headlineContains');
  return where;
}

function articleOrderBy(
  order: ArticleOrderInput | null | undefined,
): Prisma.ArticleOrderByWithRelationInput[] {
  const direction = order?.direction === 'ASC' ? 'asc' : 'desc';
  const field = order?.field ?? 'PUBLISHED_AT';
  const column =
    field === 'HEADLINE' ? 'headline' : field === 'CREATED_AT' ? 'createdAt' : 'publishedAt';
  return [{ [column]: direction }, { id: direction }];
}

/**
 * The front-page case, which one SQL statement answers: the first page of the newest articles of
 * one status, asking for nothing beyond the page relations. Anything else (other filters or orders,
 * a cursor, paging backwards) is planned by Prisma.
 */
function firstPageOfNewest(
  query: { take?: number; skip?: number; cursor?: unknown },
  args: { filter?: ArticleFilterInput | null; orderBy?: ArticleOrderInput | null },
): { status: string; take: number; plan: PagePlan } | undefined {
  const { take, skip, cursor, ...rest } = query;
  if (cursor !== undefined || (skip ?? 0) !== 0 || typeof take !== 'number' || take <= 0) {
    return undefined;
  }
  const { status, ...otherFilters } = args.filter ?? {};
  if (Object.values(otherFilters).some((value) => value != null)) return undefined;
  const order = args.orderBy;
  if (order && (order.field !== 'PUBLISHED_AT' || order.direction === 'ASC')) return undefined;
  const plan = pageCovers(rest);
  return plan && { status: status ?? 'PUBLISHED', take, plan };
}

builder.queryFields((t) => ({
  article: t.prismaField({
    type: 'Article',
    nullable: true,
    description: 'One article by global ID or slug (give exactly one); null if there is none.',
    args: {
      id: t.arg.id({ required: false, description: 'The article’s global ID.' }),
      slug: t.arg.string({ required: false, description: 'The article’s slug.' }),
    },
    resolve: (query, _root, args) => {
      const where = uniqueWhere('Article', args, 'article');
      // The hottest page: one statement when the document asks for no more than a page holds.
      const plan = pageCovers(query);
      return plan
        ? (loadArticlePage(db, where, plan) as ReturnType<typeof db.article.findUnique>)
        : db.article.findUnique({ ...query, where });
    },
  }),
  articles: t.prismaConnection(
    {
      type: 'Article',
      cursor: 'id',
      description:
        'Articles, newest first unless `orderBy` says otherwise. Only PUBLISHED ones unless `filter.status` is given.',
      args: {
        filter: t.arg({
          type: ArticleFilter,
          required: false,
          description: 'Conditions every article must meet.',
        }),
        orderBy: t.arg({
          type: ArticleOrder,
          required: false,
          description: 'Sort order; defaults to PUBLISHED_AT DESC.',
        }),
      },
      totalCount: (_connection, args) => db.article.count({ where: articleWhere(args.filter) }),
      resolve: (query, _root, args) => {
        const first = firstPageOfNewest(query, args);
        if (first) {
          return loadNewestArticles(db, first.status, first.take, first.plan) as ReturnType<
            typeof db.article.findMany
          >;
        }
        return db.article.findMany({
          ...query,
          where: articleWhere(args.filter),
          orderBy: articleOrderBy(args.orderBy),
        });
      },
    },
    {
      name: 'ArticleConnection',
      description:
        'A page of articles. Embedded in its parent (no ID of its own), as normalised caches expect of connections.',
      fields: totalCountField('articles'),
    },
    {
      name: 'ArticleEdge',
      description:
        'One of a page of articles, with its cursor. Embedded in its parent (no ID of its own), as normalised caches expect of edges.',
    },
  ),
}));
