// The seeded database answers the facts of the source article, and the contract query works verbatim.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assert, beforeEach, describe, expect, it } from 'vitest';
import { ContractQuery } from '../src/client/documents.js';
import { graphql } from '../src/client/graphql.js';
import { defaultSeedsDir, seedDatabase } from '../src/services/seed.js';
import { db, seed } from './support/db.js';
import { gql } from './support/http.js';

const slug = 'russia-hacked-election-probe-update-kremlin-denies-interfering-in-us-elections';

/** The body paragraphs of the source text, read independently of the seed records. */
function sourceParagraphs(): string[] {
  const text = readFileSync(path.join(defaultSeedsDir, 'seed-article.txt'), 'utf8');
  const blocks = text.split(/\n\s*\n/).map((b) => b.replace(/[\s\u00a0]+/g, ' ').trim());
  const bodyStart = 2; // headline, then byline + photo title + caption
  const bodyEnd = blocks.findIndex((b) => b.startsWith('•'));
  return blocks.slice(bodyStart, bodyEnd);
}

beforeEach(seed);

describe('seeded article', () => {
  it('has the headline, byline, lead image and every paragraph in order', async () => {
    const { article } = await gql(
      graphql(`query($slug: String!) { article(slug: $slug) {
        headline status publishedAt paragraphs
        authors { slug name }
        leadImage { title caption credit agency photographer { slug name } }
      } }`),
      { variables: { slug } },
    );
    assert.exists(article);
    expect(article.headline).toBe(
      'Russia Hacked Election Probe Update: Kremlin Denies Interfering In US Elections',
    );
    expect(article.status).toBe('PUBLISHED');
    expect(article.authors).toEqual([{ slug: 'richard-chiu', name: 'Richard Chiu' }]);
    expect(article.leadImage).toMatchObject({
      title: '2016 Election Protests',
      credit: 'REUTERS/David Becker',
      agency: 'Reuters',
      photographer: { slug: 'david-becker', name: 'David Becker' },
    });
    expect(article.leadImage?.caption).toMatch(
      /^Demonstrators march along the Las Vegas Strip .* November 12, 2016\.$/,
    );
    expect(article.paragraphs).toEqual(sourceParagraphs());
    expect(article.paragraphs).toHaveLength(9);
  });

  it('has every person, with slugs, and the teaser people with aliases', async () => {
    const { people } = await gql(
      graphql(`{ people(first: 50) { totalCount edges { node { slug name aliases } } } }`),
    );
    const slugs = people.edges.map((edge) => edge.node.slug).sort();
    expect(slugs).toEqual(
      [
        'barack-obama',
        'david-becker',
        'dmitry-peskov',
        'donald-trump',
        'hillary-clinton',
        'james-liu',
        'meg-leung',
        'mitch-mcconnell',
        'paul-ryan',
        'richard-chiu',
        'vladimir-putin',
      ].sort(),
    );
    expect(people.totalCount).toBe(11);
    const meg = people.edges.find((edge) => edge.node.slug === 'meg-leung')?.node;
    expect(meg?.aliases).toContain('梁麗橋');
  });

  it('has the four quotes with speakers, and no scare quotes', async () => {
    const { quotes } = await gql(
      graphql(
        `{ quotes(first: 20) { totalCount edges { node { text isPartial paragraph speaker { slug } } } } }`,
      ),
    );
    const rows = quotes.edges.map((edge) => edge.node);
    expect(quotes.totalCount).toBe(4);
    const peskov = rows.filter((quote) => quote.speaker?.slug === 'dmitry-peskov');
    expect(peskov.map((quote) => [quote.text.slice(0, 20), quote.isPartial])).toEqual([
      ['absolute nonsense', true],
      ['We hope that all the', false],
      ["Every day, Putin's s", false],
    ]);
    expect(rows.filter((quote) => quote.speaker?.slug === 'barack-obama')).toEqual([
      {
        text: 'it was no secret',
        isPartial: true,
        paragraph: 7,
        speaker: { slug: 'barack-obama' },
      },
    ]);
    for (const scare of ['strained', 'damaging']) {
      expect(rows.some((quote) => quote.text.includes(scare))).toBe(false);
    }
  });

  it('has the four teasers in page order, the kicker on the first and the last truncated', async () => {
    const { article } = await gql(
      graphql(
        `query($slug: String!) { article(slug: $slug) { teasers { position kicker title isTruncated target { slug } } } }`,
      ),
      { variables: { slug } },
    );
    assert.exists(article);
    expect(article.teasers.map((teaser) => teaser.position)).toEqual([0, 1, 2, 3]);
    expect(article.teasers[0]).toMatchObject({ kicker: 'Exclusive Interview', target: null });
    expect(article.teasers[0]?.title).toMatch(/^A revelation within the brink of life and death/);
    expect(article.teasers.slice(1).every((teaser) => teaser.kicker === null)).toBe(true);
    expect(article.teasers[3]).toMatchObject({
      title:
        'North America Chinese Evangelical Seminary year-end report highlights significant ministry progress',
      isTruncated: true,
    });
    expect(article.teasers[1]?.isTruncated).toBe(false);
  });

  it('keeps roles as written on the mentions', async () => {
    const { article } = await gql(
      graphql(
        `query($slug: String!) { article(slug: $slug) { mentions { person { slug } roleAsWritten firstParagraph } } }`,
      ),
      { variables: { slug } },
    );
    assert.exists(article);
    const role = (s: string) =>
      article.mentions.find((mention) => mention.person.slug === s)?.roleAsWritten;
    expect(role('dmitry-peskov')).toBe('the spokesperson for Russian President Vladimir Putin');
    expect(role('mitch-mcconnell')).toBe('Senate Majority leader');
    expect(article.mentions.map((mention) => mention.firstParagraph)).toEqual(
      [...article.mentions.map((mention) => mention.firstParagraph)].sort((a, b) => a - b),
    );
  });

  it('answers the contract query verbatim', async () => {
    // The document the contract publishes (src/examples.ts prints this one for GraphiQL).
    const data = await gql(ContractQuery);
    expect(data.articles.totalCount).toBe(1);
    expect(data.articles.pageInfo.hasNextPage).toBe(false);
    const node = data.articles.edges[0]?.node;
    assert.exists(node);
    expect(node.slug).toBe(slug);
    expect(node.quotes.map((quote) => quote.speaker?.slug)).toEqual([
      'dmitry-peskov',
      'dmitry-peskov',
      'dmitry-peskov',
      'barack-obama',
    ]);
    expect(data.person?.name).toBe('Dmitry Peskov');
    expect(data.person?.quotes.totalCount).toBe(3);
    expect(data.person?.quotes.edges.every((edge) => edge.node.article.slug === slug)).toBe(true);
    expect(data.person?.quotedAlongside).toEqual([
      {
        id: expect.any(String),
        person: { id: expect.any(String), slug: 'barack-obama' },
        count: 1,
      },
    ]);
  });

  it('is idempotent: seeding again reports unchanged and writes nothing', async () => {
    const before = await db.article.findUniqueOrThrow({ where: { slug } });
    const outcome = await seedDatabase(db);
    expect(outcome).toEqual({ created: [], updated: [], unchanged: [slug] });
    const after = await db.article.findUniqueOrThrow({ where: { slug } });
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect(await db.person.count()).toBe(11);
  });
});
