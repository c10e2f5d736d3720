// The three benchmark scenarios: the GraphQL documents Newsgraph answers, and the request bodies
// the load generator sends. The baseline server recognises a scenario by its operation name and must
// answer with exactly the JSON Newsgraph returns.

export type ScenarioName = 'list' | 'person' | 'article';

export const scenarioNames: ScenarioName[] = ['list', 'person', 'article'];

/** Article list: newest articles, each with byline, lead image, first 5 quotes and teasers. */
export const listQuery = /* GraphQL */ `query BenchList($first: Int!) {
  articles(first: $first) {
    edges {
      node {
        id
        slug
        headline
        publishedAt
        leadImage { title caption credit agency photographer { id slug name } }
        authors { id slug name }
        quotes(first: 5) { id text speaker { id slug name } }
        teasers { id position kicker title summary isTruncated url target { id slug headline } }
      }
    }
  }
}`;

/** Person page: the person, 20 quotes with their articles, authored articles, and co-speakers. */
export const personQuery = /* GraphQL */ `query BenchPerson($slug: String!) {
  person(slug: $slug) {
    id
    slug
    name
    description
    aliases
    quotes(first: 20) {
      totalCount
      edges { node { id text isPartial article { id slug headline publishedAt } } }
    }
    articles(first: 20) {
      totalCount
      edges { node { id slug headline publishedAt } }
    }
    quotedAlongside { count person { id slug name } }
  }
}`;

/** Article page by slug: everything on the page. */
export const articleQuery = /* GraphQL */ `query BenchArticle($slug: String!) {
  article(slug: $slug) {
    id
    slug
    headline
    status
    publishedAt
    sourceUrl
    paragraphs
    leadImage { title caption credit agency photographer { id slug name } }
    authors { id slug name }
    mentions { roleAsWritten firstParagraph person { id slug name } }
    quotes { id text isPartial speakerRoleAsWritten attribution speaker { id slug name } }
    teasers { id position kicker title summary isTruncated url target { id slug headline publishedAt } }
    teasedBy { id article { id slug headline } }
  }
}`;

export const operationNames: Record<ScenarioName, string> = {
  list: 'BenchList',
  person: 'BenchPerson',
  article: 'BenchArticle',
};

const queries: Record<ScenarioName, string> = {
  list: listQuery,
  person: personQuery,
  article: articleQuery,
};

/** The JSON body of one POST /graphql request for a scenario. */
export function requestBody(scenario: ScenarioName, variables: Record<string, unknown>): string {
  return JSON.stringify({
    query: queries[scenario],
    operationName: operationNames[scenario],
    variables,
  });
}
