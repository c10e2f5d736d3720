// The typed `graphql` tag for Newsgraph documents, bound to the committed schema (src/schema.graphql).
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

/**
 * How custom scalars look in typed results and variables. The generated graphql-env.d.ts only
 * knows a scalar's name, so without this a `DateTime` field would be typed `unknown`.
 */
export type Scalars = {
  /** An ISO 8601 instant in UTC, as the server sends it: "2016-12-16T09:00:00.000Z". */
  DateTime: string;
  ID: string;
};

// graphql-env.d.ts registers the schema for gql.tada's own `graphql` export too (its `setupSchema`),
// without scalars: a document written with `import { graphql } from 'gql.tada'` would type
// DateTime as `unknown`. Registering the scalars here types both tags the same way.
declare module 'gql.tada' {
  interface setupSchema {
    scalars: Scalars;
  }
}

export const graphql = initGraphQLTada<{ introspection: introspection; scalars: Scalars }>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';
