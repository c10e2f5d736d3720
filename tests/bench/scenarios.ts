// The benchmark scenarios: the GraphQL documents Newsgraph answers, and the request bodies the load
// generator sends. The baseline server recognises a scenario by its operation name and must answer
// with exactly the JSON Newsgraph returns.

export type ScenarioName =
  | 'list'
  | 'list-page2'
  | 'list-mentions'
  | 'people'
  | 'person'
  | 'person-quotes-page2'
  | 'article'
  | 'quote-search';

/** In table order: each lookup next to the list it pages or filters. */
export const scenarioNames: ScenarioName[] = [
  'list',
  'list-page2',
  'list-mentions',
  'people',
  'person',
  'person-quotes-page2',
  'article',
  'quote-search',
];

/** An article on the front page: byline, lead image, first 5 quotes and teasers. */
const listNodeFields = /* GraphQL */ `
        id
        slug
        headline
        publishedAt
        leadImage { title caption credit agency photographer { id slug name } }
        authors { id slug name }
        quotes(first: 5) { id text speaker { id slug name } }
        teasers { id position kicker title summary isTruncated url target { id slug headline } }`;

/** Article list: the newest articles. */
export const listQuery = /* GraphQL */ `query BenchList($first: Int!) {
  articles(first: $first) {
    edges {
      node {${listNodeFields}
      }
    }
  }
}`;

/** The list's next page: the client passes the last cursor of the page before. */
export const listPage2Query = /* GraphQL */ `query BenchListPage2($first: Int!, $after: String!) {
  articles(first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {${listNodeFields}
      }
    }
  }
}`;

/** The list narrowed to articles that name one person (a person's "in the news" box). */
export const listMentionsQuery = /* GraphQL */ `query BenchListMentions($slug: String!) {
  articles(first: 20, filter: { mentions: { slug: $slug } }) {
    totalCount
    edges {
      node {${listNodeFields}
      }
    }
  }
}`;

/** People index: the first page by name, with how often each is quoted. */
export const peopleQuery = /* GraphQL */ `query BenchPeople($first: Int!) {
  people(first: $first) {
    totalCount
    edges {
      cursor
      node { id slug name quotes { totalCount } }
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

/** A person's quotes, the page after the first twenty. */
export const personQuotesPage2Query = /* GraphQL */ `query BenchPersonQuotesPage2($slug: String!, $after: String!) {
  person(slug: $slug) {
    id
    slug
    name
    quotes(first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node { id text isPartial article { id slug headline publishedAt } }
      }
    }
  }
}`;

/** Quote search: quotes containing a word, newest article first, with who said them and where. */
export const quoteSearchQuery = /* GraphQL */ `query BenchQuoteSearch($text: String!) {
  quotes(first: 20, filter: { textContains: $text }) {
    totalCount
    edges {
      node { id text speaker { id slug name } article { id slug headline } }
    }
  }
}`;

export const operationNames: Record<ScenarioName, string> = {
  list: 'BenchList',
  'list-page2': 'BenchListPage2',
  'list-mentions': 'BenchListMentions',
  people: 'BenchPeople',
  person: 'BenchPerson',
  'person-quotes-page2': 'BenchPersonQuotesPage2',
  article: 'BenchArticle',
  'quote-search': 'BenchQuoteSearch',
};

const queries: Record<ScenarioName, string> = {
  list: listQuery,
  'list-page2': listPage2Query,
  'list-mentions': listMentionsQuery,
  people: peopleQuery,
  person: personQuery,
  'person-quotes-page2': personQuotesPage2Query,
  article: articleQuery,
  'quote-search': quoteSearchQuery,
};

/**
 * Whether a response has what the scenario is meant to measure: a slug or cursor the generator
 * does not know would make it measure a cheap empty answer instead.
 */
export function hasContent(scenario: ScenarioName, data: any): boolean {
  switch (scenario) {
    case 'list':
    case 'list-page2':
    case 'list-mentions':
      return data?.articles?.edges?.length > 0;
    case 'people':
      return data?.people?.edges?.length > 0;
    case 'quote-search':
      return data?.quotes?.edges?.length > 0;
    case 'person-quotes-page2':
      return data?.person?.quotes?.edges?.length > 0;
    case 'person':
    case 'article':
      return Boolean(data?.[scenario]);
  }
}

/** The JSON body of one POST /graphql request for a scenario. */
export function requestBody(scenario: ScenarioName, variables: Record<string, unknown>): string {
  return JSON.stringify({
    query: queries[scenario],
    operationName: operationNames[scenario],
    variables,
  });
}
