// Hostile traffic against real server processes, in development and in production: over a thousand
// malformed, oversized and abusive requests (tests/support/hostile.ts, from a seeded PRNG), each
// written raw to a socket. No answer may be a 5xx, every refusal carries `extensions.code`, nothing
// leaks a stack, path or SQL, and the server serves normally afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestLimits } from '../src/limits.js';
import { yoga } from '../src/yoga.js';
import {
  chunkedRequest,
  exchange,
  type HostileRequest,
  hostileRequests,
  problemsWith,
  type Reply,
  rawRequest,
} from './support/hostile.js';
import { postQuery, type RunningServer, startServer } from './support/server.js';
import { freshDatabaseUrl } from './support/test-database.js';

const modes = ['development', 'production'] as const;
const servers = new Map<(typeof modes)[number], RunningServer>();

beforeAll(async () => {
  const started = await Promise.all(
    modes.map(async (mode) => {
      const server = await startServer({
        NODE_ENV: mode,
        DATABASE_URL: await freshDatabaseUrl(),
        EDITOR_TOKEN: 'editor-token-for-tests-0123456789',
        // Development also takes hash-only documents, so forged hashes reach that code too.
        AUTOMATIC_PERSISTED_QUERIES: String(mode === 'development'),
      });
      return [mode, server] as const;
    }),
  );
  for (const [mode, server] of started) servers.set(mode, server);
}, 90_000);

afterAll(async () => {
  await Promise.all([...servers.values()].map((server) => server.stop()));
});

/** Sends every request, a few at a time, and returns each reply. */
async function sendAll(port: number, requests: HostileRequest[], concurrency = 6) {
  const replies: (Reply | undefined)[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests.length) {
        const index = next++;
        replies[index] = await exchange(port, requests[index] as HostileRequest);
      }
    }),
  );
  return replies;
}

describe.each(modes)('hostile traffic, NODE_ENV=%s', (mode) => {
  const server = () => servers.get(mode) as RunningServer;

  it('answers every hostile request below 500, coded and without leaks', async () => {
    const requests = hostileRequests(mode === 'development' ? 1 : 2);
    expect(requests.length).toBeGreaterThanOrEqual(1000);
    const replies = await sendAll(server().port, requests);
    const failures: string[] = [];
    const byKind = new Map<string, number>();
    requests.forEach((request, i) => {
      const reply = replies[i];
      const problems = problemsWith(request, reply);
      if (!problems.length) return;
      byKind.set(request.kind, (byKind.get(request.kind) ?? 0) + 1);
      failures.push(
        `${request.kind} / ${request.name}: ${problems.join(', ')} (${reply?.status ?? '-'} ${reply?.body.toString('utf8').slice(0, 160) ?? ''})`,
      );
    });
    expect(Object.fromEntries(byKind), failures.slice(0, 40).join('\n')).toEqual({});
    // Hostile traffic must not have taken the process down or left it unable to serve.
    expect(server().child.exitCode).toBeNull();
    const health = await fetch(`${server().url}/healthz`);
    expect(health.status).toBe(200);
    const read = await postQuery(server().url, '{ articles { totalCount } }');
    expect(read).toEqual({ status: 200, body: { data: { articles: { totalCount: 1 } } } });
  }, 60_000);

  it('refuses a 256 MB chunked body with 413 as soon as it passes the limit', async () => {
    const size = 256 * 1024 * 1024;
    const reply = await exchange(server().port, {
      kind: 'body over the limit, chunked',
      name: '256 MB',
      parts: chunkedRequest(
        { 'Content-Type': 'application/json' },
        '{"query":"{__typename}","x":"',
        size,
      ),
    });
    expect(reply?.status).toBe(413);
    expect(JSON.parse(reply?.body.toString('utf8') ?? '')).toEqual({
      errors: [
        {
          message: expect.stringContaining(`${requestLimits.bodyBytes}`),
          extensions: { code: 'REQUEST_TOO_LARGE' },
        },
      ],
    });
    // The answer came while nearly all of the body was unsent: the server did not wait for (or
    // buffer) the rest. What was sent first sits in socket buffers, a few MB on loopback.
    expect(reply?.bytesSent).toBeLessThan(size / 4);
  });

  it('answers headers too large for the HTTP parser with a coded 431', async () => {
    const reply = await exchange(server().port, {
      kind: 'odd headers',
      name: 'one 40 KB header',
      parts: rawRequest('GET', '/graphql?query=%7B__typename%7D', { 'X-Big': 'a'.repeat(40_000) }),
    });
    expect(reply?.status).toBe(431);
    expect(reply?.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(reply?.body.toString('utf8') ?? '').errors[0].extensions.code).toBe(
      'REQUEST_TOO_LARGE',
    );
  });
});

describe('in process, through yoga.fetch', () => {
  /** A body streamed in 64 KB pieces with no Content-Length, counting what was pulled from it. */
  function streamed(total: number) {
    const prefix = '{"query":"{ __typename }","x":"';
    const piece = new TextEncoder().encode('a'.repeat(64 * 1024));
    const state = { pulled: 0 };
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(prefix));
      },
      pull(controller) {
        if (state.pulled >= total) {
          controller.enqueue(new TextEncoder().encode('"}'));
          return controller.close();
        }
        state.pulled += piece.length;
        controller.enqueue(piece);
      },
    });
    return { body, state };
  }
  const post = (body: ReadableStream<Uint8Array>) =>
    yoga.fetch('http://newsgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);

  it('counts a streamed body against the limit and stops reading it there', async () => {
    const { body, state } = streamed(64 * 1024 * 1024);
    const response = await post(body);
    expect(response.status).toBe(413);
    expect((await response.json()).errors[0].extensions.code).toBe('REQUEST_TOO_LARGE');
    expect(state.pulled).toBeLessThan(2 * requestLimits.bodyBytes);
  });

  it('reads a streamed body under the limit as usual', async () => {
    const pieces = ['{"query":"{ __type', 'name }"}'].map((text) => new TextEncoder().encode(text));
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = pieces.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    const response = await post(body);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
