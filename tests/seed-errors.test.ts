// Broken seed records get a clear error naming the file and field, and leave nothing half-written.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../src/db/url.js';
import { prepareDatabase } from '../src/services/bootstrap.js';
import { defaultSeedsDir, SeedError, seedDatabase } from '../src/services/seed.js';
import { clearDatabase, db } from './support/db.js';
import { tempDir } from './support/tmp.js';

const root = tempDir('newsgraph-seeds-');
let n = 0;
const original = JSON.parse(readFileSync(path.join(defaultSeedsDir, 'seed-article.json'), 'utf8'));

/** A seeds directory holding the source text and a record changed by `edit`. */
function seedsWith(edit: (record: any) => unknown, raw?: string): string {
  const dir = path.join(root, `seeds-${++n}`);
  mkdirSync(dir);
  copyFileSync(path.join(defaultSeedsDir, 'seed-article.txt'), path.join(dir, 'seed-article.txt'));
  const record = structuredClone(original);
  edit(record);
  writeFileSync(path.join(dir, 'seed-article.json'), raw ?? JSON.stringify(record));
  return dir;
}

async function expectNothingWritten() {
  expect(await db.article.count()).toBe(0);
  expect(await db.person.count()).toBe(0);
  expect(await db.personAlias.count()).toBe(0);
}

beforeEach(clearDatabase);

describe('broken seed records', () => {
  it.each([
    ['invalid JSON', seedsWith(() => {}, '{"article": '), /seed-article\.json: .*JSON/],
    [
      'a quote not in its paragraph',
      seedsWith((r) => {
        r.quotes[0].paragraph = 0;
      }),
      /quotes\.0\.text is not in paragraph 0/,
    ],
    [
      'an unknown speaker',
      seedsWith((r) => {
        r.quotes[0].speaker = 'no-one';
      }),
      /quotes\.0\.speaker unknown person "no-one"/,
    ],
    [
      'a bad slug',
      seedsWith((r) => {
        r.people[0].slug = 'Richard Chiu';
      }),
      /people\.0\.slug must be lowercase and hyphenated/,
    ],
    [
      'a missing source text',
      seedsWith((r) => {
        r.source = 'missing.txt';
      }),
      /source text not found: missing\.txt/,
    ],
    [
      'a mention past the last paragraph',
      seedsWith((r) => {
        r.mentions[0].firstParagraph = 99;
      }),
      /is past the last paragraph/,
    ],
  ])('rejects %s with a SeedError', async (_label, dir, message) => {
    const attempt = seedDatabase(db, dir);
    await expect(attempt).rejects.toThrow(SeedError);
    await expect(attempt).rejects.toThrow(message);
    await expectNothingWritten();
  });

  it('rolls back everything when the database refuses a record half-way', async () => {
    // The same author twice breaks the byline's unique key after the people were already upserted.
    const dir = seedsWith((r) => {
      r.article.authors.push({ person: 'richard-chiu', roleAsWritten: null });
    });
    await expect(seedDatabase(db, dir)).rejects.toThrow();
    await expectNothingWritten();
  });

  it('rejects an empty seeds directory', async () => {
    const dir = path.join(root, 'empty');
    mkdirSync(dir);
    await expect(seedDatabase(db, dir)).rejects.toThrow(/no \*\.json seed records/);
  });
});

describe('changed seed records', () => {
  it('updates the article in place without duplicating its children', async () => {
    await seedDatabase(db);
    const dir = seedsWith((r) => {
      r.article.headline = 'A corrected headline';
      r.quotes.pop();
    });
    const outcome = await seedDatabase(db, dir);
    expect(outcome.updated).toEqual([original.article.slug]);
    const article = await db.article.findUniqueOrThrow({
      where: { slug: original.article.slug },
      include: { quotes: true, teasers: true, authors: true, mentions: true },
    });
    expect(article.headline).toBe('A corrected headline');
    expect(article.quotes).toHaveLength(3);
    expect(article.teasers).toHaveLength(4);
    expect(article.authors).toHaveLength(1);
    expect(await db.article.count()).toBe(1);
    expect(await db.person.count()).toBe(11);
  });
});

describe('start-up preparation', () => {
  it('seeds an empty database once, and leaves a non-empty one alone', async () => {
    const target = parseDatabaseUrl(process.env.DATABASE_URL);
    const first = await prepareDatabase(db, target);
    expect(first).toEqual({ applied: [], seeded: [original.article.slug] });
    const second = await prepareDatabase(db, target);
    expect(second).toEqual({ applied: [], seeded: [] });
  });
});
