// Temporary directories and child processes for tests that exercise files and commands for real.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { projectRoot } from '../../src/env.js';

/** A fresh directory removed when the test file finishes. */
export function tempDir(prefix = 'newsgraph-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export type RunResult = { code: number | null; stdout: string; stderr: string };

/** Runs a TypeScript entry point of ours in a real child process, as the npm scripts do. */
export function runTs(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<RunResult> {
  return runProcess(process.execPath, ['--import', 'tsx', script, ...args], env);
}

/** Runs a command in the project root under NODE_ENV=test, collecting its output. */
export function runProcess(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: projectRoot,
      env: { ...process.env, NODE_ENV: 'test', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
