// Seeds the database by ingesting every article text in seeds/ (with its optional .meta.json).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/client.js';
import { projectRoot } from '../env.js';
import type { StoreOutcome } from './article-store.js';
import { ingestPaths } from './ingest.js';

export const defaultSeedsDir = path.join(projectRoot, 'seeds');

/** A seeds directory the operator must fix; the message names the file and the reason. */
export class SeedError extends Error {
  override name = 'SeedError';
}

export async function seedDatabase(
  db: Db,
  dir: string = defaultSeedsDir,
): Promise<Record<StoreOutcome, string[]>> {
  if (!existsSync(dir)) throw new SeedError(`seeds directory not found: ${dir}`);
  if (!readdirSync(dir).some((name) => name.endsWith('.txt')))
    throw new SeedError(`no *.txt articles in ${dir}`);
  const { results } = await ingestPaths(db, [dir]);
  const outcomes: Record<StoreOutcome, string[]> = { created: [], updated: [], unchanged: [] };
  const failures: string[] = [];
  for (const result of results) {
    if (result.ok) outcomes[result.outcome].push(result.slug);
    else
      failures.push(
        `${path.relative(process.cwd(), result.file) || result.file}: ${result.reason}`,
      );
  }
  if (failures.length) throw new SeedError(failures.join('; '));
  return outcomes;
}
