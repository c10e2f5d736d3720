// The leak sweep (issue 15): a DRAFT, a SCHEDULED (future) and an ARCHIVED story share people,
// quotes and teaser links with published ones. Every root field and connection, asked anonymously
// through the compiled path (HTTP fast path, compiled misses stored in the response cache) and the
// resolver path (response cache on), must never name a hidden story, and every totalCount counts
// only what is visible. Then the injected clock passes the scheduled time: the story appears, in
// lists too, cached ones included. Editors see everything, and their answers are never cached.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnv } from '../src/env.js';
import { encodeGlobalID } from '../src/global-id.js';
import { schema } from '../src/schema/index.js';
import { createNewsgraphServer, yogaOptionsFrom } from '../src/yoga.js';
import { clearDatabase, db } from './support/db.js';
import { generateDocument, type SeededData } from './support/document-generator.js';
import { makeArticle, makePerson } from './support/factories.js';
import { postBody } from './support/http.js';
import { serveInProcess } from './support/server.js';
import { testProvider } from './support/test-database.js';

const HOUR = 3_600_000;
const editorToken = 'editor-token-for-visibility-0123456789';
const env = readEnv({ NODE_ENV: 'test', EDITOR_TOKEN: editorToken });
/** The injected clock every server reads visibility by. */
let clock = Date.UTC(2031, 0, 1, 12);
const serverOptions = (compiledReads: boolean) => ({
  ...yogaOptionsFrom(env),
  compiledReads,
  now: () => clock,
  responseCache: { ...yogaOptionsFrom(env).responseCache, ttlSeconds: 600 },
});
const compiledServer = createNewsgraphServer(serverOptions(true));
const executedServer = createNewsgraphServer(serverOptions(false));
// Over real sockets, so the compiled server answers plain POSTs at its HTTP fast path.
const compiled = serveInProcess(compiledServer.listener, () => compiledServer.yoga.dispose());
const executed = serveInProcess(executedServer.listener, () => executedServer.yoga.dispose());

/** What must never appear in an anonymous answer while its story is hidden. */
type Secrets = { story: string; needles: string[] };
let hidden: Secrets[] = [];
let scheduledSlug = '';
let scheduledNeedles: string[] = [];
const data: SeededData = { ids: {}, slugs: { Article: [], Person: [] }, cursors: {}, words: [] };
const ids: Record<string, string> = {};

beforeAll(async () => {
  await clearDatabase();
  const [ann, zed, bea] = [
    await makePerson({ name: 'Ann Avila', slug: 'ann' }),
    await makePerson({ name: 'Zed Zorn', slug: 'zed' }),
    await makePerson({ name: 'Bea Low', slug: 'bea' }),
  ];
  const story = (
    slug: string,
    headline: string,
    status: 'DRAFT' | 'PUBLISHED' | 'SCHEDULED' | 'ARCHIVED',
    publishedAt: Date | null,
    quoteWord: string,
  ) =>
    makeArticle({
      slug,
      headline,
      status,
      publishedAt,
      authors: [ann, zed],
      photographer: bea,
      mentions: [{ person: zed, roleAsWritten: 'the mayor' }, { person: bea }],
      quotes: [
        { text: `${quoteWord} said by Ann`, speaker: ann },
        { text: `${quoteWord} said by Zed`, speaker: zed },
        { text: `${quoteWord} unattributed`, speaker: null },
      ],
      teasers: [{ title: `Teaser on ${slug}` }],
    });
  const published = [
    await story('open-one', 'Open One', 'PUBLISHED', new Date(Date.UTC(2030, 0, 1)), 'Plain'),
    await story('open-two', 'Open Two', 'PUBLISHED', new Date(Date.UTC(2030, 0, 2)), 'Common'),
  ];
  const draft = await story('secret-draft', 'Embargoed Draft', 'DRAFT', null, 'Draftword');
  const scheduled = await story(
    'secret-scheduled',
    'Embargoed Scheduled',
    'SCHEDULED',
    new Date(clock + HOUR),
    'Schedword',
  );
  const archived = await story(
    'secret-archived',
    'Withdrawn Archived',
    'ARCHIVED',
    new Date(Date.UTC(2029, 0, 1)),
    'Archword',
  );
  // Teaser links both ways between visible and hidden pages.
  const [open, other] = published as [(typeof published)[0], (typeof published)[0]];
  const hiddenStories = [draft, scheduled, archived];
  for (const article of hiddenStories) {
    await db.teaser.create({
      data: {
        articleId: open.id,
        position: 1 + article.id,
        title: 'More',
        summary: '',
        targetId: article.id,
      },
    });
    await db.teaser.updateMany({ where: { articleId: article.id }, data: { targetId: other.id } });
  }
  const secretsOf = async (article: { id: number; slug: string; headline: string }) => {
    const [quotes, teasers, mentions] = await Promise.all([
      db.quote.findMany({ where: { articleId: article.id } }),
      db.teaser.findMany({ where: { articleId: article.id } }),
      db.mention.findMany({ where: { articleId: article.id } }),
    ]);
    return {
      story: article.slug,
      needles: [
        article.slug,
        article.headline,
        encodeGlobalID('Article', article.id),
        encodeGlobalID('LeadImage', article.id),
        ...quotes.flatMap((q) => [q.text, encodeGlobalID('Quote', q.id)]),
        ...teasers.flatMap((t) => [t.title, encodeGlobalID('Teaser', t.id)]),
        ...mentions.map((m) => encodeGlobalID('Mention', m.id)),
      ],
    };
  };
  hidden = await Promise.all(hiddenStories.map(secretsOf));
  scheduledSlug = scheduled.slug;
  scheduledNeedles = (hidden[1] as Secrets).needles;
  ids.draft = encodeGlobalID('Article', draft.id);
  ids.scheduled = encodeGlobalID('Article', scheduled.id);
  ids.open = encodeGlobalID('Article', open.id);
  ids.draftQuote = (hidden[0] as Secrets).needles.find((n) =>
    Buffer.from(n, 'base64').toString().startsWith('Quote:'),
  ) as string;

  // Every row's id and slug, hidden ones included, for the generated documents to ask about.
  const [articles, people, quotes, teasers, mentions] = await Promise.all([
    db.article.findMany({ orderBy: { id: 'asc' } }),
    db.person.findMany({ orderBy: { id: 'asc' } }),
    db.quote.findMany({ orderBy: { id: 'asc' } }),
    db.teaser.findMany({ orderBy: { id: 'asc' } }),
    db.mention.findMany({ orderBy: { id: 'asc' } }),
  ]);
  data.ids = {
    Article: articles.map((row) => encodeGlobalID('Article', row.id)),
    LeadImage: articles.map((row) => encodeGlobalID('LeadImage', row.id)),
    Person: people.map((row) => encodeGlobalID('Person', row.id)),
    Quote: quotes.map((row) => encodeGlobalID('Quote', row.id)),
    Teaser: teasers.map((row) => encodeGlobalID('Teaser', row.id)),
    Mention: mentions.map((row) => encodeGlobalID('Mention', row.id)),
  };
  data.slugs = { Article: articles.map((row) => row.slug), Person: people.map((row) => row.slug) };
  data.words = ['Embargoed', 'Draftword', 'Schedword', 'Archword', 'Open', 'said', 'Ann', 'Zed'];
}, 60_000);

afterAll(() => {
  clock = Date.UTC(2031, 0, 1, 12);
});

const page = 'first: 100';
const info = 'pageInfo { hasNextPage hasPreviousPage }';
const articleFields = `id slug headline status
  leadImage { id photographer { slug } }
  authors { slug }
  mentions { id person { slug } article { slug } }
  quotes { id text speaker { slug } article { slug } }
  teasers { id title article { slug } target { id slug headline } }
  teasedBy { id title article { slug headline } target { slug } }`;
const personFields = `slug
  articles(${page}) { totalCount ${info} edges { node { id slug headline } } }
  mentionedIn(${page}) { totalCount ${info} edges { roleAsWritten node { id slug headline } } }
  quotes(${page}) { totalCount ${info} edges { node { id text article { slug headline } } } }
  quotedAlongside { id count person { slug } }`;

/** Hand-written documents: every root field and connection, on the hidden stories' own keys too. */
const handWritten = (): { query: string; variables?: Record<string, unknown> }[] => [
  ...['secret-draft', 'secret-scheduled', 'secret-archived', 'open-one'].map((slug) => ({
    query: `query($slug: String!) { article(slug: $slug) { ${articleFields} } }`,
    variables: { slug },
  })),
  ...Object.values(ids).map((id) => ({
    query: `query($id: ID!) { article: node(id: $id) { id ... on Article { ${articleFields} } } }`,
    variables: { id },
  })),
  {
    query: `query($ids: [ID!]!) { nodes(ids: $ids) { id __typename ... on Article { slug headline }
      ... on Quote { text article { slug } } ... on Teaser { title article { slug } target { slug } }
      ... on Mention { article { slug } } ... on LeadImage { title } } }`,
    variables: { ids: hidden.flatMap((h) => h.needles.filter((n) => /^[A-Za-z0-9+/=]+$/.test(n))) },
  },
  {
    query: `query($id: ID!) { quote(id: $id) { id text article { slug } } }`,
    variables: { id: ids.draftQuote },
  },
  ...[undefined, 'DRAFT', 'SCHEDULED', 'ARCHIVED', 'PUBLISHED'].map((status) => ({
    query: `query($filter: ArticleFilter) { articles(${page}, filter: $filter) { totalCount ${info}
      edges { node { ${articleFields} } } } }`,
    variables: { filter: status ? { status } : null },
  })),
  {
    query: `{ a: articles(${page}, filter: { author: { slug: "ann" } }) { totalCount ${info} edges { node { slug headline } } }
      m: articles(${page}, filter: { mentions: { slug: "zed" } }) { totalCount ${info} edges { node { slug headline } } }
      q: articles(${page}, filter: { quotes: { slug: "zed" } }) { totalCount ${info} edges { node { slug headline } } }
      h: articles(${page}, filter: { headlineContains: "Embargoed" }) { totalCount ${info} edges { node { slug } } } }`,
  },
  {
    query: `{ all: quotes(${page}) { totalCount ${info} edges { node { id text article { slug headline } } } }
      text: quotes(${page}, filter: { textContains: "word" }) { totalCount ${info} edges { node { text } } }
      ann: quotes(${page}, filter: { speaker: { slug: "ann" } }) { totalCount ${info} edges { node { text } } }
      none: quotes(${page}, filter: { attributed: false }) { totalCount ${info} edges { node { text } } }
      draft: quotes(${page}, filter: { article: { slug: "secret-draft" } }) { totalCount ${info} edges { node { text } } } }`,
  },
  {
    query: `{ all: teasers(${page}) { totalCount ${info} edges { node { id title article { slug } target { slug headline } } } }
      with: teasers(${page}, filter: { hasTarget: true }) { totalCount ${info} edges { node { title target { slug } } } }
      without: teasers(${page}, filter: { hasTarget: false }) { totalCount ${info} edges { node { title } } }
      to: teasers(${page}, filter: { target: { slug: "secret-draft" } }) { totalCount ${info} edges { node { title } } }
      on: teasers(${page}, filter: { article: { slug: "secret-draft" } }) { totalCount ${info} edges { node { title } } } }`,
  },
  {
    query: `{ people(${page}) { totalCount ${info} edges { node { ${personFields} } } }
      named: people(${page}, filter: { nameContains: "Ann" }) { totalCount ${info} edges { node { slug } } } }`,
  },
  ...['ann', 'zed', 'bea'].map((slug) => ({
    query: `query($slug: String!) { person(slug: $slug) { ${personFields} } }`,
    variables: { slug },
  })),
];

type Sent = { query: string; variables?: Record<string, unknown> | undefined };

async function ask(url: string, document: Sent, headers: Record<string, string> = {}) {
  return postBody(JSON.stringify({ query: document.query, variables: document.variables }), {
    to: url,
    headers,
  });
}

/** Every connection in an answer that holds its whole list must count exactly its edges. */
function countMismatches(value: unknown, path = '$'): string[] {
  if (Array.isArray(value))
    return value.flatMap((item, i) => countMismatches(item, `${path}.${i}`));
  if (typeof value !== 'object' || value === null) return [];
  const object = value as Record<string, unknown>;
  const own: string[] = [];
  const pageInfo = object.pageInfo as
    | { hasNextPage?: boolean; hasPreviousPage?: boolean }
    | undefined;
  if (
    typeof object.totalCount === 'number' &&
    Array.isArray(object.edges) &&
    pageInfo?.hasNextPage === false &&
    pageInfo.hasPreviousPage === false &&
    object.totalCount !== object.edges.length
  )
    own.push(`${path}: totalCount ${object.totalCount}, ${object.edges.length} edges`);
  return [
    ...own,
    ...Object.entries(object).flatMap(([key, child]) => countMismatches(child, `${path}.${key}`)),
  ];
}

const GENERATED = 240;
const tally = { documents: 0, responses: 0, leaks: 0, countChecks: 0 };

describe(`visibility, the leak sweep (${testProvider})`, () => {
  it('shows anonymous readers no hidden story on any path, compiled or executed, cached or not', async () => {
    const documents: Sent[] = [...handWritten()];
    for (let seed = 0; seed < GENERATED; seed++)
      documents.push(
        generateDocument(schema, data, 0x6c65616b + seed, { costLimit: env.COST_LIMIT }),
      );
    const leaks: string[] = [];
    const mismatches: string[] = [];
    // Each document twice per path: the second answer may come from the response cache.
    for (const document of documents) {
      tally.documents += 1;
      const answers = [];
      for (const url of [compiled.url, executed.url, compiled.url, executed.url])
        answers.push(await ask(url, document));
      // An error may quote an ID the request itself sent ("ID … belongs to a Mention"), which
      // tells the client nothing it did not know (an ID's type is in its base64): not a leak.
      const sent = JSON.stringify(document);
      for (const answer of answers) {
        tally.responses += 1;
        for (const { story, needles } of hidden) {
          for (const needle of needles) {
            if (answer.text.includes(needle) && !sent.includes(needle)) {
              tally.leaks += 1;
              const at = answer.text.indexOf(needle);
              leaks.push(
                `${story}: "${needle}" in …${answer.text.slice(Math.max(0, at - 150), at + 60)}…`,
              );
            }
          }
        }
        mismatches.push(...countMismatches(answer.data));
        tally.countChecks += 1;
      }
      // Both paths agree, so the compiled rule and the Prisma rule are the same rule.
      expect(answers[0]?.text, document.query).toBe(answers[1]?.text);
    }
    expect(leaks).toEqual([]);
    expect(mismatches).toEqual([]);
    console.info(
      `leak sweep (${testProvider}): ${tally.documents} documents run, ${tally.responses} responses checked, ${tally.leaks} leaks found`,
    );
  }, 300_000);

  it('counts only visible rows in every totalCount', async () => {
    const answer = await ask(compiled.url, {
      query: `{ articles { totalCount } quotes { totalCount } teasers { totalCount }
        draft: articles(filter: { status: DRAFT }) { totalCount edges { node { slug } } }
        person(slug: "ann") { articles { totalCount } mentionedIn { totalCount } quotes { totalCount } }
        zed: person(slug: "zed") { quotedAlongside { count person { slug } } } }`,
    });
    // Two published stories, each with 3 quotes and 1 teaser of its own (plus 3 teasers on
    // open-one that point at hidden stories, whose targets read null).
    expect(answer.data).toEqual({
      articles: { totalCount: 2 },
      quotes: { totalCount: 6 },
      teasers: { totalCount: 5 },
      draft: { totalCount: 0, edges: [] },
      person: {
        articles: { totalCount: 2 },
        mentionedIn: { totalCount: 0 },
        quotes: { totalCount: 2 },
      },
      zed: { quotedAlongside: [{ count: 2, person: { slug: 'ann' } }] },
    });
  });

  it('lets editors see every story, and never caches their answers for the public', async () => {
    const query = `{ articles(first: 100, filter: { status: DRAFT }) { totalCount edges { node { slug } } }
      article(slug: "secret-scheduled") { slug } }`;
    for (const url of [compiled.url, executed.url]) {
      const asEditor = await ask(url, { query }, { authorization: `Bearer ${editorToken}` });
      expect(asEditor.errors).toBeUndefined();
      expect(asEditor.data).toEqual({
        articles: { totalCount: 1, edges: [{ node: { slug: 'secret-draft' } }] },
        article: { slug: 'secret-scheduled' },
      });
      expect(asEditor.headers.get('cache-control')).toBe('private, no-store');
      // The same document anonymously, right after: the editor's answer was not stored for it.
      for (let i = 0; i < 2; i++) {
        const anonymous = await ask(url, { query });
        expect(anonymous.data).toEqual({ articles: { totalCount: 0, edges: [] }, article: null });
        expect(anonymous.headers.get('cache-control')).not.toContain('private');
      }
    }
  });

  it('shows a scheduled story once the clock passes its time, in lists too, cached or not', async () => {
    const list = { query: `{ articles(first: 100) { totalCount edges { node { slug } } } }` };
    const person = {
      query: `{ person(slug: "ann") { articles(first: 100) { totalCount edges { node { slug } } }
        quotes(first: 100) { totalCount edges { node { text } } } } }`,
    };
    for (const url of [compiled.url, executed.url]) {
      // Asked until served from the cache, so the later answer would be stale if it were kept.
      let before = await ask(url, list);
      for (let i = 0; i < 3 && before.headers.get('x-newsgraph-cache') !== 'hit'; i++)
        before = await ask(url, list);
      expect(before.text).not.toContain(scheduledSlug);
      expect((await ask(url, person)).text).not.toContain(scheduledSlug);
    }
    expect(clock).toBeLessThan(Date.UTC(2031, 0, 1, 13));
    clock += 2 * HOUR;
    for (const url of [compiled.url, executed.url]) {
      const after = await ask(url, list);
      expect(after.headers.get('x-newsgraph-cache')).not.toBe('hit');
      const slugs = (
        after.data as { articles: { edges: { node: { slug: string } }[] } }
      ).articles.edges.map((edge) => edge.node.slug);
      expect(slugs).toEqual(['secret-scheduled', 'open-two', 'open-one']);
      expect(after.data).toMatchObject({ articles: { totalCount: 3 } });
      const page = await ask(url, person);
      expect(page.data).toMatchObject({
        person: { articles: { totalCount: 3 }, quotes: { totalCount: 3 } },
      });
      expect(page.text).toContain('Schedword said by Ann');
      const lookup = await ask(url, {
        query: `{ article(slug: "secret-scheduled") { slug } node(id: "${ids.scheduled}") { id } }`,
      });
      expect(lookup.data).toEqual({
        article: { slug: scheduledSlug },
        node: { id: ids.scheduled },
      });
    }
    // The draft and the archived story stay hidden.
    const rest = await ask(compiled.url, handWritten()[0] as Sent);
    expect(rest.data).toEqual({ article: null });
    expect(scheduledNeedles.length).toBeGreaterThan(5);
  });
});
