// `npm run inspect -- stats | article <slug> | person <slug> | quotes [--speaker <slug>] [--json]`.
import { db } from '../db/index.js';
import { articleView, personView, quotesView, stats } from '../services/inspect.js';
import { runCommand, type Say } from './run-command.js';
import { table } from './table.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const speakerAt = args.indexOf('--speaker');
const speaker = speakerAt >= 0 ? args[speakerAt + 1] : undefined;
const [command, subject] = args.filter(
  (a, i) => !a.startsWith('--') && (speakerAt < 0 || i !== speakerAt + 1),
);
const usage =
  'usage: npm run inspect -- stats | article <slug> | person <slug> | quotes [--speaker <slug>] [--json]';

runCommand(async (say) => {
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
        if (speakerAt >= 0 && !speaker) throw new Error(usage);
        return show(say, await quotesView(db, speaker), (quotes) =>
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
      default:
        throw new Error(usage);
    }
  } finally {
    await db.$disconnect();
  }
});

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
