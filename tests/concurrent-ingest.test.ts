import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { retryLostRaces } from '../src/db/write-retry.js';
import { readEnv } from '../src/env.js';
import { storeImportedArticle } from '../src/services/article-store.js';
import { parseArticle } from '../src/services/importer/index.js';
import { defaultSeedsDir } from '../src/services/seed.js';
import { createNewsgraphYoga, yogaOptionsFrom } from '../src/yoga.js';
import { clearDatabase, db } from './support/db.js';
import { freshDatabaseUrl, queryAll } from './support/test-database.js';
import { runTs, tempDir } from './support/tmp.js';

const template = readFileSync(path.join(defaultSeedsDir, 'seed-article.txt'), 'utf8');
/** The seed with another headline: another article, with the same eleven people in it. */
const variant = (n: number) => template.replace(/^.*$/m, `Kremlin Story Number ${n}`);

describe('concurrent ingests in one process', () => {
  beforeEach(clearDatabase);

  it('stores 20 distinct articles that share every person, each once', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, n) => storeImportedArticle(db, parseArticle(variant(n)))),
    );
    expect(outcomes).toEqual(Array(20).fill('created'));
    expect(await db.article.count()).toBe(20);
    expect(await db.person.count()).toBe(11);
    expect(await db.quote.count()).toBe(20 * 4);
    expect(await db.mention.count()).toBe(20 * 7);
  });

  it('stores the same text sent 20 times once', async () => {
    const imported = parseArticle(template);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => storeImportedArticle(db, imported)),
    );
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'unchanged')).toHaveLength(19);
    expect(await db.article.count()).toBe(1);
    expect(await db.quote.count()).toBe(4);
  });
});

describe('concurrent ingestArticle mutations', () => {
  beforeEach(clearDatabase);

  it('stores all 20 distinct articles sent at once over HTTP', async () => {
    const token = 'editor-token-for-tests-0123456789';
    const yoga = createNewsgraphYoga(
      yogaOptionsFrom(readEnv({ NODE_ENV: 'test', EDITOR_TOKEN: token })),
    );
    const bodies = await Promise.all(
      Array.from({ length: 20 }, async (_, n) => {
        const response = await yoga.fetch('http://newsgraph.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            query:
              'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { outcome } }',
            variables: { input: { text: variant(n) } },
          }),
        });
        return response.json();
      }),
    );
    expect(bodies.map((b) => b.errors ?? b.data.ingestArticle.outcome)).toEqual(
      Array(20).fill('CREATED'),
    );
    expect(await db.article.count()).toBe(20);
  });
});

describe('retrying lost races', () => {
  const lost = Object.assign(new Error('Unique constraint failed'), { code: 'P2002' });

  it('runs a transaction again after a lost race, and returns its result', async () => {
    let calls = 0;
    const result = await retryLostRaces(
      'postgres',
      async () => {
        calls += 1;
        if (calls < 3) throw lost;
        return 'stored';
      },
      () => 0,
    );
    expect([result, calls]).toEqual(['stored', 3]);
  });

  it('gives up with CONFLICT when the race is lost every time', async () => {
    let calls = 0;
    const failing = retryLostRaces(
      'sqlite',
      async () => {
        calls += 1;
        throw lost;
      },
      () => 0,
    );
    await expect(failing).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(calls).toBe(8);
  });

  it('never retries other failures, nor a real timeout on PostgreSQL', async () => {
    for (const [provider, error] of [
      ['sqlite', Object.assign(new Error('foreign key'), { code: 'P2003' })],
      ['postgres', Object.assign(new Error('Operation has timed out'), { code: 'P1008' })],
      ['postgres', new Error('plain')],
    ] as const) {
      let calls = 0;
      const failing = retryLostRaces(provider, async () => {
        calls += 1;
        throw error;
      });
      await expect(failing).rejects.toBe(error);
      expect(calls).toBe(1);
    }
  });
});

describe('two ingest processes on one database', () => {
  it('both finish, and every article is stored exactly once', async () => {
    const url = await freshDatabaseUrl();
    const batch = path.join(tempDir('newsgraph-race-'), 'batch');
    mkdirSync(batch);
    const files = 40;
    for (let n = 0; n < files; n++)
      writeFileSync(path.join(batch, `a-${String(n).padStart(3, '0')}.txt`), variant(n));
    const run = () => runTs('src/cli/ingest.ts', [batch], { DATABASE_URL: url });
    const [first, second] = await Promise.all([run(), run()]);
    expect(first.stderr + second.stderr).not.toMatch(/fail|error/i);
    expect([first.code, second.code]).toEqual([0, 0]);
    const rows = await queryAll<{ slug: string; quotes: number }>(
      url,
      `SELECT a.slug, (SELECT COUNT(*) FROM "Quote" q WHERE q."articleId" = a.id) AS quotes
         FROM "Article" a`,
    );
    expect(rows).toHaveLength(files);
    for (const row of rows) expect(row.quotes).toBe(4);
    const [people] = await queryAll<{ n: number }>(url, 'SELECT COUNT(*) AS n FROM "Person"');
    expect(people?.n).toBe(11);
  }, 120_000);
});
