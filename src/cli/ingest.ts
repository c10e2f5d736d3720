// `npm run ingest -- [--dry-run] [--json] <file|dir>...`: import scraped article texts.
import path from 'node:path';
import { purgeSharedCacheOnWrites } from '../cache/index.js';
import { databaseTarget, db } from '../db/index.js';
import { migrateToLatest } from '../db/migrator.js';
import { env } from '../env.js';
import type { CorrectionsReport } from '../services/correction.js';
import { ImportError } from '../services/importer/index.js';
import {
  collectArticleFiles,
  type IngestResult,
  importFile,
  ingestPaths,
} from '../services/ingest.js';
import { parseCommandLine, runCommand, usageError } from './run-command.js';

const usage = `usage: npm run ingest -- [--dry-run] [--json] <file|dir>...

Imports scraped article texts: each .txt file given, and the .txt files in each directory given.
A new text creates its article, a changed text updates it in place, an unchanged one is left as is.
On a terminal a progress bar runs, then one line per created, updated or failed file; otherwise
one line per file as it is done. A file that fails is named with the reason, and the exit code is 1.

  --dry-run   parse and print what would be stored, writing nothing
  --json      print the results (or, with --dry-run, the parsed articles) as one JSON document
  -h, --help  print this help`;

const shown = (file: string) => {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') ? relative : file;
};

const warn = (line: string) => process.stderr.write(`${line}\n`);

type Options = { dryRun: boolean; json: boolean; paths: string[] };

runCommand(
  async (say) => {
    const { values, positionals } = parseCommandLine(usage, {
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (positionals.length === 0) throw usageError(usage, 'no file or directory');
    const options: Options = {
      dryRun: values['dry-run'] === true,
      json: values.json === true,
      paths: positionals,
    };
    if (options.dryRun) return dryRun(say, options);
    const release = await purgeSharedCacheOnWrites(env.REDIS_URL, env.REDIS_KEY_PREFIX, warn);
    try {
      return await ingest(say, options);
    } finally {
      await release();
    }
  },
  { usage },
);

/** Parses without writing; with --json prints exactly one JSON document (an array for several files). */
async function dryRun(say: (line: string) => void, options: Options): Promise<number> {
  const files = collectArticleFiles(options.paths);
  const documents: unknown[] = [];
  let failed = 0;
  for (const file of files) {
    try {
      const { imported, meta } = importFile(file);
      documents.push({ file: shown(file), ...imported, meta });
      if (!options.json) {
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
  const single = files.length === 1 && options.paths.length === 1;
  if (options.json && !(single && documents.length === 0)) {
    say(JSON.stringify(single ? documents[0] : documents, null, 2));
  }
  return failed ? 1 : 0;
}

async function ingest(say: (line: string) => void, options: Options): Promise<number> {
  await migrateToLatest(databaseTarget);
  // A bar only for someone watching a terminal; logs and pipes get a line per file as it is done.
  const bar = !options.json && process.stdout.isTTY === true && process.stderr.isTTY === true;
  try {
    let failed = 0;
    const { results, summary } = await ingestPaths(db, options.paths, (result, index, total) => {
      if (!result.ok) failed += 1;
      if (bar) drawBar(index + 1, total, failed, result);
      else if (!result.ok) reportFailure(result.file, result.reason);
      else if (!options.json) say(outcomeLine(result));
    });
    if (bar) {
      // The bar only ever showed the file in hand: once it is gone, list what changed and what
      // failed, in the order the files were read, as the line-per-file output would have.
      process.stderr.write(CLEAR_LINE);
      for (const result of results) {
        if (!result.ok) reportFailure(result.file, result.reason);
        else if (result.outcome !== 'unchanged') say(outcomeLine(result));
      }
    }
    if (options.json)
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

/** Back to the start of the line and erase it: how a progress bar redraws and goes away. */
const CLEAR_LINE = '\r\x1b[K';

type Stored = Extract<IngestResult, { ok: true }>;

function outcomeLine(result: Stored): string {
  const line = `${result.outcome.padEnd(9)} ${result.slug}  (${shown(result.file)})`;
  const corrections = result.outcome === 'updated' ? result.corrections : undefined;
  // Only an article editors have corrected has anything to say here.
  return corrections && corrections.kept + corrections.lost.length > 0
    ? `${line}  ${correctionsLine(corrections)}`
    : line;
}

/** "2 corrections kept, 1 lost": how an updated article's editorial corrections fared. */
function correctionsLine({ kept, lost }: CorrectionsReport): string {
  return `${kept} correction${kept === 1 ? '' : 's'} kept, ${lost.length} lost`;
}

function reportFailure(file: string, reason: string): void {
  process.stderr.write(`error: ${shown(file)}: ${reason}\n`);
}

function drawBar(done: number, total: number, failed: number, result: IngestResult): void {
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(
    `${CLEAR_LINE}[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}` +
      `${failed ? ` (${failed} failed)` : ''} ${shown(result.file)}`,
  );
}
