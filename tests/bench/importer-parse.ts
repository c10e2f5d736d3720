// `npm run bench:importer`: parse time for a typical article and for large and adversarial texts,
// to spot super-linear behaviour in the importer. Prints the median of several runs per case, after
// a warm-up run; nothing is asserted.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArticle } from '../../src/services/importer/index.js';
import { defaultSeedsDir } from '../../src/services/seed.js';

const seed = readFileSync(path.join(defaultSeedsDir, 'seed-article.txt'), 'utf8');
const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, '..', 'fixtures', name), 'utf8');
// About 6 KB: the seed's body followed by another fixture's, the size of a typical news story.
const typical = seed
  .replace(/\n\n {2}•[\s\S]*$/, '')
  .concat('\n\n', fixture('13-storm-ines.txt').split('\n\n').slice(2).join('\n\n'));
// "Brellaaa", "Brellbaa", …: a distinct surname for each of `count` people.
const distinctSurname = (i: number) =>
  `Brell${[0, 1, 2].map((k) => String.fromCharCode(97 + (Math.floor(i / 26 ** k) % 26))).join('')}`;
const manyPeople = (count: number, between = ' ') =>
  `Headline\n\nBy Ann Lee\n\n${Array.from(
    { length: count },
    (_, i) => `Jessica Shultz met Tomas ${distinctSurname(i)} near the harbour.`,
  ).join(between)}\n`;
const cases: [string, string][] = [
  ['seed article', seed],
  ['typical article (seed + fixture 13)', typical],
  [
    'seed body x50 (one article)',
    seed
      .replace(/\n\n {2}•[\s\S]*$/, '')
      .concat('\n\n', seed.split('\n\n').slice(2, 11).join('\n\n').repeat(50)),
  ],
  [
    'one 1 MB paragraph of capitalised words',
    `Headline\n\nBy Ann Lee\n\n${'Aaaa '.repeat(200_000)}\n`,
  ],
  [
    'one 1.7 MB paragraph of names and titles',
    `Headline\n\nBy Ann Lee\n\n${'Mayor Jane Doe met Senator Bob Roe. '.repeat(50_000)}\n`,
  ],
  [
    '20,000 quotes in one paragraph',
    `Headline\n\nBy Ann Lee\n\n${'Jane Doe said "x". '.repeat(20_000)}\n`,
  ],
  [
    '20,000 quotes in one sentence (no full stop)',
    `Headline\n\nBy Ann Lee\n\n${'Jane Doe said "x", '.repeat(20_000)}\n`,
  ],
  // Names compared with every other name, or each searched for across the whole text or in every
  // paragraph, grow with the square of the people: each pair should differ by about twice, not
  // four times.
  ['4,000 distinct people in one paragraph', manyPeople(4_000)],
  ['8,000 distinct people in one paragraph', manyPeople(8_000)],
  ['4,000 distinct people, one a paragraph', manyPeople(4_000, '\n\n')],
  ['8,000 distinct people, one a paragraph', manyPeople(8_000, '\n\n')],
  [
    '20,000 scare quotes in one sentence',
    `Headline\n\nBy Ann Lee\n\n${'and "no" '.repeat(20_000)}\n`,
  ],
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

parseArticle(seed); // Warm-up: module initialisation and the NLP library's lexicon load once.
for (const [label, text] of cases) {
  // Small texts run often enough for a stable median; the large ones a few times.
  const runs = text.length < 20_000 ? 31 : 3;
  const times: number[] = [];
  let result = parseArticle(text);
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    result = parseArticle(text);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  console.log(
    `${label.padEnd(44)} ${(text.length / 1024).toFixed(0).padStart(6)} KB  ${median(times).toFixed(1).padStart(8)} ms median of ${runs}  ${result.quotes.length} quotes, ${result.people.length} people`,
  );
}
