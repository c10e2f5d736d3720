// PersonRef and ArticleRef are @oneOf input objects: exactly one of `id` or `slug`, enforced by
// graphql itself, with a coded error for both, neither or a null member.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { print } from 'graphql';
import { beforeEach, describe, expect, it } from 'vitest';
import { graphql } from '../src/client/graphql.js';
import { projectRoot } from '../src/env.js';
import { encodeGlobalID } from '../src/global-id.js';
import { clearDatabase } from './support/db.js';
import { makeArticle, makePerson } from './support/factories.js';
import { gql, gqlError } from './support/http.js';

beforeEach(clearDatabase);

const byAuthor = graphql(
  `query($r: PersonRef) { articles(filter: { author: $r }) { edges { node { slug } } } }`,
);
const quotesIn = graphql(
  `query($r: ArticleRef) { quotes(filter: { article: $r }) { edges { node { text } } } }`,
);

async function story() {
  const author = await makePerson({ slug: 'jane-doe', name: 'Jane Doe' });
  const speaker = await makePerson();
  const article = await makeArticle({
    slug: 'the-story',
    authors: [author],
    quotes: [{ text: 'We said it.', speaker }],
  });
  await makeArticle({ slug: 'another-story', quotes: [{ text: 'Not this one.', speaker }] });
  return { author, article };
}

describe('PersonRef and ArticleRef', () => {
  it('are @oneOf in the committed SDL and in introspection', async () => {
    const sdl = readFileSync(path.join(projectRoot, 'src/schema.graphql'), 'utf8');
    expect(sdl).toContain('input PersonRef @oneOf {');
    expect(sdl).toContain('input ArticleRef @oneOf {');
    const data = await gql(
      graphql(
        `{ person: __type(name: "PersonRef") { isOneOf } article: __type(name: "ArticleRef") { isOneOf } }`,
      ),
    );
    expect(data).toEqual({ person: { isOneOf: true }, article: { isOneOf: true } });
  });

  it('find the row named by exactly one of id or slug', async () => {
    const { author, article } = await story();
    const expected = { articles: { edges: [{ node: { slug: 'the-story' } }] } };
    expect(await gql(byAuthor, { variables: { r: { slug: 'jane-doe' } } })).toEqual(expected);
    expect(
      await gql(byAuthor, { variables: { r: { id: encodeGlobalID('Person', author.id) } } }),
    ).toEqual(expected);
    expect(
      await gql(
        graphql(
          `{ articles(filter: { author: { slug: "jane-doe" } }) { edges { node { slug } } } }`,
        ),
      ),
    ).toEqual(expected);
    const quotes = { quotes: { edges: [{ node: { text: 'We said it.' } }] } };
    expect(await gql(quotesIn, { variables: { r: { slug: 'the-story' } } })).toEqual(quotes);
    expect(
      await gql(quotesIn, { variables: { r: { id: encodeGlobalID('Article', article.id) } } }),
    ).toEqual(quotes);
  });

  it.each([
    ['neither', `{ articles(filter: { author: {} }) { totalCount } }`, 'PersonRef'],
    [
      'both',
      `{ articles(filter: { mentions: { id: "${encodeGlobalID('Person', 1)}", slug: "x" } }) { totalCount } }`,
      'PersonRef',
    ],
    ['neither', `{ quotes(filter: { article: {} }) { totalCount } }`, 'ArticleRef'],
    [
      'both',
      `{ teasers(filter: { target: { id: "${encodeGlobalID('Article', 1)}", slug: "x" } }) { totalCount } }`,
      'ArticleRef',
    ],
  ])('reject %s in the document at validation (%s)', async (_label, query, type) => {
    const error = await gqlError('GRAPHQL_VALIDATION_FAILED', query);
    expect(error.status).toBe(400);
    expect(error.message).toBe(`OneOf Input Object "${type}" must specify exactly one key.`);
  });

  it('rejects a null member written in the document', async () => {
    const error = await gqlError(
      'GRAPHQL_VALIDATION_FAILED',
      `{ articles(filter: { author: { slug: null } }) { totalCount } }`,
    );
    expect(error.message).toBe('Field "PersonRef.slug" must be non-null.');
  });

  it.each([
    ['neither', byAuthor, {}, 'PersonRef'],
    ['both', byAuthor, { id: encodeGlobalID('Person', 1), slug: 'jane-doe' }, 'PersonRef'],
    ['neither', quotesIn, {}, 'ArticleRef'],
    ['both', quotesIn, { id: encodeGlobalID('Article', 1), slug: 'the-story' }, 'ArticleRef'],
    ['a null id beside a slug', byAuthor, { id: null, slug: 'jane-doe' }, 'PersonRef'],
  ])('reject %s in variables with BAD_USER_INPUT', async (_label, query, r, type) => {
    await story();
    // Variables the document's own types would refuse: sent as plain text, as a client could.
    const error = await gqlError('BAD_USER_INPUT', print(query), { variables: { r } });
    expect(error.status).toBe(400);
    expect(error.message).toMatch(
      new RegExp(
        `^Variable "\\$r" got invalid value .*; Exactly one key must be specified for OneOf type "${type}"\\.$`,
      ),
    );
  });

  it('still names a wrong-type id with BAD_USER_INPUT', async () => {
    const person = await makePerson();
    const error = await gqlError('BAD_USER_INPUT', quotesIn, {
      variables: { r: { id: encodeGlobalID('Person', person.id) } },
    });
    expect(error.message).toMatch(/belongs to a Person, not a Article/);
  });
});
