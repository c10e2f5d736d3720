// Which scenario a POST /graphql body asks for, by operation name, with its variables checked: the
// baseline answers only the three benchmark documents and never parses GraphQL.
import { operationNames, scenarioNames } from '../scenarios.js';

/** A scenario with its one variable: `first` for the list, `slug` for the person and article pages. */
export type ScenarioRequest =
  | { scenario: 'list'; variables: { first: number } }
  | { scenario: 'person' | 'article'; variables: { slug: string } };

/** The value of the one placeholder in each scenario's SQL statement. */
export function sqlParameter(request: ScenarioRequest): number | string {
  return request.scenario === 'list' ? request.variables.first : request.variables.slug;
}

export class BadRequest extends Error {
  override name = 'BadRequest';
}

// Newsgraph rejects larger pages (MAX_PAGE_SIZE); the baseline refuses them too rather than answer
// a request Newsgraph would not.
const MAX_PAGE_SIZE = 100;

const byOperationName = new Map(scenarioNames.map((name) => [operationNames[name], name]));

export function parseScenarioRequest(body: string): ScenarioRequest {
  let parsed: { operationName?: unknown; variables?: Record<string, unknown> | null };
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new BadRequest('the body is not JSON');
  }
  const scenario = byOperationName.get(String(parsed?.operationName));
  if (!scenario) {
    throw new BadRequest(
      `unknown operation ${JSON.stringify(parsed?.operationName)}; the baseline answers ${[...byOperationName.keys()].join(', ')}`,
    );
  }
  const variables = parsed.variables ?? {};
  if (scenario === 'list') {
    const first = variables.first;
    if (!Number.isInteger(first) || (first as number) < 0 || (first as number) > MAX_PAGE_SIZE)
      throw new BadRequest(`"first" must be an integer from 0 to ${MAX_PAGE_SIZE}`);
    return { scenario, variables: { first: first as number } };
  }
  if (typeof variables.slug !== 'string') throw new BadRequest('"slug" must be a string');
  return { scenario, variables: { slug: variables.slug } };
}
