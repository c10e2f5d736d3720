// Article: the story, its byline, lead image, people, quotes and teasers; plus article lookups and lists.
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { builder, totalCountField } from '../builder.js';
import { connection } from '../compiled/connection.js';
import {
  byForeignKey,
  childList,
  columnOf,
  containsSql,
  type Field,
  fieldSql,
  one,
  Unsupported,
  visibleArticle,
  withVisibleArticle,
} from '../compiled/field-sql.js';
import { nodeCondition } from '../compiled/node.js';
import { connectionKey } from '../cursor.js';
import { db } from '../db/index.js';
import { type Sql, sql } from '../db/sql.js';
import { containsText } from '../db/text-filter.js';
import type { Prisma } from '../generated/prisma/client.js';
import { ArticleStatus as ArticleStatusValues } from '../generated/prisma/enums.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../limits.js';
import { leadImage } from '../rules/article.js';
import { lookup, lookupSql, uniqueWhere } from '../rules/lookup.js';
import { articleOrder, type Ordering, relationOrder } from '../rules/ordering.js';
import {
  articleVisibility,
  PUBLIC_VIEWER,
  type Reader,
  readTime,
  type Viewer,
} from '../rules/visibility.js';
import { nodeWhere } from '../services/node-visibility.js';
import { containsFilterField } from './contains-filter.js';
import { Person } from './person.js';
import { OrderDirection, PersonRef } from './scalars.js';

const statusDescriptions: Record<keyof typeof ArticleStatusValues, string> = {
  DRAFT: 'Being written or edited; only editors see it.',
  PUBLISHED: 'Live from its `publishedAt`: listed by `articles` and linked from teasers.',
  SCHEDULED: 'Ready; goes live by itself at its `publishedAt`, with no job to run.',
  ARCHIVED: 'Withdrawn: only editors see it, kept for the record.',
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

// The lead image lives in Article's columns; a variant of Article lets its photographer be planned
// as an ordinary relation, in the same query as the article. There is one per article, so it is a
// Node keyed by the article's id ("LeadImage:<article id>"), and caches store it once.
const LeadImage = builder.prismaNode('Article', {
  variant: 'LeadImage',
  id: { field: 'id' },
  nullable: true,
  // node(id) finds nothing for an article without a lead image, as Article.leadImage is null then,
  // nor for one the viewer may not see.
  findUnique: (id) => ({ id: Number(id), ...leadImage.toPrisma() }),
  extensions: {
    ...nodeCondition(
      (row, c) => sql`NOT (${leadImage.isNullSql(row)}) AND ${visibleArticle(c, row)}`,
    ),
    ...nodeWhere((reader) => articleVisibility.toPrisma(reader, readTime(reader))),
  },
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
      extensions: byForeignKey('Person', 'Person', 'leadImagePhotographerId'),
    }),
  }),
});

export const Article = builder.prismaNode('Article', {
  id: { field: 'id' },
  nullable: true,
  // node(id) finds nothing the viewer may not see (rules/visibility.ts).
  findUnique: (id) => ({ id: Number(id) }),
  extensions: {
    ...nodeCondition((row, c) => visibleArticle(c, row)),
    ...nodeWhere((reader) => articleVisibility.toPrisma(reader, readTime(reader))),
  },
  description:
    'A published story, with the people in it, what they said, and the teasers on its page.',
  fields: (t) => ({
    slug: t.exposeString('slug', {
      description: 'URL-safe unique name, e.g. "kremlin-denies-interfering".',
    }),
    version: t.exposeInt('version', {
      description:
        'Goes up by one with every write; give it as `expectedVersion` to a mutation so that a write made since is a CONFLICT, not lost.',
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
      extensions: fieldSql(({ c, row }) => c.d.paragraphs(sql`${row}."paragraphs"`)),
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
      isNull: leadImage.isNull,
      extensions: fieldSql(
        ({ c, row, selections, path }) =>
          sql`CASE WHEN ${leadImage.isNullSql(row)} THEN NULL ELSE ${c.object('LeadImage', row, selections, path)} END`,
      ),
    }),
    mentions: t.relation('mentions', {
      description:
        'Everyone the story names, in order of first appearance, with the role it gives them.',
      query: { orderBy: relationOrder.mentions.toPrisma() },
      extensions: fieldSql((field) =>
        childList(field, 'Mention', 'Mention', 'articleId', relationOrder.mentions),
      ),
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
        orderBy: relationOrder.quotes.toPrisma(),
        ...(args.first == null ? {} : { take: args.first }),
      }),
      extensions: fieldSql((field) => {
        const first = field.args.first as number | null | undefined;
        // Out of range is an error the resolver reports.
        if (first != null && (first < 0 || first > MAX_PAGE_SIZE)) throw new Unsupported('first');
        return childList(field, 'Quote', 'Quote', 'articleId', relationOrder.quotes, first ?? null);
      }),
    }),
    teasers: t.relation('teasers', {
      description: 'The promotions for other stories at the foot of the page, in page order.',
      query: { orderBy: relationOrder.teasers.toPrisma() },
      extensions: fieldSql((field) =>
        childList(field, 'Teaser', 'Teaser', 'articleId', relationOrder.teasers),
      ),
    }),
    teasedBy: t.relation('teasedBy', {
      description: 'Teasers on other articles’ pages that promote this one.',
      // Only teasers on pages the viewer may see: a teaser is seen with its own article.
      query: (_args, context) => ({
        orderBy: relationOrder.teasedBy.toPrisma(),
        where: articleVisibility.ofArticlePrisma(context, readTime(context)),
      }),
      extensions: fieldSql((field) =>
        childList(field, 'Teaser', 'Teaser', 'targetId', relationOrder.teasedBy, null, (row) =>
          withVisibleArticle(field.c, row),
        ),
      ),
    }),
  }),
});

// Fields that reference Person are added after both types exist, which keeps their inferred types acyclic.
builder.prismaObjectFields(Article, (t) => ({
  authors: t.field({
    type: [Person],
    description: 'The byline, in the order it names the authors.',
    select: (_args, _ctx, nestedSelection) => ({
      authors: {
        orderBy: relationOrder.byline.toPrisma(),
        select: { person: nestedSelection(true) },
      },
    }),
    resolve: (article) => article.authors.map((byline) => byline.person),
    extensions: fieldSql((field) => {
      const { c } = field;
      const person = c.alias();
      const byline = c.alias();
      return c.d.array(
        c.object('Person', person, field.selections, field.path),
        relationOrder.byline.toSql(byline),
        sql`FROM "ArticleAuthor" ${byline} JOIN "Person" ${person} ON ${person}."id" = ${byline}."personId"
            WHERE ${byline}."articleId" = ${columnOf(field, 'id')}`,
      );
    }),
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
      description:
        'Only articles with this status. Without it, the live ones (PUBLISHED or SCHEDULED, from their `publishedAt`). Anonymous readers asking for DRAFT or ARCHIVED get an empty list.',
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

/**
 * Without a status, a list shows what the public sees (editors included: they ask for a status to
 * see the rest); with one, that status within what the viewer may see. So an anonymous filter on
 * DRAFT is an empty list, not an error: a filter narrows what one may see, and says nothing about
 * whether drafts exist.
 */
const listStatus = (filter: ArticleFilterInput | null | undefined, viewer: Viewer) =>
  filter?.status == null ? PUBLIC_VIEWER : viewer;

export function articleWhere(
  filter: ArticleFilterInput | null | undefined,
  reader: Reader,
): Prisma.ArticleWhereInput {
  const now = readTime(reader);
  // Kept apart (AND), so the asked-for status narrows the visible statuses rather than replacing them.
  const where: Prisma.ArticleWhereInput = {
    AND: [
      articleVisibility.toPrisma(listStatus(filter, reader), now),
      filter?.status ? { status: filter.status } : {},
    ],
  };
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

/** `articleWhere` in SQL, over the article alias `row`. */
function articleWhereSql(
  field: Field,
  filter: ArticleFilterInput | null | undefined,
  row: Sql,
): Sql {
  const { c } = field;
  const { d } = c;
  const conditions = [
    articleVisibility.toSql(row, listStatus(filter, c.viewer), d.readTime),
    ...(filter?.status ? [sql`${d.text(sql`${row}."status"`)} = ${sql.value(filter.status)}`] : []),
  ];
  // A person linked through `table` by `personColumn`, named as the filter names them.
  const linked = (
    table: string,
    personColumn: string,
    ref: { id?: string | null; slug?: string | null },
    argument: string,
  ) => {
    const link = field.c.alias();
    const person = field.c.alias();
    // Uncorrelated, so the database reads the person's few links by their index rather than
    // testing every article (SQLite plans a correlated EXISTS as a scan of the list).
    return sql`${row}."id" IN (SELECT ${link}."articleId" FROM ${sql.ident(table)} ${link}
                 JOIN "Person" ${person} ON ${person}."id" = ${link}.${sql.ident(personColumn)}
                 WHERE ${lookupSql(lookup('Person', ref, argument), person)})`;
  };
  if (filter?.author)
    conditions.push(linked('ArticleAuthor', 'personId', filter.author, 'filter.author'));
  if (filter?.mentions)
    conditions.push(linked('Mention', 'personId', filter.mentions, 'filter.mentions'));
  if (filter?.quotes) conditions.push(linked('Quote', 'speakerId', filter.quotes, 'filter.quotes'));
  if (filter?.publishedFrom)
    conditions.push(sql`${row}."publishedAt" >= ${d.time(filter.publishedFrom)}`);
  if (filter?.publishedTo)
    conditions.push(sql`${row}."publishedAt" < ${d.time(filter.publishedTo)}`);
  if (filter?.headlineContains) {
    conditions.push(
      containsSql(
        field.c,
        sql`${row}."headline"`,
        filter.headlineContains,
        'filter.headlineContains',
      ),
    );
  }
  return sql.join(conditions, sql` AND `);
}

function articleOrdering(order: ArticleOrderInput | null | undefined): Ordering {
  return articleOrder[order?.field ?? 'PUBLISHED_AT'](order?.direction === 'ASC' ? 'asc' : 'desc');
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
    resolve: (query, _root, args, context) =>
      db.article.findUnique({
        ...query,
        where: {
          ...uniqueWhere('Article', args, 'article'),
          ...articleVisibility.toPrisma(context, readTime(context)),
        },
      }),
    extensions: fieldSql((field) => {
      const found = lookup('Article', field.args, 'article');
      return one(
        field,
        'Article',
        (row) =>
          sql`FROM "Article" ${row} WHERE ${lookupSql(found, row)} AND ${visibleArticle(field.c, row)}`,
      );
    }),
  }),
  articles: t.prismaConnection(
    {
      type: 'Article',
      cursor: 'id',
      description:
        'Articles, newest first unless `orderBy` says otherwise. Only live ones (PUBLISHED or SCHEDULED, from their `publishedAt`) unless `filter.status` is given; anonymous readers never see others.',
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
      totalCount: (_connection, args, context) =>
        db.article.count({ where: articleWhere(args.filter, context) }),
      resolve: (query, _root, args, context) =>
        db.article.findMany({
          ...query,
          where: articleWhere(args.filter, context),
          orderBy: articleOrdering(args.orderBy).toPrisma(),
        }),
      extensions: fieldSql((field) => {
        const args = field.args as { filter?: ArticleFilterInput; orderBy?: ArticleOrderInput };
        return connection('ArticleConnection', field, {
          connection: connectionKey('Query', 'articles'),
          edgeType: 'ArticleEdge',
          nodeType: 'Article',
          table: 'Article',
          where: (row) => articleWhereSql(field, args.filter, row),
          order: articleOrdering(args.orderBy),
          defaultSize: DEFAULT_PAGE_SIZE,
          nullableOrderColumns: ['publishedAt'],
        });
      }),
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
