// Quote: words a person said, as an article quotes them; plus quote lookups and lists.
import { builder, totalCountField } from '../builder.js';
import { connection } from '../compiled/connection.js';
import {
  byForeignKey,
  containsSql,
  type Field,
  fieldSql,
  one,
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
import {
  articleThenPosition,
  byConfidence,
  newestArticleThenPosition,
  type Ordering,
} from '../rules/ordering.js';
import { articleVisibility, type Reader, readTime } from '../rules/visibility.js';
import {
  ATTRIBUTION_METHOD_DESCRIPTIONS,
  ATTRIBUTION_METHODS,
  type AttributionMethod as AttributionMethodName,
} from '../services/importer/attribution.js';
import { nodeWhere } from '../services/node-visibility.js';
import { containsFilterField } from './contains-filter.js';
import { ArticleRef, OrderDirection, PersonRef } from './scalars.js';

export const AttributionMethod = builder.enumType('AttributionMethod', {
  description: 'How the importer decided who said a quote: which of its passes named the speaker.',
  values: Object.fromEntries(
    ATTRIBUTION_METHODS.map((value) => [
      value,
      { value, description: ATTRIBUTION_METHOD_DESCRIPTIONS[value] },
    ]),
  ) as { [K in AttributionMethodName]: { value: K; description: string } },
});

/**
 * Quotes the reader may see: those in articles the reader may see. Quote.article is never null, so
 * a quote is hidden with its article on every path (lists, lookups, nodes, counts).
 */
export const visibleQuotes = (reader: Reader) =>
  articleVisibility.ofArticlePrisma(reader, readTime(reader));

export const Quote = builder.prismaNode('Quote', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id) => ({ id: Number(id) }),
  extensions: {
    ...nodeCondition((row, c) => withVisibleArticle(c, row)),
    ...nodeWhere(visibleQuotes),
  },
  description: 'Words a person said, as an article quotes them.',
  fields: (t) => ({
    version: t.exposeInt('version', {
      description:
        'Goes up by one with every write; give it as `expectedVersion` to a mutation so that a write made since is a CONFLICT, not lost.',
    }),
    text: t.exposeString('text', { description: 'The quoted words, without quotation marks.' }),
    isPartial: t.exposeBoolean('isPartial', {
      description:
        'True when the words are a fragment inside the writer’s own sentence ("called it an \\"absolute nonsense\\"").',
    }),
    paragraph: t.exposeInt('paragraph', { description: 'Index into the article’s paragraphs.' }),
    speaker: t.relation('speaker', {
      nullable: true,
      description: 'Who said it; null when the article does not say.',
      extensions: byForeignKey('Person', 'Person', 'speakerId'),
    }),
    speakerRoleAsWritten: t.exposeString('speakerRoleAsWritten', {
      nullable: true,
      description: 'The speaker’s role as this article words it, where it gives one.',
    }),
    attribution: t.exposeString('attribution', {
      nullable: true,
      description: 'How the words were obtained, e.g. "during a recent interview".',
    }),
    method: t.expose('method', {
      type: AttributionMethod,
      description: 'Which attribution pass decided the speaker; NONE when no person is named.',
    }),
    confidence: t.exposeFloat('confidence', {
      description:
        'How likely the speaker is right, from 0 (a guess) to 1 (certain). Editors review the lowest first.',
    }),
    sourceAsWritten: t.exposeString('sourceAsWritten', {
      nullable: true,
      description:
        'Who the article credits when it names no person, as written: "a senior senator", "the Kremlin", "police".',
    }),
    attributionEvidence: t.exposeString('evidence', {
      nullable: true,
      description: 'The sentence of the article that decided the attribution, for checking it.',
    }),
    article: t.relation('article', {
      description: 'The article that quotes it.',
      extensions: byForeignKey('Article', 'Article', 'articleId'),
    }),
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
    textContains: containsFilterField(
      t,
      'Only quotes containing this text (case-insensitive for ASCII).',
    ),
    isPartial: t.boolean({
      required: false,
      description: 'Only partial (true) or only full (false) quotes.',
    }),
    attributed: t.boolean({
      required: false,
      description: 'Only quotes with a known speaker (true), or only unattributed ones (false).',
    }),
    method: t.field({
      type: AttributionMethod,
      required: false,
      description: 'Only quotes attributed by this method.',
    }),
    confidenceBelow: t.float({
      required: false,
      description: 'Only quotes whose `confidence` is strictly below this, e.g. 0.8 for review.',
    }),
  }),
});

const QuoteOrderField = builder.enumType('QuoteOrderField', {
  description: 'What to sort quotes by. Ties are broken by ID, so cursors stay stable.',
  values: {
    PUBLISHED_AT: {
      description: 'When the quoting article was published; within an article, reading order.',
    },
    CONFIDENCE: {
      description: 'How sure the attribution is; ASC lists first the quotes to check.',
    },
  },
});

const QuoteOrder = builder.inputType('QuoteOrder', {
  description: 'Sort order for a quote list. Without one, newest article first.',
  fields: (t) => ({
    field: t.field({ type: QuoteOrderField, required: true, description: 'What to sort by.' }),
    direction: t.field({
      type: OrderDirection,
      required: false,
      defaultValue: 'ASC',
      description: 'Which way.',
    }),
  }),
});

function quoteWhere(
  filter: typeof QuoteFilter.$inferInput | null | undefined,
  reader: Reader,
): Prisma.QuoteWhereInput {
  const where: Prisma.QuoteWhereInput = {};
  if (filter?.speaker) where.speaker = uniqueWhere('Person', filter.speaker, 'filter.speaker');
  const visible = articleVisibility.toPrisma(reader, readTime(reader));
  if (filter?.article || !reader.isEditor) {
    where.article = {
      ...(filter?.article ? uniqueWhere('Article', filter.article, 'filter.article') : {}),
      ...visible,
    };
  }
  if (filter?.textContains) where.text = containsText(filter.textContains, 'filter.textContains');
  if (filter?.isPartial != null) where.isPartial = filter.isPartial;
  if (filter?.attributed != null) where.speakerId = filter.attributed ? { not: null } : null;
  if (filter?.method) where.method = filter.method;
  if (filter?.confidenceBelow != null) where.confidence = { lt: filter.confidenceBelow };
  return where;
}

type QuoteFilterInput = typeof QuoteFilter.$inferInput;

/** `quoteWhere` in SQL, over the quote alias `row`. */
function quoteWhereSql(
  field: Field,
  filter: QuoteFilterInput | null | undefined,
  row: Sql,
  joinedArticle?: Sql,
): Sql {
  const { c } = field;
  const conditions: Sql[] = [withVisibleArticle(c, row, { joined: joinedArticle })];
  const named = (table: string, column: string, found: Parameters<typeof lookupSql>[0]) => {
    const other = c.alias();
    return sql`EXISTS (SELECT 1 FROM ${sql.ident(table)} ${other}
                       WHERE ${other}."id" = ${row}.${sql.ident(column)} AND ${lookupSql(found, other)})`;
  };
  if (filter?.speaker)
    conditions.push(
      named('Person', 'speakerId', lookup('Person', filter.speaker, 'filter.speaker')),
    );
  if (filter?.article)
    conditions.push(
      named('Article', 'articleId', lookup('Article', filter.article, 'filter.article')),
    );
  if (filter?.textContains) {
    conditions.push(containsSql(c, sql`${row}."text"`, filter.textContains, 'filter.textContains'));
  }
  if (filter?.isPartial != null)
    conditions.push(sql`${row}."isPartial" = ${c.d.booleanValue(filter.isPartial)}`);
  if (filter?.attributed != null)
    conditions.push(sql`${row}."speakerId" ${filter.attributed ? sql`IS NOT NULL` : sql`IS NULL`}`);
  if (filter?.method)
    conditions.push(sql`${c.d.text(sql`${row}."method"`)} = ${sql.value(filter.method)}`);
  if (filter?.confidenceBelow != null)
    conditions.push(sql`${row}."confidence" < ${sql.value(filter.confidenceBelow)}`);
  return sql.join(conditions, sql` AND `);
}

function quoteOrdering(order: typeof QuoteOrder.$inferInput | null | undefined): Ordering {
  if (!order) return newestArticleThenPosition;
  const direction = order.direction === 'DESC' ? 'desc' : 'asc';
  return order.field === 'CONFIDENCE' ? byConfidence(direction) : articleThenPosition(direction);
}

builder.queryFields((t) => ({
  quote: t.prismaField({
    type: 'Quote',
    nullable: true,
    description: 'One quote by global ID; null if there is none.',
    args: { id: t.arg.id({ required: true, description: 'The quote’s global ID.' }) },
    resolve: (query, _root, args, context) =>
      db.quote.findUnique({
        ...query,
        where: { id: decodeIdFor('Quote', String(args.id)), ...visibleQuotes(context) },
      }),
    extensions: fieldSql((field) => {
      const id = decodeIdFor('Quote', String(field.args.id));
      return one(
        field,
        'Quote',
        (row) =>
          sql`FROM "Quote" ${row} WHERE ${row}."id" = ${sql.value(id)} AND ${withVisibleArticle(field.c, row)}`,
      );
    }),
  }),
  quotes: t.prismaConnection(
    {
      type: 'Quote',
      cursor: 'id',
      description:
        'Quotes, newest article first and in reading order within an article, unless `orderBy` says otherwise.',
      args: {
        filter: t.arg({
          type: QuoteFilter,
          required: false,
          description: 'Conditions every quote must meet.',
        }),
        orderBy: t.arg({
          type: QuoteOrder,
          required: false,
          description:
            'Sort order; `{ field: CONFIDENCE }` lists the least certain attributions first.',
        }),
      },
      totalCount: (_connection, args, context) =>
        db.quote.count({ where: quoteWhere(args.filter, context) }),
      resolve: (query, _root, args, context) =>
        db.quote.findMany({
          ...query,
          where: quoteWhere(args.filter, context),
          orderBy: quoteOrdering(args.orderBy).toPrisma(),
        }),
      extensions: fieldSql((field) => {
        const args = field.args as {
          filter?: QuoteFilterInput;
          orderBy?: typeof QuoteOrder.$inferInput;
        };
        return connection('QuoteConnection', field, {
          connection: connectionKey('Query', 'quotes'),
          edgeType: 'QuoteEdge',
          nodeType: 'Quote',
          table: 'Quote',
          where: (row, article) => quoteWhereSql(field, args.filter, row, article),
          order: quoteOrdering(args.orderBy),
          defaultSize: DEFAULT_PAGE_SIZE,
          nullableOrderColumns: ['publishedAt'],
        });
      }),
    },
    {
      name: 'QuoteConnection',
      description:
        'A page of quotes. Embedded in its parent (no ID of its own), as normalised caches expect of connections.',
      fields: totalCountField('quotes'),
    },
    {
      name: 'QuoteEdge',
      description:
        'One of a page of quotes, with its cursor. Embedded in its parent (no ID of its own), as normalised caches expect of edges.',
    },
  ),
}));
