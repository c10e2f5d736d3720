// Example operations shown as GraphiQL tabs, built from the typed client's documents so the two
// never drift apart. The first tab runs unedited on a freshly seeded database.
import { print } from 'graphql';
import {
  ArticleListQuery,
  ArticlePageQuery,
  ContractQuery,
  PersonPageQuery,
  QuoteWalkQuery,
} from './client/documents.js';

const seededArticle =
  'russia-hacked-election-probe-update-kremlin-denies-interfering-in-us-elections';

export const contractQuery = print(ContractQuery);

export const graphiqlTabs: { query: string; variables?: string }[] = [
  {
    query: `# Newsgraph: articles, the people in them, and what they said. Press ▶ to run.\n${contractQuery}`,
  },
  { query: print(ArticlePageQuery), variables: JSON.stringify({ slug: seededArticle }, null, 2) },
  {
    query: print(PersonPageQuery),
    variables: JSON.stringify({ slug: 'dmitry-peskov', quotesFirst: 2 }, null, 2),
  },
  {
    query: print(ArticleListQuery),
    variables: JSON.stringify(
      {
        first: 5,
        filter: { mentions: { slug: 'dmitry-peskov' } },
        orderBy: { field: 'PUBLISHED_AT', direction: 'DESC' },
      },
      null,
      2,
    ),
  },
  { query: print(QuoteWalkQuery), variables: JSON.stringify({ first: 2, after: null }, null, 2) },
];
