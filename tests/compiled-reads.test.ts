// Compiled reads must answer byte for byte as field-by-field execution does, in one statement, on
// both databases; and step aside (same answer, executed) for whatever they do not compile.

import path from 'node:path';
import { parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../src/client/graphql.js';
import manifest from '../src/client/persisted-operations.json' with { type: 'json' };
import { compileRead, fieldsWithoutSql } from '../src/compiled/compile.js';
import { readEnv } from '../src/env.js';
import { graphiqlTabs } from '../src/examples.js';
import { encodeGlobalID } from '../src/global-id.js';
import { schema } from '../src/schema/index.js';
import { ingestFile } from '../src/services/ingest.js';
import { defaultSeedsDir } from '../src/services/seed.js';
import { createNewsgraphYoga, type NewsgraphYoga, yogaOptionsFrom } from '../src/yoga.js';
import { captureSql, clearDatabase, db } from './support/db.js';
import { makeArticle, makePerson } from './support/factories.js';
import { gql, post } from './support/http.js';
import { testProvider } from './support/test-database.js';

const editorToken = 'editor-token-for-compiled-reads-0123456789';
const options = yogaOptionsFrom(readEnv({ NODE_ENV: 'test', EDITOR_TOKEN: editorToken }));
const compiled = createNewsgraphYoga({ ...options, compiledReads: true });
const executed = createNewsgraphYoga({ ...options, compiledReads: false });

/** A server's answer as its status and bytes: the two paths must agree on both. */
async function answerOf(server: NewsgraphYoga, query: string, variables?: Record<string, unknown>) {
  const { status, text } = await post(query, { to: server, variables });
  return { status, body: text };
}

/** Both servers' answers, and the statements the compiled one sent. */
async function both(query: string, variables?: Record<string, unknown>) {
  const { result: fast, sql } = await captureSql(() => answerOf(compiled, query, variables));
  const slow = await answerOf(executed, query, variables);
  const willCompile =
    compileRead(schema, testProvider, parse(query), undefined, variables) !== undefined;
  return { fast, slow, sql, willCompile };
}

let ids: { article: string; person: string; quote: string; teaser: string };

beforeAll(async () => {
  await clearDatabase();
  // Names in lower case and with accents, and a speaker with no articles at all.
  const [ann, zed, lower, accented] = [
    await makePerson({ name: 'Ann Ávila', slug: 'ann', aliases: ['Ávila', 'A.'] }),
    await makePerson({ name: 'Zed Zorn', slug: 'zed', description: 'Mayor' }),
    await makePerson({ name: 'bea Low', slug: 'bea' }),
    await makePerson({ name: 'Émile Été', slug: 'emile' }),
  ];
  const target = await makeArticle({ slug: 'target', headline: 'Teased “story”' });
  const draft = await makeArticle({ slug: 'draft', status: 'DRAFT', publishedAt: null });
  const articles = [];
  for (let i = 0; i < 7; i++) {
    articles.push(
      await makeArticle({
        slug: `story-${i}`,
        headline: `Story ${i} — ünïcode 三`,
        publishedAt: i === 3 ? null : new Date(Date.UTC(2024, 0, 1 + (i % 4), 12, 0, 0, i)),
        paragraphs: ['It’s a “test”', `Paragraph\u00a0${i}`],
        authors: i % 2 ? [zed, ann] : [ann],
        photographer: i % 3 ? lower : undefined,
        mentions: [
          { person: accented, firstParagraph: 1, roleAsWritten: 'the mayor' },
          { person: ann },
        ],
        // Attribution values that print differently in each database's JSON: 1/7 needs 17
        // digits, 1 is a whole REAL, and the last quote keeps the column defaults.
        quotes: [
          {
            text: `first ${i}`,
            speaker: ann,
            method: 'SPEECH_VERB',
            confidence: 1 / (i + 6),
            evidence: `“first ${i},” Ann said — with "quotes" and a \\ backslash.`,
          },
          {
            text: 'unattributed',
            speaker: null,
            isPartial: true,
            method: 'NONE',
            confidence: 0.1,
            sourceAsWritten: i % 2 ? 'a senior senator' : 'the Kremlin’s 报道',
          },
          { text: 'zed', speaker: i % 2 ? zed : lower, method: 'PRONOUN', confidence: 1 },
          { text: 'emile', speaker: i < 4 ? accented : null },
        ],
        teasers: [{ title: 'Read on', kicker: 'More', isTruncated: true }, { title: 'Elsewhere' }],
      }),
    );
  }
  await db.teaser.updateMany({ where: { title: 'Read on' }, data: { targetId: target.id } });
  await ingestFile(db, path.join(defaultSeedsDir, 'seed-article.txt'));
  const quote = await db.quote.findFirstOrThrow({ where: { speakerId: ann.id } });
  const teaser = await db.teaser.findFirstOrThrow({ where: { targetId: target.id } });
  ids = {
    article: encodeGlobalID('Article', articles[2]?.id ?? 0),
    person: encodeGlobalID('Person', zed.id),
    quote: encodeGlobalID('Quote', quote.id),
    teaser: encodeGlobalID('Teaser', teaser.id),
  };
  expect(draft.status).toBe('DRAFT');
});

const everyArticleField = /* GraphQL */ `
  fragment Everything on Article {
    __typename id slug headline status publishedAt sourceUrl paragraphs createdAt updatedAt
    leadImage { __typename id title caption credit agency photographer { id slug name } }
    authors { id name }
    mentions { __typename id roleAsWritten firstParagraph person { slug } article { slug } }
    quotes { id text isPartial paragraph speakerRoleAsWritten attribution method confidence sourceAsWritten
      attributionEvidence speaker { name } article { slug } }
    teasers { id position kicker title summary isTruncated url article { slug } target { slug headline } }
    teasedBy { id article { slug } }
  }
`;

const compiledDocuments: [string, string, Record<string, unknown>?][] = [
  [
    'article by slug, every field',
    `${everyArticleField} query { article(slug: "story-1") { ...Everything } }`,
  ],
  ['article by id', `query($id: ID!) { article(id: $id) { id slug quotes(first: 2) { text } } }`],
  ['a missing article', `{ article(slug: "nope") { id } }`],
  ['the draft, with a null publishedAt', `{ article(slug: "draft") { status publishedAt } }`],
  [
    'the newest articles, nested both ways',
    `{ articles(first: 5) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
       edges { cursor node { slug quotes(first: 1) { speaker { slug quotedAlongside { id count person { name } } } }
       teasers { target { authors { slug } } } } } } }`,
  ],
  [
    'every status-filtered list',
    `{ a: articles(filter: { status: DRAFT }) { totalCount edges { node { slug } } }
     b: articles(first: 0) { pageInfo { hasNextPage startCursor endCursor } edges { cursor } }
     c: articles(first: 100, orderBy: { field: PUBLISHED_AT }) { edges { node { publishedAt } } } }`,
  ],
  [
    'a person page with aliases, paging and co-speakers',
    `query($slug: String!) { person(slug: $slug) { __typename id slug name description aliases
       quotes(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { text isPartial method confidence sourceAsWritten attributionEvidence article { slug publishedAt } } } }
       articles(first: 2) { totalCount pageInfo { hasNextPage startCursor endCursor } edges { cursor node { slug } } }
       quotedAlongside { __typename id count person { id slug name } } } }`,
    { slug: 'ann' },
  ],
  [
    'mentionedIn, with the edge’s own fields',
    `{ person(slug: "emile") { mentionedIn(first: 4) { totalCount pageInfo { hasNextPage endCursor }
       edges { cursor roleAsWritten firstParagraph node { slug } } } } }`,
  ],
  ['a person by id', `query($id: ID) { person(id: $id) { name quotes { totalCount } } }`],
  [
    'a quote and a teaser by id',
    `query($q: ID!, $t: ID!) { quote(id: $q) { text method confidence sourceAsWritten attributionEvidence speaker { name } }
       teaser(id: $t) { title target { slug } } }`,
  ],
  [
    'aliases, fragments, inline fragments on Node, @skip and @include',
    `query($yes: Boolean!, $no: Boolean!) { __typename
       x: article(slug: "story-2") { ... on Node { id } ...Bits headline @include(if: $yes) slug @skip(if: $yes)
         h: headline q: quotes(first: 1) @include(if: $no) { text } }
       y: article(slug: "story-2") { quotes { ... on Quote { speaker { ... on Person { slug } } } } } }
     fragment Bits on Article { authors { name } authors { slug } }`,
    { yes: true, no: false },
  ],
  [
    'the imported seed article',
    `{ articles(first: 1) { edges { node { slug headline paragraphs quotes { text speaker { name } method
       confidence sourceAsWritten attributionEvidence } } } } }`,
  ],
];

// Cursors, backward pages, filters, orders and every root list compile too.
compiledDocuments.push(
  [
    'a cursor',
    `{ articles(first: 2, after: "YXJ0aWNsZXM6MQ==", filter: { publishedFrom: "2000-01-01T00:00:00Z" }) { edges { cursor node { slug } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
  ],
  [
    'a cursor back from the end of people',
    `{ people(last: 2, before: "cGVvcGxlOjQ=") { edges { cursor node { slug } } pageInfo { hasNextPage hasPreviousPage startCursor } } }`,
  ],
  [
    'paging backwards',
    `{ articles(last: 2) { edges { node { slug } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
  ],
  [
    'another filter',
    `{ articles(filter: { headlineContains: "story" }) { totalCount edges { node { slug } } } }`,
  ],
  [
    'another order',
    `{ articles(orderBy: { field: HEADLINE, direction: ASC }) { edges { node { slug } } } }`,
  ],
  [
    'node and nodes, with fragments on their types',
    `query($id: ID!, $q: ID!, $t: ID!) { node(id: $id) { id ... on Article { slug leadImage { id } } }
       nodes(ids: [$q, $t, $id, "UGVyc29uOjk5OTk=", "TGVhZEltYWdlOjE="]) { __typename id ... on Quote { text } ... on Teaser { title } ... on LeadImage { caption } } }`,
  ],
  [
    'people, quotes and teasers',
    `{ people(filter: { nameContains: "an" }) { totalCount edges { node { slug } } }
       quotes(orderBy: { field: CONFIDENCE }) { edges { node { text speaker { name } } } }
       teasers(filter: { hasTarget: true }) { edges { node { title target { slug } } } } }`,
  ],
);

const executedDocuments: [string, string, Record<string, unknown>?][] = [
  [
    'a text filter with a LIKE wildcard',
    `{ articles(filter: { headlineContains: "50%" }) { edges { node { slug } } } }`,
  ],
  ['an invalid ID', `{ article(id: "bm9wZQ==") { slug } }`],
  ['an ID of the wrong type', `query($id: ID!) { article(id: $id) { slug } }`],
  ['both id and slug', `query($id: ID!) { person(id: $id, slug: "ann") { slug } }`],
  ['an oversized page', `{ articles(first: 1000) { edges { node { slug } } } }`],
  ['a mutation-free introspection', `{ __schema { queryType { name } } }`],
];

describe(`compiled reads (${testProvider})`, () => {
  it.each(compiledDocuments)(
    '%s: one statement, the same bytes',
    async (_name, query, variables) => {
      const vars = { ...variables, id: ids.article, q: ids.quote, t: ids.teaser };
      if (query.includes('person(id')) vars.id = ids.person;
      const { fast, slow, sql, willCompile } = await both(query, vars);
      expect(willCompile).toBe(true);
      expect(fast).toEqual(slow);
      expect(JSON.parse(fast.body).errors).toBeUndefined();
      expect(sql).toHaveLength(1);
    },
  );

  it.each(executedDocuments)('%s: executed as before, the same answer', async (_name, query) => {
    const vars = query.includes('$id') ? { id: ids.quote } : undefined;
    const { fast, slow, willCompile } = await both(query, vars);
    expect(willCompile).toBe(false);
    expect(fast).toEqual(slow);
  });

  it('hands a cursor page over a list holding a null publishedAt to execution, whose rules for NULL keys are Prisma’s', async () => {
    // Only an editor's list can hold an article without publishedAt: the public never sees one
    // (rules/visibility.ts), so the page is asked for with the editor token and a status.
    const query = `{ articles(first: 2, after: "YXJ0aWNsZXM6MQ==", filter: { status: PUBLISHED }) { edges { node { slug } } } }`;
    const headers = { authorization: `Bearer ${editorToken}` };
    const editorAnswer = async (server: NewsgraphYoga) => {
      const { status, text } = await post(query, { to: server, headers });
      return { status, body: text };
    };
    const { result: fast, sql } = await captureSql(() => editorAnswer(compiled));
    const slow = await editorAnswer(executed);
    expect(fast).toEqual(slow);
    expect(JSON.parse(fast.body).errors).toBeUndefined();
    // The compiled statement, which answers "fall back", then execution's own.
    expect(sql.length).toBeGreaterThan(1);
  });

  it('plans a text search for its pattern every time, and other reads once', async () => {
    const planEachTime = (query: string) =>
      compileRead(schema, testProvider, parse(query), undefined, {})?.planEachTime;
    expect(
      planEachTime('{ quotes(first: 5, filter: { textContains: "rain" }) { totalCount } }'),
    ).toBe(true);
    expect(planEachTime('{ article(slug: "story-5") { headline quotes { text } } }')).toBe(false);
    // And the server answers such a read with that one statement, as any other.
    const { result, sql } = await captureSql(() =>
      gql(graphql(`{ quotes(first: 5, filter: { textContains: "e" }) { totalCount } }`), {
        to: compiled,
      }),
    );
    expect(result.quotes.totalCount).toBeGreaterThan(0);
    expect(sql).toHaveLength(1);
  });

  it.skipIf(testProvider !== 'postgres')(
    'never JIT-compiles a statement on PostgreSQL (compiling costs more than a read runs)',
    async () => {
      const rows = await db.$queryRawUnsafe<{ jit: string }[]>('SHOW jit');
      expect(rows[0]?.jit).toBe('off');
    },
  );

  it('compiles the client’s persisted operations and the GraphiQL examples, with the same answers', async () => {
    const documents = [
      ...Object.values(manifest as Record<string, string>),
      // The public tabs; the editors' one reads fields guarded by scope-auth, which execute.
      ...graphiqlTabs.filter((tab) => !tab.headers).map((tab) => tab.query),
    ];
    let compiledCount = 0;
    for (const query of documents) {
      for (const variables of [{ slug: 'ann' }, { slug: 'story-4' }, { slug: 'missing' }]) {
        const { fast, slow, willCompile } = await both(query, variables);
        expect(fast, query).toEqual(slow);
        if (willCompile) compiledCount += 1;
      }
    }
    // Every one, including the forms with `__typename` that Apollo and urql send.
    expect(compiledCount).toBe(documents.length * 3);
  });

  it('orders co-speakers by shared articles, then by name as `people` orders names', async () => {
    // Three co-speakers tied on one article each, whose names sort differently by locale and by
    // byte; removed again so the other tests keep their data.
    const subject = await makePerson({ name: 'Tie Subject', slug: 'tie-subject' });
    const tied = [
      await makePerson({ name: 'Óla Mid', slug: 'tie-mid' }),
      await makePerson({ name: 'ola Able', slug: 'tie-able' }),
      await makePerson({ name: 'Ola Zee', slug: 'tie-zee' }),
    ];
    const article = await makeArticle({
      slug: 'tie-story',
      quotes: [subject, ...tied].map((speaker, i) => ({ text: `tie ${i}`, speaker })),
    });
    try {
      const query = `{ person(slug: "tie-subject") { quotedAlongside { count person { name } } } }`;
      const { fast, slow, sql } = await both(query);
      expect(fast).toEqual(slow);
      expect(sql).toHaveLength(1);
      const rows = JSON.parse(fast.body).data.person.quotedAlongside as {
        count: number;
        person: { name: string };
      }[];
      const { people } = await gql(
        graphql(
          `{ people(first: 100, orderBy: { field: NAME, direction: ASC }) { edges { node { name } } } }`,
        ),
      );
      const tiedNames = new Set(tied.map((p) => p.name));
      expect(rows.map((row) => row.count)).toEqual([1, 1, 1]);
      expect(rows.map((row) => row.person.name)).toEqual(
        people.edges.map((edge) => edge.node.name).filter((name) => tiedNames.has(name)),
      );
    } finally {
      await db.quote.deleteMany({ where: { articleId: article.id } });
      await db.article.delete({ where: { id: article.id } });
      await db.person.deleteMany({ where: { slug: { startsWith: 'tie-' } } });
    }
  });

  it('reads only committed data: never the inside of a transaction still open', async () => {
    const query = graphql(`{ article(slug: "story-5") { headline } }`);
    const headline = async () => (await gql(query, { to: compiled })).article?.headline;
    const before = await headline();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let written = () => {};
    const wrote = new Promise<void>((resolve) => {
      written = resolve;
    });
    const transaction = db.$transaction(async (tx) => {
      await tx.article.update({ where: { slug: 'story-5' }, data: { headline: 'Not yet' } });
      written();
      await held;
    });
    await wrote;
    const { result: during, sql } = await captureSql(headline, {
      held: testProvider === 'postgres' ? 1 : 0,
    });
    expect(sql).toHaveLength(1);
    expect(during).toBe(before);
    release();
    await transaction;
    expect(await headline()).toBe('Not yet');
  });

  it('hands an article whose body is not an array of strings to execution, which reports it', async () => {
    const broken = await makeArticle({ slug: 'broken' });
    const query = `{ article(slug: "broken") { slug paragraphs } }`;
    for (const body of ['{"not":"an array"}', '["fine", 3]']) {
      await db.$executeRawUnsafe(
        testProvider === 'postgres'
          ? `UPDATE "Article" SET "paragraphs" = $1::jsonb WHERE "id" = $2`
          : `UPDATE "Article" SET "paragraphs" = ? WHERE "id" = ?`,
        body,
        broken.id,
      );
      const { fast, slow, sql } = await both(query);
      expect(fast).toEqual(slow);
      expect(JSON.parse(fast.body).errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(sql.length).toBeGreaterThan(1); // the compiled statement, then execution's own
    }
    await db.article.delete({ where: { id: broken.id } });
  });
});

describe('fields with SQL', () => {
  it('every field of the read schema declares its SQL or reads its column, but for these', () => {
    // A field listed here makes every document selecting it fall back to execution: give a new
    // field `extensions: fieldSql(...)` next to its resolver. These are executed on purpose:
    // - the API tokens, history and the audit log are guarded by scope-auth, whose checks run in
    //   resolvers;
    // - the viewer is the request's credentials, not a row.
    expect(fieldsWithoutSql(schema)).toEqual([
      'ApiToken.createdAt',
      'ApiToken.lastUsedAt',
      'ApiToken.name',
      'ApiToken.revokedAt',
      'ApiToken.role',
      'Article.history',
      'Query.apiTokens',
      'Query.auditLog',
      'Query.viewer',
      'Revision.action',
      'Revision.actor',
      'Revision.changes',
      'Revision.createdAt',
      'Revision.entityId',
      'Revision.entityType',
      'Revision.id',
      'RevisionChange.after',
      'RevisionChange.before',
      'RevisionChange.field',
      'Viewer.kind',
      'Viewer.name',
      'Viewer.role',
    ]);
  });
});
