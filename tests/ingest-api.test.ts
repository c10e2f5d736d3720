// Writing over GraphQL: editors ingest article text with a bearer token; everyone else is refused.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { readEnv } from '../src/env.js';
import { defaultSeedsDir } from '../src/services/seed.js';
import { createNewsgraphYoga, yogaOptionsFrom } from '../src/yoga.js';
import { clearDatabase, db } from './support/db.js';

const token = 'editor-token-for-tests-0123456789';
const yoga = createNewsgraphYoga(
  yogaOptionsFrom(readEnv({ NODE_ENV: 'test', EDITOR_TOKEN: token })),
);
const text = readFileSync(path.join(defaultSeedsDir, 'seed-article.txt'), 'utf8');
const mutation = `mutation($input: IngestArticleInput!) {
  ingestArticle(input: $input) { outcome slug article { headline quotes { speaker { slug } } } }
}`;

async function ingest(input: Record<string, unknown>, authorization?: string) {
  const response = await yoga.fetch('http://newsgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query: mutation, variables: { input } }),
  });
  return response.json();
}

beforeEach(clearDatabase);

describe('ingestArticle', () => {
  it('refuses callers without the editor token, and writes nothing', async () => {
    for (const authorization of [
      undefined,
      'Bearer wrong-token-wrong-token-00',
      `Basic ${token}`,
    ]) {
      const body = await ingest({ text }, authorization);
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    expect(await db.article.count()).toBe(0);
  });

  it('stores an article for an editor, then reports it unchanged', async () => {
    const first = await ingest({ text, publishedAt: '2016-12-16T09:00:00Z' }, `Bearer ${token}`);
    expect(first.errors).toBeUndefined();
    expect(first.data.ingestArticle).toMatchObject({
      outcome: 'CREATED',
      slug: 'russia-hacked-election-probe-update-kremlin-denies-interfering-in-us-elections',
      article: {
        headline: 'Russia Hacked Election Probe Update: Kremlin Denies Interfering In US Elections',
      },
    });
    expect(first.data.ingestArticle.article.quotes).toHaveLength(4);
    const again = await ingest({ text, publishedAt: '2016-12-16T09:00:00Z' }, `Bearer ${token}`);
    expect(again.data.ingestArticle.outcome).toBe('UNCHANGED');
  });

  it('rejects broken article text with BAD_USER_INPUT and the importer’s reason', async () => {
    const body = await ingest({ text: 'Only A Headline\n' }, `Bearer ${token}`);
    expect(body.errors[0]).toMatchObject({
      message: 'the text has a headline but no body paragraphs',
      extensions: { code: 'BAD_USER_INPUT', importCode: 'NO_BODY' },
    });
    expect(await db.article.count()).toBe(0);
  });

  it('is refused by a server with no editor token configured', async () => {
    const closed = createNewsgraphYoga(yogaOptionsFrom(readEnv({ NODE_ENV: 'test' })));
    const response = await closed.fetch('http://newsgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: mutation, variables: { input: { text } } }),
    });
    expect((await response.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
