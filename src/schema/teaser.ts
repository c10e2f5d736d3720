// Teaser: a promotion for another story at the foot of an article; plus teaser lookups and lists.
import { builder, totalCountField } from '../builder.js';
import { connection } from '../compiled/connection.js';
import { byForeignKey, type Field, fieldSql, one, Unsupported } from '../compiled/field-sql.js';
import { connectionKey } from '../cursor.js';
import { db } from '../db/index.js';
import { type Sql, sql } from '../db/sql.js';
import { containsText, containsTextSql } from '../db/text-filter.js';
import type { Prisma } from '../generated/prisma/client.js';
import { decodeIdFor } from '../global-id.js';
import { DEFAULT_PAGE_SIZE } from '../limits.js';
import { lookup, lookupSql, uniqueWhere } from '../rules/lookup.js';
import { newestArticleThenPosition } from '../rules/ordering.js';
import { containsFilterField } from './contains-filter.js';
import { ArticleRef } from './scalars.js';

builder.prismaNode('Teaser', {
  id: { field: 'id' },
  nullable: true,
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
    target: t.relation('target', {
      nullable: true,
      description: 'The teased article, when it is in Newsgraph (matched by headline).',
      extensions: byForeignKey('Article', 'Article', 'targetId'),
    }),
  }),
});

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
): Prisma.TeaserWhereInput {
  const where: Prisma.TeaserWhereInput = {};
  if (filter?.article) where.article = uniqueWhere('Article', filter.article, 'filter.article');
  if (filter?.target) where.target = uniqueWhere('Article', filter.target, 'filter.target');
  if (filter?.titleContains)
    where.title = containsText(filter.titleContains, 'filter.titleContains');
  if (filter?.hasTarget != null) where.targetId = filter.hasTarget ? { not: null } : null;
  return where;
}

type TeaserFilterInput = typeof TeaserFilter.$inferInput;

/** `teaserWhere` in SQL, over the teaser alias `row`. */
function teaserWhereSql(field: Field, filter: TeaserFilterInput | null | undefined, row: Sql): Sql {
  const { c } = field;
  const conditions: Sql[] = [sql`1 = 1`];
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
  if (filter?.target) conditions.push(article('targetId', filter.target, 'filter.target'));
  if (filter?.titleContains) {
    const contains = containsTextSql(
      c.d.provider,
      sql`${row}."title"`,
      filter.titleContains,
      'filter.titleContains',
    );
    if (!contains) throw new Unsupported('filter.titleContains');
    conditions.push(contains);
  }
  if (filter?.hasTarget != null)
    conditions.push(sql`${row}."targetId" ${filter.hasTarget ? sql`IS NOT NULL` : sql`IS NULL`}`);
  return sql.join(conditions, sql` AND `);
}

builder.queryFields((t) => ({
  teaser: t.prismaField({
    type: 'Teaser',
    nullable: true,
    description: 'One teaser by global ID; null if there is none.',
    args: { id: t.arg.id({ required: true, description: 'The teaser’s global ID.' }) },
    resolve: (query, _root, args) =>
      db.teaser.findUnique({ ...query, where: { id: decodeIdFor('Teaser', String(args.id)) } }),
    extensions: fieldSql((field) => {
      const id = decodeIdFor('Teaser', String(field.args.id));
      return one(
        field,
        'Teaser',
        (row) => sql`FROM "Teaser" ${row} WHERE ${row}."id" = ${sql.value(id)}`,
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
      totalCount: (_connection, args) => db.teaser.count({ where: teaserWhere(args.filter) }),
      resolve: (query, _root, args) =>
        db.teaser.findMany({
          ...query,
          where: teaserWhere(args.filter),
          orderBy: newestArticleThenPosition.toPrisma(),
        }),
      extensions: fieldSql((field) =>
        connection('TeaserConnection', field, {
          connection: connectionKey('Query', 'teasers'),
          edgeType: 'TeaserEdge',
          nodeType: 'Teaser',
          table: 'Teaser',
          where: (row) =>
            teaserWhereSql(field, (field.args as { filter?: TeaserFilterInput }).filter, row),
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
