// An article page in one SQL statement: the article and every relation its page shows, built as
// JSON inside the database. Through Prisma's relation loading the same page is a dozen statements
// on SQLite (it has no relation joins), and each statement costs far more in the client than in
// SQLite. The rows come back shaped exactly as Prisma would return them for `pageInclude`, so the
// GraphQL fields resolve from them as from any Prisma result.
import type { Db } from '../db/client.js';
import { providerOf } from '../db/client.js';
import {
  type Dialect,
  dialects,
  isObject,
  nullableRow,
  type Provider,
  parsePage,
  row,
  statementCache,
} from './page-sql.js';

/** What one page query loads: every relation of the article page, one level deep. */
const pageShape = {
  leadImagePhotographer: null,
  authors: 'person',
  mentions: 'person',
  quotes: 'speaker',
  teasers: 'target',
  teasedBy: 'article',
} as const;

type Relation = keyof typeof pageShape;

/** The relations a document asks for, and how many rows of each list it wants (all if absent). */
export type PagePlan = { relations: Relation[]; takes: Partial<Record<Relation, number>> };

/**
 * What the page statement must load for `query` (plugin-prisma's plan for an article), or
 * undefined when the document asks for more than it can (deeper relations, filters, counts): then
 * the caller plans with Prisma as usual. Orderings are not compared: each relation has one, fixed
 * in the schema, and the SQL below repeats it.
 */
export function pageCovers(query: unknown): PagePlan | undefined {
  if (!isObject(query)) return undefined;
  const { include, ...rest } = query;
  if (Object.keys(rest).length > 0) return undefined;
  const plan: PagePlan = { relations: [], takes: {} };
  if (include === undefined) return plan;
  if (!isObject(include)) return undefined;
  for (const [name, value] of Object.entries(include)) {
    if (!(name in pageShape)) return undefined;
    const relation = name as Relation;
    plan.relations.push(relation);
    if (value === true) continue;
    const nested = pageShape[relation];
    if (!isObject(value) || nested === null) return undefined;
    const { orderBy: _orderBy, take, include: inner, select, ...other } = value;
    if (Object.keys(other).length > 0) return undefined;
    if (take !== undefined) {
      if (typeof take !== 'number' || take < 0) return undefined;
      plan.takes[relation] = take;
    }
    for (const selection of [inner, select]) {
      if (selection === undefined) continue;
      if (!isObject(selection)) return undefined;
      for (const [key, wanted] of Object.entries(selection)) {
        if (key !== nested || wanted !== true) return undefined;
      }
    }
  }
  // A fixed order, so equal plans share one statement text.
  plan.relations.sort();
  return plan;
}

/** How each relation is built, given the article's alias. */
function relationSql(d: Dialect, relation: Relation, take: number | undefined): string {
  switch (relation) {
    case 'leadImagePhotographer':
      return `(SELECT ${row(d, 'Person', 'ph')} FROM "Person" ph WHERE ph."id" = a."leadImagePhotographerId")`;
    case 'authors':
      return d.array(
        row(d, 'ArticleAuthor', 'aa', { person: row(d, 'Person', 'ap') }),
        'aa."position"',
        `FROM "ArticleAuthor" aa JOIN "Person" ap ON ap."id" = aa."personId" WHERE aa."articleId" = a."id"`,
      );
    case 'mentions':
      return d.array(
        row(d, 'Mention', 'm', { person: row(d, 'Person', 'mp') }),
        'm."firstParagraph", m."id"',
        `FROM "Mention" m JOIN "Person" mp ON mp."id" = m."personId" WHERE m."articleId" = a."id"`,
      );
    case 'quotes': {
      // `quotes(first:)` is cut in the database, so a list of short previews reads only those rows.
      const quotes =
        take === undefined
          ? '"Quote"'
          : `(SELECT * FROM "Quote" WHERE "articleId" = a."id" ORDER BY "position", "id" LIMIT ${Math.trunc(take)})`;
      return d.array(
        row(d, 'Quote', 'q', { speaker: nullableRow(d, 'Person', 'qs') }),
        'q."position", q."id"',
        `FROM ${quotes} q LEFT JOIN "Person" qs ON qs."id" = q."speakerId" WHERE q."articleId" = a."id"`,
      );
    }
    case 'teasers':
      return d.array(
        row(d, 'Teaser', 't', { target: nullableRow(d, 'Article', 'tt') }),
        't."position", t."id"',
        `FROM "Teaser" t LEFT JOIN "Article" tt ON tt."id" = t."targetId" WHERE t."articleId" = a."id"`,
      );
    case 'teasedBy':
      return d.array(
        row(d, 'Teaser', 'tb', { article: row(d, 'Article', 'ta') }),
        'tb."articleId", tb."position", tb."id"',
        `FROM "Teaser" tb JOIN "Article" ta ON ta."id" = tb."articleId" WHERE tb."targetId" = a."id"`,
      );
  }
}

/** Which articles a statement reads: one by id or slug, or the newest of a status. */
type Selection = 'id' | 'slug' | 'newest';

function pageStatement(d: Dialect, plan: PagePlan, selection: Selection): string {
  const extra = Object.fromEntries(
    plan.relations.map((relation) => [relation, relationSql(d, relation, plan.takes[relation])]),
  );
  const page = row(d, 'Article', 'a', extra, selection !== 'newest');
  const select = `SELECT ${page} AS "page" FROM "Article" a`;
  if (selection !== 'newest') return `${select} WHERE a."${selection}" = ${d.parameter(1)}`;
  // The ordering Prisma uses for `articles` by default, NULLs placed as each database places them.
  return `${select} WHERE ${d.text('a."status"')} = ${d.parameter(1)} ORDER BY a."publishedAt" DESC, a."id" DESC LIMIT ${d.parameter(2)}`;
}

const statements = statementCache();

function statementFor(provider: Provider, plan: PagePlan, selection: Selection): string {
  // Bounded by the plans the schema allows: 2^6 relation sets × 101 quote takes × 3 selections.
  const key = `${provider}:${selection}:${plan.relations.join(',')}:${plan.takes.quotes ?? ''}`;
  return statements(key, () => pageStatement(dialects[provider], plan, selection));
}

function pageFrom(raw: unknown, takes: PagePlan['takes']): Record<string, unknown> {
  const page = parsePage(raw);
  for (const [relation, take] of Object.entries(takes)) {
    const list = page[relation];
    if (Array.isArray(list)) page[relation] = list.slice(0, take);
  }
  return page;
}

const everything: PagePlan = { relations: Object.keys(pageShape).sort() as Relation[], takes: {} };

/**
 * One article by id or slug with the relations of `plan`, as Prisma returns it for the include
 * the plan came from. Null when there is no such article.
 */
export async function loadArticlePage(
  db: Db,
  where: { id: number } | { slug: string },
  plan: PagePlan = everything,
): Promise<Record<string, unknown> | null> {
  const by = 'id' in where ? 'id' : 'slug';
  const sql = statementFor(providerOf(db), plan, by);
  const rows = await db.$queryRawUnsafe<{ page: unknown }[]>(
    sql,
    'id' in where ? where.id : where.slug,
  );
  const raw = rows[0]?.page;
  return raw == null ? null : pageFrom(raw, plan.takes);
}

/** The newest `take` articles of a status, newest first, with the relations of `plan`. */
export async function loadNewestArticles(
  db: Db,
  status: string,
  take: number,
  plan: PagePlan = everything,
): Promise<Record<string, unknown>[]> {
  const sql = statementFor(providerOf(db), plan, 'newest');
  const rows = await db.$queryRawUnsafe<{ page: unknown }[]>(sql, status, take);
  return rows.map((row) => pageFrom(row.page, plan.takes));
}
