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
import { graphql } from './client/graphql.js';

const seededArticle =
  'russia-hacked-election-probe-update-kremlin-denies-interfering-in-us-elections';

export const contractQuery = print(ContractQuery);

/**
 * The editors' tab: what the newsroom sees of a story (its version, its quotes with how each was
 * attributed, its history). Editors' fields need credentials, so its headers hold a placeholder
 * to replace with a token (`npm run token -- create`) or EDITOR_TOKEN.
 */
export const EditorArticleExample = graphql(`
  query EditorArticle($slug: String!) {
    viewer {
      name
      role
    }
    article(slug: $slug) {
      id
      status
      version
      quotes {
        id
        text
        method
        confidence
        version
        speaker {
          id
          name
        }
      }
      history(first: 5) {
        totalCount
        edges {
          node {
            action
            actor
            createdAt
            changes {
              field
              before
              after
            }
          }
        }
      }
    }
  }
`);

const reattributeHint = `# For editors: put your token in the Headers pane, then run. To correct a speaker, use a quote's
# and a person's id from the answer:
#   mutation { reattributeQuote(input: { quote: "…", speaker: "…", expectedVersion: 1 }) {
#     speaker { name } method confidence } }
# A re-import keeps the correction; the article's history shows who made it.
`;

export const graphiqlTabs: { query: string; variables?: string; headers?: string }[] = [
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
  {
    query: `${reattributeHint}${print(EditorArticleExample)}`,
    variables: JSON.stringify({ slug: seededArticle }, null, 2),
    headers: JSON.stringify({ Authorization: 'Bearer <your token>' }, null, 2),
  },
];
