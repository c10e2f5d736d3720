// What the benchmark database holds, row by row, as pure functions of the size and a row number:
// the writer (generate.ts) inserts these rows, and the harness picks request variables from the
// same rules without reading the database.
//
// People form clusters of ten, like a beat: article n quotes 2-4 people of cluster n % C and is
// written by people of the next cluster. Each article of a cluster also quotes and is written by an
// "anchor" that rotates through the cluster, so every person has quotes and authored articles, and
// quotedAlongside lists stay as short as on a real beat.
import type { Prisma } from '../../../src/generated/prisma/client.js';
import { type Random, randomFor, sampleDistinct } from './random.js';
import {
  agencies,
  attributions,
  bylineRoles,
  capitalise,
  kickers,
  nativeAliases,
  paragraph,
  personName,
  phrase,
  roles,
} from './text.js';

export type BenchSize = 'XS' | 'S' | 'L';

export const benchSizes: Record<BenchSize, { articles: number; people: number }> = {
  XS: { articles: 50, people: 20 },
  S: { articles: 2_000, people: 500 },
  L: { articles: 20_000, people: 5_000 },
};

export const QUOTES_PER_ARTICLE = 10;
export const TEASERS_PER_ARTICLE = 4;
const CLUSTER_SIZE = 10;
const HOUR = 3_600_000;
const FIRST_HOUR = Date.UTC(2021, 0, 1);
// Coprime with every article count above (all are 2^a * 5^b), so n * STRIDE mod A permutes 0..A-1.
const PUBLICATION_STRIDE = 7919;

export const articleSlug = (n: number) => `bench-article-${n}`;
export const personSlug = (n: number) => `bench-person-${n}`;

/** One article in fifty is a draft, without a publication time. */
export const isDraft = (n: number) => n % 50 === 25;

/**
 * Distinct for every article, in an order unrelated to the id, so "newest first" is not "highest
 * id first"; the milliseconds check that both servers print them. All fall within `articles` hours
 * of 2021-01-01 (before mid-2023 for L), years before any run: the visibility rule compares them
 * with each server's clock, and none may be near enough to "now" to go live during a run.
 */
export function publishedAt(n: number, articles: number): Date {
  return new Date(FIRST_HOUR + ((n * PUBLICATION_STRIDE) % articles) * HOUR + ((n * 37) % 1000));
}

/** Fixed, so two generations give identical rows (no clock). */
const recordTime = (n: number) => new Date(FIRST_HOUR - 86_400_000 + n * 1000);

export type PersonPlan = {
  person: Prisma.PersonCreateManyInput;
  aliases: string[];
};

/** Every tenth person shares the previous one's name, so sorting by name must fall back to the id. */
const nameOf = (n: number) => personName(n % CLUSTER_SIZE === 0 ? n - 1 : n);

export function personPlan(n: number): PersonPlan {
  const random = randomFor('person', n);
  const name = nameOf(n);
  const aliases: string[] = [];
  if (random.chance(0.35)) aliases.push(name.split(' ')[1] as string);
  if (random.chance(0.12)) aliases.push(random.pick(nativeAliases));
  return {
    person: {
      id: n,
      slug: personSlug(n),
      name,
      description: random.chance(0.6) ? capitalise(random.pick(roles)) : null,
      createdAt: recordTime(n),
      updatedAt: recordTime(n),
    },
    aliases,
  };
}

type Omitted = 'id' | 'articleId';
export type ArticlePlan = {
  article: Prisma.ArticleCreateManyInput;
  authors: Omit<Prisma.ArticleAuthorCreateManyInput, Omitted>[];
  mentions: Omit<Prisma.MentionCreateManyInput, Omitted>[];
  quotes: Omit<Prisma.QuoteCreateManyInput, Omitted>[];
  teasers: Omit<Prisma.TeaserCreateManyInput, Omitted>[];
};

/** A headline from its own stream, so a teaser can repeat its target's headline. */
export function headline(n: number): string {
  return capitalise(phrase(randomFor('article', n, 'headline'), 5, 10));
}

export function articlePlan(n: number, size: BenchSize): ArticlePlan {
  const { articles, people } = benchSizes[size];
  const random = randomFor('article', n);
  const clusters = people / CLUSTER_SIZE;
  const cluster = n % clusters;
  const anchor = Math.floor(n / clusters) % CLUSTER_SIZE;
  const members = (c: number) =>
    Array.from({ length: CLUSTER_SIZE }, (_, i) => c * CLUSTER_SIZE + i + 1);

  const paragraphs = Array.from({ length: random.int(4, 8) }, () => paragraph(random));
  const speakers = pickSpeakers(random, members(cluster), anchor, people);
  const writers = members((cluster + 1) % clusters);
  const authors = withFirst(
    writers[(anchor + 3) % CLUSTER_SIZE] as number,
    writers,
    random.chance(0.6) ? 1 : random.chance(0.75) ? 2 : 3,
    random,
  );
  const draft = isDraft(n);
  return {
    article: {
      id: n,
      slug: articleSlug(n),
      headline: headline(n),
      paragraphs,
      status: draft ? 'DRAFT' : 'PUBLISHED',
      publishedAt: draft ? null : publishedAt(n, articles),
      sourceUrl: random.chance(0.7) ? `https://source.example/story/${n}` : null,
      ...leadImage(random, people),
      createdAt: recordTime(n),
      updatedAt: recordTime(n),
    },
    authors: authors.map((personId, position) => ({
      personId,
      position,
      roleAsWritten: random.pick(bylineRoles),
    })),
    mentions: mentions(random, speakers, members(cluster), paragraphs.length),
    quotes: quotes(random, speakers, paragraphs.length),
    teasers: teasers(random, n, articles),
  };
}

/** `count` distinct ids from `pool`, `first` among them and first in order. */
function withFirst(first: number, pool: number[], count: number, random: Random): number[] {
  const others = pool.filter((id) => id !== first);
  return [first, ...sampleDistinct(random, others, count - 1)];
}

/** 2-4 speakers from the cluster, the anchor always; now and then one from anywhere. */
function pickSpeakers(random: Random, cluster: number[], anchor: number, people: number) {
  const speakers = withFirst(cluster[anchor] as number, cluster, random.int(2, 4), random);
  if (speakers.length > 2 && random.chance(0.15)) {
    const outsider = random.int(1, people);
    if (!speakers.includes(outsider)) speakers[speakers.length - 1] = outsider;
  }
  return speakers;
}

function mentions(random: Random, speakers: number[], cluster: number[], paragraphs: number) {
  const target = Math.min(6, Math.max(3, speakers.length + random.int(0, 2)));
  const extra = cluster.filter((id) => !speakers.includes(id));
  const named = [...speakers, ...sampleDistinct(random, extra, target - speakers.length)];
  return named.map((personId) => ({
    personId,
    roleAsWritten: random.chance(0.65) ? random.pick(roles) : null,
    firstParagraph: random.int(0, paragraphs - 1),
  }));
}

/** Ten quotes in reading order; every speaker says something, and one or two go unattributed. */
function quotes(random: Random, speakers: number[], paragraphs: number) {
  const speakerAt: (number | null)[] = Array.from({ length: QUOTES_PER_ARTICLE }, () =>
    random.chance(0.12) ? null : random.pick(speakers),
  );
  // The first quotes go to each speaker in turn, so none of them is left without words.
  speakers.forEach((id, i) => {
    speakerAt[i] = id;
  });
  return speakerAt.map((speakerId, position) => ({
    text: random.chance(0.15)
      ? `We called it "${phrase(random, 2, 4)}" — and we meant it`
      : capitalise(phrase(random, 6, 24)),
    speakerId,
    paragraph: Math.floor((position * paragraphs) / QUOTES_PER_ARTICLE),
    position,
    isPartial: random.chance(0.2),
    speakerRoleAsWritten: speakerId != null && random.chance(0.3) ? random.pick(roles) : null,
    attribution: random.chance(0.15) ? random.pick(attributions) : null,
  }));
}

function teasers(random: Random, n: number, articles: number) {
  return Array.from({ length: TEASERS_PER_ARTICLE }, (_, position) => {
    let target: number | null = random.int(1, articles - 1);
    if (target >= n) target++; // never the article itself
    if (random.chance(0.15)) target = null;
    const isTruncated = random.chance(0.25);
    const summary = capitalise(phrase(random, 12, 30));
    return {
      position,
      kicker: random.chance(0.5) ? random.pick(kickers) : null,
      title: target == null ? capitalise(phrase(random, 4, 9)) : headline(target),
      summary: isTruncated ? `${summary.slice(0, -3)}…` : `${summary}.`,
      isTruncated,
      url:
        target != null && random.chance(0.5) ? `https://news.example/${articleSlug(target)}` : null,
      targetId: target,
    };
  });
}

/** Most articles have a lead image, some credited to a photographer; the rest none at all. */
function leadImage(random: Random, people: number) {
  if (random.chance(0.12)) {
    return {
      leadImageTitle: null,
      leadImageCaption: null,
      leadImageCredit: null,
      leadImageAgency: null,
      leadImagePhotographerId: null,
    };
  }
  const photographer = random.chance(0.6) ? random.int(1, people) : null;
  const agency = random.chance(0.8) ? random.pick(agencies) : null;
  const credit = random.chance(0.85)
    ? [agency, photographer == null ? null : nameOf(photographer)].filter(Boolean).join('/') ||
      'Handout'
    : null;
  return {
    leadImageTitle: random.chance(0.7) ? capitalise(phrase(random, 2, 5)) : null,
    // Never all three null here: that would read as "no lead image".
    leadImageCaption:
      credit == null || random.chance(0.9) ? capitalise(phrase(random, 8, 20)) : null,
    leadImageCredit: credit,
    leadImageAgency: agency,
    leadImagePhotographerId: photographer,
  };
}

/** `count` items spread evenly over `items`, always the same ones. */
function spread<T>(items: T[], count: number): T[] {
  const wanted = Math.min(count, items.length);
  return Array.from(
    { length: wanted },
    (_, i) => items[Math.floor((i * items.length) / wanted)] as T,
  );
}

/** Published articles (each with 10 quotes, 4 teasers and a byline) for the article scenario. */
export function benchArticleSlugs(size: BenchSize, count: number): string[] {
  const all = Array.from({ length: benchSizes[size].articles }, (_, i) => i + 1);
  return spread(
    all.filter((n) => !isDraft(n)),
    count,
  ).map(articleSlug);
}

/** People for the person scenario: by construction every one has quotes, co-speakers and articles. */
export function benchPersonSlugs(size: BenchSize, count: number): string[] {
  const all = Array.from({ length: benchSizes[size].people }, (_, i) => i + 1);
  return spread(all, count).map(personSlug);
}
