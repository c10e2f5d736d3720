// `npm run bench:importer`: parse time for large and adversarial article texts, to spot
// super-linear behaviour in the importer. Prints one line per case; nothing is asserted.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArticle } from '../../src/services/importer/index.js';
import { defaultSeedsDir } from '../../src/services/seed.js';

const seed = readFileSync(path.join(defaultSeedsDir, 'seed-article.txt'), 'utf8');
const cases: [string, string][] = [
  ['seed article', seed],
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
];

for (const [label, text] of cases) {
  const started = process.hrtime.bigint();
  const result = parseArticle(text);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(
    `${label.padEnd(44)} ${(text.length / 1024).toFixed(0).padStart(6)} KB  ${ms.toFixed(0).padStart(7)} ms  ${result.quotes.length} quotes, ${result.people.length} people`,
  );
}
