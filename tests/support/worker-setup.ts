// Points this worker at its own copy of the template database before any app module loads.
import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';

const dir = inject('testDbDir');
const worker = process.env.VITEST_POOL_ID ?? String(process.pid);
const file = path.join(dir, `worker-${worker}.db`);
if (!existsSync(file)) copyFileSync(path.join(dir, 'template.db'), file);
process.env.DATABASE_URL = `file:${file}`;
