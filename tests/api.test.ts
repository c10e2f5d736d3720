// Lookups, pagination both ways, every filter, and traversal in both directions.
import { assert, beforeEach, describe, expect, it } from 'vitest';
import { graphql } from '../src/client/graphql.js';
import { encodeGlobalID } from '../src/global-id.js';
import { clearDatabase } from './support/db.js';
import { makeArticle, makePerson } from './support/factories.js';
import { gql } from './support/http.js';

beforeEach(clearDatabase);

type Edges<Node> = { edges: { node: Node }[] };
const headlines = (connection: Edges<{ headline: string }>) =>
  connection.edges.map((edge) => edge.node.headline);

describe('lookups', () => {
  it('finds an article by id or slug, and any node by global id', async () => {
    const author = await makePerson({ slug: 'ann-author', name: 'Ann Author' });
    const article = await makeArticle({
      slug: 'the-story',
      headline: 'The Story',
      authors: [author],
    });
    const id = encodeGlobalID('Article', article.id);

    const bySlug = await gql(graphql(`{ article(slug: "the-story") { id headline } }`));
    expect(bySlug.article).toEqual({ id, headline: 'The Story' });
    const byId = await gql(graphql(`query($id: ID!) { article(id: $id) { slug } }`), {
      variables: { id },
    });
    expect(byId.article?.slug).toBe('the-story');

    const personId = encodeGlobalID('Person', author.id);
    const nodes = await gql(
      graphql(
        `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Article { slug } ... on Person { name } } }`,
      ),
      { variables: { ids: [id, personId, encodeGlobalID('Person', 999999)] } },
    );
    expect(nodes.nodes).toEqual([
      { __typename: 'Article', id, slug: 'the-story' },
      { __typename: 'Person', id: personId, name: 'Ann Author' },
      null,
    ]);
    const node = await gql(
      graphql(`query($id: ID!) { node(id: $id) { ... on Person { slug } } }`),
      {
        variables: { id: personId },
      },
    );
    expect(node.node).toEqual({ slug: 'ann-author' });
  });

  it('finds people, quotes and teasers by id', async () => {
    const speaker = await makePerson({ slug: 'sam-speaker' });
    const article = await makeArticle({
      quotes: [{ text: 'words', speaker }],
      teasers: [{ title: 'Other story' }],
    });
    const quote = await gql(graphql(`{ quotes { edges { node { id } } } }`));
    const quoteId = quote.quotes.edges[0]?.node.id;
    assert.exists(quoteId);
    const found = await gql(
      graphql(`query($id: ID!) { quote(id: $id) { text speaker { slug } article { slug } } }`),
      {
        variables: { id: quoteId },
      },
    );
    expect(found.quote).toEqual({
      text: 'words',
      speaker: { slug: 'sam-speaker' },
      article: { slug: article.slug },
    });
    const teasers = await gql(
      graphql(`{ teasers { edges { node { id title article { slug } } } } }`),
    );
    const teaser = teasers.teasers.edges[0]?.node;
    expect(teaser).toMatchObject({ title: 'Other story', article: { slug: article.slug } });
    assert.exists(teaser);
    const again = await gql(graphql(`query($id: ID!) { teaser(id: $id) { title } }`), {
      variables: { id: teaser.id },
    });
    expect(again.teaser?.title).toBe('Other story');
    const person = await gql(graphql(`{ person(slug: "sam-speaker") { id } }`));
    expect(person.person?.id).toBe(encodeGlobalID('Person', speaker.id));
  });
});

describe('article pagination', () => {
  it('pages forward and backward with stable cursors and a total count', async () => {
    for (let i = 1; i <= 5; i++)
      await makeArticle({ headline: `Story ${i}`, publishedAt: new Date(Date.UTC(2021, 0, i)) });

    const page1 = await gql(
      graphql(
        `{ articles(first: 2) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { headline } } } }`,
      ),
    );
    expect(page1.articles.totalCount).toBe(5);
    expect(headlines(page1.articles)).toEqual(['Story 5', 'Story 4']);
    expect(page1.articles.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    const page2 = await gql(
      graphql(
        `query($after: String) { articles(first: 2, after: $after) { pageInfo { hasNextPage startCursor endCursor } edges { node { headline } } } }`,
      ),
      { variables: { after: page1.articles.pageInfo.endCursor } },
    );
    expect(headlines(page2.articles)).toEqual(['Story 3', 'Story 2']);

    const page3 = await gql(
      graphql(
        `query($after: String) { articles(first: 2, after: $after) { pageInfo { hasNextPage } edges { node { headline } } } }`,
      ),
      { variables: { after: page2.articles.pageInfo.endCursor } },
    );
    expect(headlines(page3.articles)).toEqual(['Story 1']);
    expect(page3.articles.pageInfo.hasNextPage).toBe(false);

    const back = await gql(
      graphql(
        `query($before: String) { articles(last: 2, before: $before) { pageInfo { hasPreviousPage } edges { node { headline } } } }`,
      ),
      { variables: { before: page2.articles.pageInfo.startCursor } },
    );
    expect(headlines(back.articles)).toEqual(['Story 5', 'Story 4']);
    expect(back.articles.pageInfo.hasPreviousPage).toBe(false);

    const last = await gql(graphql(`{ articles(last: 2) { edges { node { headline } } } }`));
    expect(headlines(last.articles)).toEqual(['Story 2', 'Story 1']);
  });

  it('orders by headline or creation, either way, breaking ties by id', async () => {
    await makeArticle({ headline: 'Bravo' });
    await makeArticle({ headline: 'Alpha' });
    await makeArticle({ headline: 'Charlie' });
    const asc = await gql(
      graphql(
        `{ articles(orderBy: { field: HEADLINE, direction: ASC }) { edges { node { headline } } } }`,
      ),
    );
    expect(headlines(asc.articles)).toEqual(['Alpha', 'Bravo', 'Charlie']);
    const desc = await gql(
      graphql(`{ articles(orderBy: { field: HEADLINE }) { edges { node { headline } } } }`),
    );
    expect(headlines(desc.articles)).toEqual(['Charlie', 'Bravo', 'Alpha']);
    const created = await gql(
      graphql(
        `{ articles(orderBy: { field: CREATED_AT, direction: ASC }) { edges { node { headline } } } }`,
      ),
    );
    expect(headlines(created.articles)).toEqual(['Bravo', 'Alpha', 'Charlie']);
  });
});

describe('article filters', () => {
  it('filters by author, mentioned person, quoted person, date range, status and headline', async () => {
    const ann = await makePerson({ slug: 'ann' });
    const bob = await makePerson({ slug: 'bob' });
    await makeArticle({
      headline: 'Jan by Ann',
      authors: [ann],
      publishedAt: new Date('2022-01-15T00:00:00Z'),
    });
    await makeArticle({
      headline: 'Feb by Bob about Ann',
      authors: [bob],
      mentions: [{ person: ann }],
      quotes: [{ text: 'hello', speaker: ann }],
      publishedAt: new Date('2022-02-15T00:00:00Z'),
    });
    await makeArticle({
      headline: 'Mar draft',
      authors: [ann],
      status: 'DRAFT',
      publishedAt: null,
    });

    const byAuthor = await gql(
      graphql(
        `{ articles(filter: { author: { slug: "ann" } }) { totalCount edges { node { headline } } } }`,
      ),
    );
    expect(headlines(byAuthor.articles)).toEqual(['Jan by Ann']);
    expect(byAuthor.articles.totalCount).toBe(1);

    const annId = encodeGlobalID('Person', ann.id);
    const byMention = await gql(
      graphql(
        `query($id: ID!) { articles(filter: { mentions: { id: $id } }) { edges { node { headline } } } }`,
      ),
      {
        variables: { id: annId },
      },
    );
    expect(headlines(byMention.articles)).toEqual(['Feb by Bob about Ann']);

    const byQuote = await gql(
      graphql(`{ articles(filter: { quotes: { slug: "ann" } }) { edges { node { headline } } } }`),
    );
    expect(headlines(byQuote.articles)).toEqual(['Feb by Bob about Ann']);

    const range = await gql(
      graphql(
        `{ articles(filter: { publishedFrom: "2022-02-01T00:00:00Z", publishedTo: "2022-03-01T00:00:00Z" }) { totalCount edges { node { headline } } } }`,
      ),
    );
    expect(headlines(range.articles)).toEqual(['Feb by Bob about Ann']);
    const from = await gql(
      graphql(`{ articles(filter: { publishedFrom: "2022-01-15T00:00:00Z" }) { totalCount } }`),
    );
    expect(from.articles.totalCount).toBe(2);

    const drafts = await gql(
      graphql(
        `{ articles(filter: { status: DRAFT, author: { slug: "ann" } }) { edges { node { headline } } } }`,
      ),
    );
    // Anonymously a status filter narrows what the public may see: no drafts (rules/visibility.ts;
    // editors seeing them is tests/visibility.test.ts).
    expect(headlines(drafts.articles)).toEqual([]);

    const text = await gql(
      graphql(`{ articles(filter: { headlineContains: "BOB" }) { edges { node { headline } } } }`),
    );
    expect(headlines(text.articles)).toEqual(['Feb by Bob about Ann']);
  });
});

describe('people, quotes and teasers', () => {
  it('filters people by a substring of the name or an alias', async () => {
    await makePerson({ slug: 'meg-leung', name: 'Meg Leung', aliases: ['梁麗橋'] });
    await makePerson({ slug: 'james-liu', name: 'James Liu' });
    const byName = await gql(
      graphql(`{ people(filter: { nameContains: "liu" }) { totalCount edges { node { slug } } } }`),
    );
    expect(byName.people).toEqual({ totalCount: 1, edges: [{ node: { slug: 'james-liu' } }] });
    const byAlias = await gql(
      graphql(`{ people(filter: { nameContains: "麗橋" }) { edges { node { slug } } } }`),
    );
    expect(byAlias.people.edges).toEqual([{ node: { slug: 'meg-leung' } }]);
    const ordered = await gql(
      graphql(`{ people(orderBy: { field: NAME, direction: DESC }) { edges { node { name } } } }`),
    );
    expect(ordered.people.edges.map((edge) => edge.node.name)).toEqual(['Meg Leung', 'James Liu']);
  });

  it('filters quotes by speaker, article, text, partiality and attribution', async () => {
    const ann = await makePerson({ slug: 'ann' });
    const bob = await makePerson({ slug: 'bob' });
    await makeArticle({
      slug: 'first',
      quotes: [
        { text: 'We will win', speaker: ann },
        { text: 'nonsense', speaker: bob, isPartial: true },
        { text: 'nobody said this', speaker: null },
      ],
    });
    await makeArticle({ slug: 'second', quotes: [{ text: 'We will see', speaker: ann }] });
    const texts = (data: { quotes: Edges<{ text: string }> }) =>
      data.quotes.edges.map((edge) => edge.node.text);

    expect(
      texts(
        await gql(
          graphql(`{ quotes(filter: { speaker: { slug: "ann" } }) { edges { node { text } } } }`),
        ),
      ),
    ).toEqual(['We will see', 'We will win']);
    expect(
      texts(
        await gql(
          graphql(`{ quotes(filter: { article: { slug: "first" } }) { edges { node { text } } } }`),
        ),
      ),
    ).toEqual(['We will win', 'nonsense', 'nobody said this']);
    const search = await gql(
      graphql(`{ quotes(filter: { textContains: "we will" }) { totalCount } }`),
    );
    expect(search.quotes.totalCount).toBe(2);
    expect(
      texts(
        await gql(graphql(`{ quotes(filter: { isPartial: true }) { edges { node { text } } } }`)),
      ),
    ).toEqual(['nonsense']);
    expect(
      texts(
        await gql(
          graphql(
            `{ quotes(filter: { attributed: false }) { edges { node { text speaker { slug } } } } }`,
          ),
        ),
      ),
    ).toEqual(['nobody said this']);
  });

  it('links teasers to their targets and filters them', async () => {
    const host = await makeArticle({
      slug: 'host',
      teasers: [{ title: 'Teased Story' }, { title: 'Elsewhere' }],
    });
    const target = await makeArticle({ slug: 'teased', headline: 'Teased Story' });
    await makeArticle({ slug: 'other' });
    const { linkTeaserTargets } = await import('../src/services/teaser.js');
    const { db } = await import('./support/db.js');
    await db.$transaction((tx) => linkTeaserTargets(tx, target.id));

    const page = await gql(
      graphql(`{ article(slug: "host") { teasers { title target { slug } } } }`),
    );
    expect(page.article?.teasers).toEqual([
      { title: 'Teased Story', target: { slug: 'teased' } },
      { title: 'Elsewhere', target: null },
    ]);
    const teasedBy = await gql(
      graphql(`{ article(slug: "teased") { teasedBy { title article { slug } } } }`),
    );
    expect(teasedBy.article?.teasedBy).toEqual([
      { title: 'Teased Story', article: { slug: 'host' } },
    ]);
    const filtered = await gql(
      graphql(
        `{ teasers(filter: { hasTarget: false, article: { slug: "host" } }) { totalCount edges { node { title } } } }`,
      ),
    );
    expect(filtered.teasers).toEqual({ totalCount: 1, edges: [{ node: { title: 'Elsewhere' } }] });
    const byTitle = await gql(
      graphql(`{ teasers(filter: { titleContains: "elsew" }) { edges { node { title } } } }`),
    );
    expect(byTitle.teasers.edges).toEqual([{ node: { title: 'Elsewhere' } }]);
    const byTarget = await gql(
      graphql(`{ teasers(filter: { target: { slug: "teased" } }) { edges { node { title } } } }`),
    );
    expect(byTarget.teasers.edges).toHaveLength(1);
    expect(host.id).toBeLessThan(target.id);
  });
});

describe('traversal from a person', () => {
  it('lists authored articles, mentions with roles, quotes and people quoted alongside', async () => {
    const ann = await makePerson({ slug: 'ann', name: 'Ann' });
    const bob = await makePerson({ slug: 'bob', name: 'Bob' });
    const cat = await makePerson({ slug: 'cat', name: 'Cat' });
    await makeArticle({
      headline: 'One',
      authors: [ann, bob],
      mentions: [{ person: cat, roleAsWritten: 'the mayor', firstParagraph: 1 }],
      quotes: [
        { text: 'a', speaker: cat },
        { text: 'b', speaker: bob },
      ],
      publishedAt: new Date('2023-01-01T00:00:00Z'),
    });
    await makeArticle({
      headline: 'Two',
      authors: [ann],
      mentions: [{ person: cat, roleAsWritten: 'the former mayor' }],
      quotes: [
        { text: 'c', speaker: cat },
        { text: 'd', speaker: bob },
        { text: 'e', speaker: ann },
      ],
      publishedAt: new Date('2023-02-01T00:00:00Z'),
    });

    const { person } = await gql(
      graphql(`{ person(slug: "cat") {
      mentionedIn(first: 5) { totalCount edges { roleAsWritten firstParagraph node { headline } } }
      quotes(first: 1) { totalCount pageInfo { hasNextPage } edges { node { text } } }
      quotedAlongside { person { slug } count }
    } }`),
    );
    expect(person?.mentionedIn).toEqual({
      totalCount: 2,
      edges: [
        { roleAsWritten: 'the former mayor', firstParagraph: 0, node: { headline: 'Two' } },
        { roleAsWritten: 'the mayor', firstParagraph: 1, node: { headline: 'One' } },
      ],
    });
    expect(person?.quotes).toEqual({
      totalCount: 2,
      pageInfo: { hasNextPage: true },
      edges: [{ node: { text: 'c' } }],
    });
    expect(person?.quotedAlongside).toEqual([
      { person: { slug: 'bob' }, count: 2 },
      { person: { slug: 'ann' }, count: 1 },
    ]);

    const authored = await gql(
      graphql(
        `{ person(slug: "ann") { articles(first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { node { headline authors { slug } } } } } }`,
      ),
    );
    expect(authored.person?.articles.totalCount).toBe(2);
    expect(authored.person?.articles.edges).toEqual([
      { node: { headline: 'Two', authors: [{ slug: 'ann' }] } },
    ]);
    const more = await gql(
      graphql(
        `query($after: String) { person(slug: "ann") { articles(first: 5, after: $after) { edges { node { headline authors { slug } } } } } }`,
      ),
      {
        variables: { after: authored.person?.articles.pageInfo.endCursor },
      },
    );
    expect(more.person?.articles.edges).toEqual([
      { node: { headline: 'One', authors: [{ slug: 'ann' }, { slug: 'bob' }] } },
    ]);
  });

  it('reaches the photographer through the lead image', async () => {
    const photographer = await makePerson({ slug: 'pat-photo', name: 'Pat Photo' });
    await makeArticle({ slug: 'with-photo', photographer });
    await makeArticle({ slug: 'without-photo' });
    const data = await gql(
      graphql(
        `{ a: article(slug: "with-photo") { leadImage { agency photographer { slug } } } b: article(slug: "without-photo") { leadImage { title } } }`,
      ),
    );
    expect(data.a?.leadImage).toEqual({ agency: 'AP', photographer: { slug: 'pat-photo' } });
    expect(data.b?.leadImage).toBeNull();
  });
});
