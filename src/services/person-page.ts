// A person page in one SQL statement: the person, aliases, the first page of each connection with
// its articles, the connection counts and quotedAlongside. Through Prisma and the loaders the same
// page is nine statements on SQLite. The rows are shaped as Prisma returns them for the include
// plugin-prisma planned; counts and quotedAlongside ride along in `preloaded`.
import type { Db } from '../db/client.js';
import { providerOf } from '../db/client.js';
import type { Person } from '../generated/prisma/client.js';
import { type Dialect, dialects, isObject, parsePage, row, statementCache } from './page-sql.js';
import type { PersonCounts } from './person-counts.js';
import { mostSharedFirst, type QuotedAlongsideRow } from './quoted-alongside.js';

/** What the person statement computed besides the planned include. */
export type PersonPreload = { counts: PersonCounts; quotedAlongside: QuotedAlongsideRow[] };

/** The preloaded counts and co-speakers of a person row, if it came from the page statement. */
export function preloadedOf(person: object): PersonPreload | undefined {
  return (person as { preloaded?: PersonPreload }).preloaded;
}

type Connection = 'quotes' | 'authored' | 'mentions';

/** Each connection's relation, and the keys its planned `select` may ask for. */
const connectionSelects: Record<Connection, { nested: string; allowed: string[] }> = {
  quotes: { nested: 'article', allowed: ['article'] },
  authored: { nested: 'article', allowed: ['article', 'id'] },
  mentions: { nested: 'article', allowed: ['article', 'id', 'roleAsWritten', 'firstParagraph'] },
};

/** The relations a document asks for, and the `take` of each connection's first page. */
export type PersonPlan = { aliases: boolean; takes: Partial<Record<Connection, number>> };

/**
 * What the statement must load for `query` (plugin-prisma's plan for `person(…)`), or undefined
 * when it asks for anything else (a cursor, paging backwards, deeper relations): then Prisma plans
 * it. The connections' orderings are fixed in the schema and repeated in the SQL below.
 */
export function personPageCovers(query: unknown): PersonPlan | undefined {
  if (!isObject(query)) return undefined;
  const { include, ...rest } = query;
  if (Object.keys(rest).length > 0) return undefined;
  const plan: PersonPlan = { aliases: false, takes: {} };
  if (include === undefined) return plan;
  if (!isObject(include)) return undefined;
  for (const [name, value] of Object.entries(include)) {
    if (!isObject(value)) return undefined;
    if (name === 'aliases') {
      const { orderBy: _orderBy, select, ...other } = value;
      if (Object.keys(other).length > 0 || !isObject(select)) return undefined;
      if (Object.keys(select).some((key) => key !== 'alias' && key !== 'id')) return undefined;
      plan.aliases = true;
      continue;
    }
    if (!(name in connectionSelects)) return undefined;
    const connection = name as Connection;
    const { orderBy: _orderBy, take, skip, include: inner, select, ...other } = value;
    if (Object.keys(other).length > 0 || (skip ?? 0) !== 0) return undefined;
    if (typeof take !== 'number' || take <= 0 || take > 1000) return undefined;
    const { nested, allowed } = connectionSelects[connection];
    for (const selection of [inner, select]) {
      if (selection === undefined) continue;
      if (!isObject(selection)) return undefined;
      for (const [key, wanted] of Object.entries(selection)) {
        if (!allowed.includes(key) || (key === nested && wanted !== true)) return undefined;
      }
    }
    plan.takes[connection] = Math.trunc(take);
  }
  return plan;
}

/** Newest article first, as the schema orders every person's connection. */
const newestFirst = (link: string, article: string) =>
  `${article}."publishedAt" DESC, ${link}."articleId" DESC`;

/**
 * The first `take` rows of one of the person's connections, each with its article, newest article
 * first (then `tieBreak`). The limit applies before the articles are built.
 */
function firstPage(
  d: Dialect,
  model: 'Quote' | 'ArticleAuthor' | 'Mention',
  personColumn: string,
  take: number,
  tieBreak = '',
): string {
  return d.array(
    row(d, model, 'l', { article: row(d, 'Article', 'la') }),
    `${newestFirst('l', 'la')}${tieBreak}`,
    `FROM (SELECT l.* FROM "${model}" l JOIN "Article" a ON a."id" = l."articleId"
           WHERE l."${personColumn}" = p."id"
           ORDER BY ${newestFirst('l', 'a')}${tieBreak} LIMIT ${take}) l
     JOIN "Article" la ON la."id" = l."articleId"`,
  );
}

function personStatement(d: Dialect, plan: PersonPlan, by: 'id' | 'slug'): string {
  const extra: Record<string, string> = {
    preloaded: d.object({
      counts: d.object({
        quotes: `(SELECT COUNT(*) FROM "Quote" c WHERE c."speakerId" = p."id")`,
        authored: `(SELECT COUNT(*) FROM "ArticleAuthor" c WHERE c."personId" = p."id")`,
        mentions: `(SELECT COUNT(*) FROM "Mention" c WHERE c."personId" = p."id")`,
      }),
      quotedAlongside: d.array(
        d.object({ count: 'shared."count"', person: row(d, 'Person', 'other') }),
        'shared."count" DESC, other."id"',
        `FROM (SELECT theirs."speakerId" AS "otherId", COUNT(DISTINCT theirs."articleId") AS "count"
               FROM "Quote" mine JOIN "Quote" theirs ON theirs."articleId" = mine."articleId"
               WHERE mine."speakerId" = p."id" AND theirs."speakerId" IS NOT NULL
                 AND theirs."speakerId" <> p."id"
               GROUP BY theirs."speakerId") shared
         JOIN "Person" other ON other."id" = shared."otherId"`,
      ),
    }),
  };
  if (plan.aliases) {
    extra.aliases = d.array(
      d.object({ id: 'al."id"', alias: 'al."alias"' }),
      'al."id"',
      `FROM "PersonAlias" al WHERE al."personId" = p."id"`,
    );
  }
  const { quotes, authored, mentions } = plan.takes;
  if (quotes !== undefined) {
    extra.quotes = firstPage(d, 'Quote', 'speakerId', quotes, ', l."position"');
  }
  if (authored !== undefined) {
    extra.authored = firstPage(d, 'ArticleAuthor', 'personId', authored);
  }
  if (mentions !== undefined) {
    extra.mentions = firstPage(d, 'Mention', 'personId', mentions);
  }
  return `SELECT ${row(d, 'Person', 'p', extra)} AS "page" FROM "Person" p WHERE p."${by}" = ${d.parameter(1)}`;
}

const statements = statementCache();

/**
 * The person by id or slug with what `plan` asks for, shaped as Prisma returns it, plus
 * `preloaded` counts and co-speakers. Null when there is no such person.
 */
export async function loadPersonPage(
  db: Db,
  where: { id: number } | { slug: string },
  plan: PersonPlan,
): Promise<(Person & { preloaded: PersonPreload }) | null> {
  const provider = providerOf(db);
  const by = 'id' in where ? 'id' : 'slug';
  const { quotes, authored, mentions } = plan.takes;
  const key = `${provider}:${by}:${plan.aliases}:${quotes}:${authored}:${mentions}`;
  const sql = statements(key, () => personStatement(dialects[provider], plan, by));
  const rows = await db.$queryRawUnsafe<{ page: unknown }[]>(
    sql,
    'id' in where ? where.id : where.slug,
  );
  const raw = rows[0]?.page;
  if (raw == null) return null;
  const person = parsePage(raw) as Person & { preloaded: PersonPreload };
  // Names sort as the loader sorts them (locale-aware), which SQL collations do not promise.
  person.preloaded.quotedAlongside.sort(mostSharedFirst);
  return person;
}
