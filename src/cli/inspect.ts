// `npm run inspect -- stats | article <slug> | person <slug> | quotes [--speaker <slug>]
// | review [--below <0..1>]`, each with `--json` for tools.
import { db } from '../db/index.js';
import { articleView, personView, quotesView, reviewView, stats } from '../services/inspect.js';
import { DEFAULT_REVIEW_BELOW, isReviewBound } from '../services/quote-review.js';
import { runCommand, type Say } from './run-command.js';
import { table } from './table.js';

const usage =
  'usage: npm run inspect -- stats | article <slug> | person <slug> | quotes [--speaker <slug>] | review [--below <0..1>] [--json]';

const help = `${usage}

  stats                     what is stored: counts by kind and status, the top speakers
  article <slug>            one article: byline, photo, body, quotes, people and teasers
  person <slug>             one person: aliases, quotes, bylines and mentions
  quotes [--speaker <slug>] every quote, or one person's, in article order
  review [--below <n>]      quotes whose attribution an editor should check: confidence below n
                            (a number from 0 to 1, default ${DEFAULT_REVIEW_BELOW}), least certain first,
                            with the speaker or source as written, the method and the evidence
  --json                    print the same data as one JSON document
  -h, --help                print this help`;

const args = process.argv.slice(2);
/** Options that take a value, and the subcommand each belongs to. */
const valued = { '--speaker': 'quotes', '--below': 'review' } as const;
const switches = new Set(['--json', '--help']);
const json = args.includes('--json');
const options: Partial<Record<keyof typeof valued, string>> = {};
const positional: string[] = [];
const problems: string[] = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i] as string;
  if (arg in valued) {
    const value = args[i + 1];
    // A flag is never a value; a negative number is, so the range check can name it.
    if (value === undefined || value.startsWith('--')) problems.push(`${arg} needs a value`);
    else {
      options[arg as keyof typeof valued] = value;
      i += 1;
    }
  } else if (arg.startsWith('--')) {
    if (!switches.has(arg)) problems.push(`unknown option ${arg}`);
  } else positional.push(arg);
}
const [command, subject] = positional;
for (const [option, owner] of Object.entries(valued)) {
  if (option in options && command !== owner) problems.push(`${option} is only for ${owner}`);
}

/** The --below bound: a plain decimal from 0 to 1. */
function reviewBound(text: string | undefined): number {
  if (text === undefined) return DEFAULT_REVIEW_BELOW;
  const value = /^(\d+(\.\d*)?|\.\d+)$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!isReviewBound(value)) {
    throw new Error(`--below must be a number from 0 to 1, got ${JSON.stringify(text)}`);
  }
  return value;
}

runCommand(
  async (say) => {
    if (problems.length) throw new Error(`${usage} (${problems.join('; ')})`);
    // Checked before any query, so a typo costs no database round trip.
    const below = command === 'review' ? reviewBound(options['--below']) : undefined;
    try {
      switch (command) {
        case 'stats':
          return show(say, await stats(db), renderStats);
        case 'article':
          if (!subject) throw new Error(usage);
          return show(say, await articleView(db, subject), renderArticle);
        case 'person':
          if (!subject) throw new Error(usage);
          return show(say, await personView(db, subject), renderPerson);
        case 'quotes':
          return show(say, await quotesView(db, options['--speaker']), (quotes) =>
            table(
              ['speaker', 'article', '¶', 'partial', 'quote'],
              quotes.map((q) => [
                q.speaker?.slug,
                q.article,
                q.paragraph,
                q.isPartial ? 'yes' : '',
                q.text,
              ]),
            ),
          );
        case 'review':
          return show(say, await reviewView(db, below), (quotes) => renderReview(quotes, below));
        default:
          throw new Error(usage);
      }
    } finally {
      await db.$disconnect();
    }
  },
  { usage: help },
);

function show<T>(say: Say, data: T, render: (data: T) => string): number {
  say(json ? JSON.stringify(data, null, 2) : render(data));
  return 0;
}

function renderStats(s: Awaited<ReturnType<typeof stats>>): string {
  const counts = table(
    ['records', 'count'],
    [
      ['articles', s.articles],
      ...Object.entries(s.articlesByStatus).map(([status, n]) => [`  ${status.toLowerCase()}`, n]),
      ['people', s.people],
      ['mentions', s.mentions],
      ['quotes', s.quotes],
      ['  unattributed', s.unattributedQuotes],
      ['teasers', s.teasers],
      ['  linked to an article', s.linkedTeasers],
    ],
  );
  const speakers = table(
    ['top speakers', 'slug', 'quotes'],
    s.topSpeakers.map((p) => [p.name, p.slug, p.quotes]),
  );
  return `${counts}\n\n${speakers}`;
}

function renderArticle(a: Awaited<ReturnType<typeof articleView>>): string {
  const header = [
    a.headline,
    `slug: ${a.slug} · ${a.status.toLowerCase()}${a.publishedAt ? ` ${a.publishedAt}` : ''}`,
    `by: ${a.authors.map((p) => p.name).join(', ') || '—'}${a.authors[0]?.roleAsWritten ? `, ${a.authors[0].roleAsWritten}` : ''}`,
    a.leadImage
      ? `photo: ${a.leadImage.title ?? '—'} · ${a.leadImage.credit ?? 'no credit'}`
      : 'photo: none',
  ].join('\n');
  const body = a.paragraphs.map((p, i) => `[${i}] ${p}`).join('\n\n');
  const quotes = table(
    ['¶', 'speaker', 'partial', 'quote'],
    a.quotes.map((q) => [
      q.paragraph,
      q.speaker?.name ?? '(unattributed)',
      q.isPartial ? 'yes' : '',
      q.text,
    ]),
    70,
  );
  const people = table(
    ['person', 'role as written', '¶'],
    a.mentions.map((m) => [m.name, m.roleAsWritten, m.firstParagraph]),
  );
  const teasers = table(
    ['kicker', 'teaser', 'truncated', 'links to'],
    a.teasers.map((t) => [t.kicker, t.title, t.isTruncated ? 'yes' : '', t.target]),
  );
  return [header, body, quotes, people, teasers].join('\n\n');
}

function renderPerson(p: Awaited<ReturnType<typeof personView>>): string {
  return [
    `${p.name} (${p.slug})${p.aliases.length ? ` · also ${p.aliases.join(', ')}` : ''}`,
    table(
      ['quotes', 'article', '¶'],
      p.quotes.map((q) => [q.text, q.article, q.paragraph]),
      70,
    ),
    table(
      ['wrote', 'slug'],
      p.authored.map((a) => [a.headline, a.slug]),
    ),
    table(
      ['mentioned in', 'role as written'],
      p.mentionedIn.map((m) => [m.headline, m.roleAsWritten]),
    ),
  ].join('\n\n');
}

function renderReview(
  quotes: Awaited<ReturnType<typeof reviewView>>,
  below = DEFAULT_REVIEW_BELOW,
) {
  const bound = below.toFixed(2);
  if (quotes.length === 0) return `no quotes with confidence below ${bound}`;
  return [
    `${quotes.length} quote(s) with confidence below ${bound}, least certain first`,
    table(
      ['confidence', 'method', 'speaker', 'article', 'quote', 'evidence'],
      quotes.map((q) => [
        twoDecimals(q.confidence),
        q.method,
        q.speaker?.name ?? q.sourceAsWritten,
        q.article.slug,
        q.text,
        q.evidence,
      ]),
      50,
    ),
  ].join('\n\n');
}

/**
 * Cut, not rounded: 0.799 listed under "below 0.80" shows as 0.79. (toFixed(6) first, so binary
 * fractions such as 0.29 do not fall to 0.28.)
 */
function twoDecimals(value: number): string {
  return value.toFixed(6).slice(0, -4);
}
