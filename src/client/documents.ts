// Typed documents for the common screens. Each is checked against the schema by `npm run typecheck`,
// and each becomes a persisted operation (`npm run persisted`).
import { graphql } from './graphql.js';

/**
 * The query a first frontend was written against; it must keep working verbatim. The shipped copy
 * also selects every `id` and the same `pageInfo` as PersonPage's page of quotes, so a normalised
 * cache holding both keys every object and never drops a field the other wrote.
 */
export const ContractQuery = graphql(`
  query Contract {
    articles(first: 10) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node {
        id slug headline publishedAt paragraphs
        authors { id slug name }
        leadImage { id title caption credit agency photographer { id name } }
        quotes { id text isPartial speaker { id slug name } }
        teasers { id kicker title summary isTruncated target { id slug } }
        mentions { id person { id slug name } roleAsWritten }
      } }
    }
    person(slug: "dmitry-peskov") {
      id name
      quotes(first: 10) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id text article { id slug headline } } }
      }
      quotedAlongside { id person { id slug } count }
    }
  }
`);

/** An article page: byline, lead image, quotes with speakers, people, and teasers with their targets. */
export const ArticlePageQuery = graphql(`
  query ArticlePage($slug: String!) {
    article(slug: $slug) {
      id slug headline publishedAt paragraphs
      authors { id slug name }
      leadImage { id title caption credit agency photographer { id slug name } }
      quotes { id text isPartial paragraph attribution speaker { id slug name } }
      mentions { id roleAsWritten firstParagraph person { id slug name } }
      teasers { id kicker title summary isTruncated target { id slug headline } }
    }
  }
`);

/** A person page: a page of their quotes, what they wrote, and who is quoted alongside them. */
export const PersonPageQuery = graphql(`
  query PersonPage($slug: String!, $quotesFirst: Int = 10, $quotesAfter: String) {
    person(slug: $slug) {
      id slug name aliases description
      quotes(first: $quotesFirst, after: $quotesAfter) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id text isPartial article { id slug headline publishedAt } } }
      }
      articles(first: 10) { totalCount edges { node { id slug headline publishedAt } } }
      mentionedIn(first: 10) { totalCount edges { roleAsWritten node { id slug headline } } }
      quotedAlongside { id count person { id slug name } }
    }
  }
`);

/** An article list with filters and ordering, one page at a time. */
export const ArticleListQuery = graphql(`
  query ArticleList($first: Int = 20, $after: String, $filter: ArticleFilter, $orderBy: ArticleOrder) {
    articles(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node {
        id slug headline publishedAt
        authors { id slug name }
        leadImage { id title credit }
      } }
    }
  }
`);

/** Walks every quote a page at a time: pass the last page's endCursor as $after. */
export const QuoteWalkQuery = graphql(`
  query QuoteWalk($first: Int = 2, $after: String) {
    quotes(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id text isPartial speaker { id name } article { id headline } } }
    }
  }
`);

export const documents = {
  Contract: ContractQuery,
  ArticlePage: ArticlePageQuery,
  PersonPage: PersonPageQuery,
  ArticleList: ArticleListQuery,
  QuoteWalk: QuoteWalkQuery,
};
