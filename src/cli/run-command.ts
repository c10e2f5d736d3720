// Shared shell for CLI entry points: a one-line reason and a non-zero exit on failure, no stack trace
// unless DEBUG is set.
export type Say = (line: string) => void;

export function runCommand(main: (say: Say) => Promise<number>): void {
  const say: Say = (line) => process.stdout.write(`${line}\n`);
  main(say).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // One line of reason; drivers' multi-line explanations and stacks only with DEBUG set.
      const message = error instanceof Error ? error.message : String(error);
      const reason =
        message
          .split('\n')
          .map((line) => line.trim())
          .find(Boolean) ?? 'unknown error';
      process.stderr.write(`error: ${reason}\n`);
      if (process.env.DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
      // Exit now: an open database pool would otherwise keep a failed command alive.
      process.exit(1);
    },
  );
}
