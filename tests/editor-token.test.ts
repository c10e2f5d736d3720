// The editor token: only `Bearer <token>` opens writes, and wrong tokens from one address are
// throttled, over a real port so the client address is the socket's.
import { describe, expect, it } from 'vitest';
import { readEnv } from '../src/env.js';
import { bearerMatches } from '../src/plugins/editor-auth.js';
import { createNewsgraphServer, yogaOptionsFrom } from '../src/yoga.js';
import { serveInProcess } from './support/server.js';

const token = 'editor-token-for-tests-0123456789';
let clock = 1_000_000;
const served = serveInProcess(
  createNewsgraphServer({
    ...yogaOptionsFrom(readEnv({ NODE_ENV: 'test', EDITOR_TOKEN: token })),
    now: () => clock,
  }).listener,
);

/** A write that needs the token and changes nothing: ingesting text with no article in it. */
async function attempt(authorization?: string) {
  const response = await fetch(served.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({
      query: 'mutation { ingestArticle(input: { text: "" }) { outcome } }',
    }),
  });
  const body = await response.json();
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
}
const codeOf = (result: Awaited<ReturnType<typeof attempt>>) =>
  result.body.errors?.[0]?.extensions?.code;

describe('the editor token', () => {
  it('is accepted only with the Bearer scheme, in any case', () => {
    expect(bearerMatches(`Bearer ${token}`, token)).toBe(true);
    expect(bearerMatches(`bearer ${token}`, token)).toBe(true);
    for (const header of [token, `Basic ${token}`, `Bearer`, `Bearer ${token} extra`, null])
      expect(bearerMatches(header, token)).toBe(false);
  });

  it('compares tokens of any length without failing', () => {
    expect(bearerMatches('Bearer x', token)).toBe(false);
    expect(bearerMatches(`Bearer ${token}${'y'.repeat(5000)}`, token)).toBe(false);
  });

  it('throttles wrong tokens per address, then lets the right one in after the window', async () => {
    // A right token passes the auth check; the empty text then fails as bad input. A wrong or
    // malformed credential is refused before GraphQL runs (401).
    expect(codeOf(await attempt(`Bearer ${token}`))).toBe('BAD_USER_INPUT');
    expect(codeOf(await attempt(token))).toBe('UNAUTHENTICATED');
    for (let n = 1; n < 10; n++)
      expect(codeOf(await attempt(`Bearer wrong-${n}`))).toBe('UNAUTHENTICATED');

    const refused = await attempt('Bearer wrong-again');
    expect(refused.status).toBe(429);
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    expect(Number(refused.retryAfter)).toBe(60);
    // While refused, even the right token waits; reads without a token are not affected.
    expect((await attempt(`Bearer ${token}`)).status).toBe(429);
    expect(codeOf(await attempt())).toBe('UNAUTHENTICATED');

    clock += 30_000;
    expect(Number((await attempt(`Bearer ${token}`)).retryAfter)).toBe(30);
    clock += 30_000;
    expect(codeOf(await attempt(`Bearer ${token}`))).toBe('BAD_USER_INPUT');
  });
});
