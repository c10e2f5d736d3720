// The one-statement person page must agree with Prisma and the loaders it replaces, on both
// databases, and `person(…)` must fall back to them whenever a document asks for more.
import { beforeAll, describe, expect, it } from 'vitest';
import { quotedAlongsideId } from '../src/global-id.js';
import { loadPersonCounts } from '../src/services/person-counts.js';
import { loadPersonPage, personPageCovers } from '../src/services/person-page.js';
import { loadQuotedAlongside } from '../src/services/quoted-alongside.js';
import { captureSql, clearDatabase, db } from './support/db.js';
import { makeArticle, makePerson } from './support/factories.js';
import { gql } from './support/gql.js';

const newest = [{ article: { publishedAt: 'desc' as const } }, { articleId: 'desc' as const }];
let personId: number;

beforeAll(async () => {
  await clearDatabase();
  const ann = await makePerson({ slug: 'ann', name: 'Ann', aliases: ['A', '安'] });
  const others = [
    await makePerson({ slug: 'zed', name: 'Zed' }),
    await makePerson({ slug: 'eve', name: 'Ève' }),
    await makePerson({ slug: 'bob', name: 'Bob' }),
  ];
  personId = ann.id;
  for (let i = 0; i < 8; i++) {
    const other = others[i % 3] as { id: number };
    await makeArticle({
      authors: i % 2 ? [ann] : [other],
      mentions: [{ person: ann, roleAsWritten: `role ${i}` }],
      // Two quotes by Ann in some articles: paging must keep reading order within one.
      quotes: [
        {
          text: `a${i}`,
          speaker: ann,
          isPartial: i % 3 === 0,
          method: i % 2 ? 'SURNAME' : 'CONTINUATION',
          confidence: i / 7,
          evidence: `Ann, sentence ${i}.`,
        },
        { text: `o${i}`, speaker: other },
        ...(i % 4 === 0 ? [{ text: `a${i}b`, speaker: ann }] : []),
      ],
      // One unpublished article: NULL publishedAt sorts as each database sorts it, like Prisma.
      ...(i === 5 ? { publishedAt: null, status: 'DRAFT' as const } : {}),
    });
  }
});

/** Prisma's rows for what the statement loads, nested article bodies left out as it does. */
async function fromPrisma(take: number) {
  const withoutBody = <T extends { article: { paragraphs?: unknown } }>(link: T) => {
    const { paragraphs: _body, ...article } = link.article;
    return { ...link, article };
  };
  const person = await db.person.findUniqueOrThrow({
    where: { id: personId },
    include: {
      aliases: { orderBy: { id: 'asc' }, select: { id: true, alias: true } },
      quotes: { orderBy: [...newest, { position: 'asc' }], take, include: { article: true } },
      authored: { orderBy: newest, take, include: { article: true } },
      mentions: { orderBy: newest, take, include: { article: true } },
    },
  });
  return {
    ...person,
    quotes: person.quotes.map(withoutBody),
    authored: person.authored.map(withoutBody),
    mentions: person.mentions.map(withoutBody),
  };
}

describe('loadPersonPage', () => {
  it('returns Prisma’s rows, the loaders’ counts and co-speakers, for several page sizes', async () => {
    for (const take of [1, 3, 50]) {
      const page = await loadPersonPage(
        db,
        { slug: 'ann' },
        { aliases: true, takes: { quotes: take, authored: take, mentions: take } },
      );
      const { preloaded, ...rows } = page as NonNullable<typeof page>;
      expect(rows).toEqual(await fromPrisma(take));
      expect(preloaded.counts).toEqual((await loadPersonCounts(db, [personId]))[0]);
      expect(preloaded.quotedAlongside).toEqual((await loadQuotedAlongside(db, [personId]))[0]);
    }
    expect(await loadPersonPage(db, { slug: 'nobody' }, { aliases: false, takes: {} })).toBeNull();
  });
});

describe('personPageCovers', () => {
  it('refuses cursors, backward paging, deeper relations and unknown includes', () => {
    const quotes = (extra: object) => ({ include: { quotes: { take: 21, skip: 0, ...extra } } });
    expect(personPageCovers(quotes({}))).toEqual({ aliases: false, takes: { quotes: 21 } });
    expect(personPageCovers(quotes({ cursor: { id: 3 }, skip: 1 }))).toBeUndefined();
    expect(personPageCovers(quotes({ take: -21 }))).toBeUndefined();
    expect(
      personPageCovers(quotes({ include: { article: { include: { authors: true } } } })),
    ).toBeUndefined();
    expect(personPageCovers(quotes({ include: { speaker: true } }))).toBeUndefined();
    expect(personPageCovers({ include: { photographed: true } })).toBeUndefined();
    expect(personPageCovers({ select: { id: true } })).toBeUndefined();
  });
});

describe('person(…) through GraphQL', () => {
  const page = `query($first: Int!, $after: String) { person(slug: "ann") {
    name aliases
    quotes(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { text isPartial article { slug } } } }
    articles(first: $first) { totalCount edges { node { slug } } }
    mentionedIn(first: $first) { totalCount edges { roleAsWritten node { slug } } }
    quotedAlongside { count person { slug } }
  } }`;

  it('keys each quotedAlongside entry by the pair of people, in the same one statement', async () => {
    const query = `{ person(slug: "ann") { id quotedAlongside { id person { id slug } } } }`;
    const { result, sql } = await captureSql(() => gql(query, { compiled: false }));
    expect(sql).toHaveLength(1);
    const others = await db.person.findMany({ where: { slug: { in: ['eve', 'zed', 'bob'] } } });
    const idOf = new Map(others.map((p) => [p.slug, p.id]));
    expect(result.person.quotedAlongside.map((r: any) => r.id)).toEqual(
      ['eve', 'zed', 'bob'].map((slug) => quotedAlongsideId(personId, idOf.get(slug) ?? 0)),
    );
    // The compiled read answers the same.
    expect(await gql(query)).toEqual(result);
  });

  it('answers the page with one statement, and pages on through Prisma consistently', async () => {
    const { result, sql } = await captureSql(() =>
      gql(page, { variables: { first: 4 }, compiled: false }),
    );
    expect(sql).toHaveLength(1);
    const person = result.person;
    expect(person.aliases).toEqual(['A', '安']);
    expect(person.quotes.totalCount).toBe(10);
    expect(person.articles.totalCount).toBe(4);
    expect(person.mentionedIn.totalCount).toBe(8);
    expect(person.mentionedIn.edges[0].roleAsWritten).toMatch(/^role /);
    expect(person.quotedAlongside.map((r: any) => [r.person.slug, r.count])).toEqual([
      ['eve', 3], // "Ève" sorts before "Zed" by locale, after it by bytes
      ['zed', 3],
      ['bob', 2],
    ]);

    // With a cursor the plan is Prisma's; the pages must join up without gaps or repeats.
    const texts = person.quotes.edges.map((e: any) => e.node.text);
    let after = person.quotes.pageInfo.endCursor;
    let more = person.quotes.pageInfo.hasNextPage;
    while (more) {
      const { result: next, sql: nextSql } = await captureSql(() =>
        gql(page, { variables: { first: 4, after }, compiled: false }),
      );
      expect(nextSql.length).toBeGreaterThan(1);
      texts.push(...next.person.quotes.edges.map((e: any) => e.node.text));
      after = next.person.quotes.pageInfo.endCursor;
      more = next.person.quotes.pageInfo.hasNextPage;
    }
    const all = await gql(page, { variables: { first: 50 }, compiled: false });
    expect(texts).toEqual(all.person.quotes.edges.map((e: any) => e.node.text));
    expect(new Set(texts).size).toBe(10);
  });
});
