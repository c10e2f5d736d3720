// The one-statement article page must return exactly what Prisma's relation loading returns, on
// both databases, and `article(…)` must fall back to Prisma whenever a document asks for more.
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Prisma } from '../src/generated/prisma/client.js';
import { encodeGlobalID } from '../src/global-id.js';
import { loadArticlePage, pageCovers } from '../src/services/article-page.js';
import { ingestFile } from '../src/services/ingest.js';
import { defaultSeedsDir } from '../src/services/seed.js';
import { captureSql, clearDatabase, db } from './support/db.js';
import { makeArticle, makePerson } from './support/factories.js';
import { gql } from './support/gql.js';

/** Prisma's answer for everything the page statement loads. */
const fullInclude = {
  leadImagePhotographer: true,
  authors: { orderBy: { position: 'asc' }, include: { person: true } },
  mentions: { orderBy: [{ firstParagraph: 'asc' }, { id: 'asc' }], include: { person: true } },
  quotes: { orderBy: [{ position: 'asc' }, { id: 'asc' }], include: { speaker: true } },
  teasers: { orderBy: [{ position: 'asc' }, { id: 'asc' }], include: { target: true } },
  teasedBy: {
    orderBy: [{ articleId: 'asc' }, { position: 'asc' }, { id: 'asc' }],
    include: { article: true },
  },
} satisfies Prisma.ArticleInclude;

let slug: string;

/**
 * Prisma's page minus the bodies of nested articles, which the page statement leaves to the
 * `paragraphs` field's own loader.
 */
function withoutNestedBodies(page: any) {
  if (!page) return page;
  const strip = ({ paragraphs: _body, ...article }: any) => article;
  return {
    ...page,
    teasers: page.teasers.map((t: any) => ({ ...t, target: t.target && strip(t.target) })),
    teasedBy: page.teasedBy.map((t: any) => ({ ...t, article: strip(t.article) })),
  };
}

beforeEach(async () => {
  await clearDatabase();
  const [ann, bo, cy] = [
    await makePerson({ name: 'Ann Ávila', slug: 'ann' }),
    await makePerson({ name: '梁麗橋', slug: 'meg', description: 'Reporter' }),
    await makePerson({ slug: 'cy' }),
  ];
  const target = await makeArticle({ headline: 'Teased story', paragraphs: ['Only “one”.'] });
  const page = await makeArticle({
    slug: 'page',
    paragraphs: ['It’s a “test”', 'Second\u00a0paragraph', '三'],
    authors: [bo, ann],
    photographer: cy,
    mentions: [
      { person: cy, firstParagraph: 1, roleAsWritten: 'the photographer' },
      { person: ann, firstParagraph: 0 },
    ],
    quotes: [
      {
        text: 'first',
        speaker: ann,
        method: 'COLON',
        confidence: 0.9,
        evidence: 'Ann said: “first”.',
      },
      {
        text: 'unattributed',
        speaker: null,
        isPartial: true,
        confidence: 1 / 3,
        sourceAsWritten: 'police',
      },
      { text: 'third', speaker: bo, paragraph: 2 },
    ],
    teasers: [
      { title: 'Teased story', kicker: 'More' },
      { title: 'Elsewhere', isTruncated: true },
    ],
  });
  slug = page.slug;
  const teaser = await db.teaser.findFirstOrThrow({ where: { articleId: page.id, position: 0 } });
  await db.teaser.update({ where: { id: teaser.id }, data: { targetId: target.id } });
  // Another article promotes this page, so teasedBy is not empty.
  const promoter = await makeArticle({ teasers: [{ title: 'Back to the page' }] });
  await db.teaser.updateMany({ where: { articleId: promoter.id }, data: { targetId: page.id } });
});

describe('loadArticlePage', () => {
  it('returns what Prisma returns for the page include, by slug and by id', async () => {
    const expected = await db.article.findUnique({ where: { slug }, include: fullInclude });
    expect(expected?.teasedBy).toHaveLength(1);
    expect(expected?.teasers[0]?.target?.headline).toBe('Teased story');
    expect(await loadArticlePage(db, { slug })).toEqual(withoutNestedBodies(expected));
    expect(await loadArticlePage(db, { id: expected?.id as number })).toEqual(
      withoutNestedBodies(expected),
    );
  });

  it('matches Prisma on an imported article (curly quotes, non-breaking spaces, Chinese names)', async () => {
    await ingestFile(db, path.join(defaultSeedsDir, 'seed-article.txt'));
    const stored = await db.article.findFirstOrThrow({ where: { quotes: { some: {} } } });
    const expected = await db.article.findUnique({
      where: { id: stored.id },
      include: fullInclude,
    });
    expect(expected?.quotes.length).toBeGreaterThan(2);
    expect(await loadArticlePage(db, { id: stored.id })).toEqual(withoutNestedBodies(expected));
  });

  it('cuts list relations to their take, and returns null for no article', async () => {
    const page = await loadArticlePage(
      db,
      { slug },
      { relations: ['quotes'], takes: { quotes: 2 } },
    );
    expect(((page ?? {}).quotes as { text: string }[]).map((q) => q.text)).toEqual([
      'first',
      'unattributed',
    ]);
    expect(await loadArticlePage(db, { slug: 'no-such-article' })).toBeNull();
  });
});

describe('pageCovers', () => {
  it('accepts the page relations one level deep, with their takes', () => {
    expect(pageCovers({})).toEqual({ relations: [], takes: {} });
    expect(
      pageCovers({
        include: {
          leadImagePhotographer: true,
          authors: { orderBy: { position: 'asc' }, select: { person: true } },
          quotes: { orderBy: [], take: 5, include: { speaker: true } },
        },
      }),
    ).toEqual({ relations: ['authors', 'leadImagePhotographer', 'quotes'], takes: { quotes: 5 } });
  });

  it('refuses anything deeper, filtered, counted or unknown', () => {
    expect(
      pageCovers({ include: { quotes: { include: { speaker: { include: { aliases: true } } } } } }),
    ).toBeUndefined();
    expect(pageCovers({ include: { quotes: { where: { isPartial: true } } } })).toBeUndefined();
    expect(pageCovers({ include: { _count: { select: { quotes: true } } } })).toBeUndefined();
    expect(
      pageCovers({ include: { authors: { select: { person: true, roleAsWritten: true } } } }),
    ).toBeUndefined();
    expect(pageCovers({ select: { id: true } })).toBeUndefined();
    expect(pageCovers(null)).toBeUndefined();
  });
});

describe('article(…) through GraphQL', () => {
  const page = `query($slug: String!) { article(slug: $slug) {
    headline paragraphs leadImage { title photographer { slug } }
    authors { slug } mentions { roleAsWritten person { slug } }
    quotes(first: 2) { text isPartial speaker { name } }
    teasers { title isTruncated target { headline } } teasedBy { article { slug } }
  } }`;

  it('answers a whole page with one SQL statement', async () => {
    const { result, sql } = await captureSql(() =>
      gql(page, { variables: { slug }, compiled: false }),
    );
    expect(sql).toHaveLength(1);
    expect(result.article).toMatchObject({
      paragraphs: ['It’s a “test”', 'Second\u00a0paragraph', '三'],
      authors: [{ slug: 'meg' }, { slug: 'ann' }],
      mentions: [
        { person: { slug: 'ann' } },
        { person: { slug: 'cy' }, roleAsWritten: 'the photographer' },
      ],
      quotes: [
        { text: 'first', isPartial: false, speaker: { name: 'Ann Ávila' } },
        { text: 'unattributed', isPartial: true, speaker: null },
      ],
      teasers: [
        { title: 'Teased story', isTruncated: false, target: { headline: 'Teased story' } },
        { title: 'Elsewhere', isTruncated: true, target: null },
      ],
      teasedBy: [{ article: { slug: expect.stringMatching(/^article-/) } }],
    });
  });

  it('gives the lead image and each mention its Node ID in the same one statement', async () => {
    const query = `query($slug: String!) { article(slug: $slug) {
      id leadImage { id title } mentions { id person { id slug } } } }`;
    const { result, sql } = await captureSql(() =>
      gql(query, { variables: { slug }, compiled: false }),
    );
    expect(sql).toHaveLength(1);
    const stored = await db.article.findUniqueOrThrow({
      where: { slug },
      include: { mentions: { orderBy: [{ firstParagraph: 'asc' }, { id: 'asc' }] } },
    });
    expect(result.article.leadImage.id).toBe(encodeGlobalID('LeadImage', stored.id));
    expect(result.article.mentions.map((m: { id: string }) => m.id)).toEqual(
      stored.mentions.map((m) => encodeGlobalID('Mention', m.id)),
    );
    // The compiled read answers the same.
    expect(await gql(query, { variables: { slug } })).toEqual(result);
  });

  it('falls back to Prisma, with the same answers, when the document goes deeper', async () => {
    const deeper = page.replace(
      'speaker { name }',
      'speaker { name aliases quotes(first: 1) { totalCount } }',
    );
    const { result, sql } = await captureSql(() =>
      gql(deeper, { variables: { slug }, compiled: false }),
    );
    expect(sql.length).toBeGreaterThan(1);
    const { result: plain } = await captureSql(() =>
      gql(page, { variables: { slug }, compiled: false }),
    );
    expect(result.article.quotes.map((q: any) => q.speaker?.name ?? null)).toEqual(
      plain.article.quotes.map((q: any) => q.speaker?.name ?? null),
    );
    expect(result.article.quotes[0].speaker.quotes.totalCount).toBe(1);
    expect({ ...result.article, quotes: undefined }).toEqual({
      ...plain.article,
      quotes: undefined,
    });
  });

  it('loads the bodies of nested articles when asked, in one more statement', async () => {
    const document = `query($slug: String!) { article(slug: $slug) {
      teasers { target { paragraphs } } teasedBy { article { paragraphs } } } }`;
    const { result, sql } = await captureSql(() =>
      gql(document, { variables: { slug }, compiled: false }),
    );
    expect(sql).toHaveLength(2);
    expect(result.article.teasers[0].target.paragraphs).toEqual(['Only “one”.']);
    expect(result.article.teasers[1].target).toBeNull();
    expect(result.article.teasedBy[0].article.paragraphs).toHaveLength(2);
  });
});

describe('articles(…) first page', () => {
  const list = `query($first: Int!, $after: String, $status: ArticleStatus) {
    articles(first: $first, after: $after, filter: { status: $status }) {
      pageInfo { hasNextPage endCursor }
      edges { cursor node { slug paragraphs authors { slug } quotes(first: 1) { text speaker { slug } } teasers { target { slug } } } }
    }
  }`;

  it('is one statement for the page (two with bodies), and agrees with cursor paging', async () => {
    const { result: first, sql } = await captureSql(() =>
      gql(list.replace('paragraphs ', ''), { variables: { first: 3 }, compiled: false }),
    );
    expect(sql).toHaveLength(1);
    const slugs = first.articles.edges.map((e: any) => e.node.slug);
    expect(slugs).toHaveLength(3);
    expect(first.articles.pageInfo.hasNextPage).toBe(false); // target, page, promoter
    const page = first.articles.edges.find((e: any) => e.node.slug === 'page').node;
    expect(page.quotes).toEqual([{ text: 'first', speaker: { slug: 'ann' } }]);
    expect(page.authors).toEqual([{ slug: 'meg' }, { slug: 'ann' }]);

    const { result: withBodies, sql: more } = await captureSql(() =>
      gql(list, { variables: { first: 3 }, compiled: false }),
    );
    expect(more).toHaveLength(2);
    expect(withBodies.articles.edges[0].node.paragraphs.length).toBeGreaterThan(0);

    // The second page goes through Prisma (it has a cursor) and must continue where this one ends.
    const { result: rest } = await captureSql(() =>
      gql(list, {
        variables: { first: 2, after: first.articles.edges[0].cursor },
        compiled: false,
      }),
    );
    expect(rest.articles.edges.map((e: any) => e.node.slug)).toEqual(slugs.slice(1));
    expect(rest.articles.edges[0].node).toMatchObject(withBodies.articles.edges[1].node);
  });

  it('filters by status, and returns an empty page when nothing matches', async () => {
    await db.article.update({ where: { slug }, data: { status: 'DRAFT' } });
    const drafts = await gql(list, { variables: { first: 5, status: 'DRAFT' }, compiled: false });
    expect(drafts.articles.edges.map((e: any) => e.node.slug)).toEqual([slug]);
    const archived = await gql(list, {
      variables: { first: 5, status: 'ARCHIVED' },
      compiled: false,
    });
    expect(archived.articles).toEqual({
      pageInfo: { hasNextPage: false, endCursor: null },
      edges: [],
    });
  });
});
