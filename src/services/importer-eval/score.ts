// The one definition of how eval:importer scores an extraction against an answer: when a quote is
// found, when its speaker is right, which people are missing or spurious (total.ts adds them up).
import { collapse, normaliseText } from '../importer/normalise.js';
import type { Answer } from './answers.js';

/**
 * The parts of the importer's output that are scored; an `ImportedArticle` fits as it is. A quote
 * without a method or confidence (small test inputs, an importer that sets neither) still scores.
 */
export type Extraction = {
  article: {
    headline: string;
    authors: { name: string }[];
    leadImage: { photographer: { name: string } | null } | null;
  };
  people: { name: string }[];
  quotes: {
    text: string;
    speaker: { name: string } | null;
    method?: string;
    confidence?: number;
  }[];
  teasers: { title: string }[];
};

/** What a text the importer refused yields: nothing, so every expectation counts as missed. */
export const NOTHING_EXTRACTED: Extraction = {
  article: { headline: '', authors: [], leadImage: null },
  people: [],
  quotes: [],
  teasers: [],
};

/** From this confidence on, the importer claims a speaker is sure; the report counts its errors. */
export const CONFIDENT_AT = 0.8;

/** The method reported for quotes that carry none. */
export const UNSET = 'UNSET';

/** Text as the importer sees it: straight quotes and apostrophes, whitespace collapsed. */
export function normalise(text: string): string {
  return collapse(normaliseText(text));
}

/** The same person: names equal after normalising, ignoring case. Two nulls are the same nobody. */
export function sameName(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return normalise(a).toLowerCase() === normalise(b).toLowerCase();
}

export type QuoteOutcome = 'right' | 'wrong' | 'noSpeaker';

/**
 * A found quote's attribution: right when the speaker is the expected one (an unattributed quote
 * left unattributed is right too), no speaker when a person was expected and none was given, and
 * wrong otherwise, including a person given where the answer names nobody.
 */
export function quoteOutcome(expected: string | null, got: string | null): QuoteOutcome {
  if (sameName(expected, got)) return 'right';
  return got === null ? 'noSpeaker' : 'wrong';
}

export type QuoteCounts = {
  expected: number;
  found: number;
  right: number;
  wrong: number;
  noSpeaker: number;
  extra: number;
};
export type PeopleCounts = { expected: number; found: number; missing: number; spurious: number };
export type Checks = {
  headline: boolean;
  authors: boolean;
  photographer: boolean;
  teasers: boolean;
};

/**
 * Per attribution method, every found quote (NONE is right when the answer names nobody either): how
 * many, how many right, and how many of those at `CONFIDENT_AT` or above are not right.
 */
export type Calibration = Record<
  string,
  { quotes: number; right: number; confident: number; confidentErrors: number }
>;

type Attribution = { method: string; confidence: number | null };
export type Problems = {
  missedQuotes: string[];
  wrongSpeakers: ({ fragment: string; expected: string | null; got: string } & Attribution)[];
  noSpeaker: ({ fragment: string; expected: string } & Attribution)[];
  extraQuotes: { text: string; speaker: string | null }[];
  missingPeople: string[];
  spuriousPeople: string[];
  mismatches: { field: keyof Checks; expected: unknown; got: unknown }[];
};

export type ArticleScore = {
  quotes: QuoteCounts;
  people: PeopleCounts;
  checks: Checks;
  calibration: Calibration;
  problems: Problems;
};

export function scoreArticle(answer: Answer, extraction: Extraction): ArticleScore {
  const problems: Problems = {
    missedQuotes: [],
    wrongSpeakers: [],
    noSpeaker: [],
    extraQuotes: [],
    missingPeople: [],
    spuriousPeople: [],
    mismatches: [],
  };
  const quotes: QuoteCounts = { expected: 0, found: 0, right: 0, wrong: 0, noSpeaker: 0, extra: 0 };
  const calibration: Calibration = {};

  // Greedy in answer order: an expected quote takes the first unclaimed extracted quote holding it.
  // A quotation that runs over several paragraphs is one quote to the importer and may be one entry
  // per paragraph to an answer: then each entry claims its own words of that quote, never words an
  // earlier entry claimed (a repeated phrase is not found twice).
  const extracted = extraction.quotes.map((q) => ({ ...q, normalised: normalise(q.text) }));
  const claimed = new Map<number, [number, number][]>();
  const freeAt = (text: string, wanted: string, taken: [number, number][]): number => {
    for (let at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1))
      if (!taken.some(([from, to]) => at < to && at + wanted.length > from)) return at;
    return -1;
  };
  for (const [fragment, speaker] of answer.quotes) {
    quotes.expected++;
    // A quotation stored without the comma that ends it before its attribution (`"This is ours,"
    // she said` is stored as `This is ours`): a fragment copied with that comma still matches.
    const wanted = normalise(fragment).replace(/,$/, '');
    let index = extracted.findIndex((q, i) => !claimed.has(i) && q.normalised.includes(wanted));
    if (index < 0)
      index = extracted.findIndex(
        (q, i) => freeAt(q.normalised, wanted, claimed.get(i) ?? []) >= 0,
      );
    const quote = extracted[index];
    if (!quote) {
      problems.missedQuotes.push(fragment);
      continue;
    }
    const taken = claimed.get(index) ?? [];
    const at = freeAt(quote.normalised, wanted, taken);
    claimed.set(index, [...taken, [at, at + wanted.length]]);
    quotes.found++;
    const got = quote.speaker?.name ?? null;
    const outcome = quoteOutcome(speaker, got);
    quotes[outcome]++;
    const attribution = { method: quote.method ?? UNSET, confidence: quote.confidence ?? null };
    if (outcome === 'wrong' && got !== null)
      problems.wrongSpeakers.push({ fragment, expected: speaker, got, ...attribution });
    if (outcome === 'noSpeaker' && speaker !== null)
      problems.noSpeaker.push({ fragment, expected: speaker, ...attribution });
    // Every found quote counts, so that NONE's accuracy is how often "no person named" was right.
    const row = calibration[attribution.method] ?? emptyRow();
    calibration[attribution.method] = row;
    row.quotes++;
    if (outcome === 'right') row.right++;
    if (attribution.confidence !== null && attribution.confidence >= CONFIDENT_AT) {
      row.confident++;
      if (outcome !== 'right') row.confidentErrors++;
    }
  }
  extracted.forEach((q, i) => {
    if (claimed.has(i)) return;
    quotes.extra++;
    problems.extraQuotes.push({ text: q.text, speaker: q.speaker?.name ?? null });
  });

  // People: each extracted person can stand for one expected person.
  const people: PeopleCounts = {
    expected: answer.people.length,
    found: 0,
    missing: 0,
    spurious: 0,
  };
  const unmatched = extraction.people.map((p) => p.name);
  for (const person of answer.people) {
    const index = unmatched.findIndex((got) => sameName(person, got));
    if (index < 0) {
      people.missing++;
      problems.missingPeople.push(person);
    } else {
      people.found++;
      unmatched.splice(index, 1);
    }
  }
  people.spurious = unmatched.length;
  problems.spuriousPeople.push(...unmatched);

  const { article } = extraction;
  const gotAuthors = article.authors.map((a) => a.name);
  const gotPhotographer = article.leadImage?.photographer?.name ?? null;
  const gotTeasers = extraction.teasers.map((t) => t.title);
  const checks: Checks = {
    headline: normalise(answer.headline) === normalise(article.headline),
    authors: sameList(answer.authors, gotAuthors, sameName),
    photographer: sameName(answer.photographer, gotPhotographer),
    teasers: sameList(answer.teasers, gotTeasers, (a, b) => normalise(a) === normalise(b)),
  };
  const got = {
    headline: article.headline,
    authors: gotAuthors,
    photographer: gotPhotographer,
    teasers: gotTeasers,
  };
  for (const field of Object.keys(checks) as (keyof Checks)[]) {
    if (!checks[field])
      problems.mismatches.push({ field, expected: answer[field], got: got[field] });
  }

  return { quotes, people, checks, calibration, problems };
}

function sameList(a: string[], b: string[], same: (x: string, y: string) => boolean): boolean {
  return a.length === b.length && a.every((x, i) => same(x, b[i] as string));
}

/** A calibration row with nothing counted yet. */
export function emptyRow(): Calibration[string] {
  return { quotes: 0, right: 0, confident: 0, confidentErrors: 0 };
}
