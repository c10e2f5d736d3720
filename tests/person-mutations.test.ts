// Editors' person mutations: updatePerson and mergePeople, through HTTP with the response cache on:
// what each stores (person, links, redirects, revision, correction), and how each refuses.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { purgeCachesInProcess } from '../src/cache/index.js';
import { graphql } from '../src/client/graphql.js';
import { encodeGlobalID } from '../src/global-id.js';
import { createApiToken, revokeApiToken } from '../src/services/api-token.js';
import { captureSql, clearDatabase, db } from './support/db.js';
import { bearer, editorialServer, idOf } from './support/editor.js';
import { makeArticle, makePerson } from './support/factories.js';
import { gql, gqlError, post } from './support/http.js';

const EDITOR_TOKEN = 'y'.repeat(32);
const now = () => Date.parse('2026-12-01T12:00:00Z');
const app = editorialServer(EDITOR_TOKEN, now, { RESPONSE_CACHE_TTL: '60' });
afterAll(() => app.dispose());

const asEditor = { to: app, headers: bearer(EDITOR_TOKEN) };
const id = idOf;

const Update = graphql(`
  mutation UpdatePerson($input: UpdatePersonInput!) {
    updatePerson(input: $input) { slug name description aliases version }
  }
`);
const Merge = graphql(`
  mutation MergePeople($input: MergePeopleInput!) {
    mergePeople(input: $input) { slug name aliases version }
  }
`);
const PersonBySlug = graphql(`
  query PersonBySlug($slug: String!) { person(slug: $slug) { slug name } }
`);
const PersonById = graphql(`
  query PersonById($id: ID!) { person(id: $id) { slug name } }
`);

/** An anonymous read of a person by slug, with the SQL it cost (0: answered from the cache). */
async function readPerson(slug: string) {
  const { result, sql } = await captureSql(() =>
    post(PersonBySlug, { to: app, variables: { slug } }),
  );
  expect(result.errors).toBeUndefined();
  return { person: result.data?.person, statements: sql.length };
}

const revisions = () =>
  db.revision.findMany({ where: { entityType: { not: 'ApiToken' } }, orderBy: { id: 'asc' } });

beforeEach(async () => {
  await clearDatabase();
  await purgeCachesInProcess('all');
});

describe('updatePerson', () => {
  it('corrects name, description and aliases; the slug stays; revision and correction', async () => {
    const person = await makePerson({
      slug: 'lena-varga',
      name: 'Lena Varg',
      aliases: ['Varg', 'ヴァルガ'],
    });
    const data = await gql(Update, {
      ...asEditor,
      variables: {
        input: {
          person: id('Person', person),
          name: ' Lena Varga ',
          description: 'Harbour commissioner',
          aliases: ['Varga', 'ヴァルガ', 'Varga'],
          expectedVersion: 1,
        },
      },
    });
    expect({ ...data.updatePerson, aliases: data.updatePerson.aliases.toSorted() }).toEqual({
      slug: 'lena-varga',
      name: 'Lena Varga',
      description: 'Harbour commissioner',
      aliases: ['Varga', 'ヴァルガ'],
      version: 2,
    });
    const [correction] = await db.correction.findMany();
    expect(correction).toMatchObject({
      kind: 'EDIT_PERSON',
      personId: person.id,
      actor: 'EDITOR_TOKEN',
    });
    expect(JSON.parse(correction?.value ?? '')).toEqual({
      name: 'Lena Varga',
      description: 'Harbour commissioner',
      aliases: ['Varga', 'ヴァルガ'],
    });
    const [revision] = await revisions();
    expect(revision).toMatchObject({
      action: 'updatePerson',
      entityType: 'Person',
      entityId: person.id,
    });
    expect(JSON.parse(revision?.before ?? '')).toMatchObject({ name: 'Lena Varg', version: 1 });
    expect(JSON.parse(revision?.after ?? '')).toMatchObject({ name: 'Lena Varga', version: 2 });
  });

  it('leaves out what is not given, and records only that', async () => {
    const person = await makePerson({
      name: 'Omar Field',
      description: 'Mayor',
      aliases: ['Field'],
    });
    const data = await gql(Update, {
      ...asEditor,
      variables: { input: { person: id('Person', person), description: null } },
    });
    expect(data.updatePerson).toMatchObject({
      name: 'Omar Field',
      description: null,
      aliases: ['Field'],
    });
    const [correction] = await db.correction.findMany();
    expect(JSON.parse(correction?.value ?? '')).toEqual({ description: null });
  });

  it('refuses a bad name, alias or ID on its field, and a person that does not exist', async () => {
    const person = await makePerson();
    const article = await makeArticle();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ name: '' }, 'BAD_USER_INPUT', 'input.name'],
      [{ name: 'x'.repeat(201) }, 'BAD_USER_INPUT', 'input.name'],
      [{ name: null }, 'BAD_USER_INPUT', 'input.name'],
      [{ aliases: ['ok', ' '] }, 'BAD_USER_INPUT', 'input.aliases.1'],
      [{ person: id('Article', article) }, 'BAD_USER_INPUT', 'input.person'],
      [{ person: encodeGlobalID('Person', 999_999) }, 'NOT_FOUND', 'input.person'],
    ];
    for (const [change, code, field] of cases) {
      const error = await gqlError(code, Update, {
        ...asEditor,
        variables: { input: { person: id('Person', person), ...change } },
      });
      expect(error.extensions?.field).toBe(field);
    }
    expect(await db.correction.count()).toBe(0);
    expect(await revisions()).toEqual([]);
  });
});

describe('mergePeople', () => {
  it('moves everything to `into`, redirects `from`, and records one revision', async () => {
    const into = await makePerson({
      slug: 'maria-ostrova',
      name: 'Maria Ostrova',
      aliases: ['Ostrova'],
    });
    const from = await makePerson({
      slug: 'm-ostrova',
      name: 'M. Ostrova',
      aliases: ['Ostrova', 'オストロワ'],
    });
    const older = await makePerson({ slug: 'maria-o', name: 'Maria O.' });
    const writer = await makePerson();
    // Both on one byline and in one article's mentions; from alone elsewhere.
    const shared = await makeArticle({
      authors: [into, from],
      mentions: [
        { person: into, firstParagraph: 1 },
        { person: from, roleAsWritten: 'port director', firstParagraph: 0 },
      ],
      quotes: [{ text: 'Both of us', speaker: from }],
    });
    const own = await makeArticle({
      authors: [writer, from],
      photographer: from,
      mentions: [{ person: from }],
      quotes: [{ text: 'Only me', speaker: from }],
    });
    // `older` was merged into `from` before; an editor had named `from` as a speaker.
    await db.personRedirect.create({
      data: { fromId: older.id + 1000, fromSlug: 'maria-o', personId: from.id },
    });
    await db.person.delete({ where: { id: older.id } });
    await db.correction.create({
      data: {
        kind: 'REATTRIBUTE_QUOTE',
        articleSlug: own.slug,
        quoteText: 'Only me',
        value: JSON.stringify({ speakerId: from.id }),
        actor: 'someone',
      },
    });

    const data = await gql(Merge, {
      ...asEditor,
      variables: {
        input: { from: id('Person', from), into: id('Person', into), expectedVersion: 1 },
      },
    });
    expect({ ...data.mergePeople, aliases: data.mergePeople.aliases.toSorted() }).toEqual({
      slug: 'maria-ostrova',
      name: 'Maria Ostrova',
      aliases: ['M. Ostrova', 'Ostrova', 'オストロワ'],
      version: 2,
    });
    expect(await db.person.findUnique({ where: { id: from.id } })).toBeNull();
    const links = async (articleId: number) =>
      db.article.findUniqueOrThrow({
        where: { id: articleId },
        select: {
          leadImagePhotographerId: true,
          authors: { orderBy: { position: 'asc' }, select: { personId: true } },
          mentions: { select: { personId: true, roleAsWritten: true, firstParagraph: true } },
          quotes: { select: { speakerId: true } },
        },
      });
    expect(await links(shared.id)).toEqual({
      leadImagePhotographerId: null,
      authors: [{ personId: into.id }],
      mentions: [{ personId: into.id, roleAsWritten: 'port director', firstParagraph: 0 }],
      quotes: [{ speakerId: into.id }],
    });
    expect(await links(own.id)).toEqual({
      leadImagePhotographerId: into.id,
      authors: [{ personId: writer.id }, { personId: into.id }],
      mentions: [{ personId: into.id, roleAsWritten: null, firstParagraph: 0 }],
      quotes: [{ speakerId: into.id }],
    });
    expect(
      (await db.personRedirect.findMany({ orderBy: { fromSlug: 'asc' } })).map((r) => [
        r.fromSlug,
        r.personId,
      ]),
    ).toEqual([
      ['m-ostrova', into.id],
      ['maria-o', into.id],
    ]);
    const [correction] = await db.correction.findMany();
    expect(JSON.parse(correction?.value ?? '')).toEqual({ speakerId: into.id });

    // The old slug and ID resolve to `into`, as does a slug merged into `from` before.
    for (const slug of ['m-ostrova', 'maria-o'])
      expect((await gql(PersonBySlug, { to: app, variables: { slug } })).person?.slug).toBe(
        'maria-ostrova',
      );
    expect(
      (await gql(PersonById, { to: app, variables: { id: id('Person', from) } })).person?.slug,
    ).toBe('maria-ostrova');

    const [revision] = await revisions();
    expect(revision).toMatchObject({
      action: 'mergePeople',
      entityType: 'Person',
      entityId: into.id,
      actor: 'EDITOR_TOKEN',
    });
    expect(JSON.parse(revision?.before ?? '')).toMatchObject({
      from: { slug: 'm-ostrova', name: 'M. Ostrova' },
      into: { slug: 'maria-ostrova', version: 1 },
    });
    expect(JSON.parse(revision?.after ?? '')).toMatchObject({ slug: 'maria-ostrova', version: 2 });
  });

  it('refuses merging someone into themselves, and people that do not exist', async () => {
    const person = await makePerson();
    const same = await gqlError('BAD_USER_INPUT', Merge, {
      ...asEditor,
      variables: { input: { from: id('Person', person), into: id('Person', person) } },
    });
    expect(same.extensions?.field).toBe('input.into');
    const missing = encodeGlobalID('Person', 999_999);
    for (const [input, field] of [
      [{ from: missing, into: id('Person', person) }, 'input.from'],
      [{ from: id('Person', person), into: missing }, 'input.into'],
    ] as const) {
      const error = await gqlError('NOT_FOUND', Merge, { ...asEditor, variables: { input } });
      expect(error.extensions?.field).toBe(field);
    }
    const wrongType = await gqlError('BAD_USER_INPUT', Merge, {
      ...asEditor,
      variables: { input: { from: encodeGlobalID('Quote', 1), into: id('Person', person) } },
    });
    expect(wrongType.extensions?.field).toBe('input.from');
    expect(await db.person.count()).toBe(1);
  });
});

type Two = { a: { id: number; slug: string }; b: { id: number; slug: string } };

const cases = [
  {
    name: 'updatePerson',
    send: ({ a }: Two, headers: Record<string, string>, expectedVersion?: number) =>
      post(Update, {
        to: app,
        headers,
        variables: { input: { person: id('Person', a), name: 'Renamed Person', expectedVersion } },
      }),
  },
  {
    name: 'mergePeople',
    send: ({ a, b }: Two, headers: Record<string, string>, expectedVersion?: number) =>
      post(Merge, {
        to: app,
        headers,
        variables: { input: { from: id('Person', a), into: id('Person', b), expectedVersion } },
      }),
  },
];

describe.each(cases)('$name', ({ send }) => {
  const two = async (): Promise<Two> => ({
    a: await makePerson({ slug: 'first-person', name: 'First Person' }),
    b: await makePerson({ slug: 'second-person', name: 'Second Person' }),
  });

  it('is UNAUTHENTICATED anonymously and with a revoked token, and writes nothing', async () => {
    const people = await two();
    const { secret } = await createApiToken(db, { name: 'weekend-desk', role: 'EDITOR' });
    await revokeApiToken(db, 'weekend-desk');
    const anonymous = await send(people, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const revoked = await send(people, bearer(secret));
    expect([revoked.status, revoked.errors?.[0]?.extensions?.code]).toEqual([
      401,
      'UNAUTHENTICATED',
    ]);
    expect(await revisions()).toEqual([]);
    expect(await db.person.findMany({ select: { name: true }, orderBy: { id: 'asc' } })).toEqual([
      { name: 'First Person' },
      { name: 'Second Person' },
    ]);
  });

  it('is a CONFLICT carrying the current version when the version given is stale', async () => {
    const people = await two();
    const answer = await send(people, bearer(EDITOR_TOKEN), 7);
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      currentVersion: 1,
      expectedVersion: 7,
    });
    expect(await revisions()).toEqual([]);
    expect(await db.person.count()).toBe(2);
  });

  it('drops the cached anonymous read of the person it changed', async () => {
    const people = await two();
    await expect.poll(async () => (await readPerson('first-person')).statements).toBe(0);
    const before = await readPerson('first-person');
    const answer = await send(people, bearer(EDITOR_TOKEN), 1);
    expect(answer.errors).toBeUndefined();
    const after = await readPerson('first-person');
    expect(after.statements).toBeGreaterThan(0);
    expect(after.person?.name).not.toBe(before.person?.name);
  });
});
