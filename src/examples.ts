// Example operations shown in GraphiQL. The default must run unedited on a freshly seeded database.
export const contractQuery = /* GraphQL */ `# Newsgraph: articles, the people in them, and what they said.
# Press ▶ to run. Open the Docs pane for every type and field.
query Contract {
  articles(first: 10) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id slug headline publishedAt paragraphs
      authors { id slug name }
      leadImage { title caption credit agency photographer { name } }
      quotes { id text isPartial speaker { slug name } }
      teasers { kicker title summary isTruncated target { slug } }
      mentions { person { slug name } roleAsWritten }
    } }
  }
  person(slug: "dmitry-peskov") {
    name
    quotes(first: 10) { totalCount edges { node { text article { slug headline } } } }
    quotedAlongside { person { slug } count }
  }
}
`;
