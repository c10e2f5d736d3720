// Rejects `first`/`last` above the page-size cap before execution, instead of silently clamping,
// so a client asking for 100000 rows learns the limit, and `first` given with `last`. Variables are
// resolved like any argument.

import {
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  getOperationAST,
  getVariableValues,
  Kind,
  visit,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { badUserInput } from '../errors.js';

export function usePageSizeLimit(max: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      // `first` with `last` names two pages at once; Pothos would quietly answer one of them.
      const both = bothEnds(args);
      if (both) {
        setResultAndStopExecution({
          errors: [
            badUserInput(
              `${both}: give \`first\` (with \`after\`) or \`last\` (with \`before\`), not both`,
              { argumentName: 'last' },
            ),
          ],
        });
        return;
      }
      const tooLarge = oversizedPage(args, max);
      if (tooLarge) {
        setResultAndStopExecution({
          errors: [
            badUserInput(
              tooLarge.value < 0
                ? `${tooLarge.argument}: ${tooLarge.value} must be non-negative (0 to ${max})`
                : `${tooLarge.argument}: ${tooLarge.value} exceeds the page-size limit of ${max}`,
              {
                argumentName: tooLarge.argument,
                limit: max,
              },
            ),
          ],
        });
      }
    },
  };
}

/** The first `first`/`last` argument of an operation outside 0…max, if any. */
export function oversizedPage(
  args: {
    schema: GraphQLSchema;
    document: DocumentNode;
    operationName?: string | null;
    variableValues?: Record<string, unknown> | null;
  },
  max: number,
): { argument: string; value: number } | null {
  const variables = coercedVariables(
    args.schema,
    args.document,
    args.operationName,
    args.variableValues ?? {},
  );
  return findOversizedPage(args.document, variables, max);
}

/** The first field of an operation given both `first` and `last` (non-null), by response key. */
export function bothEnds(args: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: Record<string, unknown> | null;
}): string | null {
  const variables = coercedVariables(
    args.schema,
    args.document,
    args.operationName,
    args.variableValues ?? {},
  );
  const given = (node: FieldNode, name: string) => {
    const value = node.arguments?.find((argument) => argument.name.value === name)?.value;
    if (!value || value.kind === Kind.NULL) return false;
    return value.kind !== Kind.VARIABLE || variables[value.name.value] != null;
  };
  let found: string | null = null;
  visit(args.document, {
    Field(node) {
      if (!found && given(node, 'first') && given(node, 'last'))
        found = node.alias?.value ?? node.name.value;
    },
  });
  return found;
}

/** Variables as execution will see them, defaults included (`$n: Int = 100000`). */
function coercedVariables(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  raw: Record<string, unknown>,
): Record<string, unknown> {
  const operation = getOperationAST(document, operationName);
  if (!operation) return raw;
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], raw);
  return result.coerced ?? raw; // Invalid variables are reported by execution itself.
}

function findOversizedPage(
  document: DocumentNode,
  variables: Record<string, unknown>,
  max: number,
) {
  let found: { argument: string; value: number } | null = null;
  visit(document, {
    Argument(node) {
      if (found || (node.name.value !== 'first' && node.name.value !== 'last')) return;
      const value =
        node.value.kind === Kind.INT
          ? Number(node.value.value)
          : node.value.kind === Kind.VARIABLE
            ? variables[node.value.name.value]
            : null;
      // A negative count would make Prisma take from the end, so it is rejected like an oversized one.
      if (typeof value === 'number' && (value > max || value < 0))
        found = { argument: node.name.value, value };
    },
  });
  return found as { argument: string; value: number } | null;
}
