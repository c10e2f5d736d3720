// Builds one migrated template database per run; workers copy it instead of migrating again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { Migrator } from '../../src/db/migrator.js';
import { parseDatabaseUrl } from '../../src/db/url.js';

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-test-'));
  const template = path.join(dir, 'template.db');
  const migrator = await Migrator.open(parseDatabaseUrl(`file:${template}`));
  try {
    await migrator.deploy();
  } finally {
    await migrator.close();
  }
  project.provide('testDbDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    testDbDir: string;
  }
}
