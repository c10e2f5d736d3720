// Newsgraph's typed client for frontends: documents, the `graphql` tag and `request`.
export * from './documents.js';
export { graphql, type ResultOf, type VariablesOf } from './graphql.js';
export { operationHash } from './hash.js';
export { NewsgraphRequestError, type RequestOptions, request } from './request.js';
