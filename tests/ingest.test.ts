// Ingest into the database: bad input, idempotence, in-place updates, linking and people matching.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../src/db/url.js';
import { prepareDatabase } from '../src/services/bootstrap.js';
import { ingestFile, ingestPaths } from '../src/services/ingest.js';
import { defaultSeedsDir, SeedError, seedDatabase } from '../src/services/seed.js';
import { clearDatabase, db } from './support/db.js';
import { tempDir } from './support/tmp.js';

const root = tempDir('newsgraph-ingest-');
let n = 0;
const seedText = readFileSync(path.join(defaultSeedsDir, 'seed-article.txt'), 'utf8');
const seedSlug = 'russia-hacked-election-probe-update-kremlin-denies-interfering-in-us-elections';

function write(name: string, content: string | Uint8Array): string {
  const dir = path.join(root, `case-${++n}`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

const article = (headline: string, body: string, extra = '') =>
  `${headline}\n\nBy Ann Writer\n\n${body}\n${extra}`;

beforeEach(clearDatabase);

describe('bad input', () => {
  const cases: [string, () => string, string, RegExp][] = [
    ['an empty file', () => write('empty.txt', ''), 'EMPTY', /the file is empty/],
    ['a whitespace-only file', () => write('blank.txt', ' \n\n  \n'), 'EMPTY', /only whitespace/],
    [
      'a binary file',
      () => write('image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])),
      'BINARY',
      /binary/,
    ],
    [
      'invalid UTF-8',
      () => write('latin1.txt', new Uint8Array([0x48, 0x65, 0x61, 0x64, 0xe9, 0x0a])),
      'INVALID_UTF8',
      /not valid UTF-8/,
    ],
    [
      'a file over 2 MB',
      () => write('huge.txt', `Headline\n\n${'word '.repeat(450_000)}`),
      'TOO_LARGE',
      /limit is 2097152/,
    ],
    [
      'no headline',
      () => write('nohead.txt', 'By Ann Writer\n\nA body paragraph.\n'),
      'NO_HEADLINE',
      /no headline/,
    ],
    [
      'no body',
      () => write('nobody.txt', 'Just A Headline\n\nBy Ann Writer\n'),
      'NO_BODY',
      /no body/,
    ],
    [
      'a path that does not exist',
      () => path.join(root, 'missing.txt'),
      'NOT_FOUND',
      /no such file/,
    ],
  ];

  it.each(cases)(
    'rejects %s with a coded reason and writes nothing',
    async (_label, make, code, reason) => {
      const result = await ingestFile(db, make());
      expect(result).toMatchObject({ ok: false, code });
      expect(result.ok ? '' : result.reason).toMatch(reason);
      expect(await db.article.count()).toBe(0);
      expect(await db.person.count()).toBe(0);
    },
  );

  it('still stores the good files of a batch', async () => {
    const dir = path.join(root, 'batch');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'a-good.txt'), article('Good One', 'A fine paragraph.'));
    writeFileSync(path.join(dir, 'b-empty.txt'), '');
    writeFileSync(path.join(dir, 'c-good.txt'), article('Good Two', 'Another fine paragraph.'));
    const { results, summary } = await ingestPaths(db, [dir, path.join(root, 'nope.txt')]);
    expect(summary).toEqual({ created: 2, updated: 0, unchanged: 0, failed: 2 });
    expect(results.map((r) => (r.ok ? r.slug : r.code))).toEqual([
      'good-one',
      'EMPTY',
      'good-two',
      'NOT_FOUND',
    ]);
    expect(await db.article.count()).toBe(2);
  });
});

describe('re-ingesting', () => {
  it('reports an unchanged text as unchanged and writes nothing', async () => {
    const file = write('seed.txt', seedText);
    expect(await ingestFile(db, file)).toMatchObject({
      ok: true,
      outcome: 'created',
      slug: seedSlug,
    });
    const before = await db.article.findUniqueOrThrow({ where: { slug: seedSlug } });
    expect(await ingestFile(db, file)).toMatchObject({ ok: true, outcome: 'unchanged' });
    const after = await db.article.findUniqueOrThrow({ where: { slug: seedSlug } });
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect(await db.quote.count()).toBe(4);
  });

  it('updates a changed text in place and re-extracts without duplicates', async () => {
    const first = write('seed.txt', seedText);
    await ingestFile(db, first);
    const { id } = await db.article.findUniqueOrThrow({ where: { slug: seedSlug } });
    const edited = seedText.replace(
      'They are pushing for a more in-depth inquiry regarding the alleged incident.',
      '"We need answers," said Senator Jane Roe, the chair of the inquiry.',
    );
    expect(await ingestFile(db, write('seed.txt', edited))).toMatchObject({
      ok: true,
      outcome: 'updated',
    });
    const stored = await db.article.findUniqueOrThrow({
      where: { slug: seedSlug },
      include: {
        quotes: { include: { speaker: true }, orderBy: { position: 'asc' } },
        teasers: true,
        mentions: true,
        authors: true,
      },
    });
    expect(stored.id).toBe(id);
    expect(stored.quotes.map((q) => [q.text, q.speaker?.slug ?? null])).toContainEqual([
      'We need answers',
      'jane-roe',
    ]);
    expect(stored.quotes).toHaveLength(5);
    expect(stored.teasers).toHaveLength(4);
    expect(stored.authors).toHaveLength(1);
    expect(await db.article.count()).toBe(1);
    expect(await db.person.count()).toBe(12);
  });
});

describe('linking and people across articles', () => {
  const host = article(
    'Host Story',
    'A paragraph.',
    '\n  • Linked Story\n\n    Summary of the linked story.\n',
  );
  const target = article('Linked Story', 'Another paragraph.');

  it('links a teaser to its target when the target arrives later', async () => {
    await ingestFile(db, write('host.txt', host));
    await ingestFile(db, write('target.txt', target));
    const teaser = await db.teaser.findFirstOrThrow({ include: { target: true } });
    expect(teaser.target?.slug).toBe('linked-story');
  });

  it('links a teaser to its target when the target arrived first', async () => {
    await ingestFile(db, write('target.txt', target));
    await ingestFile(db, write('host.txt', host));
    const teaser = await db.teaser.findFirstOrThrow({ include: { target: true } });
    expect(teaser.target?.slug).toBe('linked-story');
  });

  it('matches people by slug or native-script alias, never duplicating them', async () => {
    await ingestFile(
      db,
      write('one.txt', article('One', 'Councillor Chan Siu-ming (陳小明) opened the hall.')),
    );
    await ingestFile(
      db,
      write('two.txt', article('Two', 'Councillor Chan Siu-ming spoke again on Monday.')),
    );
    await ingestFile(
      db,
      write('three.txt', article('Three', 'Councillor Ming Chan (陳小明) closed the hall.')),
    );
    const people = await db.person.findMany({
      include: { aliases: true, mentions: true },
      where: { NOT: { slug: 'ann-writer' } },
    });
    expect(people).toHaveLength(1);
    expect(people[0]?.mentions).toHaveLength(3);
    expect(await db.person.count()).toBe(2);
  });
});

describe('seeding', () => {
  it('ingests seeds/ and is idempotent', async () => {
    expect(await seedDatabase(db)).toEqual({ created: [seedSlug], updated: [], unchanged: [] });
    expect(await seedDatabase(db)).toEqual({ created: [], updated: [], unchanged: [seedSlug] });
    const stored = await db.article.findUniqueOrThrow({ where: { slug: seedSlug } });
    expect(stored.status).toBe('PUBLISHED');
    expect(stored.publishedAt?.toISOString()).toBe('2016-12-16T09:00:00.000Z');
  });

  it('reports a bad seed with its file and reason, after storing the good ones', async () => {
    const dir = path.join(root, 'seeds-bad');
    mkdirSync(dir);
    copyFileSync(path.join(defaultSeedsDir, 'seed-article.txt'), path.join(dir, 'a.txt'));
    writeFileSync(path.join(dir, 'b.txt'), 'By Nobody\n\nNo headline here.\n');
    await expect(seedDatabase(db, dir)).rejects.toThrow(/b\.txt: the text has no headline/);
    expect(await db.article.count()).toBe(1);
  });

  it('rejects a malformed meta file for that article only', async () => {
    const dir = path.join(root, 'seeds-meta');
    mkdirSync(dir);
    copyFileSync(path.join(defaultSeedsDir, 'seed-article.txt'), path.join(dir, 'a.txt'));
    writeFileSync(path.join(dir, 'a.meta.json'), '{"publishedAt": "last tuesday"}');
    await expect(seedDatabase(db, dir)).rejects.toThrow(SeedError);
    await expect(seedDatabase(db, dir)).rejects.toThrow(/a\.meta\.json: publishedAt/);
    expect(await db.article.count()).toBe(0);
  });

  it('rejects a missing or empty seeds directory', async () => {
    await expect(seedDatabase(db, path.join(root, 'nowhere'))).rejects.toThrow(
      /seeds directory not found/,
    );
    const empty = path.join(root, 'empty-seeds');
    mkdirSync(empty);
    await expect(seedDatabase(db, empty)).rejects.toThrow(/no \*\.txt articles/);
  });

  it('start-up seeds an empty database once, and leaves a non-empty one alone', async () => {
    const target = parseDatabaseUrl(process.env.DATABASE_URL);
    expect(await prepareDatabase(db, target)).toEqual({
      created: false,
      applied: [],
      seeded: [seedSlug],
    });
    expect(await prepareDatabase(db, target)).toEqual({
      created: false,
      applied: [],
      seeded: [],
    });
  });
});
