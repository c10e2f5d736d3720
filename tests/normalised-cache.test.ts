// Normalised client caches with no configuration: Apollo Client's InMemoryCache and urql's
// graphcache, over HTTP against the real server on a 127.0.0.1 port, fed every shipped document
// and the README's example. They must not warn, must read every document back after the others
// wrote the same entities, and must show one person's change wherever that person appears.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { loadDevMessages, loadErrorMessages } from '@apollo/client/dev';
import { Client, fetchExchange } from '@urql/core';
import { cacheExchange } from '@urql/exchange-graphcache';
import { type DocumentNode, parse } from 'graphql';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { documents } from '../src/client/documents.js';
import { graphql } from '../src/client/graphql.js';
import { projectRoot } from '../src/env.js';
import { encodeGlobalID, quotedAlongsideId } from '../src/global-id.js';
import { listener } from '../src/yoga.js';
import { db, seed } from './support/db.js';
import { gql, gqlError } from './support/http.js';

const seededArticle =
  'russia-hacked-election-probe-update-kremlin-denies-interfering-in-us-elections';

/** The first GraphQL example in the README: what a new user copies first. */
const readmeQuery = parse(
  /```graphql\n([\s\S]*?)```/.exec(
    readFileSync(path.join(projectRoot, 'README.md'), 'utf8'),
  )?.[1] ?? '',
);

type Operation = { name: string; query: DocumentNode; variables: Record<string, unknown> };

// Every shipped document, with variables that reach the seeded article and its people. The person
// page runs for two people, so each shows up in the other's quotedAlongside; its default page size
// matches the contract query's `quotes(first: 10)`, so both write the same connection.
const operations: Operation[] = [
  { name: 'README', query: readmeQuery, variables: {} },
  { name: 'Contract', query: documents.Contract, variables: {} },
  { name: 'ArticlePage', query: documents.ArticlePage, variables: { slug: seededArticle } },
  {
    name: 'PersonPage (Peskov)',
    query: documents.PersonPage,
    variables: { slug: 'dmitry-peskov' },
  },
  { name: 'PersonPage (Obama)', query: documents.PersonPage, variables: { slug: 'barack-obama' } },
  { name: 'ArticleList', query: documents.ArticleList, variables: {} },
  {
    name: 'ArticleList (filtered)',
    query: documents.ArticleList,
    variables: { first: 5, filter: { mentions: { slug: 'dmitry-peskov' } } },
  },
  { name: 'QuoteWalk', query: documents.QuoteWalk, variables: { first: 10 } },
];

const PersonName = parse('query PersonName($id: ID!) { person(id: $id) { id name } }');

let server: Server;
let url: string;

beforeAll(async () => {
  loadDevMessages();
  loadErrorMessages();
  server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// Both libraries report through console.warn / console.error (Apollo's invariant.warn, graphcache's
// default logger); anything either prints fails the test.
let printed: string[] = [];
beforeEach(async () => {
  await seed();
  printed = [];
  for (const method of ['warn', 'error'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      printed.push(args.map(String).join(' '));
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** One cache library behind the operations this test needs. */
type CacheClient = {
  /** Fetches from the server and writes the result into the cache. */
  fetch(query: DocumentNode, variables: Record<string, unknown>): Promise<unknown>;
  /** Reads from the cache alone; null when the cache cannot answer the whole document. */
  read(query: DocumentNode, variables: Record<string, unknown>): unknown;
};

function apollo(): CacheClient {
  const client = new ApolloClient({ link: new HttpLink({ uri: url }), cache: new InMemoryCache() });
  return {
    fetch: async (query, variables) =>
      (await client.query({ query, variables, fetchPolicy: 'network-only' })).data,
    read: (query, variables) => client.readQuery({ query, variables }),
  };
}

function urql(): CacheClient {
  const client = new Client({ url, exchanges: [cacheExchange(), fetchExchange] });
  return {
    fetch: async (query, variables) => {
      const result = await client.query(query, variables, { requestPolicy: 'network-only' });
      if (result.error) throw result.error;
      return result.data;
    },
    read: (query, variables) => client.readQuery(query, variables)?.data ?? null,
  };
}

/**
 * Every object in `data` with this `id`, with the response path leading to it. Global IDs name
 * their type, so the id alone picks out one entity (urql's readQuery leaves __typename out).
 */
function objectsWithId(
  data: unknown,
  id: string,
  at: string[] = [],
): { path: string[]; object: Record<string, unknown> }[] {
  if (Array.isArray(data)) return data.flatMap((item) => objectsWithId(item, id, at));
  if (typeof data !== 'object' || data === null) return [];
  const object = data as Record<string, unknown>;
  const here = object.id === id ? [{ path: at, object }] : [];
  return [
    ...here,
    ...Object.entries(object).flatMap(([key, value]) => objectsWithId(value, id, [...at, key])),
  ];
}

/** How a response path reaches a person. */
function pathKind(at: string[]): string {
  if (at.length === 1) return 'person page';
  if (at.includes('quotedAlongside')) return 'quotedAlongside';
  if (at.at(-2) === 'mentions') return 'mention';
  if (at.at(-1) === 'authors') return 'author';
  return at.at(-1) ?? '';
}

describe.each([
  ['Apollo InMemoryCache', apollo],
  ['urql graphcache', urql],
])('%s with no configuration', (_name, makeClient) => {
  it('takes every shipped document without a warning', async () => {
    const client = makeClient();
    const warnings: Record<string, number> = {};
    for (const { name, query, variables } of operations) {
      const before = printed.length;
      expect(await client.fetch(query, variables)).toBeTruthy();
      warnings[name] = printed.length - before;
    }
    expect(printed).toEqual([]);
    expect(Object.values(warnings).every((count) => count === 0)).toBe(true);
  });

  it.each(operations.map((operation) => [operation.name, operation] as const))(
    'reads %s back after every other document wrote the same entities',
    async (_label, operation) => {
      const client = makeClient();
      const data = await client.fetch(operation.query, operation.variables);
      for (const other of operations) {
        if (other !== operation) await client.fetch(other.query, other.variables);
      }
      expect(client.read(operation.query, operation.variables)).toEqual(data);
      expect(printed).toEqual([]);
    },
  );

  it('shows a renamed person on every path that reaches them', async () => {
    const client = makeClient();
    for (const { query, variables } of operations) await client.fetch(query, variables);
    const reached = new Set<string>();
    for (const slug of ['dmitry-peskov', 'richard-chiu']) {
      const person = await db.person.findUniqueOrThrow({ where: { slug } });
      const id = Buffer.from(`Person:${person.id}`).toString('base64');
      const renamed = `${person.name} (renamed)`;
      await db.person.update({ where: { id: person.id }, data: { name: renamed } });
      // One query's answer carries the new name into the cache; every other document reads it.
      await client.fetch(PersonName, { id });
      for (const { name, query, variables } of operations) {
        const data = client.read(query, variables);
        expect(data, name).not.toBeNull();
        for (const { path: at, object } of objectsWithId(data, id)) {
          if ('name' in object) expect(object.name, `${name}: ${at.join('.')}`).toBe(renamed);
          reached.add(pathKind(at));
        }
      }
    }
    expect([...reached].sort()).toEqual(
      expect.arrayContaining(['author', 'mention', 'person page', 'quotedAlongside', 'speaker']),
    );
    expect(printed).toEqual([]);
  });
});

describe('the IDs caches key by', () => {
  const nodeQuery = graphql(`query($id: ID!) { node(id: $id) { __typename id
    ... on LeadImage { title } ... on Mention { roleAsWritten person { slug } } } }`);

  it('fetch a lead image and a mention again through node(id)', async () => {
    const article = await db.article.findUniqueOrThrow({ where: { slug: seededArticle } });
    const leadImage = encodeGlobalID('LeadImage', article.id);
    expect(await gql(nodeQuery, { variables: { id: leadImage } })).toEqual({
      node: { __typename: 'LeadImage', id: leadImage, title: article.leadImageTitle },
    });
    const peskov = await db.person.findUniqueOrThrow({ where: { slug: 'dmitry-peskov' } });
    const mention = await db.mention.findFirstOrThrow({ where: { personId: peskov.id } });
    const mentionId = encodeGlobalID('Mention', mention.id);
    expect(await gql(nodeQuery, { variables: { id: mentionId } })).toEqual({
      node: {
        __typename: 'Mention',
        id: mentionId,
        roleAsWritten: mention.roleAsWritten,
        person: { slug: 'dmitry-peskov' },
      },
    });
  });

  it('find no lead image for an article without one, as Article.leadImage is null', async () => {
    const article = await db.article.update({
      where: { slug: seededArticle },
      data: { leadImageTitle: null, leadImageCaption: null, leadImageCredit: null },
    });
    const id = encodeGlobalID('LeadImage', article.id);
    expect(await gql(nodeQuery, { variables: { id } })).toEqual({ node: null });
    expect(
      await gql(graphql(`query($slug: String!) { article(slug: $slug) { leadImage { id } } }`), {
        variables: { slug: seededArticle },
      }),
    ).toEqual({ article: { leadImage: null } });
  });

  it('refuse a QuotedAlongside ID in node(id): it names a pair, not a record', async () => {
    const [peskov, obama] = await Promise.all(
      ['dmitry-peskov', 'barack-obama'].map((slug) =>
        db.person.findUniqueOrThrow({ where: { slug } }),
      ),
    );
    const id = quotedAlongsideId(peskov?.id ?? 0, obama?.id ?? 0);
    const { person } = await gql(
      graphql(`{ person(slug: "dmitry-peskov") { quotedAlongside { id } } }`),
    );
    expect(person?.quotedAlongside).toEqual([{ id }]);
    await gqlError('BAD_USER_INPUT', nodeQuery, { variables: { id } });
  });
});
