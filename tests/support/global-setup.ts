// Builds one migrated template database per run, on SQLite or PostgreSQL; each worker copies it
// instead of migrating again. Everything the run created is removed at the end.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { Migrator } from '../../src/db/migrator.js';
import { parseDatabaseUrl } from '../../src/db/url.js';
import { newRunPrefix, postgresUrl, testProvider, withAdmin } from './test-database.js';

export default async function setup(project: TestProject) {
  const prefix = newRunPrefix();
  process.env.NEWSGRAPH_TEST_RUN = prefix;
  const templateUrl =
    testProvider === 'postgres'
      ? postgresUrl(`${prefix}_template`)
      : `file:${path.join(tmpdir(), prefix, 'template.db')}`;
  if (testProvider === 'postgres')
    await withAdmin((admin) => admin.query(`CREATE DATABASE "${prefix}_template"`));
  const migrator = await Migrator.open(parseDatabaseUrl(templateUrl));
  try {
    await migrator.deploy();
  } finally {
    await migrator.close();
  }
  project.provide('testRun', { prefix, templateUrl });
  return async () => {
    rmSync(path.join(tmpdir(), prefix), { recursive: true, force: true });
    if (testProvider === 'postgres') {
      await withAdmin(async (admin) => {
        const { rows } = await admin.query<{ datname: string }>(
          'SELECT datname FROM pg_database WHERE datname LIKE $1',
          [`${prefix}%`],
        );
        for (const { datname } of rows)
          await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      });
    }
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    testRun: { prefix: string; templateUrl: string };
  }
}
