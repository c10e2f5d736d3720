// Editors' article mutations over HTTP: what each stores, its revision, its coded errors, who may
// call it, the status table, scheduled stories going live by the clock alone, and the response
// cache showing each write at once.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { purgeCachesInProcess } from '../src/cache/index.js';
import { graphql } from '../src/client/graphql.js';
import { readEnv } from '../src/env.js';
import { encodeGlobalID } from '../src/global-id.js';
import { createApiToken, revokeApiToken } from '../src/services/api-token.js';
import { createNewsgraphYoga, type NewsgraphYoga, yogaOptionsFrom } from '../src/yoga.js';
import { captureSql, clearDatabase, db } from './support/db.js';
import { makeArticle, makePerson } from './support/factories.js';
import { type Document, gql, gqlError, post } from './support/http.js';

const EDITOR_TOKEN = 'x'.repeat(32);
const start = Date.parse('2026-12-01T12:00:00Z');
let clock = start;
const now = () => clock;
const HOUR = 3_600_000;

const serve = (env: Record<string, string> = {}) =>
  createNewsgraphYoga({
    ...yogaOptionsFrom(readEnv({ NODE_ENV: 'test', EDITOR_TOKEN, ...env })),
    now,
  });
const app = serve();
const cachedApp = serve({ RESPONSE_CACHE_TTL: '60' });
afterAll(() => cachedApp.dispose());

const editor = { authorization: `Bearer ${EDITOR_TOKEN}` };

/** A call for a list of mixed documents, each checked against its own variables. */
const call = <R, V>(document: Document<R, V>, variables: V) => ({
  document: document as Document<unknown, unknown>,
  variables: variables as unknown,
});
const ok = <R, V>(document: Document<R, V> & object, variables: V, to: NewsgraphYoga = app) =>
  gql(document as never, { to, variables, headers: editor }) as Promise<R>;
const fails = <R, V>(code: string, document: Document<R, V>, variables: V, headers = editor) =>
  gqlError(code, document, { to: app, variables, headers });

const CreateArticle = graphql(`
  mutation CreateArticle($input: CreateArticleInput!) {
    createArticle(input: $input) {
      id slug headline paragraphs status publishedAt version
      authors { slug }
      leadImage { title caption credit agency photographer { slug } }
      teasers { position kicker title summary url target { slug } }
    }
  }
`);
const UpdateArticle = graphql(`
  mutation UpdateArticle($input: UpdateArticleInput!) {
    updateArticle(input: $input) {
      id slug headline paragraphs status version
      authors { slug }
      leadImage { title photographer { slug } }
      teasers { title target { slug } }
    }
  }
`);
const ScheduleArticle = graphql(`
  mutation ScheduleArticle($input: ScheduleArticleInput!) {
    scheduleArticle(input: $input) { status publishedAt version }
  }
`);
const PublishArticle = graphql(`
  mutation PublishArticle($input: PublishArticleInput!) {
    publishArticle(input: $input) { status publishedAt version }
  }
`);
const UnpublishArticle = graphql(`
  mutation UnpublishArticle($input: UnpublishArticleInput!) {
    unpublishArticle(input: $input) { status publishedAt version }
  }
`);
const ArchiveArticle = graphql(`
  mutation ArchiveArticle($input: ArchiveArticleInput!) {
    archiveArticle(input: $input) { status publishedAt version }
  }
`);
const DeleteArticle = graphql(`
  mutation DeleteArticle($input: DeleteArticleInput!) {
    deleteArticle(input: $input)
  }
`);
const RestoreArticleRevision = graphql(`
  mutation RestoreArticleRevision($input: RestoreArticleRevisionInput!) {
    restoreArticleRevision(input: $input) {
      headline paragraphs status publishedAt version
      authors { slug }
      leadImage { title }
      teasers { title }
    }
  }
`);
const ArticleBySlug = graphql(`
  query ArticleBySlug($slug: String!) { article(slug: $slug) { headline } }
`);
const ArticleCount = graphql('query ArticleCount { articles { totalCount } }');

const idOf = (typename: string, row: { id: number }) => encodeGlobalID(typename, row.id);
// Token writes record revisions of their own (ApiToken); these tests look at articles'.
const articleRevisions = { entityType: 'Article' };
const revisions = () => db.revision.findMany({ where: articleRevisions, orderBy: { id: 'asc' } });
const draft = (headline = 'A draft story') =>
  makeArticle({ headline, status: 'DRAFT', publishedAt: null });

beforeEach(async () => {
  clock = start;
  await clearDatabase();
  // Clearing tables is no write path, so it purges nothing; the cache must not outlive the rows.
  await purgeCachesInProcess('all');
});

describe('createArticle', () => {
  it('stores a DRAFT with its byline, lead image and linked teasers, and records a revision', async () => {
    const [ann, bob, cat] = [await makePerson(), await makePerson(), await makePerson()];
    const teased = await makeArticle({ slug: 'the-other-story', headline: 'The other story' });
    const { createArticle } = await ok(CreateArticle, {
      input: {
        headline: '  Mayor’s New Bridge: Opens Today!  ',
        paragraphs: ['First.', '   ', ' Second. '],
        authors: [idOf('Person', bob), idOf('Person', ann)],
        leadImage: {
          title: 'The bridge',
          caption: 'At dawn',
          credit: 'REUTERS/Cat',
          agency: 'Reuters',
          photographer: idOf('Person', cat),
        },
        teasers: [
          { title: 'The other story', summary: 'More.', kicker: 'Read', url: 'https://x.test/a' },
          { title: 'Nowhere', summary: '' },
        ],
      },
    });
    expect(createArticle).toMatchObject({
      slug: 'mayors-new-bridge-opens-today',
      headline: 'Mayor’s New Bridge: Opens Today!',
      paragraphs: ['First.', 'Second.'],
      status: 'DRAFT',
      publishedAt: null,
      version: 1,
      authors: [{ slug: bob.slug }, { slug: ann.slug }],
      leadImage: {
        title: 'The bridge',
        caption: 'At dawn',
        credit: 'REUTERS/Cat',
        agency: 'Reuters',
        photographer: { slug: cat.slug },
      },
      teasers: [
        { position: 0, kicker: 'Read', title: 'The other story', summary: 'More.' },
        { position: 1, kicker: null, title: 'Nowhere', summary: '', url: null, target: null },
      ],
    });
    expect(createArticle.teasers[0]?.target).toEqual({ slug: teased.slug });
    const [revision] = await revisions();
    const stored = await db.article.findUniqueOrThrow({ where: { slug: createArticle.slug } });
    expect(revision).toMatchObject({
      action: 'createArticle',
      entityType: 'Article',
      entityId: stored.id,
      articleId: stored.id,
      actor: 'EDITOR_TOKEN',
      before: null,
      createdAt: new Date(start),
    });
    expect(JSON.parse(revision?.after ?? 'null')).toMatchObject({
      headline: 'Mayor’s New Bridge: Opens Today!',
      status: 'DRAFT',
      authorIds: [bob.id, ann.id],
      version: 1,
    });
  });

  it('takes a given slug, and a stored token is the revision’s actor', async () => {
    const { secret } = await createApiToken(db, { name: 'desk-bot', role: 'EDITOR' });
    const answer = await gql(CreateArticle, {
      to: app,
      variables: { input: { headline: 'Anything', slug: 'chosen-slug', paragraphs: ['Text.'] } },
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(answer.createArticle).toMatchObject({ slug: 'chosen-slug', authors: [], teasers: [] });
    expect((await revisions()).map((r) => r.actor)).toEqual(['desk-bot']);
  });

  it('refuses bad input with the field, and writes nothing', async () => {
    const person = await makePerson();
    const other = await makeArticle({ slug: 'taken', headline: 'Taken' });
    const input = { headline: 'Fine', paragraphs: ['Text.'] };
    const cases: [string, string, Record<string, unknown>][] = [
      ['BAD_USER_INPUT', 'input.headline', { headline: '   ' }],
      ['BAD_USER_INPUT', 'input.headline', { headline: 'h'.repeat(301) }],
      ['BAD_USER_INPUT', 'input.paragraphs', { paragraphs: [' ', ''] }],
      ['BAD_USER_INPUT', 'input.paragraphs', { paragraphs: [] }],
      ['BAD_USER_INPUT', 'input.slug', { slug: 'Not A Slug' }],
      ['CONFLICT', 'input.slug', { slug: 'taken' }],
      // The derived slug is taken too.
      ['CONFLICT', 'input.slug', { headline: 'Taken!' }],
      [
        'NOT_FOUND',
        'input.authors.1',
        { authors: [idOf('Person', person), idOf('Person', { id: 999 })] },
      ],
      ['BAD_USER_INPUT', 'input.authors.0', { authors: [idOf('Article', other)] }],
      [
        'BAD_USER_INPUT',
        'input.authors.1',
        { authors: [idOf('Person', person), idOf('Person', person)] },
      ],
      [
        'BAD_USER_INPUT',
        'input.leadImage',
        { leadImage: { photographer: idOf('Person', person) } },
      ],
      [
        'NOT_FOUND',
        'input.leadImage.photographer',
        { leadImage: { title: 'T', photographer: idOf('Person', { id: 999 }) } },
      ],
      ['BAD_USER_INPUT', 'input.teasers.0.title', { teasers: [{ title: ' ', summary: 'S' }] }],
      [
        'BAD_USER_INPUT',
        'input.teasers.0.url',
        { teasers: [{ title: 'T', summary: 'S', url: 'ftp:/x' }] },
      ],
    ];
    for (const [code, field, change] of cases) {
      const error = await fails(code, CreateArticle, { input: { ...input, ...change } as never });
      expect(error.extensions?.field, JSON.stringify(change)).toBe(field);
    }
    expect(await db.article.count()).toBe(1);
    expect(await db.revision.count({ where: articleRevisions })).toBe(0);
  });
});

describe('who may write', () => {
  it('anonymous callers are UNAUTHENTICATED and a revoked token is refused, for every mutation', async () => {
    const article = await draft();
    const id = idOf('Article', article);
    const revision = encodeGlobalID('Revision', 1);
    const calls = [
      call(CreateArticle, { input: { headline: 'H', paragraphs: ['P'] } }),
      call(UpdateArticle, { input: { id, headline: 'H' } }),
      call(ScheduleArticle, { input: { id, publishAt: new Date(start + HOUR).toISOString() } }),
      call(PublishArticle, { input: { id } }),
      call(UnpublishArticle, { input: { id } }),
      call(ArchiveArticle, { input: { id } }),
      call(DeleteArticle, { input: { id } }),
      call(RestoreArticleRevision, { input: { revision } }),
    ];
    const { secret } = await createApiToken(db, { name: 'gone', role: 'EDITOR' });
    await revokeApiToken(db, 'gone');
    for (const { document, variables } of calls) {
      const anonymous = await post(document, { to: app, variables, headers: {} });
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const revoked = await post(document, {
        to: app,
        variables,
        headers: { authorization: `Bearer ${secret}` },
      });
      expect([revoked.status, revoked.errors?.[0]?.extensions?.code]).toEqual([
        401,
        'UNAUTHENTICATED',
      ]);
    }
    expect(await db.article.findUniqueOrThrow({ where: { id: article.id } })).toEqual(article);
    expect(await db.revision.count({ where: articleRevisions })).toBe(0);
  });
});

describe('updateArticle', () => {
  it('changes the fields given, keeps the rest, relinks teasers, and records before and after', async () => {
    const [ann, bob] = [await makePerson(), await makePerson()];
    const photographer = await makePerson();
    const article = await makeArticle({
      headline: 'Old headline',
      authors: [ann],
      photographer,
      teasers: [{ title: 'Gone soon' }],
    });
    const target = await makeArticle({ slug: 'target', headline: 'Target story' });
    const { updateArticle } = await ok(UpdateArticle, {
      input: {
        id: idOf('Article', article),
        expectedVersion: 1,
        headline: ' New headline ',
        authors: [idOf('Person', bob), idOf('Person', ann)],
        leadImage: null,
        teasers: [{ title: 'Target story', summary: 'Read it.' }],
      },
    });
    expect(updateArticle).toMatchObject({
      slug: article.slug,
      headline: 'New headline',
      paragraphs: article.paragraphs,
      status: 'PUBLISHED',
      version: 2,
      authors: [{ slug: bob.slug }, { slug: ann.slug }],
      leadImage: null,
      teasers: [{ title: 'Target story', target: { slug: target.slug } }],
    });
    const [revision] = await revisions();
    expect(revision).toMatchObject({ action: 'updateArticle', actor: 'EDITOR_TOKEN' });
    const before = JSON.parse(revision?.before ?? 'null');
    const after = JSON.parse(revision?.after ?? 'null');
    expect([before.headline, after.headline]).toEqual(['Old headline', 'New headline']);
    expect([before.version, after.version]).toEqual([1, 2]);
    expect(before.leadImage).toMatchObject({ photographerId: photographer.id });
    expect(after.leadImage).toBeNull();
    expect(after.authorIds).toEqual([bob.id, ann.id]);

    // Only the paragraphs: everything else stays.
    const { updateArticle: again } = await ok(UpdateArticle, {
      input: { id: idOf('Article', article), paragraphs: ['Only this.'] },
    });
    expect(again).toMatchObject({
      headline: 'New headline',
      paragraphs: ['Only this.'],
      version: 3,
      authors: [{ slug: bob.slug }, { slug: ann.slug }],
      teasers: [{ title: 'Target story' }],
    });
  });

  it('new paragraphs keep each quote on a paragraph holding its words, and drop quotes no longer printed', async () => {
    const speaker = await makePerson();
    const article = await makeArticle({
      paragraphs: ['"We will rebuild," she said.', '"Not this year," he said.', 'Background.'],
      quotes: [
        { text: 'We will rebuild,', paragraph: 0, speaker },
        { text: 'Not this year,', paragraph: 1 },
      ],
      mentions: [{ person: speaker, firstParagraph: 2 }],
    });
    await ok(UpdateArticle, {
      input: {
        id: idOf('Article', article),
        paragraphs: ['A new opening.', '"We will rebuild," she said again.'],
      },
    });
    const quotes = await db.quote.findMany({ where: { articleId: article.id } });
    expect(quotes.map((q) => [q.text, q.paragraph])).toEqual([['We will rebuild,', 1]]);
    const mention = await db.mention.findFirstOrThrow({ where: { articleId: article.id } });
    expect(mention.firstParagraph).toBe(1);
  });

  it('refuses a stale version, an unknown article and bad input, and writes nothing', async () => {
    const person = await makePerson();
    const article = await makeArticle({ headline: 'Kept' });
    const id = idOf('Article', article);
    await db.article.update({ where: { id: article.id }, data: { version: 4 } });
    const stale = await fails('CONFLICT', UpdateArticle, {
      input: { id, expectedVersion: 3, headline: 'Lost' },
    });
    expect(stale.extensions).toMatchObject({ currentVersion: 4, expectedVersion: 3 });
    await fails('NOT_FOUND', UpdateArticle, {
      input: { id: idOf('Article', { id: 999 }), headline: 'X' },
    });
    const cases: [string, string, Record<string, unknown>][] = [
      ['BAD_USER_INPUT', 'input.id', { id: idOf('Person', person) }],
      ['BAD_USER_INPUT', 'input.headline', { headline: '' }],
      ['BAD_USER_INPUT', 'input.paragraphs', { paragraphs: ['  '] }],
      ['NOT_FOUND', 'input.authors.0', { authors: [idOf('Person', { id: 999 })] }],
      [
        'NOT_FOUND',
        'input.leadImage.photographer',
        { leadImage: { caption: 'C', photographer: idOf('Person', { id: 999 }) } },
      ],
    ];
    for (const [code, field, change] of cases) {
      const error = await fails(code, UpdateArticle, { input: { id, ...change } as never });
      expect(error.extensions?.field, JSON.stringify(change)).toBe(field);
    }
    expect(await db.article.findUniqueOrThrow({ where: { id: article.id } })).toMatchObject({
      headline: 'Kept',
      version: 4,
    });
    expect(await db.revision.count({ where: articleRevisions })).toBe(0);
  });
});

describe('status transitions', () => {
  it('walks the table: schedule, publish early, archive, back to draft, publish at a given time', async () => {
    const article = await draft();
    const id = idOf('Article', article);
    const publishAt = new Date(start + 2 * HOUR).toISOString();
    expect(
      (await ok(ScheduleArticle, { input: { id, publishAt, expectedVersion: 1 } })).scheduleArticle,
    ).toEqual({
      status: 'SCHEDULED',
      publishedAt: publishAt,
      version: 2,
    });
    clock += HOUR;
    // Published before its time: it goes live now, not at the scheduled time.
    expect(
      (await ok(PublishArticle, { input: { id, expectedVersion: 2 } })).publishArticle,
    ).toEqual({
      status: 'PUBLISHED',
      publishedAt: new Date(clock).toISOString(),
      version: 3,
    });
    expect((await ok(ArchiveArticle, { input: { id } })).archiveArticle).toEqual({
      status: 'ARCHIVED',
      publishedAt: new Date(clock).toISOString(),
      version: 4,
    });
    expect((await ok(UnpublishArticle, { input: { id } })).unpublishArticle).toEqual({
      status: 'DRAFT',
      publishedAt: null,
      version: 5,
    });
    const at = '2026-11-30T08:00:00.000Z';
    expect((await ok(PublishArticle, { input: { id, publishedAt: at } })).publishArticle).toEqual({
      status: 'PUBLISHED',
      publishedAt: at,
      version: 6,
    });
    expect((await ok(UnpublishArticle, { input: { id } })).unpublishArticle.status).toBe('DRAFT');
    const history = await revisions();
    expect(history.map((r) => [r.action, r.actor, r.articleId])).toEqual(
      [
        'scheduleArticle',
        'publishArticle',
        'archiveArticle',
        'unpublishArticle',
        'publishArticle',
        'unpublishArticle',
      ].map((action) => [action, 'EDITOR_TOKEN', article.id]),
    );
    expect(history.map((r) => JSON.parse(r.after ?? '{}').status)).toEqual([
      'SCHEDULED',
      'PUBLISHED',
      'ARCHIVED',
      'DRAFT',
      'PUBLISHED',
      'DRAFT',
    ]);
  });

  it('refuses a transition the status does not allow, with the statuses it allows', async () => {
    const archived = await makeArticle({ status: 'ARCHIVED' });
    const published = await makeArticle();
    const drafted = await draft();
    const publish = await fails('CONFLICT', PublishArticle, {
      input: { id: idOf('Article', archived) },
    });
    expect(publish.extensions).toMatchObject({
      status: 'ARCHIVED',
      allowed: ['DRAFT', 'SCHEDULED'],
    });
    const schedule = await fails('CONFLICT', ScheduleArticle, {
      input: { id: idOf('Article', published), publishAt: new Date(start + HOUR).toISOString() },
    });
    expect(schedule.extensions).toMatchObject({ status: 'PUBLISHED', allowed: ['DRAFT'] });
    const archive = await fails('CONFLICT', ArchiveArticle, {
      input: { id: idOf('Article', drafted) },
    });
    expect(archive.extensions).toMatchObject({ status: 'DRAFT', allowed: ['PUBLISHED'] });
    const again = await fails('CONFLICT', UnpublishArticle, {
      input: { id: idOf('Article', drafted) },
    });
    expect(again.extensions).toMatchObject({
      status: 'DRAFT',
      allowed: ['PUBLISHED', 'SCHEDULED', 'ARCHIVED'],
    });
    expect(await db.revision.count({ where: articleRevisions })).toBe(0);
  });

  it('refuses a publishAt not after now, and a stale version', async () => {
    const article = await draft();
    const id = idOf('Article', article);
    for (const publishAt of [new Date(start).toISOString(), '2020-01-01T00:00:00Z']) {
      const error = await fails('BAD_USER_INPUT', ScheduleArticle, { input: { id, publishAt } });
      expect(error.extensions?.field).toBe('input.publishAt');
    }
    const stale = await fails('CONFLICT', PublishArticle, { input: { id, expectedVersion: 7 } });
    expect(stale.extensions).toMatchObject({ currentVersion: 1 });
    await fails('NOT_FOUND', ArchiveArticle, { input: { id: idOf('Article', { id: 999 }) } });
    expect(await db.article.findUniqueOrThrow({ where: { id: article.id } })).toEqual(article);
  });

  it.each([
    ['without', app],
    ['with', cachedApp],
  ])(
    'a scheduled story is hidden until the clock passes publishAt, %s the response cache',
    async (_, server) => {
      await makeArticle({ slug: 'live', publishedAt: new Date(start - HOUR) });
      const article = await draft('Scheduled story');
      await ok(ScheduleArticle, {
        input: { id: idOf('Article', article), publishAt: new Date(start + HOUR).toISOString() },
      });
      const written = await db.revision.count({ where: articleRevisions });
      const read = async () => {
        const variables = { slug: article.slug };
        const one = await gql(ArticleBySlug, { to: server, variables });
        const list = await gql(ArticleCount, { to: server });
        return [one.article?.headline ?? null, list.articles.totalCount];
      };
      expect(await read()).toEqual([null, 1]);
      expect(await read()).toEqual([null, 1]);
      clock = start + HOUR - 1;
      expect(await read()).toEqual([null, 1]);
      clock = start + HOUR;
      expect(await read()).toEqual(['Scheduled story', 2]);
      expect(await db.revision.count({ where: articleRevisions })).toBe(written);
    },
  );
});

describe('deleteArticle', () => {
  it('deletes the article and what hangs off it, unlinks teasers elsewhere, and keeps its history', async () => {
    const person = await makePerson();
    const doomed = await makeArticle({
      headline: 'Doomed story',
      authors: [person],
      quotes: [{ text: 'Bye', speaker: person }],
    });
    const host = await makeArticle({ teasers: [{ title: 'Doomed story' }] });
    await db.teaser.updateMany({ where: { articleId: host.id }, data: { targetId: doomed.id } });
    const id = idOf('Article', doomed);
    await fails('CONFLICT', DeleteArticle, { input: { id, expectedVersion: 2 } });
    expect(await ok(DeleteArticle, { input: { id, expectedVersion: 1 } })).toEqual({
      deleteArticle: id,
    });
    expect(await db.article.findUnique({ where: { id: doomed.id } })).toBeNull();
    expect(await db.quote.count({ where: { articleId: doomed.id } })).toBe(0);
    expect(await db.teaser.findFirstOrThrow({ where: { articleId: host.id } })).toMatchObject({
      targetId: null,
    });
    const [revision] = await revisions();
    expect(revision).toMatchObject({
      action: 'deleteArticle',
      entityId: doomed.id,
      articleId: doomed.id,
      actor: 'EDITOR_TOKEN',
      after: null,
    });
    expect(JSON.parse(revision?.before ?? 'null')).toMatchObject({
      headline: 'Doomed story',
      authorIds: [person.id],
    });
    await fails('NOT_FOUND', DeleteArticle, { input: { id } });
  });
});

describe('restoreArticleRevision', () => {
  it('puts the article back as a revision left it, and records the restore', async () => {
    const [ann, bob] = [await makePerson(), await makePerson()];
    const { createArticle } = await ok(CreateArticle, {
      input: {
        headline: 'First words',
        paragraphs: ['One.'],
        authors: [idOf('Person', ann)],
        leadImage: { title: 'Photo' },
        teasers: [{ title: 'Teased', summary: 'S' }],
      },
    });
    const id = createArticle.id;
    await ok(UpdateArticle, {
      input: {
        id,
        headline: 'Second words',
        paragraphs: ['Two.'],
        authors: [idOf('Person', bob)],
        leadImage: null,
        teasers: [],
      },
    });
    await ok(PublishArticle, { input: { id } });
    const created = (await revisions())[0] as { id: number };
    const revision = encodeGlobalID('Revision', created.id);
    const stale = await fails('CONFLICT', RestoreArticleRevision, {
      input: { revision, expectedVersion: 1 },
    });
    expect(stale.extensions).toMatchObject({ currentVersion: 3 });
    const { restoreArticleRevision } = await ok(RestoreArticleRevision, {
      input: { revision, expectedVersion: 3 },
    });
    expect(restoreArticleRevision).toEqual({
      headline: 'First words',
      paragraphs: ['One.'],
      status: 'DRAFT',
      publishedAt: null,
      version: 4,
      authors: [{ slug: ann.slug }],
      leadImage: { title: 'Photo' },
      teasers: [{ title: 'Teased' }],
    });
    const last = (await revisions()).at(-1);
    expect(last).toMatchObject({ action: 'restoreArticleRevision', actor: 'EDITOR_TOKEN' });
    expect(JSON.parse(last?.before ?? '{}')).toMatchObject({ headline: 'Second words' });
    expect(JSON.parse(last?.after ?? '{}')).toMatchObject({ headline: 'First words', version: 4 });
  });

  it('is NOT_FOUND for no such revision, BAD_USER_INPUT for one that left no article', async () => {
    const article = await makeArticle();
    const id = idOf('Article', article);
    const missing = await fails('NOT_FOUND', RestoreArticleRevision, {
      input: { revision: encodeGlobalID('Revision', 999) },
    });
    expect(missing.extensions?.field).toBe('input.revision');
    const wrongType = await fails('BAD_USER_INPUT', RestoreArticleRevision, {
      input: { revision: id },
    });
    expect(wrongType.extensions?.field).toBe('input.revision');
    const other = await makeArticle();
    await ok(DeleteArticle, { input: { id: idOf('Article', other) } });
    const deletion = (await revisions())[0] as { id: number };
    const noAfter = await fails('BAD_USER_INPUT', RestoreArticleRevision, {
      input: { revision: encodeGlobalID('Revision', deletion.id) },
    });
    expect(noAfter.extensions?.field).toBe('input.revision');
    const person = await makePerson();
    const { id: personRevision } = await db.revision.create({
      data: {
        action: 'editPerson',
        entityType: 'Person',
        entityId: person.id,
        actor: 'test',
        after: '{}',
      },
    });
    const notArticle = await fails('BAD_USER_INPUT', RestoreArticleRevision, {
      input: { revision: encodeGlobalID('Revision', personRevision) },
    });
    expect(notArticle.extensions?.field).toBe('input.revision');
  });
});

describe('response cache', () => {
  /** An anonymous read of the cached app, with how many SQL statements it cost (0: a cache hit). */
  async function read<R, V>(document: Document<R, V> & object, variables: V) {
    const { result, sql } = await captureSql(() =>
      gql(document as never, { to: cachedApp, variables }),
    );
    return { data: result as R, statements: sql.length };
  }
  /** Reads until the answer comes from the cache (PostgreSQL's notifications arrive late). */
  async function readCached<R, V>(document: Document<R, V> & object, variables: V) {
    await expect.poll(async () => (await read(document, variables)).statements).toBe(0);
    return (await read(document, variables)).data;
  }

  it('an anonymous cached article shows the new headline right after updateArticle', async () => {
    const article = await makeArticle({ headline: 'Before' });
    const variables = { slug: article.slug };
    expect((await readCached(ArticleBySlug, variables)).article?.headline).toBe('Before');
    await ok(
      UpdateArticle,
      { input: { id: idOf('Article', article), headline: 'After' } },
      cachedApp,
    );
    expect((await read(ArticleBySlug, variables)).data.article?.headline).toBe('After');
  });

  it('a cached article count drops right after unpublishArticle', async () => {
    const article = await makeArticle();
    await makeArticle();
    expect((await readCached(ArticleCount, {})).articles.totalCount).toBe(2);
    await ok(UnpublishArticle, { input: { id: idOf('Article', article) } }, cachedApp);
    expect((await read(ArticleCount, {})).data.articles.totalCount).toBe(1);
  });
});
