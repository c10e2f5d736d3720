// What a fast answer (a response-cache hit, or a compiled read) is given and gives back, shared by
// the modules that make one (cache/, compiled/, plugins/cost.ts) and the HTTP layer that serves it
// (http/fast-path.ts), so neither side imports the other.
import { type DocumentNode, getOperationAST, type OperationDefinitionNode } from 'graphql';
import type { GlobalIdSink } from './db/readers.js';

/**
 * An answer: the serialised body (text, or its UTF-8 bytes), and the headers that go with it beyond
 * the ones yoga always sends.
 */
export type FastResponse = { body: string | Buffer; headers: Record<string, string> };

/** The answer for a POST body (JSON text), or undefined to let yoga answer it. */
export type FastAnswer = (body: string) => Promise<FastResponse | undefined>;

/**
 * The `data` a compiled read gives for a POST body, of its document as `prepare` changes it, or
 * undefined to let yoga answer it (as it does when `prepare` gives no document).
 */
export type DataRead = (
  body: string,
  prepare?: (document: DocumentNode) => DocumentNode | undefined,
  options?: { globalIds?: GlobalIdSink },
) => Promise<DataText | undefined>;

/**
 * `data` as JSON text without spacing, and whether it is already what `JSON.stringify` prints for
 * it (the databases print floats their own way).
 */
export type DataText = { json: string; exact: boolean };

/** The text `JSON.stringify` prints for the data. */
export function printedData({ json, exact }: DataText): string {
  return exact ? json : JSON.stringify(JSON.parse(json));
}

/** The body yoga sends for a result with this data and no errors. */
export function dataBody(text: DataText): string {
  return `{"data":${printedData(text)}}`;
}

/** The GraphQL parameters of a POST body that a fast answer looks at. */
export type ReadParams = {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
};

/**
 * A POST body's GraphQL parameters, or undefined when it is not a JSON object or a parameter has the
 * wrong type: yoga refuses those with 400, and a fast answer must not answer them with 200 just
 * because a well-formed request with the same document is in the cache.
 */
export function readParams(body: string): ReadParams | undefined {
  // One request's body is read by the cost check, the cache key and the compiled read in turn:
  // parse it once. The object is shared, so nobody may change it.
  if (body === lastBody) return lastParams;
  lastParams = parseParams(body);
  lastBody = body;
  return lastParams;
}

let lastBody: string | undefined;
let lastParams: ReadParams | undefined;

function parseParams(body: string): ReadParams | undefined {
  let params: unknown;
  try {
    params = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!isObject(params)) return undefined;
  const { query, operationName, variables, extensions } = params as ReadParams;
  const wellFormed =
    (query == null || typeof query === 'string') &&
    (operationName == null || typeof operationName === 'string') &&
    (variables == null || isObject(variables)) &&
    (extensions == null || isObject(extensions));
  return wellFormed ? (params as ReadParams) : undefined;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `read` of each operation of a parsed document, worked out once: documents come from yoga's parse
 * cache, so the same object returns for the same text.
 */
export function perOperation<T>(
  read: (operation: OperationDefinitionNode | null | undefined) => T,
): (document: DocumentNode, operationName: string | null | undefined) => T {
  const known = new WeakMap<DocumentNode, Map<string, T>>();
  return (document, operationName) => {
    let byOperation = known.get(document);
    if (!byOperation) {
      byOperation = new Map();
      known.set(document, byOperation);
    }
    const name = operationName ?? '';
    if (!byOperation.has(name))
      byOperation.set(name, read(getOperationAST(document, operationName)));
    return byOperation.get(name) as T;
  };
}

/** The variable names each operation of a parsed document declares. */
const declaredNames = perOperation((operation) =>
  (operation?.variableDefinitions ?? []).map((d) => d.variable.name.value),
);

/**
 * The variables the operation declares, of those sent. Only these can change what it reads or
 * costs: others (a client's cache buster) must not make every request count as new.
 */
export function declaredVariables(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): Record<string, unknown> {
  const names = declaredNames(document, operationName);
  const kept: Record<string, unknown> = {};
  for (const name of names) if (variables && name in variables) kept[name] = variables[name];
  return kept;
}
