// Credentials: how a request proves who it is, and a brake on guessing them. Every request that
// carries an Authorization header is authenticated here, before GraphQL runs: a credential that
// does not check out (unknown, revoked, expired, badly signed) is refused with 401 UNAUTHENTICATED.
// Each refusal costs the client address one of a few attempts per window; past that, every request
// from it that carries credentials is refused with 429 until the window ends, right or wrong and
// before any lookup, so guessing stays slow for the bootstrap token and stored tokens alike.
import type { IncomingMessage } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import type { Authenticator } from '../auth/authenticate.js';
import { bearerToken, secretsEqual } from '../auth/bearer.js';
import { rememberViewer } from '../context.js';
import { isUnavailable } from '../db/unavailable.js';
import { databaseUnavailable } from './error-codes.js';
import { refusal } from './request-guards.js';

/** `Authorization: Bearer <token>` carrying exactly `token`, compared in constant time. */
export function bearerMatches(header: string | null, token: string): boolean {
  const given = bearerToken(header);
  return given !== undefined && secretsEqual(given, token);
}

export type AuthenticationOptions = {
  authenticate: Authenticator;
  /** Refused credentials a client address may send per window before it is refused outright. */
  maxFailures?: number;
  windowMs?: number;
  /** Client addresses remembered at once; the oldest are forgotten first, so memory stays bounded. */
  maxClients?: number;
  now?: () => number;
};

type Failures = { windowStart: number; count: number };

export function useAuthentication({
  authenticate,
  maxFailures = 10,
  windowMs = 60_000,
  maxClients = 10_000,
  now = Date.now,
}: AuthenticationOptions): Plugin {
  const failures = new Map<string, Failures>();
  return {
    onRequest({ request, serverContext, endResponse, fetchAPI }) {
      const header = request.headers.get('authorization');
      if (header === null) return;
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
            message: `too many refused credentials from this address; retry in ${retryAfter} s`,
            extensions: { retryAfterSeconds: retryAfter },
            headers: { 'retry-after': String(retryAfter) },
          }),
        );
      }
      return authenticate(header).then(
        (result) => {
          if ('viewer' in result) {
            rememberViewer(request, result.viewer);
            return;
          }
          if (!record) {
            if (failures.size >= maxClients)
              failures.delete(failures.keys().next().value as string);
            record = { windowStart: time, count: 0 };
            failures.set(client, record);
          }
          record.count += 1;
          endResponse(
            refusal(fetchAPI, request, {
              status: 401,
              code: 'UNAUTHENTICATED',
              message: result.refused.message,
              extensions: { reason: result.refused.reason },
              // RFC 6750: how to authenticate, and that this credential was the problem.
              headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
            }),
          );
        },
        (error: unknown) => {
          // A stored token cannot be checked while the database is down: retry, not re-login.
          if (!isUnavailable(error)) throw error;
          endResponse(
            refusal(fetchAPI, request, {
              status: 503,
              code: databaseUnavailable.extensions.code,
              message: databaseUnavailable.message,
            }),
          );
        },
      );
    },
  };
}
