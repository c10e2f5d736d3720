// Refuses variables (and extensions) nested too deeply or holding too many values, right after the
// request is parsed and before anything walks them: graphql-js coerces input values recursively, and
// a few plugins serialise them, so a value 10,000 levels deep would overflow the stack there.
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { type VariablesLimits, variablesLimits } from '../limits.js';

export type VariablesProblem = { message: string; limit: number };

/**
 * Why a JSON value is too deep or too large, or null when it is within the limits. Walks with an
 * explicit stack, never recursion, and stops at the first value past either limit, so the cost of
 * refusing a hostile value is bounded by the limits rather than by its size.
 */
export function variablesProblem(
  name: string,
  value: unknown,
  limits: VariablesLimits = variablesLimits,
): VariablesProblem | null {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  let values = 0;
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    values += 1;
    if (values > limits.values)
      return {
        message: `${name} hold more than ${limits.values} values; the limit is ${limits.values}`,
        limit: limits.values,
      };
    const current = entry.value;
    if (typeof current !== 'object' || current === null) continue;
    if (entry.depth > limits.depth)
      return {
        message: `${name} are nested more than ${limits.depth} levels deep; the limit is ${limits.depth}`,
        limit: limits.depth,
      };
    const children = Array.isArray(current) ? current : Object.values(current);
    for (const child of children) stack.push({ value: child, depth: entry.depth + 1 });
  }
  return null;
}

export function useVariablesLimit(limits: VariablesLimits = variablesLimits): Plugin {
  return {
    onParams({ params }) {
      for (const [name, value] of [
        ['variables', params.variables],
        ['extensions', params.extensions],
      ] as const) {
        const problem = variablesProblem(name, value, limits);
        // Thrown, not set as the result, so no later onParams hook sees the value either.
        if (problem)
          throw createGraphQLError(problem.message, {
            extensions: {
              code: 'BAD_USER_INPUT',
              limit: problem.limit,
              http: { status: 400 },
            },
          });
      }
    },
  };
}
