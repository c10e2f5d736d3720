// Editors' quote mutations: reattributeQuote, updateQuote, createQuote and deleteQuote, through HTTP
// with the response cache on: what each stores (quote, revision, correction), how each refuses.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { purgeCachesInProcess } from '../src/cache/index.js';
import { graphql } from '../src/client/graphql.js';
import { encodeGlobalID } from '../src/global-id.js';
import { createApiToken, revokeApiToken } from '../src/services/api-token.js';
import { captureSql, clearDatabase, db } from './support/db.js';
import { bearer, editorialServer, idOf } from './support/editor.js';
import { makeArticle, makePerson } from './support/factories.js';
import { type Document, gql, gqlError, post } from './support/http.js';

const EDITOR_TOKEN = 'x'.repeat(32);
const now = () => Date.parse('2026-12-01T12:00:00Z');
const app = editorialServer(EDITOR_TOKEN, now, { RESPONSE_CACHE_TTL: '60' });
afterAll(() => app.dispose());

const asEditor = { to: app, headers: bearer(EDITOR_TOKEN) };
const id = idOf;

const Reattribute = graphql(`
  mutation Reattribute($input: ReattributeQuoteInput!) {
    reattributeQuote(input: $input) {
      text version method confidence sourceAsWritten attributionEvidence speaker { slug }
    }
  }
`);
const Update = graphql(`
  mutation UpdateQuote($input: UpdateQuoteInput!) {
    updateQuote(input: $input) { text isPartial version method }
  }
`);
const Create = graphql(`
  mutation CreateQuote($input: CreateQuoteInput!) {
    createQuote(input: $input) {
      id text paragraph isPartial method confidence speaker { slug } article { version }
    }
  }
`);
const Delete = graphql(`
  mutation DeleteQuote($input: DeleteQuoteInput!) { deleteQuote(input: $input) }
`);
const QuoteRead = graphql(`
  query QuoteRead($id: ID!) { quote(id: $id) { text isPartial method speaker { name } } }
`);
const ArticleRead = graphql(`
  query ArticleQuotes($slug: String!) { article(slug: $slug) { quotes { text speaker { name } } } }
`);

/** Two people and a published article quoting the first in paragraph 0 and nobody in paragraph 1. */
async function fixture() {
  const ada = await makePerson({ slug: 'ada-quill', name: 'Ada Quill' });
  const ben = await makePerson({ slug: 'ben-ostrow', name: 'Ben Ostrow' });
  const article = await makeArticle({
    slug: 'harbour-vote',
    paragraphs: ['First paragraph.', 'Second paragraph.', 'Third paragraph.'],
    quotes: [
      { text: 'We will build it', speaker: ada, paragraph: 0, method: 'SURNAME', confidence: 0.5 },
      {
        text: 'Not on our watch',
        paragraph: 1,
        method: 'NONE',
        sourceAsWritten: 'a council official',
        evidence: 'a council official said',
      },
    ],
  });
  const quotes = await db.quote.findMany({
    where: { articleId: article.id },
    orderBy: { position: 'asc' },
  });
  const [built, watch] = quotes as [(typeof quotes)[number], (typeof quotes)[number]];
  return { ada, ben, article, built, watch };
}

/** An anonymous read, with how many SQL statements it cost (0: answered from the cache). */
async function anonymousRead<Result, Variables>(
  document: Document<Result, Variables>,
  variables: Variables,
) {
  const { result, sql } = await captureSql(() => post(document, { to: app, variables }));
  expect(result.errors).toBeUndefined();
  return { data: result.data as Result, statements: sql.length };
}

const corrections = () =>
  db.correction.findMany({ orderBy: { id: 'asc' } }).then((rows) =>
    rows.map(({ kind, articleSlug, quoteText, personId, value, actor }) => ({
      kind,
      articleSlug,
      quoteText,
      personId,
      value: JSON.parse(value),
      actor,
    })),
  );

const revisions = () =>
  db.revision.findMany({ orderBy: { id: 'asc' } }).then((rows) =>
    rows.map((r) => ({
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      articleId: r.articleId,
      actor: r.actor,
      before: r.before == null ? null : JSON.parse(r.before),
      after: r.after == null ? null : JSON.parse(r.after),
    })),
  );

beforeEach(async () => {
  await clearDatabase();
  await purgeCachesInProcess('all');
});

describe('reattributeQuote', () => {
  it('names the speaker as an editor’s decision, with a revision and a correction', async () => {
    const { ben, article, built } = await fixture();
    const data = await gql(Reattribute, {
      ...asEditor,
      variables: {
        input: { quote: id('Quote', built), speaker: id('Person', ben), expectedVersion: 1 },
      },
    });
    expect(data.reattributeQuote).toEqual({
      text: 'We will build it',
      version: 2,
      method: 'EDITOR',
      confidence: 1,
      sourceAsWritten: null,
      attributionEvidence: null,
      speaker: { slug: 'ben-ostrow' },
    });
    expect(await corrections()).toEqual([
      {
        kind: 'REATTRIBUTE_QUOTE',
        articleSlug: 'harbour-vote',
        quoteText: 'We will build it',
        personId: null,
        value: { speakerId: ben.id },
        actor: 'EDITOR_TOKEN',
      },
    ]);
    const [revision] = await revisions();
    expect(revision).toMatchObject({
      action: 'reattributeQuote',
      entityType: 'Quote',
      entityId: built.id,
      articleId: article.id,
      before: { speakerId: built.speakerId, method: 'SURNAME', confidence: 0.5, version: 1 },
      after: { speakerId: ben.id, method: 'EDITOR', confidence: 1, version: 2 },
    });
  });

  it('with no speaker, says no person spoke and keeps who the article credits', async () => {
    const { watch } = await fixture();
    const data = await gql(Reattribute, {
      ...asEditor,
      variables: { input: { quote: id('Quote', watch), speaker: null } },
    });
    expect(data.reattributeQuote).toMatchObject({
      method: 'EDITOR',
      confidence: 1,
      speaker: null,
      sourceAsWritten: 'a council official',
      attributionEvidence: null,
    });
  });

  it('keys a reworded quote’s correction by the text the importer gave it', async () => {
    const { ben, built } = await fixture();
    await gql(Update, {
      ...asEditor,
      variables: { input: { quote: id('Quote', built), text: 'We shall build it' } },
    });
    await gql(Update, {
      ...asEditor,
      variables: { input: { quote: id('Quote', built), text: 'We shall build it now' } },
    });
    await gql(Reattribute, {
      ...asEditor,
      variables: { input: { quote: id('Quote', built), speaker: id('Person', ben) } },
    });
    expect((await corrections()).map((c) => [c.kind, c.quoteText])).toEqual([
      ['EDIT_QUOTE', 'We will build it'],
      ['EDIT_QUOTE', 'We will build it'],
      ['REATTRIBUTE_QUOTE', 'We will build it'],
    ]);
  });

  it('refuses IDs of the wrong kind, and ones naming nothing, on their field', async () => {
    const { article, built } = await fixture();
    const send = (input: { quote: string; speaker?: string | null }) =>
      post(Reattribute, { ...asEditor, variables: { input } });
    const cases: [{ quote: string; speaker?: string | null }, string, string][] = [
      [{ quote: 'not-an-id' }, 'BAD_USER_INPUT', 'input.quote'],
      [{ quote: id('Article', article) }, 'BAD_USER_INPUT', 'input.quote'],
      [
        { quote: id('Quote', built), speaker: id('Article', article) },
        'BAD_USER_INPUT',
        'input.speaker',
      ],
      [{ quote: encodeGlobalID('Quote', 999_999) }, 'NOT_FOUND', 'input.quote'],
      [
        { quote: id('Quote', built), speaker: encodeGlobalID('Person', 999_999) },
        'NOT_FOUND',
        'input.speaker',
      ],
    ];
    for (const [input, code, field] of cases) {
      const answer = await send(input);
      expect([answer.errors?.[0]?.extensions?.code, answer.errors?.[0]?.extensions?.field]).toEqual(
        [code, field],
      );
    }
    expect(await db.correction.count()).toBe(0);
    expect(await db.revision.count()).toBe(0);
  });
});

describe('updateQuote', () => {
  it('rewords a quote, with a revision and a correction holding the new words', async () => {
    const { article, built } = await fixture();
    const data = await gql(Update, {
      ...asEditor,
      variables: {
        input: {
          quote: id('Quote', built),
          text: '  We will build it soon ',
          isPartial: true,
          expectedVersion: 1,
        },
      },
    });
    expect(data.updateQuote).toEqual({
      text: 'We will build it soon',
      isPartial: true,
      version: 2,
      method: 'SURNAME',
    });
    expect(await corrections()).toEqual([
      expect.objectContaining({
        kind: 'EDIT_QUOTE',
        articleSlug: 'harbour-vote',
        quoteText: 'We will build it',
        value: { text: 'We will build it soon', isPartial: true },
      }),
    ]);
    expect(await revisions()).toEqual([
      expect.objectContaining({
        action: 'updateQuote',
        entityId: built.id,
        articleId: article.id,
        before: expect.objectContaining({ text: 'We will build it', isPartial: false }),
        after: expect.objectContaining({ text: 'We will build it soon', isPartial: true }),
      }),
    ]);
  });

  it('refuses empty, overlong and null text on input.text', async () => {
    const { built } = await fixture();
    for (const text of ['', '   ', 'x'.repeat(5001), null]) {
      const error = await gqlError('BAD_USER_INPUT', Update, {
        ...asEditor,
        variables: { input: { quote: id('Quote', built), text } },
      });
      expect(error.extensions?.field).toBe('input.text');
    }
    expect((await db.quote.findUniqueOrThrow({ where: { id: built.id } })).text).toBe(
      'We will build it',
    );
  });
});

describe('createQuote', () => {
  it('adds a quote after the last of its paragraph, moving the later ones down', async () => {
    const { ada, article, built, watch } = await fixture();
    const data = await gql(Create, {
      ...asEditor,
      variables: {
        input: {
          article: id('Article', article),
          text: 'And we will pay for it',
          paragraph: 0,
          speaker: id('Person', ada),
          expectedVersion: 1,
        },
      },
    });
    expect(data.createQuote).toMatchObject({
      text: 'And we will pay for it',
      paragraph: 0,
      isPartial: false,
      method: 'EDITOR',
      confidence: 1,
      speaker: { slug: 'ada-quill' },
      article: { version: 2 },
    });
    const order = await db.quote.findMany({
      where: { articleId: article.id },
      orderBy: { position: 'asc' },
    });
    expect(order.map((q) => [q.text, q.position])).toEqual([
      [built.text, 0],
      ['And we will pay for it', 1],
      [watch.text, 2],
    ]);
    const [correction] = await corrections();
    expect(correction).toMatchObject({
      kind: 'CREATE_QUOTE',
      articleSlug: 'harbour-vote',
      quoteText: 'And we will pay for it',
      value: { text: 'And we will pay for it', paragraph: 0, isPartial: false, speakerId: ada.id },
    });
    expect(await revisions()).toEqual([
      expect.objectContaining({
        action: 'createQuote',
        entityType: 'Quote',
        before: null,
        articleId: article.id,
      }),
    ]);
  });

  it('without a speaker, is NONE with confidence 1; in a paragraph with no quotes, goes in order', async () => {
    const { article } = await fixture();
    const data = await gql(Create, {
      ...asEditor,
      variables: {
        input: {
          article: id('Article', article),
          text: 'Late words',
          paragraph: 2,
          isPartial: true,
        },
      },
    });
    expect(data.createQuote).toMatchObject({
      method: 'NONE',
      confidence: 1,
      speaker: null,
      isPartial: true,
    });
    const last = await db.quote.findFirstOrThrow({
      where: { articleId: article.id },
      orderBy: { position: 'desc' },
    });
    expect([last.text, last.position]).toEqual(['Late words', 2]);
  });

  it('refuses a paragraph the article lacks, and an article that does not exist', async () => {
    const { article } = await fixture();
    for (const paragraph of [3, -1]) {
      const error = await gqlError('BAD_USER_INPUT', Create, {
        ...asEditor,
        variables: { input: { article: id('Article', article), text: 'Words', paragraph } },
      });
      expect(error.extensions?.field).toBe('input.paragraph');
    }
    const missing = await gqlError('NOT_FOUND', Create, {
      ...asEditor,
      variables: {
        input: { article: encodeGlobalID('Article', 999_999), text: 'Words', paragraph: 0 },
      },
    });
    expect(missing.extensions?.field).toBe('input.article');
    expect(await db.quote.count()).toBe(2);
  });
});

describe('deleteQuote', () => {
  it('deletes the quote and returns its ID, with a revision and a correction', async () => {
    const { article, watch } = await fixture();
    const data = await gql(Delete, {
      ...asEditor,
      variables: { input: { quote: id('Quote', watch), expectedVersion: 1 } },
    });
    expect(data.deleteQuote).toBe(id('Quote', watch));
    expect(await db.quote.findUnique({ where: { id: watch.id } })).toBeNull();
    expect(await corrections()).toEqual([
      expect.objectContaining({
        kind: 'DELETE_QUOTE',
        articleSlug: 'harbour-vote',
        quoteText: 'Not on our watch',
      }),
    ]);
    expect(await revisions()).toEqual([
      expect.objectContaining({
        action: 'deleteQuote',
        entityId: watch.id,
        articleId: article.id,
        before: expect.objectContaining({ text: 'Not on our watch' }),
        after: null,
      }),
    ]);
    const again = await gqlError('NOT_FOUND', Delete, {
      ...asEditor,
      variables: { input: { quote: id('Quote', watch) } },
    });
    expect(again.extensions?.field).toBe('input.quote');
  });
});

async function readArticleQuotes() {
  const { data, statements } = await anonymousRead(ArticleRead, { slug: 'harbour-vote' });
  return { shown: data.article?.quotes.map((q) => q.text), statements };
}

/** Every mutation, as the checks all of them share see it. */
type Case = {
  name: string;
  send: (
    f: Awaited<ReturnType<typeof fixture>>,
    headers: Record<string, string>,
    expectedVersion?: number,
  ) => Promise<{ status: number; errors?: { extensions?: Record<string, unknown> }[] | undefined }>;
  /** The anonymous read that shows the change: what it shows, and the SQL it cost. */
  read: (f: Awaited<ReturnType<typeof fixture>>) => Promise<{ shown: unknown; statements: number }>;
  /** The version a stale write carries is checked against (the article's for createQuote). */
  current: number;
};

const cases: Case[] = [
  {
    name: 'reattributeQuote',
    send: (f, headers, expectedVersion) =>
      post(Reattribute, {
        to: app,
        headers,
        variables: {
          input: { quote: id('Quote', f.built), speaker: id('Person', f.ben), expectedVersion },
        },
      }),
    read: async (f) => {
      const { data, statements } = await anonymousRead(QuoteRead, { id: id('Quote', f.built) });
      return { shown: data.quote?.speaker?.name, statements };
    },
    current: 1,
  },
  {
    name: 'updateQuote',
    send: (f, headers, expectedVersion) =>
      post(Update, {
        to: app,
        headers,
        variables: {
          input: { quote: id('Quote', f.built), text: 'We might build it', expectedVersion },
        },
      }),
    read: async (f) => {
      const { data, statements } = await anonymousRead(QuoteRead, { id: id('Quote', f.built) });
      return { shown: data.quote?.text, statements };
    },
    current: 1,
  },
  {
    name: 'createQuote',
    send: (f, headers, expectedVersion) =>
      post(Create, {
        to: app,
        headers,
        variables: {
          input: {
            article: id('Article', f.article),
            text: 'New words',
            paragraph: 1,
            expectedVersion,
          },
        },
      }),
    read: readArticleQuotes,
    current: 1,
  },
  {
    name: 'deleteQuote',
    send: (f, headers, expectedVersion) =>
      post(Delete, {
        to: app,
        headers,
        variables: { input: { quote: id('Quote', f.watch), expectedVersion } },
      }),
    read: readArticleQuotes,
    current: 1,
  },
];

describe.each(cases)('$name', ({ send, read, current }) => {
  it('is UNAUTHENTICATED anonymously and with a revoked token, and writes nothing', async () => {
    const f = await fixture();
    const { secret } = await createApiToken(db, { name: 'night-desk', role: 'EDITOR' });
    await revokeApiToken(db, 'night-desk');
    const anonymous = await send(f, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // A credential that no longer holds is refused before the operation runs.
    const revoked = await send(f, bearer(secret));
    expect([revoked.status, revoked.errors?.[0]?.extensions?.code]).toEqual([
      401,
      'UNAUTHENTICATED',
    ]);
    // Creating and revoking the token are revisions of their own.
    expect(await db.revision.count({ where: { entityType: { not: 'ApiToken' } } })).toBe(0);
    expect(await db.correction.count()).toBe(0);
    expect(await db.quote.count()).toBe(2);
  });

  it('is a CONFLICT carrying the current version when the version given is stale', async () => {
    const f = await fixture();
    const answer = await send(f, bearer(EDITOR_TOKEN), current + 1);
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      currentVersion: current,
      expectedVersion: current + 1,
    });
    expect(await db.revision.count()).toBe(0);
    expect(await db.correction.count()).toBe(0);
  });

  it('drops the cached anonymous read that shows what it changed', async () => {
    const f = await fixture();
    await expect.poll(async () => (await read(f)).statements).toBe(0);
    const before = await read(f);
    const answer = await send(f, bearer(EDITOR_TOKEN), current);
    expect(answer.errors).toBeUndefined();
    const after = await read(f);
    expect(after.statements).toBeGreaterThan(0);
    expect(after.shown).not.toEqual(before.shown);
  });
});
