// Fills an empty, migrated database with the deterministic benchmark data of synthetic/plan.ts,
// through Prisma's createMany on the real tables (not the importer, which would dominate the time).
//
//   tsx tests/bench/generate.ts --size S|L|XS --database-url <url> [--reset]
//
// The CLI migrates first, refuses a database that already holds rows unless --reset deletes them,
// and prints the row counts.
import { pathToFileURL } from 'node:url';
import { runCommand } from '../../src/cli/run-command.js';
import { createDb, type Db, providerOf } from '../../src/db/client.js';
import { migrateToLatest } from '../../src/db/migrator.js';
import { parseDatabaseUrl } from '../../src/db/url.js';
import type { Prisma } from '../../src/generated/prisma/client.js';
import {
  type ArticlePlan,
  articlePlan,
  type BenchSize,
  benchSizes,
  personPlan,
  QUOTES_PER_ARTICLE,
  TEASERS_PER_ARTICLE,
} from './synthetic/plan.js';

export type { BenchSize } from './synthetic/plan.js';
export { benchArticleSlugs, benchPersonSlugs, benchSizes } from './synthetic/plan.js';

export type BenchCounts = {
  people: number;
  personAliases: number;
  articles: number;
  articleAuthors: number;
  mentions: number;
  quotes: number;
  teasers: number;
};

// Children first, so foreign keys never block a delete.
const tables = ['Teaser', 'Quote', 'Mention', 'ArticleAuthor', 'PersonAlias', 'Article', 'Person'];

// Rows per createMany call; Prisma splits each call further into statements within the bind limit.
const PEOPLE_PER_BATCH = 1_000;
const ARTICLES_PER_BATCH = 500;
const TEASERS_PER_BATCH = 5_000;

/**
 * Writes the data set of `size` into an empty database. Every row gets an explicit id (article n
 * has id n, person n id n), so the same size always gives the same rows, whatever the database
 * held before; on PostgreSQL the id sequences are moved past them afterwards.
 */
export async function generateBenchData(db: Db, size: BenchSize): Promise<BenchCounts> {
  const counts: BenchCounts = {
    people: 0,
    personAliases: 0,
    articles: 0,
    articleAuthors: 0,
    mentions: 0,
    quotes: 0,
    teasers: 0,
  };
  const { articles, people } = benchSizes[size];
  const postgres = isPostgres(db);

  for (const numbers of chunks(range(1, people), PEOPLE_PER_BATCH)) {
    const plans = numbers.map(personPlan);
    const aliases = plans.flatMap(({ person, aliases }) =>
      aliases.map((alias) => ({
        id: ++counts.personAliases,
        personId: person.id as number,
        alias,
      })),
    );
    await db.person.createMany({ data: plans.map((plan) => plan.person) });
    await db.personAlias.createMany({ data: aliases });
    counts.people += plans.length;
  }

  // Teasers point at any article, so they wait until every article exists.
  const teasers: Prisma.TeaserCreateManyInput[] = [];
  for (const [batch, numbers] of chunks(range(1, articles), ARTICLES_PER_BATCH).entries()) {
    if (batch > 0) await releaseEngineState(db);
    const plans = numbers.map((n) => articlePlan(n, size));
    const children = childRows(plans, counts);
    const write = async (client: Prisma.TransactionClient) => {
      await client.article.createMany({ data: plans.map((plan) => plan.article) });
      await client.articleAuthor.createMany({ data: children.authors });
      await client.mention.createMany({ data: children.mentions });
      await client.quote.createMany({ data: children.quotes });
    };
    // Measured on size S: one transaction per batch saves a quarter of the time on SQLite (fewer
    // commits), but costs PostgreSQL two thirds more (the adapter's interactive transactions).
    if (postgres) await write(db);
    else await db.$transaction(write, { timeout: 300_000 });
    teasers.push(...children.teasers);
    counts.articles += plans.length;
  }
  for (const [batch, rows] of chunks(teasers, TEASERS_PER_BATCH).entries()) {
    if (batch > 0) await releaseEngineState(db);
    await db.teaser.createMany({ data: rows });
  }
  counts.teasers = teasers.length;

  if (postgres) await afterPostgresLoad(db);
  return counts;
}

/**
 * Prisma's client keeps state for every row it has inserted until it disconnects (measured: about
 * 25 MB of heap per batch of 500 articles, 1.7 GB RSS for size L); it reconnects on the next query.
 */
async function releaseEngineState(db: Db): Promise<void> {
  await db.$disconnect();
}

/** The child rows of a batch of articles, with ids: fixed per article where the count is fixed. */
function childRows(plans: ArticlePlan[], counts: BenchCounts) {
  const rows = {
    authors: [] as Prisma.ArticleAuthorCreateManyInput[],
    mentions: [] as Prisma.MentionCreateManyInput[],
    quotes: [] as Prisma.QuoteCreateManyInput[],
    teasers: [] as Prisma.TeaserCreateManyInput[],
  };
  for (const plan of plans) {
    const articleId = plan.article.id as number;
    for (const author of plan.authors)
      rows.authors.push({ id: ++counts.articleAuthors, articleId, ...author });
    for (const mention of plan.mentions)
      rows.mentions.push({ id: ++counts.mentions, articleId, ...mention });
    plan.quotes.forEach((quote, i) => {
      rows.quotes.push({ id: (articleId - 1) * QUOTES_PER_ARTICLE + i + 1, articleId, ...quote });
    });
    plan.teasers.forEach((teaser, i) => {
      rows.teasers.push({
        id: (articleId - 1) * TEASERS_PER_ARTICLE + i + 1,
        articleId,
        ...teaser,
      });
    });
    counts.quotes += plan.quotes.length;
  }
  return rows;
}

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function isPostgres(db: Db): boolean {
  return providerOf(db) === 'postgres';
}

/**
 * Explicit ids leave PostgreSQL's sequences at 1, so the app's next insert (an ingest) would
 * collide; and fresh statistics give the benchmark the plans a settled database would have,
 * instead of whatever autovacuum has got round to.
 */
async function afterPostgresLoad(db: Db): Promise<void> {
  for (const table of tables) {
    await db.$executeRawUnsafe(
      `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), COALESCE((SELECT MAX(id) FROM "${table}"), 0) + 1, false)`,
    );
  }
  await db.$executeRawUnsafe('ANALYZE');
}

/** Deletes every row of the app's tables (for --reset). */
export async function deleteAllRows(db: Db): Promise<void> {
  if (isPostgres(db)) {
    await db.$executeRawUnsafe(
      `TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')} RESTART IDENTITY CASCADE`,
    );
    return;
  }
  for (const table of tables) await db.$executeRawUnsafe(`DELETE FROM "${table}"`);
}

async function rowCount(db: Db): Promise<number> {
  const [people, articles] = await Promise.all([db.person.count(), db.article.count()]);
  return people + articles;
}

type CliOptions = { size: BenchSize; databaseUrl: string | undefined; reset: boolean };

function parseArgs(args: string[]): CliOptions {
  const options: CliOptions = { size: 'S', databaseUrl: process.env.DATABASE_URL, reset: false };
  for (let i = 0; i < args.length; i++) {
    const [arg, value] = [args[i], args[i + 1]];
    if (arg === '--reset') options.reset = true;
    else if (arg === '--size' && value && Object.hasOwn(benchSizes, value)) {
      options.size = value as BenchSize;
      i++;
    } else if (arg === '--database-url' && value) {
      options.databaseUrl = value;
      i++;
    } else
      throw new Error(
        `unknown or incomplete argument "${arg}"; usage: generate.ts --size XS|S|L --database-url <url> [--reset]`,
      );
  }
  return options;
}

async function main(say: (line: string) => void): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const target = parseDatabaseUrl(options.databaseUrl);
  await migrateToLatest(target);
  const db = createDb(target, { poolSize: 2 });
  try {
    if ((await rowCount(db)) > 0) {
      if (!options.reset) {
        process.stderr.write(
          `error: ${target.url} already holds data; pass --reset to delete it first\n`,
        );
        return 1;
      }
      await deleteAllRows(db);
    }
    const started = performance.now();
    const counts = await generateBenchData(db, options.size);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    say(`generated size ${options.size} in ${seconds} s on ${target.provider}`);
    for (const [table, count] of Object.entries(counts)) say(`  ${table}: ${count}`);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) runCommand(main);
