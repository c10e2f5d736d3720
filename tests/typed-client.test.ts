// The typed client as a frontend meets it: DateTime typed as an ISO string (checked by
// `npm run typecheck`, which includes this file), and the README's example run exactly as written.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { graphql as gqlTadaGraphql } from 'gql.tada';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  ArticlePageQuery,
  graphql,
  type ResultOf,
  request,
  type VariablesOf,
} from '../src/client/index.js';
import { projectRoot } from '../src/env.js';
import { yoga } from '../src/yoga.js';
import { seed } from './support/db.js';
import { type RunningServer, startServer } from './support/server.js';
import { freshDatabaseUrl } from './support/test-database.js';

const seededSlug = 'russia-hacked-election-probe-update-kremlin-denies-interfering-in-us-elections';
const seedMeta = JSON.parse(
  readFileSync(path.join(projectRoot, 'seeds', 'seed-article.meta.json'), 'utf8'),
) as { publishedAt: string };

const Dates = graphql(`
  query Dates($from: DateTime) {
    article(slug: "x") { createdAt publishedAt }
    articles(first: 1, filter: { publishedFrom: $from }) { totalCount }
  }
`);
// The same document through gql.tada's own tag, which reads the schema graphql-env.d.ts registers.
const DatesThroughGqlTada = gqlTadaGraphql(`
  query DatesThroughGqlTada { article(slug: "x") { createdAt publishedAt } }
`);

describe('DateTime in typed results', () => {
  it('is an ISO 8601 string in results and variables, with either graphql tag', () => {
    type Article = NonNullable<ResultOf<typeof Dates>['article']>;
    expectTypeOf<Article['createdAt']>().toEqualTypeOf<string>();
    expectTypeOf<Article['publishedAt']>().toEqualTypeOf<string | null>();
    expectTypeOf<VariablesOf<typeof Dates>['from']>().toEqualTypeOf<string | null | undefined>();
    type ViaGqlTada = NonNullable<ResultOf<typeof DatesThroughGqlTada>['article']>;
    expectTypeOf<ViaGqlTada['createdAt']>().toEqualTypeOf<string>();
    expectTypeOf<ViaGqlTada['publishedAt']>().toEqualTypeOf<string | null>();
    expectTypeOf<
      NonNullable<ResultOf<typeof ArticlePageQuery>['article']>['publishedAt']
    >().toEqualTypeOf<string | null>();
  });

  it('is what the server really sends', async () => {
    await seed();
    const data = await request(
      ArticlePageQuery,
      { slug: seededSlug },
      {
        endpoint: 'http://newsgraph.test/graphql',
        fetch: async (input, init) => yoga.fetch(input, init ?? {}),
      },
    );
    const publishedAt: string | null | undefined = data.article?.publishedAt;
    expect(publishedAt).toBe(seedMeta.publishedAt);
  });
});

/** The one ```ts block of the README's "For frontend teams" section. */
function readmeExample(): { file: string; source: string } {
  const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## For frontend teams')).split(/\n## /)[0] ?? '';
  const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  expect(blocks).toHaveLength(1);
  const source = blocks[0] ?? '';
  // The block says where it must be saved, and it must be somewhere the typecheck sees.
  const file = /^\/\/ (\S+\.ts)\n/.exec(source)?.[1] ?? '';
  expect(file, 'the example starts with a comment naming its file').toMatch(/^src\/[^/]+\.ts$/);
  return { file, source };
}

describe("the README's typed example", () => {
  const example = readmeExample();
  // Saved where the README says (src/), under a name of its own so no real file is touched.
  const file = path.join(
    projectRoot,
    path.dirname(example.file),
    `readme-example-${randomUUID().slice(0, 8)}.ts`,
  );
  const node = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, args, {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, ...env },
      timeout: 90_000,
    });
  let server: RunningServer | undefined;

  beforeAll(() => writeFileSync(file, example.source));
  afterAll(async () => {
    rmSync(file, { force: true });
    await server?.stop();
  });

  it('is a file `npm run typecheck` checks', () => {
    const listed = node([
      'node_modules/typescript/bin/tsc',
      '--listFilesOnly',
      '-p',
      'tsconfig.json',
    ]);
    expect(listed.stdout.split('\n')).toContain(file);
  }, 90_000);

  it('typechecks with tsc and gql.tada check, and lints clean', () => {
    // Only this file (and what it imports), so other work in progress in the tree cannot fail it.
    const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-readme-'));
    try {
      const tsconfig = path.join(dir, 'tsconfig.json');
      writeFileSync(
        tsconfig,
        JSON.stringify({
          extends: path.join(projectRoot, 'tsconfig.json'),
          include: [file],
          compilerOptions: {
            typeRoots: [path.join(projectRoot, 'node_modules', '@types')],
            plugins: [
              {
                name: 'gql.tada/ts-plugin',
                schema: path.join(projectRoot, 'src', 'schema.graphql'),
                tadaOutputLocation: path.join(projectRoot, 'src', 'client', 'graphql-env.d.ts'),
              },
            ],
          },
        }),
      );
      const tsc = node(['node_modules/typescript/bin/tsc', '--noEmit', '-p', tsconfig]);
      expect(tsc.status, `${tsc.stdout}${tsc.stderr}`).toBe(0);
      const check = node(['node_modules/gql.tada/bin/cli.js', 'check', '--tsconfig', tsconfig]);
      expect(check.status, `${check.stdout}${check.stderr}`).toBe(0);
      // Saved as is, it passes `npm run lint` too.
      const lint = node(['node_modules/@biomejs/biome/bin/biome', 'check', file]);
      expect(lint.status, `${lint.stdout}${lint.stderr}`).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('prints the first speaker of the seeded story when run against a server', async () => {
    // `npm start` on an empty database migrates and seeds it, as on a fresh clone.
    server = await startServer({ DATABASE_URL: await freshDatabaseUrl() });
    const run = node(['--import', 'tsx', file], { NEWSGRAPH_URL: `${server.url}/graphql` });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe(`Dmitry Peskov ${seedMeta.publishedAt}`);
  }, 90_000);
});
