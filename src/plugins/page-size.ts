// Rejects `first`/`last` above the page-size cap before execution, instead of silently clamping,
// so a client asking for 100000 rows learns the limit. Variables are resolved like any argument.

import { type DocumentNode, Kind, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { badUserInput } from '../errors.js';

export function pageSizeLimit(max: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const tooLarge = findOversizedPage(args.document, args.variableValues ?? {}, max);
      if (tooLarge) {
        setResultAndStopExecution({
          errors: [
            badUserInput(
              `${tooLarge.argument}: ${tooLarge.value} exceeds the page-size limit of ${max}`,
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
      if (typeof value === 'number' && value > max) found = { argument: node.name.value, value };
    },
  });
  return found as { argument: string; value: number } | null;
}
