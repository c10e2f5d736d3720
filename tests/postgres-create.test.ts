// `npm start` on PostgreSQL when the database DATABASE_URL names does not exist yet: it creates it
// (quoting the name), or, for a role that may not, exits 1 with the exact command to run.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { postQuery, startServer } from './support/server.js';
import { adminPostgresUrl, runPrefix, testProvider, withAdmin } from './support/test-database.js';
import { runTs } from './support/tmp.js';

const unique = () => randomUUID().replaceAll('-', '').slice(0, 8);

/** A URL for `database` as `user` (trust authentication on the test server). */
function urlFor(database: string, user?: string): string {
  const url = new URL(adminPostgresUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  if (user) url.username = encodeURIComponent(user);
  return url.toString();
}

const exists = (database: string) =>
  withAdmin(async (admin) => {
    const { rows } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    return rows.length === 1;
  });

const databases: string[] = [];
const roles: string[] = [];
afterAll(async () => {
  if (testProvider !== 'postgres') return;
  await withAdmin(async (admin) => {
    for (const name of databases)
      await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    for (const name of roles)
      await admin.query(`DROP ROLE IF EXISTS ${admin.escapeIdentifier(name)}`);
  });
});

describe.runIf(testProvider === 'postgres')('npm start on a missing PostgreSQL database', () => {
  it('creates it, even with a name that needs quoting, then migrates, seeds and serves', async () => {
    // A space, a double quote, capitals and a hyphen: only a properly quoted identifier survives.
    const name = `${runPrefix()}_New "Room"-${unique()}`;
    databases.push(name);
    expect(await exists(name)).toBe(false);
    const server = await startServer({ DATABASE_URL: urlFor(name) });
    try {
      expect(server.output()).toContain(`created database "${name}"`);
      const { body } = await postQuery(server.url, '{ articles { totalCount } }');
      expect(body).toEqual({ data: { articles: { totalCount: 1 } } });
    } finally {
      expect(await server.stop()).toBe(0);
    }
    expect(await exists(name)).toBe(true);
    // A second start finds it and creates nothing.
    const again = await startServer({ DATABASE_URL: urlFor(name) });
    expect(again.output()).not.toContain('created database');
    expect(await again.stop()).toBe(0);
  }, 120_000);

  it('tells a role that may not create databases exactly what to run, and that command works', async () => {
    const role = `${runPrefix()}_reader_${unique()}`;
    const name = `${runPrefix()}_denied_${unique()}`;
    roles.push(role);
    databases.push(name);
    await withAdmin((admin) =>
      admin.query(`CREATE ROLE ${admin.escapeIdentifier(role)} LOGIN NOCREATEDB`),
    );
    const url = urlFor(name, role);
    const denied = await runTs('src/index.ts', [], { DATABASE_URL: url, PORT: '0' });
    expect(denied.code).toBe(1);
    expect(denied.stdout).toBe('');
    const lines = denied.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const match =
      /^error: database "(.+)" does not exist and role "(.+)" may not create databases; create it as a role that may, then start again: (psql .+)$/.exec(
        lines[0] ?? '',
      );
    expect(match?.slice(1, 3)).toEqual([name, role]);
    expect(await exists(name)).toBe(false);

    // Run the command exactly as printed (the test server's superuser is `postgres`).
    const created = spawnSync('sh', ['-c', match?.[3] ?? 'false'], { encoding: 'utf8' });
    expect(created.status, created.stderr).toBe(0);
    expect(await exists(name)).toBe(true);

    // Now the same role starts, migrates the database it owns, and serves.
    const server = await startServer({ DATABASE_URL: url });
    try {
      const { body } = await postQuery(server.url, '{ articles { totalCount } }');
      expect(body).toEqual({ data: { articles: { totalCount: 1 } } });
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 120_000);
});
