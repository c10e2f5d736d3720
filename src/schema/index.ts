// Assembles the GraphQL schema: each import registers one domain's types and root fields.
import { builder } from '../builder.js';
import './scalars.js';
import './article.js';
import './person.js';
import './mention.js';
import './quote.js';
import './teaser.js';
import './ingest.js';
import './identity.js';
import './quote-mutations.js';
import './person-mutations.js';
import './revision.js';
import './article-mutations.js';

builder.queryType({
  description: 'Read Newsgraph: articles, people, quotes and teasers, and how they relate.',
});

export const schema = builder.toSchema({ sortSchema: true });
