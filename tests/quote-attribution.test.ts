// Quote attribution (method, confidence, source as written, evidence): the names agree everywhere,
// ingest stores what the importer says, and GraphQL serves, filters and orders it on both paths.
import path from 'node:path';
import { type GraphQLEnumType, isEnumType } from 'graphql';
import { beforeEach, describe, expect, it } from 'vitest';
import { graphql, type ResultOf } from '../src/client/graphql.js';
import { AttributionMethod as SqliteMethods } from '../src/generated/prisma/enums.js';
import { AttributionMethod as PostgresMethods } from '../src/generated/prisma-postgres/enums.js';
import { schema } from '../src/schema/index.js';
import { storeImportedArticle } from '../src/services/article-store.js';
import {
  ATTRIBUTION_METHOD_DESCRIPTIONS,
  ATTRIBUTION_METHODS,
} from '../src/services/importer/attribution.js';
import type { ImportedArticle } from '../src/services/importer/index.js';
import { importFile, ingestFile } from '../src/services/ingest.js';
import { defaultSeedsDir } from '../src/services/seed.js';
import { captureSql, clearDatabase, db } from './support/db.js';
import { makeArticle, makePerson } from './support/factories.js';
import { gql } from './support/http.js';

beforeEach(clearDatabase);

describe('AttributionMethod', () => {
  it('has the importer’s names, in its order, in both Prisma schemas and in GraphQL', () => {
    expect(Object.values(SqliteMethods)).toEqual([...ATTRIBUTION_METHODS]);
    expect(Object.values(PostgresMethods)).toEqual([...ATTRIBUTION_METHODS]);
    const type = schema.getType('AttributionMethod');
    expect(isEnumType(type)).toBe(true);
    const values = (type as GraphQLEnumType).getValues();
    expect(values.map((v) => v.name).sort()).toEqual([...ATTRIBUTION_METHODS].sort());
    for (const value of values) {
      expect(value.description).toBe(
        ATTRIBUTION_METHOD_DESCRIPTIONS[value.name as keyof typeof ATTRIBUTION_METHOD_DESCRIPTIONS],
      );
    }
  });
});

const peskov = { name: 'Dmitry Peskov', slug: 'dmitry-peskov' };

/** An importer result with every kind of attribution: a named speaker, a source, the defaults. */
function imported(quotes: Partial<ImportedArticle['quotes'][number]>[]): ImportedArticle {
  return {
    article: {
      headline: 'Kremlin denies it',
      slug: 'kremlin-denies-it',
      authors: [{ name: 'Ann Writer', slug: 'ann-writer' }],
      authorRole: null,
      leadImage: null,
      paragraphs: ['First paragraph.', 'Second paragraph.'],
    },
    people: [
      { ...peskov, roleAsWritten: 'spokesman', aliases: ['Peskov'] },
      { name: 'Ann Writer', slug: 'ann-writer', roleAsWritten: null, aliases: [] },
    ],
    mentions: [{ slug: 'dmitry-peskov', roleAsWritten: 'spokesman', firstParagraph: 0 }],
    quotes: quotes.map((quote) => ({
      text: 'words',
      speaker: null,
      paragraph: 0,
      isPartial: false,
      speakerRoleAsWritten: null,
      attribution: null,
      method: 'NONE',
      confidence: 0,
      sourceAsWritten: null,
      evidence: null,
      ...quote,
    })),
    teasers: [],
    contentHash: JSON.stringify(quotes),
  };
}

const articleQuotes = graphql(`query($slug: String!) { article(slug: $slug) {
  quotes { text speaker { slug } method confidence sourceAsWritten attributionEvidence } } }`);

describe('storing and serving attribution', () => {
  it('stores what the importer says and serves it, compiled and executed alike', async () => {
    const quotes = [
      {
        text: 'absolute nonsense',
        speaker: peskov,
        isPartial: true,
        method: 'SPEECH_VERB' as const,
        confidence: 0.97,
        evidence: 'He called the claims “absolute nonsense,” Peskov said.',
      },
      {
        text: 'We are worried',
        method: 'NONE' as const,
        confidence: 1 / 3,
        sourceAsWritten: 'a senior senator',
        evidence: '"We are worried," a senior senator said.',
      },
      { text: 'nobody knows' },
    ];
    expect(await storeImportedArticle(db, imported(quotes))).toBe('created');
    const expected = [
      {
        text: 'absolute nonsense',
        speaker: { slug: 'dmitry-peskov' },
        method: 'SPEECH_VERB',
        confidence: 0.97,
        sourceAsWritten: null,
        attributionEvidence: 'He called the claims “absolute nonsense,” Peskov said.',
      },
      {
        text: 'We are worried',
        speaker: null,
        method: 'NONE',
        confidence: 1 / 3,
        sourceAsWritten: 'a senior senator',
        attributionEvidence: '"We are worried," a senior senator said.',
      },
      {
        text: 'nobody knows',
        speaker: null,
        method: 'NONE',
        confidence: 0,
        sourceAsWritten: null,
        attributionEvidence: null,
      },
    ];
    const variables = { slug: 'kremlin-denies-it' };
    const { result: compiled, sql } = await captureSql(() => gql(articleQuotes, { variables }));
    expect(sql).toHaveLength(1); // the one-statement compiled read
    expect(compiled.article?.quotes).toEqual(expected);
    const executed = await gql(articleQuotes, { variables, compiled: false });
    expect(executed).toEqual(compiled);

    // Changed text re-extracts the quotes, attribution included.
    const revised = [{ ...quotes[0], method: 'PRONOUN' as const, confidence: 0.55 }];
    expect(await storeImportedArticle(db, imported(revised))).toBe('updated');
    const after = await gql(articleQuotes, { variables, compiled: false });
    expect(after.article?.quotes).toEqual([
      { ...expected[0], method: 'PRONOUN', confidence: 0.55 },
    ]);
  });

  it('stores the seed article’s attribution exactly as the importer parsed it', async () => {
    const file = path.join(defaultSeedsDir, 'seed-article.txt');
    const result = await ingestFile(db, file);
    expect(result).toMatchObject({ ok: true, outcome: 'created' });
    const parsed = importFile(file).imported;
    // A named speaker always comes with the pass that named them and the sentence it read.
    for (const quote of parsed.quotes.filter((q) => q.speaker)) {
      expect(quote.method).not.toBe('NONE');
      expect(quote.evidence).toBeTruthy();
    }
    const served = await gql(articleQuotes, { variables: { slug: parsed.article.slug } });
    expect(served.article?.quotes).toEqual(
      parsed.quotes.map((q) => ({
        text: q.text,
        speaker: q.speaker && { slug: q.speaker.slug },
        method: q.method,
        confidence: q.confidence,
        sourceAsWritten: q.sourceAsWritten,
        attributionEvidence: q.evidence,
      })),
    );
  });
});

describe('quotes(filter:, orderBy:)', () => {
  /** Quotes across two articles; equal confidences test the tie-break by id. */
  async function quotesToReview() {
    const ann = await makePerson({ slug: 'ann', name: 'Ann' });
    await makeArticle({
      slug: 'older',
      quotes: [
        { text: 'sure', speaker: ann, method: 'SPEECH_VERB', confidence: 0.95 },
        { text: 'she said so', speaker: ann, method: 'PRONOUN', confidence: 0.5 },
        { text: 'Ann again', speaker: ann, method: 'SURNAME', confidence: 0.5 },
      ],
    });
    await makeArticle({
      slug: 'newer',
      quotes: [
        { text: 'senator', method: 'NONE', confidence: 0.2, sourceAsWritten: 'a senator' },
        { text: 'he said', speaker: ann, method: 'PRONOUN', confidence: 0.79 },
        { text: 'legacy' },
      ],
    });
  }

  const texts = (result: { quotes: { edges: { node: { text: string } }[] } }) =>
    result.quotes.edges.map((edge) => edge.node.text);

  it('filters by method and by confidence below a bound, and counts what it filters', async () => {
    await quotesToReview();
    const below = await gql(
      graphql(
        `{ quotes(filter: { confidenceBelow: 0.8 }) { totalCount edges { node { text } } } }`,
      ),
    );
    expect(below.quotes.totalCount).toBe(5);
    expect(texts(below)).toEqual(['senator', 'he said', 'legacy', 'she said so', 'Ann again']);
    expect(
      texts(
        await gql(
          graphql(`{ quotes(filter: { confidenceBelow: 0.5 }) { edges { node { text } } } }`),
        ),
      ),
    ).toEqual(['senator', 'legacy']);
    const pronouns = await gql(
      graphql(
        `{ quotes(filter: { method: PRONOUN }) { totalCount edges { node { text method } } } }`,
      ),
    );
    expect(pronouns.quotes).toEqual({
      totalCount: 2,
      edges: [
        { node: { text: 'he said', method: 'PRONOUN' } },
        { node: { text: 'she said so', method: 'PRONOUN' } },
      ],
    });
    const both = await gql(
      graphql(`{ quotes(filter: { method: PRONOUN, confidenceBelow: 0.6, speaker: { slug: "ann" } }) {
         totalCount edges { node { text } } } }`),
    );
    expect(both.quotes.totalCount).toBe(1);
    expect(texts(both)).toEqual(['she said so']);
    const none = await gql(
      graphql(`{ quotes(filter: { method: NONE }) { edges { node { text sourceAsWritten } } } }`),
    );
    expect(none.quotes.edges).toEqual([
      { node: { text: 'senator', sourceAsWritten: 'a senator' } },
      { node: { text: 'legacy', sourceAsWritten: null } },
    ]);
  });

  it('orders by confidence either way, ties by id, with cursors that page through ties', async () => {
    await quotesToReview();
    const lowestFirst = await gql(
      graphql(`{ quotes(orderBy: { field: CONFIDENCE }) { edges { node { text confidence } } } }`),
    );
    expect(lowestFirst.quotes.edges.map((edge) => [edge.node.text, edge.node.confidence])).toEqual([
      ['legacy', 0],
      ['senator', 0.2],
      ['she said so', 0.5],
      ['Ann again', 0.5],
      ['he said', 0.79],
      ['sure', 0.95],
    ]);
    expect(
      texts(
        await gql(
          graphql(
            `{ quotes(orderBy: { field: CONFIDENCE, direction: DESC }) { edges { node { text } } } }`,
          ),
        ),
      ),
    ).toEqual(['sure', 'he said', 'Ann again', 'she said so', 'senator', 'legacy']);

    // Three pages of two: the page boundary falls between the two quotes at 0.5.
    const seen: string[] = [];
    const confidencePage = graphql(`query($after: String) { quotes(first: 2, after: $after,
      orderBy: { field: CONFIDENCE }, filter: { confidenceBelow: 0.9 }) {
        pageInfo { hasNextPage endCursor } edges { node { text } } } }`);
    let after: string | null = null;
    do {
      // Annotated: `after` is both this request's variable and set from its answer.
      const page: ResultOf<typeof confidencePage> = await gql(confidencePage, {
        variables: { after },
      });
      seen.push(...texts(page));
      after = page.quotes.pageInfo.hasNextPage ? page.quotes.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(['legacy', 'senator', 'she said so', 'Ann again', 'he said']);
  });

  it('orders by publication either way, reading order within an article', async () => {
    await quotesToReview();
    const byDefault = texts(await gql(graphql(`{ quotes { edges { node { text } } } }`)));
    expect(byDefault).toEqual(['senator', 'he said', 'legacy', 'sure', 'she said so', 'Ann again']);
    expect(
      texts(
        await gql(
          graphql(
            `{ quotes(orderBy: { field: PUBLISHED_AT, direction: DESC }) { edges { node { text } } } }`,
          ),
        ),
      ),
    ).toEqual(byDefault);
    expect(
      texts(
        await gql(
          graphql(`{ quotes(orderBy: { field: PUBLISHED_AT }) { edges { node { text } } } }`),
        ),
      ),
    ).toEqual(['sure', 'she said so', 'Ann again', 'senator', 'he said', 'legacy']);
  });
});
