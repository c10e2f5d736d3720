// `npm run ingest` on a real terminal: a progress bar, then one line per created, updated or failed
// file once the bar is cleared. The terminal is a pseudo-terminal from util-linux `script`, so the
// command decides by itself, through isTTY, that it is watched; nothing is injected.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/env.js';
import { freshDatabaseUrl } from './support/test-database.js';
import { type RunResult, runTs, tempDir } from './support/tmp.js';

const hasScript = spawnSync('script', ['--version']).status === 0;
const fixtures = path.join(projectRoot, 'tests', 'fixtures');
const CLEAR_LINE = '\r\x1b[K';

/** Runs ingest with stdout and stderr on one pseudo-terminal; returns what the terminal showed. */
function ingestOnTerminal(args: string[], url: string): Promise<RunResult> {
  const command = [process.execPath, '--import', 'tsx', 'src/cli/ingest.ts', ...args]
    .map((word) => `'${word.replaceAll("'", `'\\''`)}'`)
    .join(' ');
  return new Promise((resolve, reject) => {
    // -e: script exits with the command's code; stdin is /dev/null, so nothing waits for input.
    const child = spawn('script', ['--quiet', '--return', '--command', command, '/dev/null'], {
      cwd: projectRoot,
      env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.on('error', reject);
    // The terminal turns each \n into \r\n; tests read lines.
    child.on('close', (code) =>
      resolve({ code, stdout: stdout.replaceAll('\r\n', '\n'), stderr: '' }),
    );
  });
}

/**
 * A batch with one file of each outcome, on a database that already holds two of them:
 * a.txt unchanged, b.txt changed since (updated), c.txt new (created), d.txt broken (failed).
 */
async function batch(): Promise<{ dir: string; url: string }> {
  const dir = path.join(tempDir('newsgraph-ingest-tty-'), 'batch');
  mkdirSync(dir);
  const files = {
    a: path.join(dir, 'a.txt'),
    b: path.join(dir, 'b.txt'),
    c: path.join(dir, 'c.txt'),
    d: path.join(dir, 'd.txt'),
  };
  copyFileSync(path.join(fixtures, '01-port-aldwick-floodwall.txt'), files.a);
  copyFileSync(path.join(fixtures, '02-rural-clinic-waits.txt'), files.b);
  const url = await freshDatabaseUrl();
  const first = await runTs('src/cli/ingest.ts', [files.a, files.b], { DATABASE_URL: url });
  expect(first.code, first.stderr).toBe(0);
  const [headline, ...rest] = readFileSync(files.b, 'utf8').split('\n');
  // Same headline (so the same slug), one more paragraph: an update in place.
  writeFileSync(
    files.b,
    [headline, ...rest, '', 'A paragraph added after the first import.'].join('\n'),
  );
  copyFileSync(path.join(fixtures, '03-greyhaven-takeover.txt'), files.c);
  writeFileSync(files.d, 'A headline and nothing else\n');
  return { dir, url };
}

describe('ingest on a terminal', () => {
  it.runIf(hasScript)(
    'clears the bar, then lists what was created, updated or failed, in file order',
    async () => {
      // The same batch twice, on two databases with the same history: once on a terminal, once
      // piped, which is the shape scripts and logs rely on.
      const [tty, piped] = await Promise.all([batch(), batch()]);
      const onTerminal = await ingestOnTerminal([tty.dir], tty.url);
      const inPipe = await runTs('src/cli/ingest.ts', [piped.dir], { DATABASE_URL: piped.url });
      expect(onTerminal.code).toBe(1);
      expect(inPipe.code).toBe(1);

      // The bar ran through all four files, counting the failure.
      expect(onTerminal.stdout).toContain(`${CLEAR_LINE}[${'#'.repeat(30)}] 4/4 (1 failed) `);
      const afterBar = onTerminal.stdout.slice(
        onTerminal.stdout.lastIndexOf(CLEAR_LINE) + CLEAR_LINE.length,
      );
      const shown = (text: string, dir: string) => text.replaceAll(dir, '<dir>');
      const lines = shown(afterBar, tty.dir).trimEnd().split('\n');
      expect(lines).toHaveLength(4);
      expect(lines[0]).toMatch(
        /^updated {3}rural-clinics-face-longest-waits-in-a-decade-report-finds {2}\(<dir>\/b\.txt\)$/,
      );
      expect(lines[1]).toMatch(/^created {3}\S+ {2}\(<dir>\/c\.txt\)$/);
      expect(lines[2]).toBe('error: <dir>/d.txt: the text has a headline but no body paragraphs');
      expect(lines[3]).toBe('created 1, updated 1, unchanged 1, failed 1');
      // Nothing but the bar is drawn over: the file lines come after it, never inside it.
      expect(afterBar).not.toContain('\x1b');

      // Piped: no bar, one line per file as it is done (unchanged too), failures on stderr.
      const pipedOutput = `${inPipe.stdout}${inPipe.stderr}`;
      expect(pipedOutput.includes('\r') || pipedOutput.includes('\x1b')).toBe(false);
      const pipedLines = shown(inPipe.stdout, piped.dir).trimEnd().split('\n');
      expect(pipedLines).toEqual([
        expect.stringMatching(/^unchanged \S+ {2}\(<dir>\/a\.txt\)$/),
        lines[0],
        lines[1],
        lines[3],
      ]);
      expect(shown(inPipe.stderr, piped.dir)).toBe(`${lines[2]}\n`);
    },
    120_000,
  );
});
