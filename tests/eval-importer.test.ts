// eval:importer: the scoring rules on small made-up inputs, and the command as a real child process.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/env.js';
import {
  type Answer,
  addUp,
  calibrationRows,
  type Extraction,
  loadEvalSet,
  parseAnswers,
  rates,
  scoreArticle,
} from '../src/services/importer-eval/index.js';
import type { Expected } from './support/attribution.js';
import { runTs, tempDir } from './support/tmp.js';

const answer = (fields: Partial<Answer>): Answer => ({
  headline: 'Harbour Vote Passes',
  authors: [],
  photographer: null,
  people: [],
  quotes: [],
  teasers: [],
  ...fields,
});

type Said = [text: string, speaker: string | null, method?: string, confidence?: number];
const extraction = (quotes: Said[], fields: Partial<Extraction> = {}): Extraction => ({
  article: { headline: 'Harbour Vote Passes', authors: [], leadImage: null },
  people: [],
  teasers: [],
  ...fields,
  quotes: quotes.map(([text, speaker, method = 'SPEECH_VERB', confidence = 0.9]) => ({
    text,
    speaker: speaker === null ? null : { name: speaker },
    method,
    confidence,
  })),
});

const attributed = { method: 'SPEECH_VERB', confidence: 0.9 };

describe('quote scoring', () => {
  it('matches a fragment copied with the comma that ends its quotation', () => {
    const score = scoreArticle(
      answer({ quotes: [['This is our crisis,', 'Jo Park']] }),
      extraction([['This is our crisis', 'Jo Park']]),
    );
    expect(score.quotes).toMatchObject({ expected: 1, found: 1, right: 1, extra: 0 });
  });

  it('counts found, right, wrong, no speaker and extra quotes', () => {
    const score = scoreArticle(
      answer({
        quotes: [
          ['we will build the wall', 'Jo Park'],
          ['It\u2019s too late', 'Bo Chan'],
          ['a disgrace', 'Ann Lee'],
          ['nowhere in the text', 'Jo Park'],
        ],
      }),
      extraction([
        ['And we will build the wall this year', 'Jo Park'],
        ["It's   too\nlate for that", 'Ann Lee'],
        ['a disgrace', null, 'NONE', 0.3],
        ['Nobody asked for this', 'Cy Dee'],
      ]),
    );
    expect(score.quotes).toEqual({
      expected: 4,
      found: 3,
      right: 1,
      wrong: 1,
      noSpeaker: 1,
      extra: 1,
    });
    expect(score.problems).toMatchObject({
      missedQuotes: ['nowhere in the text'],
      wrongSpeakers: [
        {
          fragment: 'It\u2019s too late',
          expected: 'Bo Chan',
          got: 'Ann Lee',
          method: 'SPEECH_VERB',
          confidence: 0.9,
        },
      ],
      noSpeaker: [{ fragment: 'a disgrace', expected: 'Ann Lee', method: 'NONE', confidence: 0.3 }],
      extraQuotes: [{ text: 'Nobody asked for this', speaker: 'Cy Dee' }],
    });
  });

  it('counts an unattributed quote left unattributed as right, and a person given for it as wrong', () => {
    const score = scoreArticle(
      answer({
        quotes: [
          ['We must go now', null],
          ['the wall is coming', null],
        ],
      }),
      extraction([
        ['We must go now,', null, 'NONE', 0.95],
        ['He said the wall is coming', 'Jo Park'],
      ]),
    );
    expect(score.quotes).toMatchObject({ found: 2, right: 1, wrong: 1, noSpeaker: 0 });
    expect(score.problems.wrongSpeakers).toEqual([
      { fragment: 'the wall is coming', expected: null, got: 'Jo Park', ...attributed },
    ]);
  });

  it('matches fragments case-sensitively, and each word of an extracted quote once', () => {
    const score = scoreArticle(
      answer({
        quotes: [
          ['We will win', 'Jo Park'],
          ['again', 'Jo Park'],
          ['We will win', 'Jo Park'],
          ['We will win', 'Jo Park'],
          ['CASE MATTERS', 'Jo Park'],
        ],
      }),
      extraction([
        ['We will win again', 'Jo Park'],
        ['We will win', 'Jo Park'],
        ['case matters', 'Jo Park'],
      ]),
    );
    // "again" is the rest of the first quote (one quotation over two paragraphs, listed per
    // paragraph); the second "We will win" takes the second quote, and the third finds every
    // occurrence of its words claimed already.
    expect(score.problems.missedQuotes).toEqual(['We will win', 'CASE MATTERS']);
    expect(score.quotes).toMatchObject({ expected: 5, found: 3, right: 3, extra: 1 });
  });

  it('calibrates per method over every found quote, NONE right when nobody was named', () => {
    const score = scoreArticle(
      answer({
        quotes: [
          ['one', 'Jo Park'],
          ['two', 'Jo Park'],
          ['three', 'Bo Chan'],
          ['four', null],
          ['five', 'Jo Park'],
        ],
      }),
      extraction([
        ['one', 'Jo Park', 'SPEECH_VERB', 0.95],
        ['two', 'Bo Chan', 'SPEECH_VERB', 0.85],
        ['three', 'Bo Chan', 'PRONOUN', 0.5],
        ['four', null, 'NONE', 0.9],
        ['five', null, 'NONE', 0.9],
      ]),
    );
    // Earned confidence is Laplace's (right + 1) / (quotes + 2), to two decimals.
    expect(calibrationRows(score.calibration)).toEqual([
      {
        method: 'SPEECH_VERB',
        quotes: 2,
        right: 1,
        accuracyPct: 50,
        confident: 2,
        confidentErrors: 1,
        calibrated: 0.5,
      },
      {
        method: 'PRONOUN',
        quotes: 1,
        right: 1,
        accuracyPct: 100,
        confident: 0,
        confidentErrors: 0,
        calibrated: 0.67,
      },
      {
        method: 'NONE',
        quotes: 2,
        right: 1,
        accuracyPct: 50,
        confident: 2,
        confidentErrors: 1,
        calibrated: 0.5,
      },
      {
        method: 'ALL',
        quotes: 5,
        right: 3,
        accuracyPct: 60,
        confident: 4,
        confidentErrors: 2,
        calibrated: 0.57,
      },
    ]);
  });
});

describe('people and the other parts', () => {
  it('finds people by normalised name, ignoring case, and lists the missing and spurious', () => {
    const score = scoreArticle(
      answer({ people: ['Ann Lee', 'Bo Chan', 'Declan O\u2019Rourke', 'Ann Lee'] }),
      extraction([], {
        people: [{ name: 'ann lee' }, { name: "Declan  O'Rourke" }, { name: 'Cy Dee' }],
      }),
    );
    expect(score.people).toEqual({ expected: 4, found: 2, missing: 2, spurious: 1 });
    expect(score.problems).toMatchObject({
      missingPeople: ['Bo Chan', 'Ann Lee'],
      spuriousPeople: ['Cy Dee'],
    });
  });

  it('checks headline, authors and teasers in order, and the photographer', () => {
    const expected = answer({
      headline: 'Mayor\u2019s  Plan Passes',
      authors: ['Ann Lee', 'Bo Chan'],
      photographer: null,
      teasers: ['First', 'Second'],
    });
    const right = scoreArticle(
      expected,
      extraction([], {
        article: {
          headline: "Mayor's Plan Passes",
          authors: [{ name: 'Ann Lee' }, { name: 'Bo Chan' }],
          leadImage: { photographer: null },
        },
        teasers: [{ title: 'First' }, { title: 'Second' }],
      }),
    );
    expect(right.checks).toEqual({
      headline: true,
      authors: true,
      photographer: true,
      teasers: true,
    });
    const wrong = scoreArticle(
      expected,
      extraction([], {
        article: {
          headline: 'Mayor Plan Passes',
          authors: [{ name: 'Bo Chan' }, { name: 'Ann Lee' }],
          leadImage: { photographer: { name: 'Cy Dee' } },
        },
        teasers: [{ title: 'First' }],
      }),
    );
    expect(wrong.checks).toEqual({
      headline: false,
      authors: false,
      photographer: false,
      teasers: false,
    });
    expect(wrong.problems.mismatches).toContainEqual({
      field: 'photographer',
      expected: null,
      got: 'Cy Dee',
    });
  });

  it('adds scores up and gives rates of what was expected, null when nothing was', () => {
    const one = scoreArticle(
      answer({ quotes: [['a', 'Jo Park']], people: ['Jo Park'] }),
      extraction([['a', 'Jo Park']], { people: [{ name: 'Jo Park' }, { name: 'Cy Dee' }] }),
    );
    const two = scoreArticle(
      answer({ quotes: [['b', 'Jo Park']], people: ['Jo Park'] }),
      extraction([['c', null]]),
    );
    const total = addUp([one, two]);
    expect(total.quotes).toEqual({
      expected: 2,
      found: 1,
      right: 1,
      wrong: 0,
      noSpeaker: 0,
      extra: 1,
    });
    expect(total.checks.headline).toBe(2);
    expect(rates(total.quotes, total.people)).toEqual({
      foundPct: 50,
      rightPct: 50,
      wrongPct: 0,
      extraPct: 50,
      peopleFoundPct: 50,
      spuriousPct: 50,
    });
    expect(rates(addUp([]).quotes, addUp([]).people).rightPct).toBeNull();
  });
});

describe('answers.json', () => {
  it('names the key and field of a malformed entry', () => {
    const valid = answer({ quotes: [['a', 'Jo Park']] });
    const bad = (entry: unknown) => () => parseAnswers(JSON.stringify({ 'a.txt': entry }));
    expect(bad({ ...valid, quotes: [['a', 7]] })).toThrow(
      /^answers\.json is malformed: "a\.txt"\.quotes\[0\]\[1\]: /,
    );
    expect(bad({ ...valid, headline: undefined })).toThrow(/"a\.txt"\.headline: /);
    expect(bad({ ...valid, speakers: [] })).toThrow(/"a\.txt": .*speakers/);
    expect(() => parseAnswers('{"a.txt": ')).toThrow(/^answers\.json is not valid JSON: /);
    expect(() => parseAnswers('[]')).toThrow(/^answers\.json is malformed: /);
  });

  it('reads a text from the entry\'s "file" when given, and names it when it is missing', () => {
    const dir = tempDir('newsgraph-eval-file-');
    mkdirSync(path.join(dir, 'texts'));
    writeFileSync(path.join(dir, 'texts', 'a.txt'), 'Headline\n\nBody.\n');
    writeFileSync(path.join(dir, 'b.txt'), 'Headline\n\nBody.\n');
    const write = (answers: Record<string, Answer>) =>
      writeFileSync(path.join(dir, 'answers.json'), JSON.stringify(answers));
    write({ 'a.txt': answer({ file: 'texts/a.txt' }) });
    expect(loadEvalSet(dir)).toEqual({
      cases: [
        {
          key: 'a.txt',
          textPath: path.join(dir, 'texts', 'a.txt'),
          answer: answer({ file: 'texts/a.txt' }),
        },
      ],
      skipped: ['b.txt'],
    });
    write({ 'a.txt': answer({ file: '../x/a.txt' }) });
    expect(() => loadEvalSet(dir)).toThrow(
      `answers.json lists ../x/a.txt (the "file" of "a.txt"), which is not a file in ${dir}`,
    );
  });
});

const evalImporter = (args: string[]) => runTs('src/cli/eval-importer.ts', args, {});
const fixtures = path.join(projectRoot, 'tests', 'fixtures');

describe('npm run eval:importer', () => {
  it('scores every fixture right', async () => {
    const result = await evalImporter(['tests/fixtures', '--json', '--min-right', '100']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.skipped).toEqual([]);
    expect(report.files).toHaveLength(14);
    expect(report.total.rates).toEqual({
      foundPct: 100,
      rightPct: 100,
      wrongPct: 0,
      extraPct: 0,
      peopleFoundPct: 100,
      spuriousPct: 0,
    });
    expect(report.total.quotes).toMatchObject({ wrong: 0, noSpeaker: 0, extra: 0 });
    expect(report.total.people).toMatchObject({ missing: 0, spurious: 0 });
    expect(report.total.checks).toEqual({
      headline: 14,
      authors: 14,
      photographer: 14,
      teasers: 14,
    });
  });

  it('has answers that agree with the fixtures’ expected records', () => {
    const answers = parseAnswers(readFileSync(path.join(fixtures, 'answers.json'), 'utf8'));
    const expectedFiles = readdirSync(fixtures).filter((name) => name.endsWith('.expected.json'));
    expect(Object.keys(answers).sort()).toEqual(
      expectedFiles.map((name) => name.replace('.expected.json', '.txt')).sort(),
    );
    for (const name of expectedFiles) {
      const expected = JSON.parse(readFileSync(path.join(fixtures, name), 'utf8')) as Expected;
      const { file: _file, ...entry } = answers[name.replace('.expected.json', '.txt')] as Answer;
      expect(entry, name).toEqual({
        headline: expected.article.headline,
        authors: expected.article.authors.map((a) => a.name),
        photographer: expected.article.leadImage?.photographer?.name ?? null,
        people: expected.people.map((p) => p.name),
        quotes: expected.quotes.map((q) => [q.text, q.speaker?.name ?? null]),
        teasers: expected.teasers.map((t) => t.title),
      });
    }
  });

  it('prints a table with a total and the rates', async () => {
    const result = await evalImporter(['tests/fixtures']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^01-port-aldwick-floodwall\.txt +6 +6 +6 +0 +0 +0 /m);
    expect(result.stdout).toMatch(
      /^TOTAL +97 +97 +97 +0 +0 +0 .* 14\/14 +14\/14 +14\/14 +14\/14$/m,
    );
    expect(result.stdout).toContain(
      'quotes (of 97 expected): found 100.0%, right 100.0%, wrong 0.0%, extra 0.0%',
    );
    expect(result.stdout).toMatch(/^people \(of 103 expected\): found 100\.0%, spurious 0\.0%$/m);
    expect(result.stdout).toMatch(/^ALL +97 +97 +100\.0% +0\.99 /m);
  });

  it('prints the earned confidence per method with --calibrate, over several directories', async () => {
    const dir = path.join(tempDir('newsgraph-eval-'), 'second');
    mkdirSync(dir);
    writeFileSync(
      path.join(dir, 'vote.txt'),
      'Harbour Vote Passes\n\nBy Ann Lee\n\n"We will build it this year," Mayor Jo Park said.\n',
    );
    writeFileSync(
      path.join(dir, 'answers.json'),
      JSON.stringify({
        'vote.txt': {
          headline: 'Harbour Vote Passes',
          authors: ['Ann Lee'],
          photographer: null,
          people: ['Ann Lee', 'Jo Park'],
          quotes: [['build it this year', 'Jo Park']],
          teasers: [],
        },
      }),
    );
    const table = await evalImporter(['tests/fixtures', dir, '--json']);
    const report = JSON.parse(table.stdout) as { files: { file: string }[] };
    expect(report.files.map((f) => f.file)).toContain('second/vote.txt');
    expect(report.files.map((f) => f.file)).toContain('fixtures/00-seed-article.txt');
    const result = await evalImporter(['tests/fixtures', dir, '--calibrate']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ {2}SPEECH_VERB: 0\.\d+, \/\/ \d+ of \d+ right$/m);
    expect(result.stdout).not.toMatch(/ALL/);
  });

  it('reports problems, skipped files and failed texts, and gates on --min-right', async () => {
    const dir = path.join(tempDir('newsgraph-eval-'), 'set');
    mkdirSync(dir);
    writeFileSync(
      path.join(dir, 'vote.txt'),
      'Harbour Vote Passes\n\nBy Ann Lee\n\n"We will build it this year," Mayor Jo Park said.\n',
    );
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, 'unlisted.txt'), 'Other\n\nBody.\n');
    writeFileSync(
      path.join(dir, 'answers.json'),
      JSON.stringify({
        'vote.txt': answer({
          headline: 'A Different Headline',
          authors: ['Ann Lee'],
          people: ['Ann Lee', 'Jo Park', 'Nobody Real'],
          quotes: [['never said anywhere', 'Jo Park']],
        }),
        'empty.txt': answer({ quotes: [['anything', null]] }),
      }),
    );

    const verbose = await evalImporter([dir, '--verbose', '--min-right=50']);
    expect(verbose.code).toBe(1);
    expect(verbose.stderr).toBe(
      'error: empty.txt: the file is empty (scored as extracting nothing)\n' +
        'right 0.0% is below --min-right 50%\n',
    );
    expect(verbose.stdout).toContain('skipped (not in answers.json): unlisted.txt');
    expect(verbose.stdout).toMatch(/^empty\.txt \(failed\) /m);
    expect(verbose.stdout).toContain('\nvote.txt\n  missed quote "never said anywhere"\n');
    expect(verbose.stdout).toContain('\n  missing person Nobody Real\n');
    expect(verbose.stdout).toContain(
      '\n  headline: expected "A Different Headline", got "Harbour Vote Passes"\n',
    );
    expect(verbose.stdout).toContain('\nempty.txt\n  import failed: the file is empty\n');

    const json = await evalImporter([dir, '--json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.skipped).toEqual(['unlisted.txt']);
    expect(
      report.files.map((f: { file: string; error: string | null }) => [f.file, f.error]),
    ).toEqual([
      ['empty.txt', 'the file is empty'],
      ['vote.txt', null],
    ]);
    expect(report.files[1].problems).toMatchObject({
      missedQuotes: ['never said anywhere'],
      missingPeople: expect.arrayContaining(['Nobody Real']),
    });
  });

  it('exits 2 with one clear line for a problem with the directory or the arguments', async () => {
    const root = tempDir('newsgraph-eval-bad-');
    const set = (name: string, answers: string | null, files: string[] = []) => {
      const dir = path.join(root, name);
      mkdirSync(dir);
      if (answers !== null) writeFileSync(path.join(dir, 'answers.json'), answers);
      for (const file of files) writeFileSync(path.join(dir, file), 'Headline\n\nBody.\n');
      return dir;
    };
    const entry = JSON.stringify(answer({}));
    const cases: [string[], string][] = [
      [[path.join(root, 'nope')], `error: ${path.join(root, 'nope')} is not a directory\n`],
      [
        [set('no-answers', null, ['a.txt'])],
        `error: ${path.join(root, 'no-answers')} has no answers.json\n`,
      ],
      [[set('bad-json', '{"a.txt": {')], 'error: answers.json is not valid JSON: '],
      [
        [set('missing-file', `{"a.txt": ${entry}, "b.txt": ${entry}}`, ['a.txt'])],
        `error: answers.json lists b.txt, which is not a file in ${path.join(root, 'missing-file')}\n`,
      ],
      [
        [set('zod', `{"a.txt": {"headline": "H", "authors": "Ann Lee"}}`, ['a.txt'])],
        'error: answers.json is malformed: "a.txt".authors: ',
      ],
      [[], 'error: give the directory to measure\n'],
      [['tests/fixtures', '--frobnicate'], 'error: unknown option --frobnicate\n'],
      [['tests/fixtures', '--min-right', 'lots'], 'error: --min-right needs a percentage'],
    ];
    const results = await Promise.all(cases.map(([args]) => evalImporter(args)));
    results.forEach((result, i) => {
      const [args, message] = cases[i] as [string[], string];
      expect({ args, code: result.code, stdout: result.stdout }).toEqual({
        args,
        code: 2,
        stdout: '',
      });
      expect(result.stderr.startsWith(message), result.stderr).toBe(true);
    });
  }, 60_000);
});
