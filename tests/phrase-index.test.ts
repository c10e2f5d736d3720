// The importer finds names through an index of letter runs instead of one regex scan per name;
// it must find exactly what that scan finds.
import { describe, expect, it } from 'vitest';
import { PhraseIndex } from '../src/services/importer/phrase-index.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byRegex = (text: string, phrase: string) =>
  [...text.matchAll(new RegExp(`(?<![\\p{L}])${escapeRegExp(phrase)}(?![\\p{L}])`, 'gu'))].map(
    (m) => m.index,
  );

/** A small deterministic generator, so a failure names the case that made it. */
function generator(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
}

const PIECES = [
  'Ann',
  'Lee',
  'an',
  'O',
  "'",
  'Rourke',
  ' ',
  ' ',
  '-',
  '.',
  ',',
  'é',
  'Zoë',
  '𝒜',
  'Jr.',
  'AnnLee',
];

describe('PhraseIndex', () => {
  it('finds what the regex finds on 2,000 generated texts and phrases', () => {
    const next = generator(7);
    for (let round = 0; round < 2_000; round++) {
      const text = Array.from({ length: 1 + next(40) }, () => PIECES[next(PIECES.length)]).join('');
      // Phrases cut from the text itself (so they occur), and some made up.
      const from = next(text.length);
      const phrase =
        next(3) === 0
          ? Array.from({ length: 1 + next(4) }, () => PIECES[next(PIECES.length)]).join('')
          : text.slice(from, from + 1 + next(12));
      expect(
        new PhraseIndex([text]).find(phrase).map((place) => place.start),
        JSON.stringify({ text, phrase }),
      ).toEqual(byRegex(text, phrase));
    }
  });

  it('keeps to whole words, possessives included, and never overlaps', () => {
    const index = new PhraseIndex([
      "Ann Lee met Ann Leeds. Ann Lee's aide, Ann Ann Ann.",
      'Ann Lee',
    ]);
    expect(index.find('Ann Lee')).toEqual([
      { text: 0, start: 0, end: 7 },
      { text: 0, start: 23, end: 30 },
      { text: 1, start: 0, end: 7 },
    ]);
    expect(index.find('Ann Ann')).toEqual([{ text: 0, start: 39, end: 46 }]);
    expect(index.find('Mary')).toEqual([]);
  });
});
