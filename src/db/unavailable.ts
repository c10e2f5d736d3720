// Telling "the database cannot be reached" apart from "this statement failed", across drivers.
/** A failure to reach the database at all, as opposed to a bad query. */
export function isUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const e = current as {
      code?: unknown;
      message?: unknown;
      kind?: unknown;
      cause?: unknown;
      originalError?: unknown;
    };
    if (
      [
        'P1001',
        'P1002',
        'P1017',
        'ECONNREFUSED',
        'ECONNRESET',
        '57P01',
        'ETIMEDOUT',
        'EPIPE',
      ].includes(String(e.code))
    )
      return true;
    if (['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout'].includes(String(e.kind)))
      return true;
    if (
      /Can't reach database server|Connection terminated|Query read timeout|timeout expired|ECONNREFUSED|ECONNRESET|Server has closed the connection|connection (is )?closed|timeout exceeded when trying to connect/i.test(
        String(e.message),
      )
    )
      return true;
    current = e.cause ?? e.originalError;
  }
  return false;
}

/**
 * One line for a server that could not be reached, worded as Prisma words it, so `npm start` says
 * the same thing whichever step found out first.
 */
export function unreachableReason(url: string, error: unknown): string {
  const { hostname, port } = new URL(url);
  const detail = (error instanceof Error ? error.message : String(error)).split('\n', 1)[0];
  return `could not connect to the database: Can't reach database server at \`${hostname}:${port || 5432}\` (${detail})`;
}
