// History over HTTP: every write leaves a revision (who, when, what changed); editors read an
// article's history as a connection and restore from it; admins alone read the audit log, token
// changes included; public readers see none of it.
import { beforeEach, describe, expect, it } from 'vitest';
import { graphql } from '../src/client/graphql.js';
import { readEnv } from '../src/env.js';
import { encodeGlobalID } from '../src/global-id.js';
import { createApiToken, revokeApiToken } from '../src/services/api-token.js';
import { createNewsgraphYoga, yogaOptionsFrom } from '../src/yoga.js';
import { clearDatabase, db } from './support/db.js';
import { makeArticle, makePerson } from './support/factories.js';
import { gql, gqlError, post } from './support/http.js';

const EDITOR_TOKEN = 'h'.repeat(32);
let clock = Date.parse('2026-12-01T12:00:00Z');
const app = createNewsgraphYoga({
  ...yogaOptionsFrom(readEnv({ NODE_ENV: 'test', EDITOR_TOKEN })),
  now: () => clock,
});
const admin = { authorization: `Bearer ${EDITOR_TOKEN}` };

const UpdateHeadline = graphql(`
  mutation UpdateHeadline($input: UpdateArticleInput!) {
    updateArticle(input: $input) { headline version }
  }
`);
const Unpublish = graphql(`
  mutation Unpublish($input: UnpublishArticleInput!) {
    unpublishArticle(input: $input) { status version }
  }
`);
const History = graphql(`
  query History($slug: String!, $first: Int, $after: String) {
    article(slug: $slug) {
      headline
      history(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id action entityType entityId actor changes { field before after } } }
      }
    }
  }
`);
const Restore = graphql(`
  mutation Restore($input: RestoreArticleRevisionInput!) {
    restoreArticleRevision(input: $input) { headline status version }
  }
`);
const AuditLog = graphql(`
  query AuditLog($filter: AuditLogFilter) {
    auditLog(first: 50, filter: $filter) {
      totalCount
      edges { node { action entityType actor changes { field before after } } }
    }
  }
`);

beforeEach(clearDatabase);

async function publishedStory() {
  const article = await makeArticle({ slug: 'harbour-vote', headline: 'Harbour vote delayed' });
  return { article, id: encodeGlobalID('Article', article.id) };
}

describe('Article.history', () => {
  it('lists each write newest first with its actor and the fields it changed, a page at a time', async () => {
    const { id } = await publishedStory();
    clock += 1000;
    await gql(UpdateHeadline, {
      to: app,
      headers: admin,
      variables: { input: { id, headline: 'Harbour vote passes', expectedVersion: 1 } },
    });
    await gql(Unpublish, {
      to: app,
      headers: admin,
      variables: { input: { id, expectedVersion: 2 } },
    });

    const first = await gql(History, {
      to: app,
      headers: admin,
      variables: { slug: 'harbour-vote', first: 1 },
    });
    const history = first.article?.history;
    expect(history?.totalCount).toBe(2);
    expect(history?.pageInfo.hasNextPage).toBe(true);
    expect(history?.edges.map((e) => e.node.action)).toEqual(['unpublishArticle']);
    expect(history?.edges[0]?.node.changes).toContainEqual({
      field: 'status',
      before: '"PUBLISHED"',
      after: '"DRAFT"',
    });

    const second = await gql(History, {
      to: app,
      headers: admin,
      variables: { slug: 'harbour-vote', first: 1, after: history?.pageInfo.endCursor },
    });
    const update = second.article?.history?.edges[0]?.node;
    expect(update).toMatchObject({
      action: 'updateArticle',
      entityType: 'Article',
      entityId: id,
      actor: 'EDITOR_TOKEN',
      changes: [
        { field: 'headline', before: '"Harbour vote delayed"', after: '"Harbour vote passes"' },
      ],
    });
    expect(second.article?.history?.pageInfo.hasNextPage).toBe(false);
  });

  it('restores an earlier state from a revision, and records the restore', async () => {
    const { id } = await publishedStory();
    await gql(UpdateHeadline, {
      to: app,
      headers: admin,
      variables: { input: { id, headline: 'A headline nobody wanted' } },
    });
    const before = await gql(History, {
      to: app,
      headers: admin,
      variables: { slug: 'harbour-vote' },
    });
    // The state after the first write is the one the newsroom wants back.
    const revision = before.article?.history?.edges[0]?.node.id as string;
    await gql(UpdateHeadline, {
      to: app,
      headers: admin,
      variables: { input: { id, headline: 'Worse still' } },
    });
    const restored = await gql(Restore, {
      to: app,
      headers: admin,
      variables: { input: { revision, expectedVersion: 3 } },
    });
    expect(restored.restoreArticleRevision).toEqual({
      headline: 'A headline nobody wanted',
      status: 'PUBLISHED',
      version: 4,
    });
    const after = await gql(History, {
      to: app,
      headers: admin,
      variables: { slug: 'harbour-vote' },
    });
    expect(after.article?.history?.edges.map((e) => e.node.action)).toEqual([
      'restoreArticleRevision',
      'updateArticle',
      'updateArticle',
    ]);
  });

  it('is null with UNAUTHENTICATED for a public reader, who still gets the article', async () => {
    await publishedStory();
    const answer = await post(History, { to: app, variables: { slug: 'harbour-vote' } });
    expect(answer.data?.article).toEqual({ headline: 'Harbour vote delayed', history: null });
    expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('auditLog', () => {
  it('records token changes with who made them, and filters by action and actor', async () => {
    await createApiToken(db, {
      name: 'desk-bot',
      role: 'EDITOR',
      actor: 'ops@newsroom',
    });
    await revokeApiToken(db, 'desk-bot');
    const all = await gql(AuditLog, { to: app, headers: admin, variables: {} });
    expect(all.auditLog.edges.map((e) => [e.node.action, e.node.actor])).toEqual([
      ['revokeApiToken', 'cli'],
      ['createApiToken', 'ops@newsroom'],
    ]);
    expect(all.auditLog.edges[0]?.node.changes.map((c) => c.field)).toEqual(['revokedAt']);
    // The secret and its hash are never part of a revision.
    expect(JSON.stringify(all)).not.toMatch(/tokenHash|secret/);

    const byActor = await gql(AuditLog, {
      to: app,
      headers: admin,
      variables: { filter: { actor: 'ops@newsroom' } },
    });
    expect(byActor.auditLog.totalCount).toBe(1);
    const byAction = await gql(AuditLog, {
      to: app,
      headers: admin,
      variables: { filter: { actions: ['revokeApiToken'], entityType: 'ApiToken' } },
    });
    expect(byAction.auditLog.edges.map((e) => e.node.action)).toEqual(['revokeApiToken']);
  });

  it('is for admins: UNAUTHENTICATED without credentials, FORBIDDEN for an editor', async () => {
    const { secret } = await createApiToken(db, { name: 'desk-editor', role: 'EDITOR' });
    await gqlError('UNAUTHENTICATED', AuditLog, { to: app, variables: {} });
    await gqlError('FORBIDDEN', AuditLog, {
      to: app,
      variables: {},
      headers: { authorization: `Bearer ${secret}` },
    });
  });

  it('lists person writes in the history of every article the person is in', async () => {
    const person = await makePerson({ slug: 'ana-ortiz', name: 'Ana Ortis' });
    await makeArticle({ slug: 'harbour-vote', mentions: [{ person }] });
    // A person edit as the editorial write records it (the mutation is tested on its own).
    await db.revision.create({
      data: {
        action: 'updatePerson',
        entityType: 'Person',
        entityId: person.id,
        actor: 'EDITOR_TOKEN',
        before: JSON.stringify({ name: 'Ana Ortis' }),
        after: JSON.stringify({ name: 'Ana Ortiz' }),
      },
    });
    const history = await gql(History, {
      to: app,
      headers: admin,
      variables: { slug: 'harbour-vote' },
    });
    expect(history.article?.history?.edges.map((e) => e.node.changes)).toEqual([
      [{ field: 'name', before: '"Ana Ortis"', after: '"Ana Ortiz"' }],
    ]);
  });
});
