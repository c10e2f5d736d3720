// Scores the importer against hand-made expected results: quote detection and attribution
// precision/recall, plus exact comparison of the other parts.
import type { ImportedArticle } from '../../src/services/importer/index.js';

export type Expected = {
  article: {
    headline: string;
    slug: string;
    authors: { name: string }[];
    authorRole?: string | null;
    leadImage: null | {
      title: string | null;
      caption: string | null;
      credit: string | null;
      agency: string | null;
      photographer: { name: string } | null;
    };
    paragraphs: string[];
  };
  people: { name: string; slug: string; roleAsWritten: string | null; aliases?: string[] }[];
  quotes: {
    text: string;
    speaker: { name: string } | null;
    paragraph: number;
    isPartial: boolean;
  }[];
  teasers: { kicker: string | null; title: string; summary: string; isTruncated: boolean }[];
};

export type Score = {
  expectedQuotes: number;
  foundQuotes: number;
  matchedQuotes: number;
  /** Quotes with a speaker in the output, and how many of those speakers are right. */
  attributed: number;
  correctlyAttributed: number;
  /** Expected quotes that name a speaker. */
  expectedAttributed: number;
  problems: string[];
};

const key = (q: { paragraph: number; text: string }) => `${q.paragraph}|${q.text}`;

export function score(expected: Expected, actual: ImportedArticle): Score {
  const problems: string[] = [];
  const found = new Map(actual.quotes.map((q) => [key(q), q]));
  let matched = 0;
  let correct = 0;
  for (const q of expected.quotes) {
    const got = found.get(key(q));
    if (!got) {
      problems.push(`missed quote ¶${q.paragraph} "${q.text.slice(0, 50)}"`);
      continue;
    }
    matched++;
    const want = q.speaker?.name ?? null;
    const have = got.speaker?.name ?? null;
    if (want === have && have !== null) correct++;
    if (want !== have)
      problems.push(`speaker of "${q.text.slice(0, 40)}": expected ${want}, got ${have}`);
    if (got.isPartial !== q.isPartial)
      problems.push(`isPartial of "${q.text.slice(0, 40)}": expected ${q.isPartial}`);
  }
  const expectedKeys = new Set(expected.quotes.map(key));
  for (const q of actual.quotes) {
    if (!expectedKeys.has(key(q)))
      problems.push(
        `extra quote ¶${q.paragraph} "${q.text.slice(0, 50)}" (${q.speaker?.name ?? 'no speaker'})`,
      );
  }
  return {
    expectedQuotes: expected.quotes.length,
    foundQuotes: actual.quotes.length,
    matchedQuotes: matched,
    attributed: actual.quotes.filter((q) => q.speaker).length,
    correctlyAttributed: correct,
    expectedAttributed: expected.quotes.filter((q) => q.speaker).length,
    problems,
  };
}

/** Everything but the quotes, compared field by field, as readable differences. */
export function structuralDifferences(expected: Expected, actual: ImportedArticle): string[] {
  const problems: string[] = [];
  const same = (label: string, want: unknown, have: unknown) => {
    if (JSON.stringify(want) !== JSON.stringify(have))
      problems.push(`${label}: expected ${JSON.stringify(want)}, got ${JSON.stringify(have)}`);
  };
  same('headline', expected.article.headline, actual.article.headline);
  same('slug', expected.article.slug, actual.article.slug);
  same(
    'authors',
    expected.article.authors.map((a) => a.name),
    actual.article.authors.map((a) => a.name),
  );
  if (expected.article.authorRole !== undefined)
    same('authorRole', expected.article.authorRole, actual.article.authorRole);
  same(
    'leadImage',
    expected.article.leadImage,
    actual.article.leadImage && {
      ...actual.article.leadImage,
      photographer: actual.article.leadImage.photographer && {
        name: actual.article.leadImage.photographer.name,
      },
    },
  );
  same('paragraphs', expected.article.paragraphs, actual.article.paragraphs);
  same(
    'people',
    expected.people.map((p) => p.slug),
    actual.people.map((p) => p.slug),
  );
  for (const person of expected.people) {
    const got = actual.people.find((p) => p.slug === person.slug);
    if (!got) continue;
    same(`name of ${person.slug}`, person.name, got.name);
    same(`role of ${person.slug}`, person.roleAsWritten, got.roleAsWritten);
    if (person.aliases)
      same(`aliases of ${person.slug}`, [...person.aliases].sort(), [...got.aliases].sort());
  }
  same('teasers', expected.teasers, actual.teasers);
  return problems;
}
