// The cost budget of a request, checked before execution so that no single request can make the
// server build a response of many megabytes. Cost is counted by @pothos/plugin-complexity from one
// rule (`fieldCost`): every field costs 1, and whatever a list field selects costs as many times as
// the list can hold, so `articles(first: 100) { edges { node { quotes { … } } } }` costs about
// what it returns. The check runs for every execution, compiled reads included (they never call
// the resolvers the plugin itself would check in), and for compiled reads answered at the HTTP
// layer (see `costCheckedAnswer`).
import { complexityFromQuery, type FieldComplexityValue } from '@pothos/plugin-complexity';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLField,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  isLeafType,
  isListType,
  Kind,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { memo, textKeyedCache } from '../cache/bounded.js';
import { declaredVariables, readParams } from '../graphql-params.js';
import { variablesProblem } from './variables-limit.js';

/**
 * What a list whose length is data rather than an argument is taken to hold: an article's quotes,
 * mentions, teasers, authors or paragraphs, a person's aliases or co-speakers.
 */
export const UNBOUNDED_LIST_SIZE = 10;

/**
 * The cost of one field, for the builder's `complexity.fieldComplexity`: `field` is its own cost,
 * and its selection counts `multiplier` times.
 * - A page (`first`/`last`): the page size asked for; a connection without one, its default size.
 * - `nodes(ids:)`: one per id.
 * - `edges` of a connection: once, since the connection already counted its page.
 * - Any other list: UNBOUNDED_LIST_SIZE items; a list of scalars (paragraphs) costs that itself.
 */
export function fieldCost(defaultPageSize: number) {
  return <Context>(
    args: Record<string, unknown>,
    _context: Context,
    field: GraphQLField<unknown, Context>,
  ): FieldComplexityValue => {
    const list = isListType(getNullableType(field.type));
    if (Array.isArray(args.ids)) return { field: 1, multiplier: args.ids.length };
    if (field.args.some((arg) => arg.name === 'first' || arg.name === 'last')) {
      const page = typeof args.first === 'number' ? args.first : args.last;
      // `Article.quotes` without `first` is every quote; a connection without one, its default page.
      const size = typeof page === 'number' ? page : list ? UNBOUNDED_LIST_SIZE : defaultPageSize;
      return { field: 1, multiplier: Math.max(size, 0) };
    }
    if (!list) return 1;
    if (field.name === 'edges') return { field: 1, multiplier: 1 };
    if (isLeafType(getNamedType(field.type))) return UNBOUNDED_LIST_SIZE;
    return { field: 1, multiplier: UNBOUNDED_LIST_SIZE };
  };
}

/**
 * The cost of the operation a request runs, with its variables, or a GraphQLError that the request
 * must fail with (an argument the cost cannot be counted without, such as a malformed ID). Undefined
 * when execution will refuse the request itself: an unknown operation or invalid variables.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  context: object,
): number | GraphQLError | undefined {
  const operation = getOperationAST(document, operationName);
  if (!operation) return undefined;
  if (getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}).errors)
    return undefined;
  // complexityFromQuery measures the first operation of a document: give it only the one that runs.
  const definitions = [
    operation,
    ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION),
  ];
  try {
    return complexityFromQuery(
      { ...document, definitions },
      { schema, ctx: context, variables: variables ?? {} },
    ).complexity;
  } catch (error) {
    // Arguments are read as execution reads them, so a bad one fails here with execution's error;
    // letting the rest of the operation run unmeasured would be a way around the limit.
    if (error instanceof GraphQLError) return error;
    throw error;
  }
}

export function costLimitExceeded(cost: number, limit: number): GraphQLError {
  return new GraphQLError(
    `This request would cost ${cost}; the limit is ${limit}. Ask for smaller pages (first/last), fewer nested lists or fields, or split it into several requests.`,
    { extensions: { code: 'COST_LIMIT_EXCEEDED', cost, limit } },
  );
}

/**
 * Document texts executed through yoga, kept for the HTTP layer's check: bounded in number like the
 * compiler's, and in characters, since yoga takes documents far longer than the fast path does.
 */
const MAX_KNOWN_DOCUMENTS = 1_000;
const MAX_KNOWN_CHARACTERS = 1_000_000;
/** The costs counted for the fast path, keyed by document, operation and declared variables. */
const COSTS_BYTES = 4 * 1024 * 1024;

export type CostLimit = {
  /** Goes into yoga's plugins after the page-size limit and before compiled reads. */
  plugin: Plugin;
  /** Wraps a fast answer (compiled reads at the HTTP layer) so it only answers within the limit. */
  costCheckedAnswer<Read extends (body: string, ...rest: never[]) => Promise<unknown>>(
    read: Read,
  ): Read;
};

export function createCostLimit(schema: GraphQLSchema, limit: number): CostLimit {
  const known = new Map<string, DocumentNode>();
  const costs = textKeyedCache<{ cost: number | GraphQLError | undefined }>({
    maxBytes: COSTS_BYTES,
  });
  let knownCharacters = 0;

  const plugin: Plugin = {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = operationCost(
        args.schema,
        args.document,
        args.operationName,
        args.variableValues as Record<string, unknown> | null | undefined,
        args.contextValue as object,
      );
      if (cost instanceof GraphQLError) return setResultAndStopExecution({ errors: [cost] });
      if (cost !== undefined && cost > limit)
        return setResultAndStopExecution({ errors: [costLimitExceeded(cost, limit)] });
      const query = (args.contextValue as { params?: { query?: unknown } }).params?.query;
      if (typeof query === 'string' && !known.has(query)) {
        if (
          known.size >= MAX_KNOWN_DOCUMENTS ||
          knownCharacters + query.length > MAX_KNOWN_CHARACTERS
        ) {
          known.clear();
          knownCharacters = 0;
        }
        known.set(query, args.document);
        knownCharacters += query.length;
      }
    },
  };

  // The fast path answers documents yoga has validated once, with whatever variables come next, so
  // the cost (which depends on them) is counted again here. Anything unsure goes to yoga, which
  // reports the limit.
  const costCheckedAnswer = <Read extends (body: string, ...rest: never[]) => Promise<unknown>>(
    read: Read,
  ): Read =>
    (async (body: string, ...rest: never[]) => {
      const params = readParams(body);
      const query = params?.query;
      const document = typeof query === 'string' ? known.get(query) : undefined;
      if (!params || !document || variablesProblem('variables', params.variables)) return undefined;
      const operationName = params.operationName as string | null | undefined;
      const variables = params.variables as Record<string, unknown> | null | undefined;
      // A popular page is asked for again and again with the same variables: count it once.
      const key = `${operationName ?? ''}\n${JSON.stringify(declaredVariables(document, operationName, variables))}\n${query}`;
      const cost = memo(costs, key, () => ({
        cost: operationCost(schema, document, operationName, variables, {}),
      })).cost;
      if (typeof cost !== 'number' || cost > limit) return undefined;
      return read(body, ...rest);
    }) as Read;

  return { plugin, costCheckedAnswer };
}
