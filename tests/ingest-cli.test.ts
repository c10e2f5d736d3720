// `npm run ingest` and `npm run inspect` as real child processes, including a kill -9 mid-batch.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/env.js';
import { defaultSeedsDir } from '../src/services/seed.js';
import { clearDatabase } from './support/db.js';
import { makeArticle, makePerson } from './support/factories.js';
import { freshDatabaseUrl, queryAll, tableCount } from './support/test-database.js';
import { runTs, tempDir } from './support/tmp.js';

const dir = tempDir('newsgraph-ingest-cli-');
const fixtures = path.join(projectRoot, 'tests', 'fixtures');
const ingest = (args: string[], url: string) =>
  runTs('src/cli/ingest.ts', args, { DATABASE_URL: url });
const inspect = (args: string[], url: string) =>
  runTs('src/cli/inspect.ts', args, { DATABASE_URL: url });
const seedSlug = 'russia-hacked-election-probe-update-kremlin-denies-interfering-in-us-elections';

describe('ingest --dry-run --json', () => {
  it('prints exactly one JSON document in the documented shape and writes nothing', async () => {
    const url = await freshDatabaseUrl();
    const result = await ingest(
      ['--dry-run', '--json', path.join(defaultSeedsDir, 'seed-article.txt')],
      url,
    );
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc.article).toMatchObject({
      headline: 'Russia Hacked Election Probe Update: Kremlin Denies Interfering In US Elections',
      slug: seedSlug,
      authors: [{ name: 'Richard Chiu' }],
      leadImage: {
        title: '2016 Election Protests',
        credit: 'REUTERS/David Becker',
        agency: 'Reuters',
        photographer: { name: 'David Becker' },
      },
    });
    expect(doc.article.paragraphs).toHaveLength(9);
    expect(doc.people).toContainEqual(
      expect.objectContaining({
        name: 'Dmitry Peskov',
        slug: 'dmitry-peskov',
        roleAsWritten: 'the spokesperson for Russian President Vladimir Putin',
      }),
    );
    expect(doc.quotes[0]).toMatchObject({
      text: 'absolute nonsense',
      speaker: { name: 'Dmitry Peskov' },
      paragraph: 1,
      isPartial: true,
    });
    expect(doc.teasers[0]).toMatchObject({ kicker: 'Exclusive Interview', isTruncated: true });
    expect(await tableCount(url)).toBe(0);
  });

  it('fails with a one-line reason for a bad file, and prints no JSON', async () => {
    const empty = path.join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const result = await ingest(['--dry-run', '--json', empty], await freshDatabaseUrl());
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`error: ${empty}: the file is empty\n`);
  });
});

describe('ingest', () => {
  it('stores a directory, reports a summary, reports bad files by name, and is idempotent', async () => {
    const url = await freshDatabaseUrl();
    const batch = path.join(dir, 'batch');
    mkdirSync(batch);
    for (const name of [
      '01-port-aldwick-floodwall.txt',
      '03-greyhaven-takeover.txt',
      '07-ferry-boss-jailed.txt',
    ]) {
      writeFileSync(path.join(batch, name), readFileSync(path.join(fixtures, name)));
    }
    writeFileSync(path.join(batch, '02-broken.txt'), 'By Nobody\n\nA body without a headline.\n');
    const first = await ingest([batch], url);
    expect(first.code).toBe(1);
    expect(first.stderr).toBe(
      `error: ${path.join(batch, '02-broken.txt')}: the text has no headline on its first line\n`,
    );
    expect(first.stdout.trim().split('\n').at(-1)).toBe(
      'created 3, updated 0, unchanged 0, failed 1',
    );
    expect(first.stdout).toMatch(
      /^created {3}harbour-councillors-approve-floodwall-plan-after-marathon-session /m,
    );

    const second = await ingest([path.join(batch, '01-port-aldwick-floodwall.txt')], url);
    expect(second).toMatchObject({ code: 0, stderr: '' });
    expect(second.stdout).toMatch(/^unchanged /m);
    expect(second.stdout.trim().split('\n').at(-1)).toBe(
      'created 0, updated 0, unchanged 1, failed 0',
    );

    const linked = await queryAll<{ title: string; slug: string }>(
      url,
      'SELECT t."title", a."slug" FROM "Teaser" t JOIN "Article" a ON a."id" = t."targetId"',
    );
    // 01 teases 03 and 07 teases 01, each by the exact headline, whichever arrived first.
    expect(linked.sort((a, b) => a.title.localeCompare(b.title))).toEqual(
      [
        {
          title: 'Greyhaven Energy Agrees Takeover of Northern Grid Operator',
          slug: 'greyhaven-energy-agrees-takeover-of-northern-grid-operator',
        },
        {
          title: 'Harbour Councillors Approve Floodwall Plan After Marathon Session',
          slug: 'harbour-councillors-approve-floodwall-plan-after-marathon-session',
        },
      ].sort((a, b) => a.title.localeCompare(b.title)),
    );
  });

  it('reports an empty directory instead of ingesting nothing', async () => {
    const empty = path.join(dir, 'empty-dir');
    mkdirSync(empty);
    const result = await ingest([empty], await freshDatabaseUrl());
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`error: ${empty}: is a directory with no .txt files\n`);
  });

  it('rejects a missing path and unknown flags', async () => {
    const missing = await ingest([path.join(dir, 'nope.txt')], await freshDatabaseUrl());
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: .*nope\.txt: no such file\n$/);
    const flag = await ingest(['--frobnicate', 'x'], await freshDatabaseUrl());
    expect(flag.code).toBe(1);
    expect(flag.stderr).toMatch(/^error: usage: npm run ingest/);
  });

  it('leaves every article fully stored or absent after kill -9 mid-batch', async () => {
    const url = await freshDatabaseUrl();
    const batch = path.join(dir, 'many');
    mkdirSync(batch);
    const template = readFileSync(path.join(defaultSeedsDir, 'seed-article.txt'), 'utf8');
    for (let i = 0; i < 300; i++) {
      writeFileSync(
        path.join(batch, `a-${String(i).padStart(3, '0')}.txt`),
        template.replace(/^.*$/m, `Kremlin Story Number ${i}`),
      );
    }
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', batch], {
      cwd: projectRoot,
      env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: url },
    });
    await new Promise<void>((resolve, reject) => {
      let created = 0;
      child.stdout.on('data', (chunk: Buffer) => {
        created += (chunk.toString().match(/^created /gm) ?? []).length;
        if (created >= 20) resolve();
      });
      child.on('exit', () => reject(new Error('ingest finished before it could be killed')));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('close', resolve));

    const rows = await queryAll<{
      slug: string;
      quotes: number;
      teasers: number;
      mentions: number;
      authors: number;
    }>(
      url,
      `SELECT a.slug,
          (SELECT COUNT(*) FROM "Quote" q WHERE q."articleId" = a.id) AS quotes,
          (SELECT COUNT(*) FROM "Teaser" t WHERE t."articleId" = a.id) AS teasers,
          (SELECT COUNT(*) FROM "Mention" m WHERE m."articleId" = a.id) AS mentions,
          (SELECT COUNT(*) FROM "ArticleAuthor" w WHERE w."articleId" = a.id) AS authors
        FROM "Article" a`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(rows.length).toBeLessThan(300);
    for (const row of rows)
      expect(row).toMatchObject({ quotes: 4, teasers: 4, mentions: 7, authors: 1 });
  }, 60_000);
});

describe('inspect', () => {
  it('shows stats, an article, a person and quotes, as tables or --json', async () => {
    const url = await freshDatabaseUrl();
    expect((await ingest([path.join(defaultSeedsDir, 'seed-article.txt')], url)).code).toBe(0);

    const stats = JSON.parse((await inspect(['stats', '--json'], url)).stdout);
    expect(stats).toMatchObject({
      articles: 1,
      people: 11,
      quotes: 4,
      unattributedQuotes: 0,
      teasers: 4,
      mentions: 7,
    });
    expect(stats.topSpeakers[0]).toEqual({
      slug: 'dmitry-peskov',
      name: 'Dmitry Peskov',
      quotes: 3,
    });

    const article = JSON.parse((await inspect(['article', seedSlug, '--json'], url)).stdout);
    expect(article.quotes.map((q: { speaker: { slug: string } }) => q.speaker.slug)).toEqual([
      'dmitry-peskov',
      'dmitry-peskov',
      'dmitry-peskov',
      'barack-obama',
    ]);
    expect(article.leadImage.photographer).toEqual({ slug: 'david-becker', name: 'David Becker' });

    const person = JSON.parse((await inspect(['person', 'dmitry-peskov', '--json'], url)).stdout);
    expect(person).toMatchObject({ name: 'Dmitry Peskov', aliases: ['Peskov'] });
    expect(person.quotes).toHaveLength(3);

    const quotes = JSON.parse(
      (await inspect(['quotes', '--speaker', 'barack-obama', '--json'], url)).stdout,
    );
    expect(quotes).toEqual([
      {
        speaker: { slug: 'barack-obama', name: 'Barack Obama' },
        article: seedSlug,
        paragraph: 7,
        isPartial: true,
        text: 'it was no secret',
      },
    ]);

    const table = (await inspect(['article', seedSlug], url)).stdout;
    expect(table).toMatch(/^1 {2}Dmitry Peskov {2}yes {6}absolute nonsense$/m);
    expect(table).toMatch(/^Mitch McConnell +Senate Majority leader +7$/m);
  });

  it('fails with a clear message for an unknown slug or command', async () => {
    const url = await freshDatabaseUrl();
    await ingest([path.join(defaultSeedsDir, 'seed-article.txt')], url);
    const missing = await inspect(['person', 'nobody'], url);
    expect(missing).toMatchObject({ code: 1, stderr: 'error: no person with slug "nobody"\n' });
    const bad = await inspect(['frobnicate'], url);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error: usage: npm run inspect/);
  });
});

describe('inspect review', () => {
  /** Quotes with chosen confidences in this worker's database, which the command then reads. */
  async function reviewData() {
    await clearDatabase();
    const ann = await makePerson({ slug: 'ann', name: 'Ann Ávila' });
    await makeArticle({
      slug: 'first',
      headline: 'First story',
      quotes: [
        { text: 'certain', speaker: ann, method: 'SPEECH_VERB', confidence: 1 },
        { text: 'nearly certain', speaker: ann, method: 'SPEECH_VERB', confidence: 0.95 },
        {
          text: '  padded words \n',
          speaker: ann,
          method: 'PRONOUN',
          confidence: 0.5,
          evidence: '“Padded words,” she said.',
        },
        {
          text: 'a source',
          method: 'NONE',
          confidence: 0.5,
          sourceAsWritten: 'a senior senator',
          evidence: '“A source,” a senior senator said.',
        },
      ],
    });
    await makeArticle({
      slug: 'second',
      headline: 'Second story',
      quotes: [
        { text: 'at the bound', speaker: ann, method: 'SURNAME', confidence: 0.8 },
        { text: 'just below', speaker: ann, method: 'COLON', confidence: 0.799 },
        { text: 'from before attribution' },
      ],
    });
  }
  const review = (args: string[]) =>
    runTs('src/cli/inspect.ts', ['review', ...args], {
      DATABASE_URL: process.env.DATABASE_URL as string,
    });

  it('lists quotes below 0.8, least certain first with ties by id, as JSON or a table', async () => {
    await reviewData();
    const json = await review(['--json']);
    expect(json).toMatchObject({ code: 0, stderr: '' });
    const listed = JSON.parse(json.stdout);
    expect(listed.map((q: { text: string }) => q.text)).toEqual([
      'from before attribution',
      'padded words',
      'a source',
      'just below',
    ]);
    expect(listed[1]).toEqual({
      article: { slug: 'first', headline: 'First story' },
      text: 'padded words',
      speaker: { slug: 'ann', name: 'Ann Ávila' },
      sourceAsWritten: null,
      method: 'PRONOUN',
      confidence: 0.5,
      evidence: '“Padded words,” she said.',
    });
    expect(listed[2]).toMatchObject({ speaker: null, sourceAsWritten: 'a senior senator' });

    const text = await review([]);
    expect(text.code).toBe(0);
    const lines = text.stdout.split('\n');
    expect(lines[0]).toBe('4 quote(s) with confidence below 0.80, least certain first');
    expect(lines[2]).toMatch(/^confidence +method +speaker +article +quote +evidence$/);
    expect(lines.slice(4, 8)).toEqual([
      expect.stringMatching(/^0\.00 +NONE +— +second +from before attribution +—$/),
      expect.stringMatching(
        /^0\.50 +PRONOUN +Ann Ávila +first +padded words +“Padded words,” she said\.$/,
      ),
      expect.stringMatching(
        /^0\.50 +NONE +a senior senator +first +a source +“A source,” a senior/,
      ),
      expect.stringMatching(/^0\.79 +COLON +Ann Ávila +second +just below +—$/),
    ]);
  });

  it('takes another bound with --below', async () => {
    await reviewData();
    const texts = async (below: string) =>
      JSON.parse((await review(['--below', below, '--json'])).stdout).map(
        (q: { text: string }) => q.text,
      );
    const [half, high, all, none] = await Promise.all([
      texts('0.5'),
      texts('.9'),
      texts('1'),
      review(['--below', '0']),
    ]);
    expect(half).toEqual(['from before attribution']);
    expect(high).toEqual([
      'from before attribution',
      'padded words',
      'a source',
      'just below',
      'at the bound',
    ]);
    expect(all).toHaveLength(6);
    expect(all).not.toContain('certain');
    expect(none.stdout).toBe('no quotes with confidence below 0.00\n');
  }, 60_000);

  it('rejects a --below that is not a number from 0 to 1, as other usage errors', async () => {
    const bad = ['abc', '1.5', '-0.1', ''];
    const results = await Promise.all(bad.map((value) => review(['--below', value])));
    for (const [i, result] of results.entries()) {
      expect(result).toEqual({
        code: 1,
        stdout: '',
        stderr: `error: --below must be a number from 0 to 1, got ${JSON.stringify(bad[i])}\n`,
      });
    }
    const [missing, elsewhere] = await Promise.all([
      review(['--below']),
      runTs('src/cli/inspect.ts', ['stats', '--below', '0.5'], {
        DATABASE_URL: process.env.DATABASE_URL as string,
      }),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: usage: npm run inspect .*\(--below needs a value\)\n$/);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toMatch(/\(--below is only for review\)\n$/);
  }, 60_000);

  it('documents review in --help', async () => {
    const help = await runTs('src/cli/inspect.ts', ['--help'], {});
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/^usage: npm run inspect -- .*review \[--below <0\.\.1>\]/);
    expect(help.stdout).toMatch(/^ {2}review \[--below <n>\] +quotes whose attribution/m);
  });
});
