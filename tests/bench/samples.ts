// The requests each scenario sends, worked out from the generator's plan (never read from the
// database), so every run and every server sees the same sequence. Lookups rotate over every person
// and a thousand articles, and the filtered lists over every person they find, so the cache cannot
// get by on a few hot keys; the two plain lists and the people index are one request each, as a
// front page is.
import type { BenchSize } from './databases.js';
import { benchArticleSlugs, benchPersonSlugs, benchSizes } from './generate.js';
import { requestBody, type ScenarioName, scenarioNames } from './scenarios.js';
import { articleListCursor, mentionedPeopleSlugs, personQuotePages } from './synthetic/paging.js';

export type Sample = {
  scenario: ScenarioName;
  variables: Record<string, unknown>;
  /** The POST body, built once so the load generator sends identical bytes every time. */
  body: string;
};

/** Articles the article scenario rotates over (spread over all of them). */
export const articlesPerRun = 1000;

/** A person's quotes page 2 is full from 40 quotes on. */
export const minQuotesForPage2 = 40;

/**
 * Words of the generated quotes (synthetic/text.ts), some common and some rare, in mixed case:
 * `textContains` ignores ASCII case.
 */
export const searchTexts = [
  'budget',
  'Strike',
  'FLOOD',
  'inflation',
  'summit talks',
  'housing',
  'Bridge',
  'museum',
  'harvest',
  'campaign',
  'rail',
  'the court',
];

export function sample(scenario: ScenarioName, variables: Record<string, unknown>): Sample {
  return { scenario, variables, body: requestBody(scenario, variables) };
}

export function scenarioSamples(size: BenchSize): Record<ScenarioName, Sample[]> {
  const people = benchPersonSlugs(size, benchSizes[size].people);
  return {
    list: [sample('list', { first: 20 })],
    'list-page2': [sample('list-page2', { first: 20, after: articleListCursor(size, 20) })],
    'list-mentions': mentionedPeopleSlugs(size).map((slug) => sample('list-mentions', { slug })),
    people: [sample('people', { first: 20 })],
    person: people.map((slug) => sample('person', { slug })),
    'person-quotes-page2': personQuotePages(size, minQuotesForPage2).map((page) =>
      sample('person-quotes-page2', page),
    ),
    article: benchArticleSlugs(size, articlesPerRun).map((slug) => sample('article', { slug })),
    'quote-search': searchTexts.map((text) => sample('quote-search', { text })),
  };
}

/** At most `count` of the samples, spread evenly over them. */
export function spreadSamples(samples: Sample[], count: number): Sample[] {
  if (samples.length <= count) return samples;
  return Array.from(
    { length: count },
    (_, i) => samples[Math.floor((i * samples.length) / count)] as Sample,
  );
}

/** list, person 1, article 1, list, person 2, article 2, …: the soak test's mixed traffic. */
export function mixedSamples(samples: Record<ScenarioName, Sample[]>): Sample[] {
  const rounds = Math.max(...scenarioNames.map((name) => samples[name].length));
  const mixed: Sample[] = [];
  for (let i = 0; i < rounds; i++) {
    for (const name of scenarioNames) {
      const list = samples[name];
      mixed.push(list[i % list.length] as Sample);
    }
  }
  return mixed;
}
