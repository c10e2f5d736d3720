// Points this worker at its own copy of the template database before any app module loads.
import { copyFileSync, existsSync } from 'node:fs';
import { inject } from 'vitest';
import { postgresUrl, testProvider, withAdmin } from './test-database.js';

const { prefix, templateUrl } = inject('testRun');
process.env.NEWSGRAPH_TEST_RUN = prefix;
const worker = process.env.VITEST_POOL_ID ?? String(process.pid);
if (testProvider === 'postgres') {
  const name = `${prefix}_w${worker}`;
  await withAdmin(async (admin) => {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0)
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${prefix}_template"`);
  });
  process.env.DATABASE_URL = postgresUrl(name);
} else {
  const template = templateUrl.slice('file:'.length);
  const file = template.replace(/template\.db$/, `worker-${worker}.db`);
  if (!existsSync(file)) copyFileSync(template, file);
  process.env.DATABASE_URL = `file:${file}`;
}
