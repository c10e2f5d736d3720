// Mention: a person named in an article, with the role that article gives them.
import { builder } from '../builder.js';
import { byForeignKey, withVisibleArticle } from '../compiled/field-sql.js';
import { nodeCondition } from '../compiled/node.js';
import { articleVisibility, readTime } from '../rules/visibility.js';
import { nodeWhere } from '../services/node-visibility.js';

// A Node: a mention is one stored row (one per article and person), so caches key it by its ID.
builder.prismaNode('Mention', {
  id: { field: 'id' },
  // node(id) answers null, as for other nodes, for a mention the reader may not see.
  nullable: true,
  findUnique: (id) => ({ id: Number(id) }),
  // Seen only with its article (rules/visibility.ts).
  extensions: {
    ...nodeCondition((row, c) => withVisibleArticle(c, row)),
    ...nodeWhere((reader) => articleVisibility.ofArticlePrisma(reader, readTime(reader))),
  },
  description: 'A person named in an article, with the role the article gives them as written.',
  fields: (t) => ({
    person: t.relation('person', {
      description: 'Who is named.',
      extensions: byForeignKey('Person', 'Person', 'personId'),
    }),
    article: t.relation('article', {
      description: 'Where they are named.',
      extensions: byForeignKey('Article', 'Article', 'articleId'),
    }),
    roleAsWritten: t.exposeString('roleAsWritten', {
      nullable: true,
      description:
        'The role as the article words it, e.g. "Senate Majority leader"; null if none is given.',
    }),
    firstParagraph: t.exposeInt('firstParagraph', {
      description: 'Index into the article’s paragraphs where the person first appears.',
    }),
  }),
});
