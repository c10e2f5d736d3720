// Which scenario a POST /graphql body asks for, by operation name, with its variables checked: the
// baseline answers only the benchmark documents and never parses GraphQL.
import { encodeGlobalID } from '../../../src/global-id.js';
import { operationNames, type ScenarioName, scenarioNames } from '../scenarios.js';

/** A scenario with its variables: a page size, a slug, a cursor or a search text. */
export type ScenarioRequest =
  | { scenario: 'list' | 'people'; variables: { first: number } }
  | { scenario: 'list-page2'; variables: { first: number; after: string } }
  | { scenario: 'person' | 'article' | 'list-mentions'; variables: { slug: string } }
  | { scenario: 'person-quotes-page2'; variables: { slug: string; after: string } }
  | { scenario: 'quote-search'; variables: { text: string } };

export class BadRequest extends Error {
  override name = 'BadRequest';
}

/**
 * The values of a scenario statement's placeholders, in their numbering ($1, $2 / @p1, @p2). Cursors
 * become row ids and a search text a LIKE pattern here, in plain code, so the SQL sees only values.
 */
export function sqlParameters(request: ScenarioRequest): (number | string)[] {
  switch (request.scenario) {
    case 'list':
    case 'people':
      return [request.variables.first];
    case 'list-page2':
      return [request.variables.first, cursorId('articles', request.variables.after)];
    case 'person':
    case 'article':
    case 'list-mentions':
      return [request.variables.slug];
    case 'person-quotes-page2':
      return [request.variables.slug, cursorId('Person.quotes', request.variables.after)];
    case 'quote-search':
      return [containsPattern(request.variables.text)];
  }
}

/**
 * The row id in a Newsgraph cursor, base64 of "<connection>:<id>" (src/cursor.ts documents the
 * format); a cursor of another list is refused, as Newsgraph refuses it.
 */
function cursorId(connection: string, cursor: string): number {
  const id = Number(
    Buffer.from(cursor, 'base64')
      .toString('utf8')
      .slice(connection.length + 1),
  );
  if (!Number.isSafeInteger(id) || id <= 0 || encodeGlobalID(connection, id) !== cursor)
    throw new BadRequest(`"${cursor}" is not a cursor of ${connection}`);
  return id;
}

/** "Contains this text": LIKE's wildcards in the text match only themselves (escaped with \). */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// Newsgraph rejects larger pages (MAX_PAGE_SIZE) and longer search texts (MAX_TEXT_FILTER_LENGTH);
// the baseline refuses them too rather than answer a request Newsgraph would not.
const MAX_PAGE_SIZE = 100;
const MAX_TEXT_LENGTH = 200;

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
  return checkVariables(scenario, parsed.variables ?? {});
}

function checkVariables(scenario: ScenarioName, variables: Record<string, unknown>) {
  const first = () => {
    const value = variables.first;
    if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > MAX_PAGE_SIZE)
      throw new BadRequest(`"first" must be an integer from 0 to ${MAX_PAGE_SIZE}`);
    return value as number;
  };
  const text = (name: string) => {
    const value = variables[name];
    if (typeof value !== 'string') throw new BadRequest(`"${name}" must be a string`);
    return value;
  };
  switch (scenario) {
    case 'list':
    case 'people':
      return { scenario, variables: { first: first() } };
    case 'list-page2':
      return { scenario, variables: { first: first(), after: text('after') } };
    case 'person':
    case 'article':
    case 'list-mentions':
      return { scenario, variables: { slug: text('slug') } };
    case 'person-quotes-page2':
      return { scenario, variables: { slug: text('slug'), after: text('after') } };
    case 'quote-search': {
      const search = text('text');
      if ([...search].length > MAX_TEXT_LENGTH)
        throw new BadRequest(`"text" must be at most ${MAX_TEXT_LENGTH} characters`);
      return { scenario, variables: { text: search } };
    }
  }
}
