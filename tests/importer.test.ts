// The importer against hand-made expected results, plus the format's variations one by one.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeArticleBytes, ImportError, parseArticle } from '../src/services/importer/index.js';
import { normaliseText, slugify } from '../src/services/importer/normalise.js';
import { agencyName, parseByline, parseStructure } from '../src/services/importer/structure.js';
import { defaultSeedsDir } from '../src/services/seed.js';
import { type Expected, type Score, score, structuralDifferences } from './support/attribution.js';

const fixturesDir = path.join(import.meta.dirname, 'fixtures');
const cases = readdirSync(fixturesDir)
  .filter((name) => name.endsWith('.expected.json'))
  .sort()
  .map((name) => {
    const base = name.replace('.expected.json', '');
    // The seed article's expected records live with the fixtures; its text stays unchanged in seeds/.
    const textPath =
      base === '00-seed-article'
        ? path.join(defaultSeedsDir, 'seed-article.txt')
        : path.join(fixturesDir, `${base}.txt`);
    return {
      base,
      textPath,
      expected: JSON.parse(readFileSync(path.join(fixturesDir, name), 'utf8')) as Expected,
    };
  });

const scores: Score[] = [];

describe('fixtures', () => {
  it('has the seed and at least five articles of our own', () => {
    expect(cases.map((c) => c.base)).toContain('00-seed-article');
    expect(cases.length).toBeGreaterThanOrEqual(6);
  });

  it.each(cases)(
    '$base: article, people, roles, aliases and teasers match',
    ({ textPath, expected }) => {
      expect(structuralDifferences(expected, parseArticle(readFileSync(textPath, 'utf8')))).toEqual(
        [],
      );
    },
  );

  it.each(cases)(
    '$base: every quote found and attributed as expected',
    ({ textPath, expected }) => {
      const result = score(expected, parseArticle(readFileSync(textPath, 'utf8')));
      scores.push(result);
      expect(result.problems).toEqual([]);
    },
  );

  afterAll(() => {
    const sum = (key: keyof Omit<Score, 'problems'>) =>
      scores.reduce((total, s) => total + s[key], 0);
    const precision = sum('correctlyAttributed') / sum('attributed');
    const recall = sum('correctlyAttributed') / sum('expectedAttributed');
    console.info(
      `quote attribution over ${scores.length} articles: precision ${(precision * 100).toFixed(1)}% ` +
        `(${sum('correctlyAttributed')}/${sum('attributed')}), recall ${(recall * 100).toFixed(1)}% ` +
        `(${sum('correctlyAttributed')}/${sum('expectedAttributed')}); quotes found ${sum('matchedQuotes')}/${sum('expectedQuotes')}`,
    );
  });
});

describe('bylines', () => {
  it.each([
    ['By Richard Chiu', ['Richard Chiu'], null],
    ['By Ann Lee and Bo Chan', ['Ann Lee', 'Bo Chan'], null],
    ['By Ann Lee, Bo Chan and Cy Dee', ['Ann Lee', 'Bo Chan', 'Cy Dee'], null],
    ['By Ann Lee, Health Correspondent', ['Ann Lee'], 'Health Correspondent'],
    ['By Ann Lee and Bo Chan, Staff Writers', ['Ann Lee', 'Bo Chan'], 'Staff Writers'],
    ['By Ann Writer', ['Ann Writer'], null],
  ])('%s', (line, authors, role) => {
    expect(parseByline(line)).toEqual({ authors, role });
  });
});

describe('lead image', () => {
  const withImage = (lines: string) =>
    parseStructure(`Headline\n\nBy Ann Lee\n${lines}\n\nBody.\n`).leadImage;

  it.each([
    ['REUTERS/David Becker', 'Reuters', 'David Becker'],
    ['AP Photo/Jane Doe', 'AP', 'Jane Doe'],
    ['AFP PHOTO/Li Wei', 'AFP', 'Li Wei'],
    ['Getty Images/Sam Holt', 'Getty Images', 'Sam Holt'],
  ])('splits the credit %s', (credit, agency, photographer) => {
    expect(withImage(`Protest\nCrowds gather in the square. ${credit}`)).toEqual({
      title: 'Protest',
      caption: 'Crowds gather in the square.',
      credit,
      agency,
      photographer,
    });
  });

  it('is null when a blank line follows the byline', () => {
    expect(parseStructure('Headline\n\nBy Ann Lee\n\nBody paragraph.\n').leadImage).toBeNull();
  });

  it('reads one uncredited line right under the byline as the first paragraph, not an image', () => {
    const parsed = parseStructure(
      'Headline\n\nBy Ann Lee\nMara Quill, a farmer in Dunmore, has waited a year.\n\n"It is hard," she said.\n',
    );
    expect(parsed.leadImage).toBeNull();
    expect(parsed.paragraphs).toEqual([
      'Mara Quill, a farmer in Dunmore, has waited a year.',
      '"It is hard," she said.',
    ]);
    // A credited caption on its own is still an image.
    expect(withImage('Crowds gather in the square. REUTERS/David Becker')?.credit).toBe(
      'REUTERS/David Becker',
    );
  });

  it('normalises agency names', () => {
    expect([agencyName('REUTERS'), agencyName('AP Photo'), agencyName('EPA')]).toEqual([
      'Reuters',
      'AP',
      'EPA',
    ]);
  });
});

describe('teasers and normalisation', () => {
  it('reads kickers, summaries and truncation', () => {
    const { teasers } = parseStructure(
      'Headline\n\nBody.\n\n  • [Opinion] First title\n\n    A whole summary.\n\n  • Second title\n\n    Cut off mid-wo',
    );
    expect(teasers).toEqual([
      { kicker: 'Opinion', title: 'First title', summary: 'A whole summary.', isTruncated: false },
      { kicker: null, title: 'Second title', summary: 'Cut off mid-wo', isTruncated: true },
    ]);
  });

  it('normalises non-breaking spaces, curly marks, CRLF and trailing whitespace', () => {
    expect(normaliseText('It\u2019s \u201Cfine\u201D\u00A0now  \r\nnext\t\r\n')).toBe(
      'It\'s "fine" now\nnext\n',
    );
    expect(slugify("Meg Leung's Mission: Art & Faith!")).toBe('meg-leungs-mission-art-faith');
    // No Latin letters: a stable, distinct slug instead of an empty one.
    expect(slugify('梁麗橋專訪', 100, 'article')).toMatch(/^article-[0-9a-f]{10}$/);
    expect(slugify('梁麗橋專訪', 100, 'article')).toBe(slugify('梁麗橋專訪', 100, 'article'));
    expect(slugify('梁麗橋專訪', 100, 'article')).not.toBe(slugify('明光社報告', 100, 'article'));
  });
});

describe('quotes', () => {
  const quotesOf = (body: string) =>
    parseArticle(`Headline\n\nBy Ann Lee\n\n${body}\n`).quotes.map((q) => [
      q.text,
      q.speaker?.name ?? null,
      q.isPartial,
    ]);

  it('never guesses: an unnamed speaker stays null', () => {
    expect(
      quotesOf('Mayor Jo Park spoke first. "We must go now," a man in the crowd shouted.'),
    ).toEqual([['We must go now', null, false]]);
  });

  it('resolves a pronoun to the subject, not to the person acted upon', () => {
    expect(
      quotesOf(
        'Mayor Mary Roe criticised Councillor Peter Smith on Monday.\n\n"It was a mistake," she said.',
      ),
    ).toEqual([['It was a mistake', 'Mary Roe', false]]);
    expect(
      quotesOf('Police Chief Mary Roe praised Officer Peter Smith. "He saved lives," she said.'),
    ).toEqual([['He saved lives', 'Mary Roe', false]]);
  });

  it('leaves a pronoun unresolved when two people it can mean are in play', () => {
    expect(
      quotesOf(
        'Mayor Mark Roe met Councillor Peter Smith, and Roe praised the plan while Smith attacked it. "It will fail," he said.',
      ),
    ).toEqual([['It will fail', null, false]]);
  });

  it('resolves a pronoun by gender when only one of the people in play fits it', () => {
    expect(
      quotesOf(
        'Mayor Mary Roe met Councillor Peter Smith, and Roe praised the plan while Smith attacked it. "It will fail," he said.',
      ),
    ).toEqual([['It will fail', 'Peter Smith', false]]);
  });

  it('does not hand a quote to the object of the sentence', () => {
    expect(
      quotesOf(
        'After meeting Senator Jo Park, the minister said that "nothing had been agreed" on the budget.',
      ),
    ).toEqual([['nothing had been agreed', null, true]]);
  });

  it('keeps quotes inside quotes as part of the outer quote', () => {
    expect(quotesOf(`Mayor Jo Park said: "He told me 'never again', and he meant it."`)).toEqual([
      ["He told me 'never again', and he meant it.", 'Jo Park', false],
    ]);
  });

  it('skips scare quotes but keeps short quotes with a speech verb', () => {
    expect(
      quotesOf('Officials praised the "historic" deal. Mayor Jo Park called it "a disgrace".'),
    ).toEqual([['a disgrace', 'Jo Park', true]]);
  });
});

describe('large input', () => {
  // Not a timing test: before the importer was made linear, these inputs did not finish at all.
  it('parses a 1.7 MB single-paragraph article within the test timeout', () => {
    const text = `Headline\n\nBy Ann Lee\n\n${'Mayor Jane Doe met Senator Bob Roe. "Fine," Doe said. '.repeat(30_000)}\n`;
    expect(text.length).toBeLessThan(2 * 1024 * 1024);
    const result = parseArticle(text);
    expect(result.quotes).toHaveLength(30_000);
    expect(result.quotes.every((q) => q.speaker?.slug === 'jane-doe')).toBe(true);
  });

  it('parses a paragraph of 8,000 single-marked words in a double-marked article', () => {
    // Each marked word once looked back over the whole paragraph: 45 s at this size.
    const paragraph = "he said the word 'ok' today ".repeat(8_000);
    const result = parseArticle(
      `Headline\n\nBy Ann Lee\n\nJo Lee said "hi" once.\n\n${paragraph}\n`,
    );
    expect(result.quotes.length).toBeGreaterThan(8_000);
  });
});

describe('bad input', () => {
  it.each([
    ['empty', new Uint8Array(), 'EMPTY'],
    ['binary', new Uint8Array([1, 0, 2]), 'BINARY'],
    ['invalid UTF-8', new Uint8Array([0xff, 0xfe, 0x41]), 'INVALID_UTF8'],
  ])('%s bytes are refused', (_label, bytes, code) => {
    expect(() => decodeArticleBytes(bytes)).toThrow(expect.objectContaining({ code }));
  });

  it('a text without a body is refused', () => {
    expect(() => parseArticle('Only A Headline\n')).toThrow(ImportError);
  });
});
