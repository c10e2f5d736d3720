// Ingest: read article files, import them, and store each in its own transaction. One bad file is
// reported and skipped; the rest of the batch still goes in.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { type ArticleMeta, type StoreOutcome, storeImported } from './article-store.js';
import type { CorrectionsReport } from './correction.js';
import {
  decodeArticleBytes,
  ImportError,
  type ImportedArticle,
  parseArticle,
} from './importer/index.js';

const ArticleMetaFile = z
  .object({
    status: z.enum(['DRAFT', 'PUBLISHED', 'SCHEDULED', 'ARCHIVED']).optional(),
    publishedAt: z.iso.datetime().nullable().optional(),
    sourceUrl: z.url().nullable().optional(),
  })
  .strict();

/** Every article file the paths name: files as given, directories expanded to their *.txt files. */
export function collectArticleFiles(paths: string[]): string[] {
  const files: string[] = [];
  for (const given of paths) {
    if (existsSync(given) && statSync(given).isDirectory()) {
      const entries = readdirSync(given, { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.txt'))
        .sort();
      // An empty directory is reported (by importFile) rather than silently ingesting nothing.
      files.push(...(entries.length ? entries.map((name) => path.join(given, name)) : [given]));
    } else {
      files.push(given);
    }
  }
  return files;
}

/** Reads and parses one file without touching the database. */
export function importFile(file: string): { imported: ImportedArticle; meta: ArticleMeta } {
  if (!existsSync(file)) throw new ImportError('NOT_FOUND', 'no such file');
  if (statSync(file).isDirectory())
    throw new ImportError('UNREADABLE', 'is a directory with no .txt files');
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new ImportError('UNREADABLE', (error as Error).message);
  }
  const imported = parseArticle(decodeArticleBytes(bytes));
  return { imported, meta: readMeta(file) };
}

/** Optional sidecar `<name>.meta.json`: status, publishedAt and sourceUrl, which text cannot carry. */
function readMeta(file: string): ArticleMeta {
  const metaPath = file.replace(/\.txt$/, '') + '.meta.json';
  if (metaPath === file || !existsSync(metaPath)) return {};
  let parsed: z.infer<typeof ArticleMetaFile>;
  try {
    parsed = ArticleMetaFile.parse(JSON.parse(readFileSync(metaPath, 'utf8')));
  } catch (error) {
    const detail =
      error instanceof z.ZodError
        ? (error.issues[0]?.path.join('.') ?? '') + ' ' + error.issues[0]?.message
        : (error as Error).message;
    throw new ImportError('UNREADABLE', `${path.basename(metaPath)}: ${detail.trim()}`);
  }
  return {
    ...(parsed.status ? { status: parsed.status } : {}),
    ...(parsed.publishedAt !== undefined
      ? { publishedAt: parsed.publishedAt ? new Date(parsed.publishedAt) : null }
      : {}),
    ...(parsed.sourceUrl !== undefined ? { sourceUrl: parsed.sourceUrl } : {}),
  };
}

export type IngestResult =
  | {
      file: string;
      ok: true;
      slug: string;
      outcome: StoreOutcome;
      /** What became of editors' corrections when an updated text was stored again. */
      corrections: CorrectionsReport;
    }
  | { file: string; ok: false; code: string; reason: string };

export async function ingestFile(db: Db, file: string, now?: Date): Promise<IngestResult> {
  try {
    const { imported, meta } = importFile(file);
    const { outcome, corrections } = await storeImported(db, imported, meta, now);
    return { file, ok: true, slug: imported.article.slug, outcome, corrections };
  } catch (error) {
    if (error instanceof ImportError)
      return { file, ok: false, code: error.code, reason: error.message };
    return {
      file,
      ok: false,
      code: 'STORE_FAILED',
      reason: (error as Error).message.split('\n').filter(Boolean).at(-1) ?? 'unknown error',
    };
  }
}

export type IngestSummary = Record<StoreOutcome | 'failed', number>;

export async function ingestPaths(
  db: Db,
  paths: string[],
  onResult: (result: IngestResult, index: number, total: number) => void = () => {},
  now?: Date,
): Promise<{ results: IngestResult[]; summary: IngestSummary }> {
  const files = collectArticleFiles(paths);
  const results: IngestResult[] = [];
  const summary: IngestSummary = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  for (const [index, file] of files.entries()) {
    const result = await ingestFile(db, file, now);
    results.push(result);
    summary[result.ok ? result.outcome : 'failed'] += 1;
    onResult(result, index, files.length);
  }
  return { results, summary };
}
