/* eslint-disable */
/* prettier-ignore */

export type introspection_types = {
  Article: {
    kind: 'OBJECT';
    name: 'Article';
    fields: {
      authors: {
        name: 'authors';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'Person'; ofType: null };
            };
          };
        };
      };
      createdAt: {
        name: 'createdAt';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null };
        };
      };
      headline: {
        name: 'headline';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'String'; ofType: null };
        };
      };
      id: {
        name: 'id';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null };
        };
      };
      leadImage: { name: 'leadImage'; type: { kind: 'OBJECT'; name: 'LeadImage'; ofType: null } };
      mentions: {
        name: 'mentions';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'Mention'; ofType: null };
            };
          };
        };
      };
      paragraphs: {
        name: 'paragraphs';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'SCALAR'; name: 'String'; ofType: null };
            };
          };
        };
      };
      publishedAt: {
        name: 'publishedAt';
        type: { kind: 'SCALAR'; name: 'DateTime'; ofType: null };
      };
      quotes: {
        name: 'quotes';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'Quote'; ofType: null };
            };
          };
        };
      };
      slug: {
        name: 'slug';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'String'; ofType: null };
        };
      };
      sourceUrl: { name: 'sourceUrl'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      status: {
        name: 'status';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'ENUM'; name: 'ArticleStatus'; ofType: null };
        };
      };
      teasedBy: {
        name: 'teasedBy';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'Teaser'; ofType: null };
            };
          };
        };
      };
      teasers: {
        name: 'teasers';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'Teaser'; ofType: null };
            };
          };
        };
      };
      updatedAt: {
        name: 'updatedAt';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null };
        };
      };
    };
  };
  ArticleConnection: {
    kind: 'OBJECT';
    name: 'ArticleConnection';
    fields: {
      edges: {
        name: 'edges';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'ArticleEdge'; ofType: null };
            };
          };
        };
      };
      pageInfo: {
        name: 'pageInfo';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'PageInfo'; ofType: null };
        };
      };
      totalCount: {
        name: 'totalCount';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null };
        };
      };
    };
  };
  ArticleEdge: {
    kind: 'OBJECT';
    name: 'ArticleEdge';
    fields: {
      cursor: {
        name: 'cursor';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'String'; ofType: null };
        };
      };
      node: {
        name: 'node';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'Article'; ofType: null };
        };
      };
    };
  };
  ArticleFilter: {
    kind: 'INPUT_OBJECT';
    name: 'ArticleFilter';
    isOneOf: false;
    inputFields: [
      {
        name: 'author';
        type: { kind: 'INPUT_OBJECT'; name: 'PersonRef'; ofType: null };
        defaultValue: null;
      },
      {
        name: 'headlineContains';
        type: { kind: 'SCALAR'; name: 'String'; ofType: null };
        defaultValue: null;
      },
      {
        name: 'mentions';
        type: { kind: 'INPUT_OBJECT'; name: 'PersonRef'; ofType: null };
        defaultValue: null;
      },
      {
        name: 'publishedFrom';
        type: { kind: 'SCALAR'; name: 'DateTime'; ofType: null };
        defaultValue: null;
      },
      {
        name: 'publishedTo';
        type: { kind: 'SCALAR'; name: 'DateTime'; ofType: null };
        defaultValue: null;
      },
      {
        name: 'quotes';
        type: { kind: 'INPUT_OBJECT'; name: 'PersonRef'; ofType: null };
        defaultValue: null;
      },
      {
        name: 'status';
        type: { kind: 'ENUM'; name: 'ArticleStatus'; ofType: null };
        defaultValue: null;
      },
    ];
  };
  ArticleOrder: {
    kind: 'INPUT_OBJECT';
    name: 'ArticleOrder';
    isOneOf: false;
    inputFields: [
      {
        name: 'direction';
        type: { kind: 'ENUM'; name: 'OrderDirection'; ofType: null };
        defaultValue: 'DESC';
      },
      {
        name: 'field';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'ENUM'; name: 'ArticleOrderField'; ofType: null };
        };
        defaultValue: null;
      },
    ];
  };
  ArticleOrderField: {
    name: 'ArticleOrderField';
    enumValues: 'CREATED_AT' | 'HEADLINE' | 'PUBLISHED_AT';
  };
  ArticleRef: {
    kind: 'INPUT_OBJECT';
    name: 'ArticleRef';
    isOneOf: false;
    inputFields: [
      { name: 'id'; type: { kind: 'SCALAR'; name: 'ID'; ofType: null }; defaultValue: null },
      { name: 'slug'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
    ];
  };
  ArticleStatus: {
    name: 'ArticleStatus';
    enumValues: 'ARCHIVED' | 'DRAFT' | 'PUBLISHED' | 'SCHEDULED';
  };
  Boolean: unknown;
  DateTime: unknown;
  ID: unknown;
  Int: unknown;
  LeadImage: {
    kind: 'OBJECT';
    name: 'LeadImage';
    fields: {
      agency: { name: 'agency'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      caption: { name: 'caption'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      credit: { name: 'credit'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      photographer: {
        name: 'photographer';
        type: { kind: 'OBJECT'; name: 'Person'; ofType: null };
      };
      title: { name: 'title'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
    };
  };
  Mention: {
    kind: 'OBJECT';
    name: 'Mention';
    fields: {
      article: {
        name: 'article';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'Article'; ofType: null };
        };
      };
      firstParagraph: {
        name: 'firstParagraph';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null };
        };
      };
      person: {
        name: 'person';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'Person'; ofType: null };
        };
      };
      roleAsWritten: {
        name: 'roleAsWritten';
        type: { kind: 'SCALAR'; name: 'String'; ofType: null };
      };
    };
  };
  Node: {
    kind: 'INTERFACE';
    name: 'Node';
    fields: {
      id: {
        name: 'id';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null };
        };
      };
    };
    possibleTypes: 'Article' | 'Person' | 'Quote' | 'Teaser';
  };
  OrderDirection: { name: 'OrderDirection'; enumValues: 'ASC' | 'DESC' };
  PageInfo: {
    kind: 'OBJECT';
    name: 'PageInfo';
    fields: {
      endCursor: { name: 'endCursor'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      hasNextPage: {
        name: 'hasNextPage';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null };
        };
      };
      hasPreviousPage: {
        name: 'hasPreviousPage';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null };
        };
      };
      startCursor: { name: 'startCursor'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
    };
  };
  Person: {
    kind: 'OBJECT';
    name: 'Person';
    fields: {
      aliases: {
        name: 'aliases';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'SCALAR'; name: 'String'; ofType: null };
            };
          };
        };
      };
      articles: {
        name: 'articles';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'PersonArticlesConnection'; ofType: null };
        };
      };
      description: { name: 'description'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      id: {
        name: 'id';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null };
        };
      };
      mentionedIn: {
        name: 'mentionedIn';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'PersonMentionsConnection'; ofType: null };
        };
      };
      name: {
        name: 'name';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'String'; ofType: null };
        };
      };
      quotedAlongside: {
        name: 'quotedAlongside';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'QuotedAlongside'; ofType: null };
            };
          };
        };
      };
      quotes: {
        name: 'quotes';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'PersonQuotesConnection'; ofType: null };
        };
      };
      slug: {
        name: 'slug';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'String'; ofType: null };
        };
      };
    };
  };
  PersonArticlesConnection: {
    kind: 'OBJECT';
    name: 'PersonArticlesConnection';
    fields: {
      edges: {
        name: 'edges';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'PersonArticlesEdge'; ofType: null };
            };
          };
        };
      };
      pageInfo: {
        name: 'pageInfo';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'PageInfo'; ofType: null };
        };
      };
      totalCount: {
        name: 'totalCount';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null };
        };
      };
    };
  };
  PersonArticlesEdge: {
    kind: 'OBJECT';
    name: 'PersonArticlesEdge';
    fields: {
      cursor: {
        name: 'cursor';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'String'; ofType: null };
        };
      };
      node: {
        name: 'node';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'Article'; ofType: null };
        };
      };
    };
  };
  PersonConnection: {
    kind: 'OBJECT';
    name: 'PersonConnection';
    fields: {
      edges: {
        name: 'edges';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'PersonEdge'; ofType: null };
            };
          };
        };
      };
      pageInfo: {
        name: 'pageInfo';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'PageInfo'; ofType: null };
        };
      };
      totalCount: {
        name: 'totalCount';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null };
        };
      };
    };
  };
  PersonEdge: {
    kind: 'OBJECT';
    name: 'PersonEdge';
    fields: {
      cursor: {
        name: 'cursor';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'String'; ofType: null };
        };
      };
      node: {
        name: 'node';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'Person'; ofType: null };
        };
      };
    };
  };
  PersonFilter: {
    kind: 'INPUT_OBJECT';
    name: 'PersonFilter';
    isOneOf: false;
    inputFields: [
      {
        name: 'nameContains';
        type: { kind: 'SCALAR'; name: 'String'; ofType: null };
        defaultValue: null;
      },
    ];
  };
  PersonMentionsConnection: {
    kind: 'OBJECT';
    name: 'PersonMentionsConnection';
    fields: {
      edges: {
        name: 'edges';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'PersonMentionsEdge'; ofType: null };
            };
          };
        };
      };
      pageInfo: {
        name: 'pageInfo';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'PageInfo'; ofType: null };
        };
      };
      totalCount: {
        name: 'totalCount';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null };
        };
      };
    };
  };
  PersonMentionsEdge: {
    kind: 'OBJECT';
    name: 'PersonMentionsEdge';
    fields: {
      cursor: {
        name: 'cursor';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'String'; ofType: null };
        };
      };
      firstParagraph: {
        name: 'firstParagraph';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null };
        };
      };
      node: {
        name: 'node';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'Article'; ofType: null };
        };
      };
      roleAsWritten: {
        name: 'roleAsWritten';
        type: { kind: 'SCALAR'; name: 'String'; ofType: null };
      };
    };
  };
  PersonOrder: {
    kind: 'INPUT_OBJECT';
    name: 'PersonOrder';
    isOneOf: false;
    inputFields: [
      {
        name: 'direction';
        type: { kind: 'ENUM'; name: 'OrderDirection'; ofType: null };
        defaultValue: 'ASC';
      },
      {
        name: 'field';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'ENUM'; name: 'PersonOrderField'; ofType: null };
        };
        defaultValue: null;
      },
    ];
  };
  PersonOrderField: { name: 'PersonOrderField'; enumValues: 'CREATED_AT' | 'NAME' };
  PersonQuotesConnection: {
    kind: 'OBJECT';
    name: 'PersonQuotesConnection';
    fields: {
      edges: {
        name: 'edges';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'PersonQuotesConnectionEdge'; ofType: null };
            };
          };
        };
      };
      pageInfo: {
        name: 'pageInfo';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'PageInfo'; ofType: null };
        };
      };
      totalCount: {
        name: 'totalCount';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null };
        };
      };
    };
  };
  PersonQuotesConnectionEdge: {
    kind: 'OBJECT';
    name: 'PersonQuotesConnectionEdge';
    fields: {
      cursor: {
        name: 'cursor';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'String'; ofType: null };
        };
      };
      node: {
        name: 'node';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'Quote'; ofType: null };
        };
      };
    };
  };
  PersonRef: {
    kind: 'INPUT_OBJECT';
    name: 'PersonRef';
    isOneOf: false;
    inputFields: [
      { name: 'id'; type: { kind: 'SCALAR'; name: 'ID'; ofType: null }; defaultValue: null },
      { name: 'slug'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
    ];
  };
  Query: {
    kind: 'OBJECT';
    name: 'Query';
    fields: {
      article: { name: 'article'; type: { kind: 'OBJECT'; name: 'Article'; ofType: null } };
      articles: {
        name: 'articles';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'ArticleConnection'; ofType: null };
        };
      };
      node: { name: 'node'; type: { kind: 'INTERFACE'; name: 'Node'; ofType: null } };
      nodes: {
        name: 'nodes';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: { kind: 'INTERFACE'; name: 'Node'; ofType: null };
          };
        };
      };
      people: {
        name: 'people';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'PersonConnection'; ofType: null };
        };
      };
      person: { name: 'person'; type: { kind: 'OBJECT'; name: 'Person'; ofType: null } };
      quote: { name: 'quote'; type: { kind: 'OBJECT'; name: 'Quote'; ofType: null } };
      quotes: {
        name: 'quotes';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'QuoteConnection'; ofType: null };
        };
      };
      teaser: { name: 'teaser'; type: { kind: 'OBJECT'; name: 'Teaser'; ofType: null } };
      teasers: {
        name: 'teasers';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'TeaserConnection'; ofType: null };
        };
      };
    };
  };
  Quote: {
    kind: 'OBJECT';
    name: 'Quote';
    fields: {
      article: {
        name: 'article';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'Article'; ofType: null };
        };
      };
      attribution: { name: 'attribution'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      id: {
        name: 'id';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null };
        };
      };
      isPartial: {
        name: 'isPartial';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null };
        };
      };
      paragraph: {
        name: 'paragraph';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null };
        };
      };
      speaker: { name: 'speaker'; type: { kind: 'OBJECT'; name: 'Person'; ofType: null } };
      speakerRoleAsWritten: {
        name: 'speakerRoleAsWritten';
        type: { kind: 'SCALAR'; name: 'String'; ofType: null };
      };
      text: {
        name: 'text';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'String'; ofType: null };
        };
      };
    };
  };
  QuoteConnection: {
    kind: 'OBJECT';
    name: 'QuoteConnection';
    fields: {
      edges: {
        name: 'edges';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'QuoteEdge'; ofType: null };
            };
          };
        };
      };
      pageInfo: {
        name: 'pageInfo';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'PageInfo'; ofType: null };
        };
      };
      totalCount: {
        name: 'totalCount';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null };
        };
      };
    };
  };
  QuoteEdge: {
    kind: 'OBJECT';
    name: 'QuoteEdge';
    fields: {
      cursor: {
        name: 'cursor';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'String'; ofType: null };
        };
      };
      node: {
        name: 'node';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'Quote'; ofType: null };
        };
      };
    };
  };
  QuoteFilter: {
    kind: 'INPUT_OBJECT';
    name: 'QuoteFilter';
    isOneOf: false;
    inputFields: [
      {
        name: 'article';
        type: { kind: 'INPUT_OBJECT'; name: 'ArticleRef'; ofType: null };
        defaultValue: null;
      },
      {
        name: 'attributed';
        type: { kind: 'SCALAR'; name: 'Boolean'; ofType: null };
        defaultValue: null;
      },
      {
        name: 'isPartial';
        type: { kind: 'SCALAR'; name: 'Boolean'; ofType: null };
        defaultValue: null;
      },
      {
        name: 'speaker';
        type: { kind: 'INPUT_OBJECT'; name: 'PersonRef'; ofType: null };
        defaultValue: null;
      },
      {
        name: 'textContains';
        type: { kind: 'SCALAR'; name: 'String'; ofType: null };
        defaultValue: null;
      },
    ];
  };
  QuotedAlongside: {
    kind: 'OBJECT';
    name: 'QuotedAlongside';
    fields: {
      count: {
        name: 'count';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null };
        };
      };
      person: {
        name: 'person';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'Person'; ofType: null };
        };
      };
    };
  };
  String: unknown;
  Teaser: {
    kind: 'OBJECT';
    name: 'Teaser';
    fields: {
      article: {
        name: 'article';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'Article'; ofType: null };
        };
      };
      id: {
        name: 'id';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null };
        };
      };
      isTruncated: {
        name: 'isTruncated';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null };
        };
      };
      kicker: { name: 'kicker'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      position: {
        name: 'position';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null };
        };
      };
      summary: {
        name: 'summary';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'String'; ofType: null };
        };
      };
      target: { name: 'target'; type: { kind: 'OBJECT'; name: 'Article'; ofType: null } };
      title: {
        name: 'title';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'String'; ofType: null };
        };
      };
      url: { name: 'url'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
    };
  };
  TeaserConnection: {
    kind: 'OBJECT';
    name: 'TeaserConnection';
    fields: {
      edges: {
        name: 'edges';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'TeaserEdge'; ofType: null };
            };
          };
        };
      };
      pageInfo: {
        name: 'pageInfo';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'PageInfo'; ofType: null };
        };
      };
      totalCount: {
        name: 'totalCount';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null };
        };
      };
    };
  };
  TeaserEdge: {
    kind: 'OBJECT';
    name: 'TeaserEdge';
    fields: {
      cursor: {
        name: 'cursor';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'SCALAR'; name: 'String'; ofType: null };
        };
      };
      node: {
        name: 'node';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'Teaser'; ofType: null };
        };
      };
    };
  };
  TeaserFilter: {
    kind: 'INPUT_OBJECT';
    name: 'TeaserFilter';
    isOneOf: false;
    inputFields: [
      {
        name: 'article';
        type: { kind: 'INPUT_OBJECT'; name: 'ArticleRef'; ofType: null };
        defaultValue: null;
      },
      {
        name: 'hasTarget';
        type: { kind: 'SCALAR'; name: 'Boolean'; ofType: null };
        defaultValue: null;
      },
      {
        name: 'target';
        type: { kind: 'INPUT_OBJECT'; name: 'ArticleRef'; ofType: null };
        defaultValue: null;
      },
      {
        name: 'titleContains';
        type: { kind: 'SCALAR'; name: 'String'; ofType: null };
        defaultValue: null;
      },
    ];
  };
};

/** An IntrospectionQuery representation of your schema.
 *
 * @remarks
 * This is an introspection of your schema saved as a file by GraphQLSP.
 * It will automatically be used by `gql.tada` to infer the types of your GraphQL documents.
 * If you need to reuse this data or update your `scalars`, update `tadaOutputLocation` to
 * instead save to a .ts instead of a .d.ts file.
 */
export type introspection = {
  name: never;
  query: 'Query';
  mutation: never;
  subscription: never;
  types: introspection_types;
};

import * as gqlTada from 'gql.tada';

declare module 'gql.tada' {
  interface setupSchema {
    introspection: introspection;
  }
}
