// Keeps the schema private (production's default, see INTROSPECTION in env.ts): introspection is
// refused at validation, and no error message suggests a field, argument, type or enum value.
// graphql-armor's block-field-suggestions and yoga's disable-introspection plugin do the same, but
// are not dependencies; a validation rule and a message filter are all they add.
//
// One form stays: `__type(name: …) { name }`, which says only whether a type of that name exists.
// It reads no fields, arguments or members, so the schema cannot be walked from it; GraphQL over
// HTTP conformance checks (graphql-http's audits) use exactly that query to test variables and
// UTF-8, and they must pass in production too.
import { type ASTVisitor, type FieldNode, GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** graphql's NoSchemaIntrospectionCustomRule, less the one harmless form above. */
function noSchemaIntrospection(context: ValidationContext): ASTVisitor {
  return {
    Field(node) {
      const name = node.name.value;
      if (name !== '__schema' && name !== '__type') return;
      if (name === '__type' && asksOnlyForTheName(node)) return;
      context.reportError(
        new GraphQLError(
          `GraphQL introspection has been disabled, but the requested query contained the field "${name}".`,
          { nodes: node },
        ),
      );
    },
  };
}

function asksOnlyForTheName(node: FieldNode): boolean {
  return (node.selectionSet?.selections ?? []).every(
    (selection) =>
      selection.kind === 'Field' &&
      (selection.name.value === 'name' || selection.name.value === '__typename'),
  );
}

/** graphql-js ends a message with its suggestions: ` Did you mean "a", "b", or "c"?`. */
const suggestion = / Did you mean [^?]*\?$/;

export function useSchemaPrivacy(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(noSchemaIntrospection);
    },
    // Suggestions come from validation and from variable coercion; both end up in the result here.
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !result || typeof result !== 'object' || !('errors' in result))
        return;
      const errors = (result as { errors?: readonly GraphQLError[] }).errors;
      if (!errors?.some((error) => suggestion.test(error.message))) return;
      setResult({
        ...(result as object),
        errors: errors.map((error) =>
          suggestion.test(error.message)
            ? new GraphQLError(error.message.replace(suggestion, ''), {
                nodes: error.nodes,
                source: error.source,
                positions: error.positions,
                path: error.path,
                extensions: error.extensions,
              })
            : error,
        ),
      } as typeof result);
    },
  };
}
