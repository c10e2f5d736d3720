// Cleanup for the benchmark scripts: every child process, temp file and database registers how to
// undo itself, and that runs on success, on failure and on Ctrl-C alike, so a run never leaves
// servers listening or bench_* databases behind.
import type { ChildProcess } from 'node:child_process';

type Task = () => Promise<void> | void;

const tasks: Task[] = [];
let interrupted = false;

/** Registers an undo step; the returned function removes it once the caller has undone it itself. */
export function onCleanup(task: Task): () => void {
  // After Ctrl-C the script may still be between awaits: undo whatever it starts right away.
  if (interrupted) {
    void Promise.resolve()
      .then(task)
      .catch(() => {});
    return () => {};
  }
  tasks.push(task);
  return () => {
    const index = tasks.indexOf(task);
    if (index >= 0) tasks.splice(index, 1);
  };
}

/** Runs the undo steps newest first (servers stop before their database is dropped). */
export async function cleanup(): Promise<void> {
  while (tasks.length) {
    const task = tasks.pop() as Task;
    try {
      await task();
    } catch (error) {
      progress(`cleanup: ${(error as Error).message}`);
    }
  }
}

/** SIGTERM, then SIGKILL if the process has not exited after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Kills the child on cleanup unless it has exited by then. */
export function trackChild(child: ChildProcess): void {
  const forget = onCleanup(() => stopChild(child));
  child.once('exit', forget);
}

/** A failure already explained to the user: printed without a stack trace. */
export class BenchFailure extends Error {
  override name = 'BenchFailure';
}

/** Progress and diagnostics go to stderr so `--json` output on stdout stays parseable. */
export function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}

/**
 * Runs a benchmark script: cleans up however it ends and exits with its code. Exiting explicitly
 * matters: autocannon and database clients can keep the event loop alive after the work is done.
 */
export function runScript(main: () => Promise<number>): void {
  let interruptedAt = 0;
  const interrupt = (signal: NodeJS.Signals) => {
    if (interrupted) {
      // The same Ctrl-C often arrives twice (from the terminal and relayed by npm/tsx); only a
      // later one means "stop waiting for cleanup".
      if (Date.now() - interruptedAt > 2_000) process.exit(130);
      return;
    }
    interrupted = true;
    interruptedAt = Date.now();
    progress(`\n${signal}: stopping servers and removing bench databases…`);
    void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  main()
    .catch((error: unknown) => {
      // After Ctrl-C, failures are only the servers going away under the load generator.
      if (interrupted) return 130;
      if (error instanceof BenchFailure) progress(`error: ${error.message}`);
      else progress(`error: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
      return 1;
    })
    .then(async (code) => {
      await cleanup();
      if (!interrupted) process.exit(code);
    });
}
