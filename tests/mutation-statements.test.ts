// The query-count guard for writes: each editorial mutation, through HTTP, sends a bounded number
// of SQL statements whatever the article holds (the revision and cache invalidation included), and
// the counts are printed for the README.
import { beforeEach, expect, it } from 'vitest';
import { readEnv } from '../src/env.js';
import { encodeGlobalID } from '../src/global-id.js';
import { createNewsgraphYoga, yogaOptionsFrom } from '../src/yoga.js';
import { captureSql, clearDatabase, db } from './support/db.js';
import { makeArticle, makePerson } from './support/factories.js';
import { gql } from './support/http.js';
import { testProvider } from './support/test-database.js';

const EDITOR_TOKEN = 'm'.repeat(32);
const clock = Date.parse('2026-12-01T12:00:00Z');
const app = createNewsgraphYoga({
  ...yogaOptionsFrom(readEnv({ NODE_ENV: 'test', EDITOR_TOKEN })),
  now: () => clock,
});
const headers = { authorization: `Bearer ${EDITOR_TOKEN}` };
const id = (typename: string, row: { id: number }) => encodeGlobalID(typename, row.id);

/** Mutations with the slimmest selection, so the count is the write's, not the read-back's. */
const documents = {
  createArticle: 'mutation($input: CreateArticleInput!) { createArticle(input: $input) { id } }',
  updateArticle: 'mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { id } }',
  scheduleArticle:
    'mutation($input: ScheduleArticleInput!) { scheduleArticle(input: $input) { id } }',
  publishArticle: 'mutation($input: PublishArticleInput!) { publishArticle(input: $input) { id } }',
  archiveArticle: 'mutation($input: ArchiveArticleInput!) { archiveArticle(input: $input) { id } }',
  unpublishArticle:
    'mutation($input: UnpublishArticleInput!) { unpublishArticle(input: $input) { id } }',
  restoreArticleRevision:
    'mutation($input: RestoreArticleRevisionInput!) { restoreArticleRevision(input: $input) { id } }',
  createQuote: 'mutation($input: CreateQuoteInput!) { createQuote(input: $input) { id } }',
  updateQuote: 'mutation($input: UpdateQuoteInput!) { updateQuote(input: $input) { id } }',
  reattributeQuote:
    'mutation($input: ReattributeQuoteInput!) { reattributeQuote(input: $input) { id } }',
  deleteQuote: 'mutation($input: DeleteQuoteInput!) { deleteQuote(input: $input) }',
  updatePerson: 'mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { id } }',
  mergePeople: 'mutation($input: MergePeopleInput!) { mergePeople(input: $input) { id } }',
  deleteArticle: 'mutation($input: DeleteArticleInput!) { deleteArticle(input: $input) }',
} as const;
type Name = keyof typeof documents;

// Generous bounds that still catch a write growing with the article (a statement per row):
// a merge reads and moves each kind of link in turn.
const budget = 40;

beforeEach(clearDatabase);

type Person = Awaited<ReturnType<typeof makePerson>>;

/** Runs every mutation once on an article with `size` quotes and people; their statement counts. */
async function countAll(size: number): Promise<Record<Name, number>> {
  const people = await Promise.all(Array.from({ length: size + 2 }, () => makePerson()));
  const [ann, bob, ...others] = people as [Person, Person, ...Person[]];
  await makeArticle({
    paragraphs: others.map((_, n) => `"Words number ${n}," someone said.`),
    quotes: others.map((person, n) => ({
      text: `Words number ${n},`,
      paragraph: n,
      speaker: person,
    })),
    mentions: others.map((person, n) => ({ person, firstParagraph: n })),
    teasers: [{ title: 'Counted story' }],
  });
  const counts = {} as Record<Name, number>;
  const run = async (name: Name, input: Record<string, unknown>) => {
    const { result, sql } = await captureSql(() =>
      gql(documents[name] as never, { to: app, headers, variables: { input } as never }),
    );
    counts[name] = sql.length;
    return result as Record<Name, { id: string } | string>;
  };
  const created = await run('createArticle', {
    headline: 'Counted story',
    paragraphs: ['"We will build," Ann said.', 'More.'],
    authors: [id('Person', ann)],
  });
  const article = (created.createArticle as { id: string }).id;
  await run('updateArticle', { id: article, headline: 'Counted story, again' });
  await run('scheduleArticle', {
    id: article,
    publishAt: new Date(clock + 3_600_000).toISOString(),
  });
  await run('publishArticle', { id: article });
  await run('archiveArticle', { id: article });
  await run('unpublishArticle', { id: article });
  const first = await db.revision.findFirstOrThrow({
    where: { action: 'createArticle' },
    orderBy: { id: 'asc' },
  });
  await run('restoreArticleRevision', { revision: encodeGlobalID('Revision', first.id) });
  const quote = await run('createQuote', {
    article,
    text: 'We will build,',
    paragraph: 0,
    speaker: id('Person', ann),
  });
  const quoteId = (quote.createQuote as { id: string }).id;
  await run('updateQuote', { quote: quoteId, text: 'We will build', isPartial: false });
  await run('reattributeQuote', { quote: quoteId, speaker: id('Person', bob) });
  await run('deleteQuote', { quote: quoteId });
  const busiest = others[0] ?? bob;
  await run('updatePerson', { person: id('Person', busiest), name: 'Renamed Person' });
  await run('mergePeople', { from: id('Person', bob), into: id('Person', busiest) });
  await run('deleteArticle', { id: article });
  return counts;
}

it('every mutation stays within its statement budget, for a small article and a large one', async () => {
  const small = await countAll(2);
  await clearDatabase();
  const large = await countAll(20);
  console.info(`SQL statements per mutation (${testProvider}): ${JSON.stringify(large)}`);
  console.info(`… and with 2 quotes and people: ${JSON.stringify(small)}`);
  expect(Object.keys(large)).toHaveLength(Object.keys(documents).length);
  // The person edited and merged appear across the larger article: their writes must not grow.
  expect(large).toEqual(small);
  for (const name of Object.keys(documents) as Name[]) {
    expect(large[name], name).toBeLessThanOrEqual(budget);
    expect(small[name], name).toBeLessThanOrEqual(budget);
  }
});
