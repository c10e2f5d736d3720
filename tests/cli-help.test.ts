import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/env.js';
import { type RunResult, runProcess, tempDir } from './support/tmp.js';

const scripts = Object.entries(
  (
    JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts,
)
  .filter(([, command]) => /\bsrc\/cli\/[\w-]+\.ts\b/.test(command))
  .map(([name]) => name);

// Files the commands write when they run for real; help must leave them alone.
const generated = [
  'src/schema.graphql',
  'src/client/graphql-env.d.ts',
  'src/client/persisted-operations.json',
  'prisma/postgres/schema.prisma',
].map((file) => path.join(projectRoot, file));

function npmRun(script: string, args: string[], env: Record<string, string>): Promise<RunResult> {
  return runProcess('npm', ['run', '--silent', script, '--', ...args], env);
}

describe('--help', () => {
  it('finds the commands to check', () => {
    for (const expected of ['ingest', 'inspect', 'seed', 'db:migrate', 'schema', 'cache:clear'])
      expect(scripts).toContain(expected);
  });

  it('is answered by every src/cli command, as --help and as -h', async () => {
    const dir = tempDir('newsgraph-help-');
    // A database no command may create: help must not connect, migrate or reset anything.
    const database = path.join(dir, 'must-not-exist', 'newsgraph.db');
    const before = generated.map((file) => statSync(file).mtimeMs);
    const runs = scripts.flatMap((script) => [
      { script, flag: '--help' },
      { script, flag: '-h' },
    ]);
    const results: (RunResult & { script: string; flag: string })[] = [];
    // Two at a time: each is a full tsx start-up, and the machine has few cores.
    for (let i = 0; i < runs.length; i += 2) {
      results.push(
        ...(await Promise.all(
          runs.slice(i, i + 2).map(async (run) => ({
            ...run,
            ...(await npmRun(run.script, [run.flag], { DATABASE_URL: `file:${database}` })),
          })),
        )),
      );
    }
    // Every command's problems at once, so one missing usage does not hide another.
    const problems = results.flatMap((result) => {
      const label = `npm run ${result.script} -- ${result.flag}`;
      const found: string[] = [];
      if (result.code !== 0) found.push(`${label}: exit ${result.code}`);
      if (result.stderr) found.push(`${label}: stderr ${JSON.stringify(result.stderr)}`);
      // The usage line names the command as it is typed; options are explained below it.
      const first = result.stdout.split('\n')[0] ?? '';
      if (!first.startsWith('usage: npm run ') || !first.includes(result.script))
        found.push(`${label}: first line ${JSON.stringify(first)}`);
      if (!/^ {2}-h, --help +print this help$/m.test(result.stdout))
        found.push(`${label}: no "-h, --help" line`);
      return found;
    });
    expect(problems).toEqual([]);
    // Each command answered the same for both spellings.
    for (let i = 0; i < results.length; i += 2)
      expect(results[i]?.stdout).toBe(results[i + 1]?.stdout);
    expect(existsSync(path.dirname(database))).toBe(false);
    expect(generated.map((file) => statSync(file).mtimeMs)).toEqual(before);
  }, 300_000);

  it('is an argument, not a request for help, after `--`', async () => {
    // `npm run ingest -- -- --help` names a file called --help, which does not exist.
    const dir = tempDir('newsgraph-help-');
    const result = await npmRun('ingest', ['--dry-run', '--', '--help'], {
      DATABASE_URL: `file:${path.join(dir, 'x.db')}`,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: .*--help: no such file\n$/);
  }, 60_000);
});
