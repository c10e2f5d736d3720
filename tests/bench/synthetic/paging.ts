// Where the second pages start, and who the filtered lists find, worked out from the plan like every
// other request variable (no database read): the `articles` list's order, each person's quotes in
// `Person.quotes` order, and the people published articles mention. An anonymous reader sees only
// published articles (every generated publishedAt is past), so drafts and their quotes are left out.
import { encodeGlobalID } from '../../../src/global-id.js';
import {
  articlePlan,
  type BenchSize,
  benchSizes,
  isDraft,
  personSlug,
  publishedAt,
  QUOTES_PER_ARTICLE,
} from './plan.js';

/** The cursor of the `index`-th (from 1) article of `articles`, PUBLISHED and newest first. */
export function articleListCursor(size: BenchSize, index: number): string {
  const { articles } = benchSizes[size];
  const time = (n: number) => publishedAt(n, articles).getTime();
  const newest = Array.from({ length: articles }, (_, i) => i + 1)
    .filter((n) => !isDraft(n))
    .sort((a, b) => time(b) - time(a) || b - a);
  return encodeCursor('articles', newest[index - 1] as number);
}

/** A Newsgraph cursor: base64 of "<connection>:<row id>", as src/cursor.ts encodes it. */
const encodeCursor = (connection: string, id: number) => encodeGlobalID(connection, id);

export type QuotePage = { slug: string; after: string };

type Quoted = { publishedAt: number; articleId: number; position: number; id: number };

/** What the plan says about people across published articles: one pass, kept per size. */
type PeopleIndex = {
  quotes: Map<number, Quoted[]>;
  mentionedInPublished: Set<number>;
};

const indexes = new Map<BenchSize, PeopleIndex>();

function peopleIndex(size: BenchSize): PeopleIndex {
  const known = indexes.get(size);
  if (known) return known;
  const { articles } = benchSizes[size];
  const index: PeopleIndex = { quotes: new Map(), mentionedInPublished: new Set() };
  for (let n = 1; n <= articles; n++) {
    if (isDraft(n)) continue;
    const plan = articlePlan(n, size);
    for (const mention of plan.mentions) index.mentionedInPublished.add(mention.personId);
    plan.quotes.forEach((quote, position) => {
      if (quote.speakerId == null) return;
      const list = index.quotes.get(quote.speakerId) ?? [];
      list.push({
        publishedAt: publishedAt(n, articles).getTime(),
        articleId: n,
        position,
        id: (n - 1) * QUOTES_PER_ARTICLE + position + 1, // as generate.ts numbers them
      });
      index.quotes.set(quote.speakerId, list);
    });
  }
  indexes.set(size, index);
  return index;
}

/** Slugs of the people that at least one PUBLISHED article mentions, by id. */
export function mentionedPeopleSlugs(size: BenchSize): string[] {
  return [...peopleIndex(size).mentionedInPublished].sort((a, b) => a - b).map(personSlug);
}

export function personQuotePages(size: BenchSize, minQuotes: number, pageSize = 20): QuotePage[] {
  const { quotes } = peopleIndex(size);
  return [...quotes]
    .filter(([, list]) => list.length >= minQuotes)
    .sort(([a], [b]) => a - b)
    .map(([person, list]) => {
      // Newest article first, then reading order: Person.quotes' order.
      const ordered = [...list].sort(
        (a, b) =>
          b.publishedAt - a.publishedAt || b.articleId - a.articleId || a.position - b.position,
      );
      const end = ordered[pageSize - 1] as Quoted;
      return { slug: personSlug(person), after: encodeCursor('Person.quotes', end.id) };
    });
}
