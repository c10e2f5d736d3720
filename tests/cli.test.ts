// The commands a user runs, as real child processes: db:*, seed and start.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { providerPaths } from '../src/db/schemas.js';
import { projectRoot } from '../src/env.js';
import { contractQuery } from '../src/examples.js';
import { freshDatabaseUrl, testProvider } from './support/test-database.js';
import { runTs, tempDir } from './support/tmp.js';

const dir = tempDir('newsgraph-cli-');
// The provider's migrations, oldest first, as the commands will report them.
const migrations = readdirSync(providerPaths[testProvider].migrations)
  .filter((name) => /^\d{14}_/.test(name))
  .sort();
const db = (args: string[], url: string) => runTs('src/cli/db.ts', args, { DATABASE_URL: url });

describe('db commands', () => {
  it('migrate, status, reset and drift print clear messages and exit codes', async () => {
    const url = await freshDatabaseUrl();
    const pending = await db(['status'], url);
    expect(pending.code).toBe(1);
    expect(pending.stdout).toContain(`applied: 0, pending: ${migrations.length}`);
    for (const name of migrations) expect(pending.stdout).toContain(`pending  ${name}`);

    const migrate = await db(['migrate'], url);
    expect(migrate).toMatchObject({ code: 0, stderr: '' });
    expect(migrate.stdout).toContain(
      `applied ${migrations.length} migration(s): ${migrations.join(', ')}\n`,
    );

    const again = await db(['migrate'], url);
    expect(again.stdout).toMatch(/up to date; no migration to apply/);

    const ok = await db(['status'], url);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/database is up to date/);

    const reset = await db(['reset'], url);
    expect(reset.code).toBe(0);
    expect(reset.stdout).toMatch(
      new RegExp(`^reset .*; applied ${migrations.length} migration\\(s\\)$`, 'm'),
    );

    const drift = await db(['drift'], url);
    expect(drift).toMatchObject({ code: 0 });
    expect(drift.stdout).toMatch(/matches/);

    const noName = await db(['migration'], url);
    expect(noName.code).toBe(1);
    expect(noName.stderr).toBe('error: a migration needs a name: npm run db:migration -- <name>\n');

    const unknown = await db(['frobnicate'], url);
    expect(unknown.code).toBe(2);
  });

  it.runIf(testProvider === 'postgres')(
    'fails with a one-line reason when PostgreSQL is unreachable or refuses the login',
    async () => {
      for (const url of [
        'postgresql://postgres@127.0.0.1:1/newsgraph',
        'postgresql://no_such_role@127.0.0.1:5432/postgres',
      ]) {
        const result = await db(['migrate'], url);
        expect(result.code).toBe(1);
        expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
        expect(result.stderr).toMatch(/^error: could not connect to the database: /);
      }
    },
  );

  it('fails with a one-line reason and no stack trace on a bad DATABASE_URL', async () => {
    const result = await db(['migrate'], 'mysql://root@localhost/newsgraph');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error: DATABASE_URL scheme "mysql:" is not supported; use file:<path> (SQLite) or postgresql://… (PostgreSQL)\n',
    );
  });

  it.runIf(testProvider === 'sqlite')(
    'fails clearly when the database file cannot be created',
    async () => {
      // The parent "directory" is a file, so nothing can be created there (root ignores permissions).
      const { writeFileSync } = await import('node:fs');
      const notADir = path.join(dir, 'plain-file');
      writeFileSync(notADir, 'not a directory');
      const result = await db(['migrate'], `file:${path.join(notADir, 'cannot.db')}`);
      expect(result.code).toBe(1);
      expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
      expect(result.stderr).toMatch(/^error: /);
    },
  );
});

describe('seed command', () => {
  it('migrates and seeds, then reports unchanged on a second run', async () => {
    const url = await freshDatabaseUrl();
    const first = await runTs('src/cli/seed.ts', [], { DATABASE_URL: url });
    expect(first).toMatchObject({ code: 0, stdout: 'seed: 1 created, 0 updated, 0 unchanged\n' });
    const second = await runTs('src/cli/seed.ts', [], { DATABASE_URL: url });
    expect(second.stdout).toBe('seed: 0 created, 0 updated, 1 unchanged\n');
  });

  it('fails with the reason when the seeds directory is missing', async () => {
    const result = await runTs('src/cli/seed.ts', [path.join(dir, 'no-such-dir')], {
      DATABASE_URL: await freshDatabaseUrl(),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: seeds directory not found: .*no-such-dir\n$/);
  });
});

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

describe('studio', () => {
  it('opens Prisma Studio offline on the configured database', async () => {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ['node_modules/prisma/build/index.js', 'studio', '--browser', 'none', '--port', String(port)],
      {
        cwd: projectRoot,
        env: { ...process.env, DATABASE_URL: await freshDatabaseUrl() },
      },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('studio did not start')), 30_000);
        child.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('running at')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      const page = await fetch(`http://localhost:${port}/`);
      expect(page.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  }, 40_000);
});

describe('start', () => {
  it('migrates, seeds, serves GraphiQL and the contract query, and stops on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      cwd: projectRoot,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: await freshDatabaseUrl(),
        PORT: String(port),
        HOST: '127.0.0.1',
      },
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`server did not start: ${stdout}`)),
          20_000,
        );
        child.stdout.on('data', () => {
          if (stdout.includes('serving GraphQL')) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.on('exit', (code) => reject(new Error(`server exited early with ${code}`)));
      });
      expect(stdout).toContain(`applied ${migrations.length} migration(s)`);
      expect(stdout).toMatch(/seeded 1 article/);
      expect(stdout).toContain(`http://localhost:${port}/graphql`);

      const page = await fetch(`http://127.0.0.1:${port}/graphql`, {
        headers: { accept: 'text/html' },
      });
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      const html = await page.text();
      expect(html).toContain('GraphiQL');
      expect(html).toContain('query Contract');

      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: contractQuery }),
      });
      const body = await response.json();
      expect(body.errors).toBeUndefined();
      expect(body.data.articles.edges[0].node.authors).toEqual([
        expect.objectContaining({ slug: 'richard-chiu', name: 'Richard Chiu' }),
      ]);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });

  it('exits non-zero with a one-line reason when the port is taken', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const { port } = blocker.address() as { port: number };
    try {
      const result = await runTs('src/index.ts', [], {
        DATABASE_URL: await freshDatabaseUrl(),
        PORT: String(port),
        HOST: '127.0.0.1',
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^error: .*EADDRINUSE.*\n$/);
    } finally {
      blocker.close();
    }
  });
});
