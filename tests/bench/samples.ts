// The requests each scenario sends: `list` always asks for 20 articles; `person` and `article`
// rotate through a fixed set of slugs from the generated data, so every run (and every server)
// sees the same sequence and the response cache cannot get by on one hot key.
import type { BenchSize } from './databases.js';
import { benchArticleSlugs, benchPersonSlugs } from './generate.js';
import { requestBody, type ScenarioName, scenarioNames } from './scenarios.js';

export type Sample = {
  scenario: ScenarioName;
  variables: Record<string, unknown>;
  /** The POST body, built once so the load generator sends identical bytes every time. */
  body: string;
};

export const slugsPerScenario = 20;

export function sample(scenario: ScenarioName, variables: Record<string, unknown>): Sample {
  return { scenario, variables, body: requestBody(scenario, variables) };
}

export function scenarioSamples(size: BenchSize): Record<ScenarioName, Sample[]> {
  return {
    list: [sample('list', { first: 20 })],
    person: benchPersonSlugs(size, slugsPerScenario).map((slug) => sample('person', { slug })),
    article: benchArticleSlugs(size, slugsPerScenario).map((slug) => sample('article', { slug })),
  };
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
