// Corrections that survive re-import: an editor re-attributes, rewords, adds and deletes quotes,
// merges and corrects people; re-ingesting a changed text applies each decision again, and the
// ingest payload says which still hold and which lost their quote.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { graphql } from '../src/client/graphql.js';
import { readEnv } from '../src/env.js';
import { encodeGlobalID } from '../src/global-id.js';
import { createNewsgraphYoga, yogaOptionsFrom } from '../src/yoga.js';
import { clearDatabase, db } from './support/db.js';
import { makePerson } from './support/factories.js';
import { gql } from './support/http.js';

const EDITOR_TOKEN = 'z'.repeat(32);
const app = createNewsgraphYoga({
  ...yogaOptionsFrom(readEnv({ NODE_ENV: 'test', EDITOR_TOKEN })),
  now: () => Date.parse('2026-12-01T12:00:00Z'),
});
afterAll(() => app.dispose());
const asEditor = { to: app, headers: { authorization: `Bearer ${EDITOR_TOKEN}` } };
const gid = (typename: string, row: { id: number }) => encodeGlobalID(typename, row.id);

// An invented story in the format of tests/fixtures/*.txt. The importer credits the harbour
// worker's words to no person; the editor knows Okafor said them.
const original = `Ferry Fares to Rise as Island Council Backs New Timetable

By Tomas Reyes, Transport Reporter
Harbour Terminal
Passengers queue for the morning ferry at Calder Pier, March 3, 2026. AP Photo/Ines Marlow

The island council voted on Tuesday to raise ferry fares by 12 per cent from April, as part of a new timetable that adds two evening crossings to the mainland.

"We cannot keep running boats at a loss and call it a public service," said council leader Grace Holloway, who proposed the increase.

Opposition councillor Daniel Okafor said the rise would hurt commuters. "People who work on the mainland will pay for this twice, once in fares and once in time," Okafor said.

"Two extra evening crossings will change how this island lives," one harbour worker said.

Holloway said the council would review the fares after a year. "If the numbers improve, the fares come down," she said.

The ferry operator, Calder Line, said it welcomed the decision.
`;

/** The same story revised: the first paragraph's figure changed, Holloway's review paragraph cut. */
const revised = original
  .replace('by 12 per cent from April', 'by 15 per cent from May')
  .replace(
    'Holloway said the council would review the fares after a year. "If the numbers improve, the fares come down," she said.\n\n',
    '',
  );

const slug = 'ferry-fares-to-rise-as-island-council-backs-new-timetable';

const Ingest = graphql(`
  mutation IngestStory($input: IngestArticleInput!) {
    ingestArticle(input: $input) {
      outcome
      corrections { kept lost { kind quoteText } }
    }
  }
`);
const Reattribute = graphql(`
  mutation ReattributeStoryQuote($input: ReattributeQuoteInput!) {
    reattributeQuote(input: $input) { method }
  }
`);
const UpdateQuote = graphql(`
  mutation RewordStoryQuote($input: UpdateQuoteInput!) { updateQuote(input: $input) { text } }
`);
const CreateQuote = graphql(`
  mutation AddStoryQuote($input: CreateQuoteInput!) { createQuote(input: $input) { id } }
`);
const DeleteQuote = graphql(`
  mutation DropStoryQuote($input: DeleteQuoteInput!) { deleteQuote(input: $input) }
`);
const Merge = graphql(`
  mutation MergeStoryPeople($input: MergePeopleInput!) { mergePeople(input: $input) { slug } }
`);
const UpdatePerson = graphql(`
  mutation RenameStoryPerson($input: UpdatePersonInput!) { updatePerson(input: $input) { name } }
`);
const ArticleHistory = graphql(`
  query ArticleHistory($slug: String!) {
    article(slug: $slug) { history(first: 20) { edges { node { action } } } }
  }
`);
const PersonBySlug = graphql(`
  query StoryPerson($slug: String!) { person(slug: $slug) { slug name } }
`);

const ingest = async (text: string) =>
  (
    await gql(Ingest, {
      ...asEditor,
      variables: { input: { text, publishedAt: '2026-03-03T08:00:00Z' } },
    })
  ).ingestArticle;

const quoteSaying = (text: string) =>
  db.quote.findFirstOrThrow({
    where: { text, article: { slug } },
    include: { speaker: { select: { slug: true, name: true } } },
  });

const person = (slug: string) => db.person.findUniqueOrThrow({ where: { slug } });

beforeEach(clearDatabase);

describe('corrections across a re-import', () => {
  it('keeps a re-attribution, a merge and a name edit, and reports the correction it lost', async () => {
    // Another story's record of the council leader: the one the editors keep.
    const leader = await makePerson({ slug: 'grace-a-holloway', name: 'Grace A. Holloway' });
    expect(await ingest(original)).toEqual({
      outcome: 'CREATED',
      corrections: { kept: 0, lost: [] },
    });

    const okafor = await person('daniel-okafor');
    const unattributed = await quoteSaying(
      'Two extra evening crossings will change how this island lives',
    );
    expect([unattributed.speaker, unattributed.method]).toEqual([null, 'NONE']);
    await gql(Reattribute, {
      ...asEditor,
      variables: { input: { quote: gid('Quote', unattributed), speaker: gid('Person', okafor) } },
    });
    const review = await quoteSaying('If the numbers improve, the fares come down');
    await gql(UpdateQuote, {
      ...asEditor,
      variables: {
        input: { quote: gid('Quote', review), text: 'If the numbers improve, fares come down' },
      },
    });
    const duplicate = await person('grace-holloway');
    await gql(Merge, {
      ...asEditor,
      variables: { input: { from: gid('Person', duplicate), into: gid('Person', leader) } },
    });
    await gql(UpdatePerson, {
      ...asEditor,
      variables: { input: { person: gid('Person', okafor), name: 'Daniel O. Okafor' } },
    });

    const reingested = await ingest(revised);
    expect(reingested).toEqual({
      outcome: 'UPDATED',
      // The re-attribution and Okafor's name hold; the reworded quote's paragraph is gone.
      corrections: {
        kept: 2,
        lost: [{ kind: 'EDIT_QUOTE', quoteText: 'If the numbers improve, the fares come down' }],
      },
    });

    const article = await db.article.findUniqueOrThrow({ where: { slug } });
    expect((article.paragraphs as string[])[0]).toContain('15 per cent');
    const worker = await quoteSaying(
      'Two extra evening crossings will change how this island lives',
    );
    expect(worker).toMatchObject({
      speaker: { slug: 'daniel-okafor', name: 'Daniel O. Okafor' },
      method: 'EDITOR',
      confidence: 1,
      evidence: null,
    });
    // The merge holds: the article names "Grace Holloway", and she is the record kept.
    const leaderQuote = await quoteSaying(
      'We cannot keep running boats at a loss and call it a public service',
    );
    expect(leaderQuote.speaker?.slug).toBe('grace-a-holloway');
    expect(await db.person.findUnique({ where: { slug: 'grace-holloway' } })).toBeNull();
    const mentioned = await db.mention.findMany({
      where: { articleId: article.id },
      include: { person: true },
    });
    expect(mentioned.map((m) => m.person.slug).toSorted()).toEqual([
      'daniel-okafor',
      'grace-a-holloway',
    ]);
    expect(
      (await gql(PersonBySlug, { to: app, variables: { slug: 'grace-holloway' } })).person,
    ).toEqual({
      slug: 'grace-a-holloway',
      name: 'Grace A. Holloway',
    });
    expect((await person('daniel-okafor')).name).toBe('Daniel O. Okafor');
    expect(await db.quote.count({ where: { text: { contains: 'numbers improve' } } })).toBe(0);

    const revisions = await db.revision.findMany({ orderBy: { id: 'asc' } });
    expect(revisions.map((r) => [r.action, r.entityType, r.actor])).toEqual([
      ['ingestArticle', 'Article', 'EDITOR_TOKEN'],
      ['reattributeQuote', 'Quote', 'EDITOR_TOKEN'],
      ['updateQuote', 'Quote', 'EDITOR_TOKEN'],
      ['mergePeople', 'Person', 'EDITOR_TOKEN'],
      ['updatePerson', 'Person', 'EDITOR_TOKEN'],
      ['ingestArticle', 'Article', 'EDITOR_TOKEN'],
    ]);
    // The article's history, as editors read it, shows every one of those writes, newest first.
    const history = await gql(ArticleHistory, { ...asEditor, variables: { slug } });
    expect(history.article?.history?.edges.map((edge) => edge.node.action)).toEqual(
      revisions.map((r) => r.action).reverse(),
    );
    const [created, , , , , updated] = revisions;
    expect(created?.before).toBeNull();
    expect(JSON.parse(updated?.before ?? '').paragraphs[0]).toContain('12 per cent');
    expect(JSON.parse(updated?.after ?? '')).toMatchObject({ slug, version: article.version });

    // The lost correction is kept, not forgotten: the paragraph restored, it applies again.
    expect((await ingest(original)).corrections).toEqual({ kept: 3, lost: [] });
    expect((await quoteSaying('If the numbers improve, fares come down')).text).toBe(
      'If the numbers improve, fares come down',
    );
    // Unchanged text writes nothing, so replays nothing.
    expect(await ingest(original)).toEqual({
      outcome: 'UNCHANGED',
      corrections: { kept: 0, lost: [] },
    });
  });

  it('keeps an added quote, a deletion and a reworded quote’s later re-attribution', async () => {
    await ingest(original);
    const article = await db.article.findUniqueOrThrow({ where: { slug } });
    const reyes = await person('tomas-reyes');
    await gql(CreateQuote, {
      ...asEditor,
      variables: {
        input: {
          article: gid('Article', article),
          text: 'welcomed the decision',
          paragraph: 5,
          isPartial: true,
          expectedVersion: article.version,
        },
      },
    });
    const okafors = await quoteSaying(
      'People who work on the mainland will pay for this twice, once in fares and once in time',
    );
    await gql(DeleteQuote, { ...asEditor, variables: { input: { quote: gid('Quote', okafors) } } });
    const first = await quoteSaying(
      'We cannot keep running boats at a loss and call it a public service',
    );
    await gql(UpdateQuote, {
      ...asEditor,
      variables: {
        input: { quote: gid('Quote', first), text: 'We cannot keep running boats at a loss' },
      },
    });
    await gql(Reattribute, {
      ...asEditor,
      variables: { input: { quote: gid('Quote', first), speaker: gid('Person', reyes) } },
    });

    const reingested = await ingest(revised);
    expect(reingested.corrections).toEqual({ kept: 4, lost: [] });
    const quotes = await db.quote.findMany({
      where: { article: { slug } },
      orderBy: { position: 'asc' },
      include: { speaker: { select: { slug: true } } },
    });
    expect(quotes.map((q) => [q.text, q.speaker?.slug ?? null, q.method, q.paragraph])).toEqual([
      ['We cannot keep running boats at a loss', 'tomas-reyes', 'EDITOR', 1],
      ['Two extra evening crossings will change how this island lives', null, 'NONE', 3],
      // Its paragraph moved up one when the text lost one: it follows its words.
      ['welcomed the decision', null, 'NONE', 4],
    ]);
    expect(new Set(quotes.map((q) => q.position)).size).toBe(quotes.length);
  });

  it('stores one mention when two names in one article lead to one merged person', async () => {
    await ingest(original);
    // Say the desk decides both names are one person: both are mentioned in this very article.
    await gql(Merge, {
      ...asEditor,
      variables: {
        input: {
          from: gid('Person', await person('daniel-okafor')),
          into: gid('Person', await person('grace-holloway')),
        },
      },
    });
    expect((await ingest(revised)).outcome).toBe('UPDATED');
    const mentions = await db.mention.findMany({
      where: { article: { slug } },
      include: { person: { select: { slug: true } } },
    });
    expect(mentions.map((m) => [m.person.slug, m.firstParagraph])).toEqual([['grace-holloway', 1]]);
    expect(await db.person.findUnique({ where: { slug: 'daniel-okafor' } })).toBeNull();
  });
});
