// `npm run ingest -- [--dry-run] [--json] <file|dir>...`: import scraped article texts.
import path from 'node:path';
import { purgeSharedCacheOnWrites } from '../cache/index.js';
import { databaseTarget, db } from '../db/index.js';
import { migrateToLatest } from '../db/migrator.js';
import { env } from '../env.js';
import { ImportError } from '../services/importer/index.js';
import {
  collectArticleFiles,
  type IngestResult,
  importFile,
  ingestPaths,
} from '../services/ingest.js';
import { runCommand } from './run-command.js';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const paths = args.filter((a) => !a.startsWith('--'));
const shown = (file: string) => {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') ? relative : file;
};

const warn = (line: string) => process.stderr.write(`${line}\n`);

runCommand(async (say) => {
  const unknown = [...flags].filter((f) => f !== '--dry-run' && f !== '--json');
  if (unknown.length || paths.length === 0) {
    throw new Error(
      `usage: npm run ingest -- [--dry-run] [--json] <file|dir>...${unknown.length ? ` (unknown ${unknown.join(' ')})` : ''}`,
    );
  }
  if (flags.has('--dry-run')) return dryRun(say);
  const release = await purgeSharedCacheOnWrites(env.REDIS_URL, env.REDIS_KEY_PREFIX, warn);
  try {
    return await ingest(say);
  } finally {
    await release();
  }
});

/** Parses without writing; with --json prints exactly one JSON document (an array for several files). */
async function dryRun(say: (line: string) => void): Promise<number> {
  const files = collectArticleFiles(paths);
  const documents: unknown[] = [];
  let failed = 0;
  for (const file of files) {
    try {
      const { imported, meta } = importFile(file);
      documents.push({ file: shown(file), ...imported, meta });
      if (!flags.has('--json')) {
        say(
          `${shown(file)}: "${imported.article.headline}" — ${imported.article.paragraphs.length} paragraphs, ` +
            `${imported.people.length} people, ${imported.quotes.length} quotes, ${imported.teasers.length} teasers`,
        );
      }
    } catch (error) {
      failed++;
      reportFailure(file, error instanceof ImportError ? error.message : String(error));
    }
  }
  // One file: its document, or nothing at all when it failed (the reason is on stderr).
  const single = files.length === 1 && paths.length === 1;
  if (flags.has('--json') && !(single && documents.length === 0)) {
    say(JSON.stringify(single ? documents[0] : documents, null, 2));
  }
  return failed ? 1 : 0;
}

async function ingest(say: (line: string) => void): Promise<number> {
  await migrateToLatest(databaseTarget);
  const bar = process.stderr.isTTY && !flags.has('--json');
  try {
    const { results, summary } = await ingestPaths(db, paths, (result, index, total) => {
      if (!result.ok) reportFailure(result.file, result.reason, bar);
      else if (bar) drawBar(index + 1, total, result);
      else if (!flags.has('--json'))
        say(`${result.outcome.padEnd(9)} ${result.slug}  (${shown(result.file)})`);
    });
    if (bar) process.stderr.write('\n');
    if (flags.has('--json'))
      say(
        JSON.stringify(
          { results: results.map((r) => ({ ...r, file: shown(r.file) })), summary },
          null,
          2,
        ),
      );
    else
      say(
        `created ${summary.created}, updated ${summary.updated}, unchanged ${summary.unchanged}, failed ${summary.failed}`,
      );
    return summary.failed ? 1 : 0;
  } finally {
    await db.$disconnect();
  }
}

function reportFailure(file: string, reason: string, clearBar = false): void {
  process.stderr.write(`${clearBar ? '\r\x1b[K' : ''}error: ${shown(file)}: ${reason}\n`);
}

function drawBar(done: number, total: number, result: IngestResult): void {
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(
    `\r\x1b[K[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${shown(result.file)}`,
  );
}
