// Keeps the schema private (production's default, see INTROSPECTION in env.ts): introspection is
// refused at validation, and no error message suggests a field, argument, type or enum value.
// graphql-armor's block-field-suggestions and yoga's disable-introspection plugin do the same, but
// are not dependencies; graphql's own rule and a message filter are all they add.
import { GraphQLError, NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** graphql-js ends a message with its suggestions: ` Did you mean "a", "b", or "c"?`. */
const suggestion = / Did you mean [^?]*\?$/;

export function useSchemaPrivacy(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
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
