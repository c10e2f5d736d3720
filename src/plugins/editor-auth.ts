// The editor token: how a request proves it may write, and a brake on guessing it. A wrong token
// costs the client address one of a few attempts per window; past that, every request from it that
// carries a token is refused with 429 until the window ends, right or wrong, so guessing stays slow.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import { refusal } from './request-guards.js';

/**
 * `Authorization: Bearer <token>` and nothing else (the scheme is case-insensitive, RFC 9110).
 * Both sides are hashed first, so the comparison takes the same time whatever the length given.
 */
export function bearerMatches(header: string | null, token: string): boolean {
  const given = /^Bearer +(\S+)$/i.exec(header ?? '')?.[1];
  if (given === undefined) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(token));
}

export type TokenThrottleOptions = {
  token: string | undefined;
  /** Wrong tokens a client address may send per window before it is refused. */
  maxFailures?: number;
  windowMs?: number;
  /** Client addresses remembered at once; the oldest are forgotten first, so memory stays bounded. */
  maxClients?: number;
  now?: () => number;
};

type Failures = { windowStart: number; count: number };

export function useWrongTokenThrottle({
  token,
  maxFailures = 10,
  windowMs = 60_000,
  maxClients = 10_000,
  now = Date.now,
}: TokenThrottleOptions): Plugin {
  const failures = new Map<string, Failures>();
  return {
    onRequest({ request, serverContext, endResponse, fetchAPI }) {
      const header = request.headers.get('authorization');
      if (header === null || token === undefined) return;
      // Without a socket (an in-process fetch) all callers share one address.
      const node = serverContext as { req?: IncomingMessage } | undefined;
      const client = node?.req?.socket?.remoteAddress ?? 'local';
      const time = now();
      let record = failures.get(client);
      if (record && time - record.windowStart >= windowMs) {
        failures.delete(client);
        record = undefined;
      }
      if (record && record.count >= maxFailures) {
        const retryAfter = Math.max(1, Math.ceil((record.windowStart + windowMs - time) / 1000));
        return endResponse(
          refusal(fetchAPI, request, {
            status: 429,
            code: 'RATE_LIMITED',
            message: `too many wrong editor tokens from this address; retry in ${retryAfter} s`,
            extensions: { retryAfterSeconds: retryAfter },
            headers: { 'retry-after': String(retryAfter) },
          }),
        );
      }
      if (bearerMatches(header, token)) return;
      if (!record) {
        if (failures.size >= maxClients) failures.delete(failures.keys().next().value as string);
        record = { windowStart: time, count: 0 };
        failures.set(client, record);
      }
      record.count += 1;
    },
  };
}
