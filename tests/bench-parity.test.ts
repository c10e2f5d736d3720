// The benchmark's yardstick must answer exactly as Newsgraph does, or the comparison is meaningless:
// on generated data, every scenario request to the baseline (one SQL statement) deep-equals
// Newsgraph's answer. Also: the generator is deterministic and leaves the database usable.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalID } from '../src/global-id.js';
import { yoga } from '../src/yoga.js';
import { type Baseline, openBaseline } from './bench/baseline/index.js';
import type { ScenarioRequest } from './bench/baseline/request.js';
import { baselineHandler } from './bench/baseline-server.js';
import {
  type BenchCounts,
  benchArticleSlugs,
  benchPersonSlugs,
  benchSizes,
  generateBenchData,
} from './bench/generate.js';
import { searchTexts } from './bench/samples.js';
import { requestBody } from './bench/scenarios.js';
import { articleListCursor, personQuotePages } from './bench/synthetic/paging.js';
import { publishedAt, TEASERS_PER_ARTICLE } from './bench/synthetic/plan.js';
import { clearDatabase, db } from './support/db.js';

let counts: BenchCounts;
let baseline: Baseline;
const statements: string[] = [];

beforeAll(async () => {
  await clearDatabase();
  counts = await generateBenchData(db, 'XS');
  baseline = openBaseline(process.env.DATABASE_URL, { onSql: (sql) => statements.push(sql) });
});

afterAll(async () => {
  await baseline?.close();
});

/** Newsgraph's answer to a request body, errors included. */
async function newsgraphBody(body: string): Promise<{ data?: any; errors?: unknown }> {
  const response = await yoga.fetch('http://newsgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body,
  });
  return (await response.json()) as { data?: unknown; errors?: unknown };
}

async function newsgraph(request: ScenarioRequest): Promise<any> {
  const response = await yoga.fetch('http://newsgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: requestBody(request.scenario, request.variables),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}

/** The baseline's answer, after checking it cost exactly one statement. */
async function fromBaseline(request: ScenarioRequest): Promise<any> {
  const before = statements.length;
  const data = JSON.parse(await baseline.dataJson(request));
  expect(statements.length - before).toBe(1);
  return data;
}

async function expectParity(request: ScenarioRequest): Promise<any> {
  const [expected, actual] = [await newsgraph(request), await fromBaseline(request)];
  expect(actual).toEqual(expected);
  // toEqual ignores key order; the baseline also keeps the document's, which is nice to read.
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
  return actual;
}

const allArticleSlugs = () =>
  Array.from({ length: benchSizes.XS.articles }, (_, i) => `bench-article-${i + 1}`);
const allPersonSlugs = () =>
  Array.from({ length: benchSizes.XS.people }, (_, i) => `bench-person-${i + 1}`);

describe('generated data', () => {
  it('has the planned shape', async () => {
    expect(counts).toMatchObject({ people: 20, articles: 50, quotes: 500, teasers: 200 });
    expect(counts.articleAuthors).toBeGreaterThanOrEqual(50);
    expect(counts.mentions).toBeGreaterThanOrEqual(150);
    expect(counts.personAliases).toBeGreaterThan(0);
    expect(await db.article.count({ where: { status: 'DRAFT', publishedAt: null } })).toBe(1);
    expect(await db.quote.count({ where: { speakerId: null } })).toBeGreaterThan(0);
    expect(await db.teaser.count({ where: { targetId: null } })).toBeGreaterThan(0);
    expect(
      await db.article.count({ where: { leadImageCaption: null, leadImageCredit: null } }),
    ).toBeGreaterThan(0);
    const times = await db.article.findMany({ where: { publishedAt: { not: null } } });
    expect(new Set(times.map((a) => a.publishedAt?.getTime())).size).toBe(times.length);
  });

  it('publishes every story of every size days before now, so no run sees one go live', () => {
    const day = 86_400_000;
    for (const { articles } of Object.values(benchSizes)) {
      let latest = 0;
      for (let n = 1; n <= articles; n++)
        latest = Math.max(latest, publishedAt(n, articles).getTime());
      expect(latest).toBeLessThan(Date.now() - day);
    }
  });

  it('leaves the id sequences past the generated rows, so the app can insert', async () => {
    const person = await db.person.create({ data: { slug: 'after-generation', name: 'After' } });
    expect(person.id).toBeGreaterThan(benchSizes.XS.people);
    await db.person.delete({ where: { id: person.id } });
  });

  it('picks request slugs that exist, are published and have content', async () => {
    const articles = benchArticleSlugs('XS', 10);
    expect(new Set(articles).size).toBe(10);
    const found = await db.article.findMany({ where: { slug: { in: articles } } });
    expect(found.map((a) => a.status)).toEqual(Array(10).fill('PUBLISHED'));
    expect(benchPersonSlugs('XS', 500)).toHaveLength(20);
    expect(benchArticleSlugs('XS', 500)).toHaveLength(49);
  });
});

describe('baseline parity with Newsgraph', () => {
  it('BenchList, for several page sizes', async () => {
    for (const first of [0, 1, 7, 20, 50]) {
      const data = await expectParity({ scenario: 'list', variables: { first } });
      expect(data.articles.edges).toHaveLength(Math.min(first, 49));
    }
    const { articles } = await fromBaseline({ scenario: 'list', variables: { first: 20 } });
    expect(articles.edges.every((e: any) => e.node.quotes.length === 5)).toBe(true);
    expect(articles.edges.every((e: any) => e.node.teasers.length === 4)).toBe(true);
  });

  it('BenchPerson, for every person and an unknown slug', async () => {
    for (const slug of allPersonSlugs()) {
      const { person } = await expectParity({ scenario: 'person', variables: { slug } });
      expect(person.quotes.totalCount).toBeGreaterThan(0);
      expect(person.quotes.edges.length).toBe(Math.min(20, person.quotes.totalCount));
      expect(person.articles.totalCount).toBeGreaterThan(0);
      expect(person.quotedAlongside.length).toBeGreaterThan(0);
    }
    await expectParity({ scenario: 'person', variables: { slug: 'nobody' } });
  });

  it('BenchArticle, for every article (a draft is hidden: null) and an unknown slug', async () => {
    const published = new Set(benchArticleSlugs('XS', benchSizes.XS.articles));
    for (const slug of allArticleSlugs()) {
      const { article } = await expectParity({ scenario: 'article', variables: { slug } });
      if (!published.has(slug)) {
        expect(article).toBeNull();
        continue;
      }
      expect(article.quotes).toHaveLength(10);
      expect(article.teasers).toHaveLength(4);
      expect(article.mentions.length).toBeGreaterThanOrEqual(3);
      expect(article.authors.length).toBeGreaterThanOrEqual(1);
      expect(article.paragraphs.length).toBeGreaterThanOrEqual(4);
    }
    await expectParity({ scenario: 'article', variables: { slug: 'nothing' } });
  });

  it('BenchListPage2, from the end of page 1 as the harness works it out', async () => {
    const after = articleListCursor('XS', 20);
    const page1 = await newsgraph({ scenario: 'list', variables: { first: 20 } });
    const { articles } = await newsgraphBody(
      JSON.stringify({ query: '{ articles(first: 20) { pageInfo { endCursor } } }' }),
    ).then((body) => body.data);
    expect(articles.pageInfo.endCursor).toBe(after);
    for (const first of [1, 20, 29, 30]) {
      const data = await expectParity({ scenario: 'list-page2', variables: { first, after } });
      // 49 published articles: 29 after the first 20.
      expect(data.articles.edges).toHaveLength(Math.min(first, 29));
      expect(data.articles.pageInfo.hasNextPage).toBe(first < 29);
      expect(data.articles.pageInfo.endCursor).toBe(data.articles.edges.at(-1).cursor);
    }
    const page2 = await fromBaseline({ scenario: 'list-page2', variables: { first: 20, after } });
    const slugs = (data: any) => data.articles.edges.map((e: any) => e.node.slug);
    expect(slugs(page2).filter((slug: string) => slugs(page1).includes(slug))).toEqual([]);
  });

  it('BenchListMentions, for every person and an unknown slug', async () => {
    let total = 0;
    for (const slug of allPersonSlugs()) {
      const { articles } = await expectParity({ scenario: 'list-mentions', variables: { slug } });
      expect(articles.edges.length).toBe(Math.min(20, articles.totalCount));
      total += articles.totalCount;
    }
    expect(total).toBeGreaterThan(100);
    const none = await expectParity({ scenario: 'list-mentions', variables: { slug: 'nobody' } });
    expect(none.articles).toEqual({ totalCount: 0, edges: [] });
  });

  it('BenchPeople, for several page sizes', async () => {
    for (const first of [0, 1, 7, 20, 50]) {
      const { people } = await expectParity({ scenario: 'people', variables: { first } });
      expect(people.totalCount).toBe(20);
      expect(people.edges).toHaveLength(Math.min(first, 20));
    }
    const { people } = await fromBaseline({ scenario: 'people', variables: { first: 20 } });
    expect(people.edges.every((e: any) => e.node.quotes.totalCount > 0)).toBe(true);
  });

  it('BenchPersonQuotesPage2, for the people the harness picks', async () => {
    const pages = personQuotePages('XS', 21);
    expect(pages.length).toBeGreaterThan(3);
    for (const { slug, after } of pages) {
      const page1 = await newsgraphBody(
        JSON.stringify({
          query: `{ person(slug: "${slug}") { quotes(first: 20) { pageInfo { endCursor } } } }`,
        }),
      );
      expect(page1.data.person.quotes.pageInfo.endCursor).toBe(after);
      const { person } = await expectParity({
        scenario: 'person-quotes-page2',
        variables: { slug, after },
      });
      const { totalCount, edges, pageInfo } = person.quotes;
      expect(edges).toHaveLength(Math.min(20, totalCount - 20));
      expect(pageInfo.hasNextPage).toBe(totalCount > 40);
    }
  });

  it('BenchQuoteSearch, for every search text, in any case, and texts with wildcards', async () => {
    let found = 0;
    for (const text of [...searchTexts, 'BUDGET', 'Budget', 'no such words']) {
      const { quotes } = await expectParity({ scenario: 'quote-search', variables: { text } });
      expect(quotes.edges.length).toBe(Math.min(20, quotes.totalCount));
      for (const edge of quotes.edges)
        expect(edge.node.text.toLowerCase()).toContain(text.toLowerCase());
      found += quotes.totalCount;
    }
    expect(found).toBeGreaterThan(50);
    // "Contains this text": a wildcard matches only itself (no generated quote has one).
    for (const text of ['%', '_', 'a%b'])
      expect(
        (await fromBaseline({ scenario: 'quote-search', variables: { text } })).quotes.totalCount,
      ).toBe(0);
  });

  it('judges status and publishedAt against the clock, as Newsgraph does', async () => {
    // The generated data has no SCHEDULED or future story (every publishedAt is years past), so
    // these are added here: a SCHEDULED story due an hour ago is live, while a PUBLISHED one and a
    // SCHEDULED one due tomorrow are hidden with their quotes and as teaser targets.
    const hour = 3_600_000;
    const story = (slug: string, status: 'PUBLISHED' | 'SCHEDULED', offset: number) =>
      db.article.create({
        data: {
          slug,
          headline: `Clock ${slug}`,
          paragraphs: ['Said.'],
          status,
          publishedAt: new Date(Date.now() + offset),
          quotes: {
            create: [1, 2].map((speakerId, position) => ({
              text: `Clockwork ${slug} ${position}`,
              speakerId,
              paragraph: 0,
              position,
            })),
          },
        },
      });
    const stories = [
      await story('clock-due', 'SCHEDULED', -hour),
      await story('clock-published-tomorrow', 'PUBLISHED', 24 * hour),
      await story('clock-scheduled-tomorrow', 'SCHEDULED', 24 * hour),
    ];
    const [host] = benchArticleSlugs('XS', 1) as [string];
    const hostId = (await db.article.findUniqueOrThrow({ where: { slug: host } })).id;
    await db.teaser.createMany({
      data: stories.map((target, i) => ({
        articleId: hostId,
        position: TEASERS_PER_ARTICLE + i,
        title: target.headline,
        summary: 'Next.',
        targetId: target.id,
      })),
    });
    try {
      const list = await expectParity({ scenario: 'list', variables: { first: 3 } });
      expect(list.articles.edges[0].node.slug).toBe('clock-due');
      const page = await expectParity({ scenario: 'article', variables: { slug: host } });
      expect(page.article.teasers.slice(-3).map((t: any) => t.target?.slug ?? null)).toEqual([
        'clock-due',
        null,
        null,
      ]);
      for (const { slug } of stories) {
        const { article } = await expectParity({ scenario: 'article', variables: { slug } });
        expect(article?.slug ?? null).toBe(slug === 'clock-due' ? slug : null);
      }
      const search = await expectParity({
        scenario: 'quote-search',
        variables: { text: 'clockwork' },
      });
      expect(search.quotes.totalCount).toBe(2);
      for (const slug of ['bench-person-1', 'bench-person-2']) {
        await expectParity({ scenario: 'person', variables: { slug } });
        await expectParity({ scenario: 'list-mentions', variables: { slug } });
      }
      await expectParity({ scenario: 'people', variables: { first: 20 } });
      // A cursor naming a hidden story is not a place in the list: an empty page.
      const hidden = await expectParity({
        scenario: 'list-page2',
        variables: { first: 5, after: encodeGlobalID('articles', stories[1]?.id as number) },
      });
      expect(hidden.articles.edges).toEqual([]);
    } finally {
      await db.teaser.deleteMany({
        where: { articleId: hostId, position: { gte: TEASERS_PER_ARTICLE } },
      });
      await db.article.deleteMany({ where: { id: { in: stories.map((a) => a.id) } } });
    }
  });

  it('serves the same JSON over HTTP, and 400 for an unknown operation', async () => {
    const server = createServer(baselineHandler(baseline)).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    try {
      const post = (body: string) =>
        fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const [slug] = benchArticleSlugs('XS', 1) as [string];
      const ok = await post(requestBody('article', { slug }));
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({
        data: await newsgraph({ scenario: 'article', variables: { slug } }),
      });
      const unknown = await post(JSON.stringify({ query: '{ __typename }', operationName: 'X' }));
      expect(unknown.status).toBe(400);
      expect(((await unknown.json()) as any).errors[0].message).toMatch(/unknown operation/);
    } finally {
      server.close();
    }
  });
});

describe('generator', () => {
  it('is deterministic: a second generation gives identical rows', async () => {
    const snapshot = async () => ({
      people: await db.person.findMany({ include: { aliases: true }, orderBy: { id: 'asc' } }),
      articles: await db.article.findMany({
        include: { authors: true, mentions: true, quotes: true, teasers: true },
        orderBy: { id: 'asc' },
      }),
    });
    const first = await snapshot();
    await clearDatabase();
    expect(await generateBenchData(db, 'XS')).toEqual(counts);
    expect(await snapshot()).toEqual(first);
  });
});
