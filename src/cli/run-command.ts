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
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`error: ${message}\n`);
      if (process.env.DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
      process.exitCode = 1;
    },
  );
}
