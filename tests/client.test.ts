// The typed client against the in-process server: every screen's document, typed results, persisted
// GETs, and the type gate that fails when a document stops matching the schema.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  ArticleListQuery,
  ArticlePageQuery,
  NewsgraphRequestError,
  PersonPageQuery,
  QuoteWalkQuery,
  type RequestOptions,
  type ResultOf,
  request,
} from '../src/client/index.js';
import { projectRoot } from '../src/env.js';
import { encodeGlobalID, quotedAlongsideId } from '../src/global-id.js';
import { yoga } from '../src/yoga.js';
import { db, seed } from './support/db.js';

const slug = 'russia-hacked-election-probe-update-kremlin-denies-interfering-in-us-elections';
const serverFetch = (input: string, init?: RequestInit) =>
  Promise.resolve(yoga.fetch(input, init ?? {}));
const options: RequestOptions = { endpoint: 'http://newsgraph.test/graphql', fetch: serverFetch };

beforeAll(seed);

describe('typed documents against the server', () => {
  it('loads an article page', async () => {
    const data = await request(ArticlePageQuery, { slug }, options);
    expectTypeOf(data.article).toEqualTypeOf<typeof data.article>();
    expectTypeOf(data.article?.headline).toEqualTypeOf<string | undefined>();
    expectTypeOf(data.article?.quotes[0]?.speaker).toEqualTypeOf<
      { id: string; slug: string; name: string } | null | undefined
    >();
    expect(data.article?.authors.map((a) => a.name)).toEqual(['Richard Chiu']);
    expect(data.article?.leadImage?.photographer?.name).toBe('David Becker');
    expect(data.article?.quotes.map((q) => q.speaker?.slug)).toEqual([
      'dmitry-peskov',
      'dmitry-peskov',
      'dmitry-peskov',
      'barack-obama',
    ]);
    expect(data.article?.teasers).toHaveLength(4);
  });

  it('loads a person page, one page of quotes at a time', async () => {
    const first = await request(
      PersonPageQuery,
      { slug: 'dmitry-peskov', quotesFirst: 2 },
      options,
    );
    expect(first.person?.quotes.totalCount).toBe(3);
    expect(first.person?.quotes.edges).toHaveLength(2);
    const [peskov, obama] = await Promise.all(
      ['dmitry-peskov', 'barack-obama'].map((slug) =>
        db.person.findUniqueOrThrow({ where: { slug } }),
      ),
    );
    expect(first.person?.quotedAlongside).toEqual([
      {
        id: quotedAlongsideId(peskov?.id ?? 0, obama?.id ?? 0),
        count: 1,
        person: {
          id: encodeGlobalID('Person', obama?.id ?? 0),
          slug: 'barack-obama',
          name: 'Barack Obama',
        },
      },
    ]);
    const second = await request(
      PersonPageQuery,
      {
        slug: 'dmitry-peskov',
        quotesFirst: 2,
        quotesAfter: first.person?.quotes.pageInfo.endCursor,
      },
      options,
    );
    expect(second.person?.quotes.edges).toHaveLength(1);
    expect(second.person?.quotes.pageInfo.hasNextPage).toBe(false);
    const author = await request(PersonPageQuery, { slug: 'richard-chiu' }, options);
    expect(author.person?.articles.edges.map((e) => e.node.slug)).toEqual([slug]);
  });

  it('lists articles with filters', async () => {
    const mentioned = await request(
      ArticleListQuery,
      { filter: { mentions: { slug: 'mitch-mcconnell' } } },
      options,
    );
    expect(mentioned.articles.totalCount).toBe(1);
    const none = await request(
      ArticleListQuery,
      { filter: { publishedFrom: '2030-01-01T00:00:00Z' } },
      options,
    );
    expect(none.articles).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('walks every quote page by page', async () => {
    const texts: string[] = [];
    let after: string | null | undefined = null;
    for (let page = 0; page < 5; page++) {
      const data: ResultOf<typeof QuoteWalkQuery> = await request(
        QuoteWalkQuery,
        { first: 2, after },
        options,
      );
      texts.push(...data.quotes.edges.map((e) => e.node.text));
      if (!data.quotes.pageInfo.hasNextPage) break;
      after = data.quotes.pageInfo.endCursor;
    }
    expect(texts).toHaveLength(4);
    expect(new Set(texts).size).toBe(4);
  });

  it('sends persisted operations by GET with only the hash', async () => {
    const seen: string[] = [];
    const data = await request(
      ArticlePageQuery,
      { slug },
      {
        ...options,
        persisted: true,
        fetch: (input, init) => {
          seen.push(`${init?.method} ${input}`);
          return serverFetch(input, init);
        },
      },
    );
    expect(data.article?.slug).toBe(slug);
    expect(seen[0]).toMatch(/^GET http:\/\/newsgraph\.test\/graphql\?extensions=/);
    expect(seen[0]).not.toContain('query=');
  });

  it('returns null for an unknown slug, and throws a coded error for bad input', async () => {
    expect(
      (await request(ArticlePageQuery, { slug: 'no-such-article' }, options)).article,
    ).toBeNull();
    const invalid = await request(
      PersonPageQuery,
      { slug: 'dmitry-peskov', quotesFirst: 1000 },
      options,
    ).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(NewsgraphRequestError);
    expect((invalid as NewsgraphRequestError).errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('the type gate', () => {
  // The probe lives in a temporary directory, never in the source tree, and points back at ours.
  const check = (source: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-typecheck-'));
    const client = path.join(projectRoot, 'src', 'client');
    writeFileSync(
      path.join(dir, 'probe.ts'),
      source.replace('../graphql.js', path.join(client, 'graphql.js')),
    );
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: path.join(projectRoot, 'tsconfig.json'),
        include: ['probe.ts'],
        compilerOptions: {
          typeRoots: [path.join(projectRoot, 'node_modules', '@types')],
          plugins: [
            {
              name: 'gql.tada/ts-plugin',
              schema: path.join(projectRoot, 'src', 'schema.graphql'),
              tadaOutputLocation: path.join(client, 'graphql-env.d.ts'),
            },
          ],
        },
      }),
    );
    try {
      return spawnSync(
        process.execPath,
        [
          'node_modules/gql.tada/bin/cli.js',
          'check',
          '--tsconfig',
          path.join(dir, 'tsconfig.json'),
        ],
        {
          cwd: projectRoot,
          encoding: 'utf8',
        },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('rejects a document that asks for a field the schema does not have', () => {
    const result = check(
      `import { graphql } from '../graphql.js';\nexport const Wrong = graphql(\`query Wrong { article(slug: "x") { headline byline } }\`);\n`,
    );
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toMatch(
      /Cannot query field "byline" on type "Article"/,
    );
  }, 60_000);

  it('accepts the same document once it matches', () => {
    const result = check(
      `import { graphql } from '../graphql.js';\nexport const Right = graphql(\`query Right { article(slug: "x") { headline } }\`);\n`,
    );
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
  }, 60_000);
});
