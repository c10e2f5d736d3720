// Teaser: a promotion for another story at the foot of an article; plus teaser lookups and lists.
import { builder, totalCountField } from '../builder.js';
import { connection } from '../compiled/connection.js';
import {
  byForeignKey,
  containsSql,
  type Field,
  fieldSql,
  one,
  visibleArticle,
  withVisibleArticle,
} from '../compiled/field-sql.js';
import { nodeCondition } from '../compiled/node.js';
import { connectionKey } from '../cursor.js';
import { db } from '../db/index.js';
import { type Sql, sql } from '../db/sql.js';
import { containsText } from '../db/text-filter.js';
import type { Prisma } from '../generated/prisma/client.js';
import { decodeIdFor } from '../global-id.js';
import { DEFAULT_PAGE_SIZE } from '../limits.js';
import { lookup, lookupSql, uniqueWhere } from '../rules/lookup.js';
import { newestArticleThenPosition } from '../rules/ordering.js';
import { articleVisibility, type Reader, readTime } from '../rules/visibility.js';
import { nodeWhere } from '../services/node-visibility.js';
import { Article } from './article.js';
import { containsFilterField } from './contains-filter.js';
import { ArticleRef } from './scalars.js';

/** Teasers the reader may see: those on pages (articles) the reader may see. */
const visibleTeasers = (reader: Reader) =>
  articleVisibility.ofArticlePrisma(reader, readTime(reader));

builder.prismaNode('Teaser', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id) => ({ id: Number(id) }),
  extensions: {
    ...nodeCondition((row, c) => withVisibleArticle(c, row)),
    ...nodeWhere(visibleTeasers),
  },
  description: 'A promotion for another story, shown at the foot of an article.',
  fields: (t) => ({
    position: t.exposeInt('position', { description: 'Order on the page, from 0.' }),
    kicker: t.exposeString('kicker', {
      nullable: true,
      description: 'A label shown before the title, e.g. "Exclusive Interview".',
    }),
    title: t.exposeString('title', { description: 'The teased story’s title as shown.' }),
    summary: t.exposeString('summary', {
      description: 'The summary as shown; may be cut off (see isTruncated).',
    }),
    isTruncated: t.exposeBoolean('isTruncated', {
      description: 'True when the summary was cut off mid-word on the page.',
    }),
    url: t.exposeString('url', {
      nullable: true,
      description: 'Where the teaser links, if known.',
    }),
    article: t.relation('article', {
      description: 'The article whose page shows this teaser.',
      extensions: byForeignKey('Article', 'Article', 'articleId'),
    }),
  }),
});

// The target is added once Teaser exists, as a field rather than a relation: a to-one relation takes
// no `where`, and a target the viewer may not see must read as null.
builder.prismaObjectFields('Teaser', (t) => ({
  target: t.field({
    type: Article,
    nullable: true,
    description:
      'The teased article, when it is in Newsgraph (matched by headline) and the reader may see it.',
    select: (_args, _context, nestedSelection) => ({ target: nestedSelection(true) }),
    resolve: (teaser, _args, context) =>
      teaser.target && articleVisibility.admits(teaser.target, context, readTime(context))
        ? teaser.target
        : null,
    extensions: fieldSql((field) =>
      one(
        field,
        'Article',
        (row) =>
          sql`FROM "Article" ${row} WHERE ${row}."id" = ${field.row}."targetId" AND ${visibleArticle(field.c, row)}`,
      ),
    ),
  }),
}));

const TeaserFilter = builder.inputType('TeaserFilter', {
  description: 'Narrows a teaser list. All given conditions must hold.',
  fields: (t) => ({
    article: t.field({
      type: ArticleRef,
      required: false,
      description: 'Only teasers shown on this article.',
    }),
    target: t.field({
      type: ArticleRef,
      required: false,
      description: 'Only teasers promoting this article.',
    }),
    titleContains: containsFilterField(t, 'Only teasers whose title contains this text.'),
    hasTarget: t.boolean({
      required: false,
      description:
        'Only teasers whose story is in Newsgraph (true), or only those whose story is not (false).',
    }),
  }),
});

function teaserWhere(
  filter: typeof TeaserFilter.$inferInput | null | undefined,
  reader: Reader,
): Prisma.TeaserWhereInput {
  const visible = articleVisibility.toPrisma(reader, readTime(reader));
  const conditions: Prisma.TeaserWhereInput[] = [visibleTeasers(reader)];
  if (filter?.article)
    conditions.push({ article: uniqueWhere('Article', filter.article, 'filter.article') });
  // A target the reader may not see is no target: Teaser.target reads null for it.
  if (filter?.target)
    conditions.push({
      target: { ...uniqueWhere('Article', filter.target, 'filter.target'), ...visible },
    });
  if (filter?.titleContains)
    conditions.push({ title: containsText(filter.titleContains, 'filter.titleContains') });
  if (filter?.hasTarget != null) {
    const hasVisibleTarget: Prisma.TeaserWhereInput = reader.isEditor
      ? { targetId: { not: null } }
      : { target: { is: visible } };
    conditions.push(filter.hasTarget ? hasVisibleTarget : { NOT: hasVisibleTarget });
  }
  return { AND: conditions };
}

type TeaserFilterInput = typeof TeaserFilter.$inferInput;

/** `teaserWhere` in SQL, over the teaser alias `row`. */
function teaserWhereSql(
  field: Field,
  filter: TeaserFilterInput | null | undefined,
  row: Sql,
  joinedArticle?: Sql,
): Sql {
  const { c } = field;
  const conditions: Sql[] = [withVisibleArticle(c, row, { joined: joinedArticle })];
  const article = (
    column: string,
    ref: NonNullable<TeaserFilterInput['article']>,
    argument: string,
  ) => {
    const other = c.alias();
    return sql`EXISTS (SELECT 1 FROM "Article" ${other} WHERE ${other}."id" = ${row}.${sql.ident(column)}
                       AND ${lookupSql(lookup('Article', ref, argument), other)})`;
  };
  if (filter?.article) conditions.push(article('articleId', filter.article, 'filter.article'));
  if (filter?.target)
    conditions.push(
      sql`${article('targetId', filter.target, 'filter.target')} AND ${withVisibleArticle(c, row, { foreignKey: 'targetId' })}`,
    );
  if (filter?.titleContains) {
    conditions.push(
      containsSql(c, sql`${row}."title"`, filter.titleContains, 'filter.titleContains'),
    );
  }
  if (filter?.hasTarget != null) {
    const hasVisibleTarget = sql`(${row}."targetId" IS NOT NULL AND ${withVisibleArticle(c, row, { foreignKey: 'targetId' })})`;
    conditions.push(filter.hasTarget ? hasVisibleTarget : sql`NOT ${hasVisibleTarget}`);
  }
  return sql.join(conditions, sql` AND `);
}

builder.queryFields((t) => ({
  teaser: t.prismaField({
    type: 'Teaser',
    nullable: true,
    description: 'One teaser by global ID; null if there is none.',
    args: { id: t.arg.id({ required: true, description: 'The teaser’s global ID.' }) },
    resolve: (query, _root, args, context) =>
      db.teaser.findUnique({
        ...query,
        where: { id: decodeIdFor('Teaser', String(args.id)), ...visibleTeasers(context) },
      }),
    extensions: fieldSql((field) => {
      const id = decodeIdFor('Teaser', String(field.args.id));
      return one(
        field,
        'Teaser',
        (row) =>
          sql`FROM "Teaser" ${row} WHERE ${row}."id" = ${sql.value(id)} AND ${withVisibleArticle(field.c, row)}`,
      );
    }),
  }),
  teasers: t.prismaConnection(
    {
      type: 'Teaser',
      cursor: 'id',
      description: 'Teasers, grouped by the article showing them (newest first), in page order.',
      args: {
        filter: t.arg({
          type: TeaserFilter,
          required: false,
          description: 'Conditions every teaser must meet.',
        }),
      },
      totalCount: (_connection, args, context) =>
        db.teaser.count({ where: teaserWhere(args.filter, context) }),
      resolve: (query, _root, args, context) =>
        db.teaser.findMany({
          ...query,
          where: teaserWhere(args.filter, context),
          orderBy: newestArticleThenPosition.toPrisma(),
        }),
      extensions: fieldSql((field) =>
        connection('TeaserConnection', field, {
          connection: connectionKey('Query', 'teasers'),
          edgeType: 'TeaserEdge',
          nodeType: 'Teaser',
          table: 'Teaser',
          where: (row, article) =>
            teaserWhereSql(
              field,
              (field.args as { filter?: TeaserFilterInput }).filter,
              row,
              article,
            ),
          order: newestArticleThenPosition,
          defaultSize: DEFAULT_PAGE_SIZE,
          nullableOrderColumns: ['publishedAt'],
        }),
      ),
    },
    {
      name: 'TeaserConnection',
      description:
        'A page of teasers. Embedded in its parent (no ID of its own), as normalised caches expect of connections.',
      fields: totalCountField('teasers'),
    },
    {
      name: 'TeaserEdge',
      description:
        'One of a page of teasers, with its cursor. Embedded in its parent (no ID of its own), as normalised caches expect of edges.',
    },
  ),
}));
