// Shared shell for CLI entry points: a one-line reason and a non-zero exit on failure, no stack trace
// unless DEBUG is set.
import { type ParseArgsConfig, parseArgs } from 'node:util';

export type Say = (line: string) => void;

export type CommandOptions = {
  /** What `--help` and `-h` print (on stdout, exit 0) instead of running the command. */
  usage?: string;
};

/** What the command was given: the words after `npm run <script> --`. */
const commandArgs = () => process.argv.slice(2);

export function runCommand(
  main: (say: Say) => Promise<number>,
  options: CommandOptions = {},
): void {
  const say: Say = (line) => process.stdout.write(`${line}\n`);
  // Answered before anything runs: help needs no database connection and no valid arguments. A
  // `--help` after a `--` that ends the options is an argument, not a request for help.
  const args = commandArgs();
  const beforeEnd = args.slice(0, args.includes('--') ? args.indexOf('--') : undefined);
  if (options.usage && (beforeEnd.includes('--help') || beforeEnd.includes('-h'))) {
    say(options.usage);
    process.exitCode = 0;
    return;
  }
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

/**
 * node:util's parseArgs over the command's arguments, strict, with `--help`/`-h` allowed (runCommand
 * answers them). A bad option becomes one line that starts with the command's usage line.
 */
export function parseCommandLine<const Options extends NonNullable<ParseArgsConfig['options']>>(
  usage: string,
  options: Options,
) {
  try {
    return parseArgs({
      args: commandArgs(),
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // parseArgs adds a second sentence on escaping positionals with `--`; the first says it all.
    throw usageError(
      usage,
      (error instanceof Error ? error.message : String(error)).split('. ')[0],
    );
  }
}

/** A wrong command line: the usage line, then what was wrong, printed as the one-line reason. */
export function usageError(usage: string, reason?: string): Error {
  const line = usage.split('\n', 1)[0] ?? usage;
  return new Error(reason ? `${line} (${reason})` : line);
}
