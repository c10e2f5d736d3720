// Person: someone who writes, photographs, appears in or is quoted by articles; plus people lookups.
import { createContextCache } from '@pothos/core';
import { prismaConnectionHelpers } from '@pothos/plugin-prisma';
import DataLoader from 'dataloader';
import { builder, totalCountField } from '../builder.js';
import { type ConnectionSpec, connection } from '../compiled/connection.js';
import {
  columnOf,
  containsSql,
  type Field,
  fieldSql,
  one,
  subselections,
  Unsupported,
  withVisibleArticle,
} from '../compiled/field-sql.js';
import { connectionKey } from '../cursor.js';
import { db } from '../db/index.js';
import { type Sql, sql } from '../db/sql.js';
import { containsText } from '../db/text-filter.js';
import type { Prisma } from '../generated/prisma/client.js';
import { quotedAlongsideId } from '../global-id.js';
import { DEFAULT_PAGE_SIZE } from '../limits.js';
import { lookup, mergedPersonWhere, personLookupSql, uniqueWhere } from '../rules/lookup.js';
import {
  linksNewestArticleFirst,
  mostSharedFirst,
  newestArticleThenPosition,
  type Ordering,
  personOrder,
  relationOrder,
} from '../rules/ordering.js';
import { articleVisibility, type Reader, readTime } from '../rules/visibility.js';
import { loadPersonCounts, type PersonCounts } from '../services/person-counts.js';
import { loadQuotedAlongside, type QuotedAlongsideRow } from '../services/quoted-alongside.js';
import { Article } from './article.js';
import { containsFilterField } from './contains-filter.js';
import { Quote, visibleQuotes } from './quote.js';
import { OrderDirection } from './scalars.js';

// Prisma accepts a list of orderings, but the connection helpers' types only name a single one.
const newestArticleFirstForJoin = linksNewestArticleFirst.toPrisma() as unknown as {
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

/** Bylines and mentions of articles the reader may see, newest article first. */
const visibleLinks = (_args: unknown, context: Reader) => ({
  orderBy: newestArticleFirstForJoin,
  where: articleVisibility.ofArticlePrisma(context, readTime(context)),
});

const authoredArticles = prismaConnectionHelpers(builder, 'ArticleAuthor', {
  cursor: 'id',
  query: visibleLinks,
  select: (nodeSelection) => ({ article: linkedArticle(nodeSelection) }),
  resolveNode: (byline) => byline.article,
});

const mentionedInArticles = prismaConnectionHelpers(builder, 'Mention', {
  cursor: 'id',
  query: visibleLinks,
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
  query: (_args, context) => ({
    orderBy: newestArticleThenPosition.toPrisma() as unknown as { position: 'asc' },
    where: visibleQuotes(context),
  }),
});

// Per-request loaders, so a page of people shares one statement each; both count only what the
// request's reader may see.
const personCounts = createContextCache(
  (context: Reader) =>
    new DataLoader((ids: readonly number[]) =>
      loadPersonCounts(db, ids, context, readTime(context)),
    ),
);

/** A connection's totalCount, loaded for every person of the request at once. */
function countOf(person: { id: number }, context: Reader, connection: keyof PersonCounts) {
  return personCounts(context)
    .load(person.id)
    .then((counts) => counts[connection]);
}

const quotedAlongsideLoader = createContextCache(
  (context: Reader) =>
    new DataLoader((ids: readonly number[]) =>
      loadQuotedAlongside(db, ids, context, readTime(context)),
    ),
);

/** What every connection of a person shares: its cursor name, nullable order and page size. */
function personConnection(name: string, _field: Field) {
  return {
    connection: connectionKey('Person', name),
    defaultSize: DEFAULT_PAGE_SIZE,
    nullableOrderColumns: ['publishedAt'],
  };
}

/** A person's articles through a link table (bylines, mentions): the links, newest article first. */
function articlesThrough(
  table: 'ArticleAuthor' | 'Mention',
  field: Field,
): Pick<ConnectionSpec, 'table' | 'where' | 'order' | 'node' | 'nodeType'> {
  return {
    table,
    where: (row, article) =>
      sql`${row}."personId" = ${columnOf(field, 'id')} AND ${withVisibleArticle(field.c, row, { joined: article })}`,
    order: linksNewestArticleFirst,
    node: { table: 'Article', foreignKey: 'articleId' },
    nodeType: 'Article',
  };
}

/** Person.quotedAlongside, as loadQuotedAlongside counts it. */
function quotedAlongsideSql(field: Field): Sql {
  const { c } = field;
  const mine = c.alias();
  const theirs = c.alias();
  const shared = c.alias();
  const named = c.alias();
  // Each co-speaker is looked up by primary key. A join with Person lets PostgreSQL hash the
  // whole table, which grows with the database rather than with the page.
  const person = (p: Sql) => sql`FROM "Person" ${p} WHERE ${p}."id" = ${shared}."otherId"`;
  const entries = new Map<string, Sql>();
  for (const [key, nodes] of c.collect('QuotedAlongside', field.selections)) {
    const name = nodes[0]?.name.value;
    if (name === '__typename') entries.set(key, sql.literal('QuotedAlongside'));
    // quotedAlongsideId: the list's person and the co-speaker.
    else if (name === 'id')
      entries.set(
        key,
        c.d.globalId(
          'QuotedAlongside',
          sql`${columnOf(field, 'id')} || ':' || ${shared}."otherId"`,
        ),
      );
    else if (name === 'count') entries.set(key, sql`${shared}."count"`);
    else if (name === 'person') {
      entries.set(
        key,
        one(
          { ...field, selections: subselections(nodes), path: [...field.path, key] },
          'Person',
          person,
        ),
      );
    } else throw new Unsupported(`QuotedAlongside.${name}`);
  }
  return c.d.array(
    c.d.object(entries),
    mostSharedFirst(sql`${shared}."count"`, sql`${shared}."otherId"`, named),
    // The other speakers' quotes in the person's articles, as a semi-join: a join would pair each
    // of their quotes with each of the person's quotes in the article before counting.
    sql`FROM (SELECT ${theirs}."speakerId" AS "otherId", count(DISTINCT ${theirs}."articleId") AS "count"
              FROM "Quote" ${theirs}
              WHERE ${theirs}."articleId" IN (SELECT ${mine}."articleId" FROM "Quote" ${mine}
                                             WHERE ${mine}."speakerId" = ${columnOf(field, 'id')})
                AND ${withVisibleArticle(c, theirs)}
                AND ${theirs}."speakerId" IS NOT NULL
                AND ${theirs}."speakerId" <> ${columnOf(field, 'id')}
              GROUP BY ${theirs}."speakerId") ${shared}`,
  );
}

/** A co-speaker row seen from one person (`subjectId`): the same pair keeps the same ID. */
type QuotedAlongsideOf = QuotedAlongsideRow & { subjectId: number };

const QuotedAlongside = builder.objectRef<QuotedAlongsideOf>('QuotedAlongside');

export const Person = builder.prismaNode('Person', {
  id: { field: 'id' },
  nullable: true,
  description: 'A person who writes, photographs, appears in or is quoted by articles.',
  fields: (t) => ({
    version: t.exposeInt('version', {
      description:
        'Goes up by one with every write; give it as `expectedVersion` to a mutation so that a write made since is a CONFLICT, not lost.',
    }),
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
      select: { aliases: { select: { alias: true }, orderBy: relationOrder.aliases.toPrisma() } },
      resolve: (person) => person.aliases.map((a) => a.alias),
      extensions: fieldSql((field) => {
        const alias = field.c.alias();
        return field.c.d.array(
          sql`${alias}."alias"`,
          relationOrder.aliases.toSql(alias),
          sql`FROM "PersonAlias" ${alias} WHERE ${alias}."personId" = ${columnOf(field, 'id')}`,
        );
      }),
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
        extensions: fieldSql((field) =>
          connection('PersonQuotesConnection', field, {
            ...personConnection('quotes', field),
            edgeType: 'PersonQuoteEdge',
            nodeType: 'Quote',
            table: 'Quote',
            where: (row, article) =>
              sql`${row}."speakerId" = ${columnOf(field, 'id')} AND ${withVisibleArticle(field.c, row, { joined: article })}`,
            order: newestArticleThenPosition,
          }),
        ),
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
        const rows = await quotedAlongsideLoader(context).load(person.id);
        return rows.map((row) => ({ ...row, subjectId: person.id }));
      },
      extensions: fieldSql(quotedAlongsideSql),
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
      extensions: fieldSql((field) =>
        connection('PersonArticlesConnection', field, {
          ...personConnection('articles', field),
          ...articlesThrough('ArticleAuthor', field),
          edgeType: 'PersonArticlesEdge',
        }),
      ),
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
      extensions: fieldSql((field) =>
        connection('PersonMentionsConnection', field, {
          ...personConnection('mentionedIn', field),
          ...articlesThrough('Mention', field),
          edgeType: 'PersonMentionsEdge',
          edgeColumns: { roleAsWritten: 'roleAsWritten', firstParagraph: 'firstParagraph' },
        }),
      ),
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

/** `personWhere` in SQL, over the person alias `row`. */
function personWhereSql(
  field: Field,
  filter: typeof PersonFilter.$inferInput | null | undefined,
  row: Sql,
): Sql {
  const text = filter?.nameContains;
  if (!text) return sql`1 = 1`;
  const alias = field.c.alias();
  const contains = (column: Sql) => containsSql(field.c, column, text, 'filter.nameContains');
  return sql`(${contains(sql`${row}."name"`)} OR EXISTS (SELECT 1 FROM "PersonAlias" ${alias}
              WHERE ${alias}."personId" = ${row}."id" AND ${contains(sql`${alias}."alias"`)}))`;
}

function personOrdering(order: typeof PersonOrder.$inferInput | null | undefined): Ordering {
  return personOrder[order?.field ?? 'NAME'](order?.direction === 'DESC' ? 'desc' : 'asc');
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
    resolve: async (query, _root, args) =>
      (await db.person.findUnique({ ...query, where: uniqueWhere('Person', args, 'person') })) ??
      db.person.findFirst({ ...query, where: mergedPersonWhere(lookup('Person', args, 'person')) }),
    extensions: fieldSql((field) => {
      const found = lookup('Person', field.args, 'person');
      return one(
        field,
        'Person',
        (row) => sql`FROM "Person" ${row} WHERE ${personLookupSql(found, row)}`,
      );
    }),
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
          orderBy: personOrdering(args.orderBy).toPrisma(),
        }),
      extensions: fieldSql((field) => {
        const args = field.args as {
          filter?: typeof PersonFilter.$inferInput;
          orderBy?: typeof PersonOrder.$inferInput;
        };
        return connection('PersonConnection', field, {
          connection: connectionKey('Query', 'people'),
          edgeType: 'PersonEdge',
          nodeType: 'Person',
          table: 'Person',
          where: (row) => personWhereSql(field, args.filter, row),
          order: personOrdering(args.orderBy),
          defaultSize: DEFAULT_PAGE_SIZE,
        });
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
