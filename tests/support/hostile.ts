// Hostile HTTP traffic for tests/hostile.test.ts: malformed, oversized and abusive requests written
// byte for byte over a raw socket (so nothing in a client library can tidy them up), generated from
// a seeded PRNG so every run sends the same requests, and the rules every answer must follow.
import { connect } from 'node:net';
import { type Random as BenchRandom, mulberry32 } from '../bench/synthetic/random.js';

/** One request: the bytes to write (lazily, so a 20 MB body is never held whole). */
export type HostileRequest = {
  /** The class it belongs to, for reports ("deep selection", "chunked body over the limit", …). */
  kind: string;
  /** What exactly it is, short enough to print. */
  name: string;
  parts: () => Iterable<Buffer>;
  /** A HEAD request: the answer has no body to check. */
  head?: boolean;
  /** Close the sending side once written: the request is all there is (say, a body cut short). */
  halfClose?: boolean;
  /** The refusal this request must get, where only one is right. */
  refusal?: { status: number; code: string };
};

export type Reply = {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** Request bytes written before the server answered (or closed). */
  bytesSent: number;
};

/** The bench's seeded PRNG, plus random bytes: the same seed gives the same requests. */
export function prng(seed: number): Random {
  const base = mulberry32(seed);
  return {
    ...base,
    bytes: (length) => Buffer.from(Array.from({ length }, () => Math.floor(base.next() * 256))),
  };
}

export type Random = BenchRandom & { bytes: (length: number) => Buffer };

const CRLF = '\r\n';

/** A complete HTTP/1.1 request with a Content-Length body (or none), closing the connection. */
export function rawRequest(
  method: string,
  target: string,
  headers: Record<string, string> | [string, string][],
  body?: Buffer | string,
): () => Iterable<Buffer> {
  const bytes = body === undefined ? undefined : Buffer.from(body);
  const list = Array.isArray(headers) ? headers : Object.entries(headers);
  const lower = new Set(list.map(([name]) => name.toLowerCase()));
  const head = [
    `${method} ${target} HTTP/1.1`,
    ...(lower.has('host') ? [] : ['Host: 127.0.0.1']),
    ...(lower.has('connection') ? [] : ['Connection: close']),
    ...list.map(([name, value]) => `${name}: ${value}`),
    ...(bytes && !lower.has('content-length') && !lower.has('transfer-encoding')
      ? [`Content-Length: ${bytes.length}`]
      : []),
  ].join(CRLF);
  return () => [Buffer.from(`${head}${CRLF}${CRLF}`, 'latin1'), ...(bytes ? [bytes] : [])];
}

/** A POST whose body is sent chunked (no Content-Length): `total` bytes in pieces of `piece`. */
export function chunkedRequest(
  headers: Record<string, string>,
  prefix: string,
  total: number,
  piece = 64 * 1024,
  target = '/graphql',
): () => Iterable<Buffer> {
  const head = [
    `POST ${target} HTTP/1.1`,
    'Host: 127.0.0.1',
    'Connection: close',
    'Transfer-Encoding: chunked',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ].join(CRLF);
  return function* () {
    yield Buffer.from(`${head}${CRLF}${CRLF}`);
    // A JSON body that stays valid however long it is: {"query":"{__typename}","x":"aaaa…"}.
    const start = Buffer.from(prefix);
    const end = Buffer.from('"}');
    yield chunk(start);
    const filler = Buffer.alloc(piece, 'a');
    let sent = start.length + end.length;
    while (sent < total) {
      const size = Math.min(piece, total - sent);
      yield chunk(filler.subarray(0, size));
      sent += size;
    }
    yield chunk(end);
    yield Buffer.from(`0${CRLF}${CRLF}`);
  };
}

function chunk(data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`${data.length.toString(16)}${CRLF}`),
    data,
    Buffer.from(CRLF),
  ]);
}

/**
 * Sends one request on a fresh connection and reads the first final answer (after any 1xx).
 * Writing stops as soon as the server answers (a refusal need not wait for a body it will not
 * read); the answer is whatever arrived before the server closed the connection, or its complete
 * message (some answers keep the connection alive whatever the request said).
 */
export async function exchange(port: number, request: HostileRequest, timeoutMs = 15_000) {
  const socket = connect(port, '127.0.0.1');
  let received = Buffer.alloc(0);
  let closed = false;
  let bytesSent = 0;
  let bytesAtAnswer: number | undefined;
  const head = request.head === true;
  socket.on('data', (data: Buffer) => {
    received = Buffer.concat([received, data]);
    const { reply, complete } = parseReply(received, head, 0);
    if (reply) bytesAtAnswer ??= bytesSent;
    if (complete) socket.destroy();
  });
  // A server that answers early and closes may reset the connection under a client still writing.
  socket.on('error', () => {});
  // Not events.once: it rejects on 'error', and a reset is an expected way for a refusal to end.
  const closing = new Promise<void>((resolve) =>
    socket.once('close', () => {
      closed = true;
      resolve();
    }),
  );
  const timer = setTimeout(() => socket.destroy(), timeoutMs);
  try {
    await Promise.race([new Promise((resolve) => socket.once('connect', resolve)), closing]);
    for (const part of request.parts()) {
      if (closed || bytesAtAnswer !== undefined || socket.destroyed) break;
      bytesSent += part.length;
      if (!socket.write(part))
        await Promise.race([new Promise((resolve) => socket.once('drain', resolve)), closing]);
    }
    if (request.halfClose && !closed) socket.end();
    await closing;
  } finally {
    clearTimeout(timer);
    socket.destroy();
  }
  return parseReply(received, head, bytesAtAnswer ?? bytesSent).reply;
}

/** The first final HTTP response in `data` (none until its head is complete), and whether all of it arrived. */
function parseReply(
  data: Buffer,
  head: boolean,
  bytesSent: number,
): { reply?: Reply; complete: boolean } {
  let start = 0;
  for (;;) {
    const end = data.indexOf('\r\n\r\n', start);
    if (end < 0) return { complete: false };
    const [statusLine = '', ...lines] = data.subarray(start, end).toString('latin1').split(CRLF);
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]);
    if (!status) return { complete: true };
    // An interim answer (100 Continue): the final one follows.
    if (status < 200) {
      start = end + 4;
      continue;
    }
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
    }
    const rest = data.subarray(end + 4);
    const reply = { status, headers, body: rest, bytesSent };
    if (head || status === 204 || status === 304)
      return { reply: { ...reply, body: Buffer.alloc(0) }, complete: true };
    if (headers['transfer-encoding']?.includes('chunked')) {
      const { body, done } = dechunk(rest);
      return { reply: { ...reply, body }, complete: done };
    }
    if (headers['content-length'] !== undefined) {
      const length = Number(headers['content-length']);
      return {
        reply: { ...reply, body: rest.subarray(0, length) },
        complete: rest.length >= length,
      };
    }
    return { reply, complete: false };
  }
}

function dechunk(data: Buffer): { body: Buffer; done: boolean } {
  const out: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = data.indexOf(CRLF, at);
    if (lineEnd < 0) return { body: Buffer.concat(out), done: false };
    const size = Number.parseInt(data.subarray(at, lineEnd).toString('latin1'), 16);
    if (!size) return { body: Buffer.concat(out), done: true };
    out.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

/** What must never reach a client, unless the client sent it (an error may quote the input). */
const leaks: [string, RegExp][] = [
  ['stack frame', /\bat (?:async )?[\w$.<>[\] ]+ \(|\n\s+at \S/],
  ['source position', /\.(?:[cm]?js|ts):\d+(?::\d+)?/],
  ['internal path', /\/work\/|node_modules|\/src\/|\/home\/|\/tmp\//],
  ['SQL', /\b(?:SELECT|INSERT INTO|DELETE FROM|UPDATE \S+ SET|WHERE|RETURNING)\b/],
  ['database internals', /prisma|sqlite|better-sqlite3|postgres|\bpg_|PrismaClient/i],
  ['error class', /\b(?:RangeError|TypeError|ReferenceError|Maximum call stack)\b/],
];

/**
 * Every rule an answer breaks: none (no answer at all), a 5xx, an error without `extensions.code`
 * (every non-2xx answer must carry one), or anything from `leaks` the request did not contain.
 */
export function problemsWith(request: HostileRequest, reply: Reply | undefined): string[] {
  if (!reply) return ['no answer'];
  const problems: string[] = [];
  if (reply.status >= 500) problems.push(`status ${reply.status}`);
  const { refusal } = request;
  if (refusal && reply.status !== refusal.status)
    problems.push(`status ${reply.status} where ${refusal.status} ${refusal.code} is due`);
  const text = reply.body.toString('utf8');
  const hasBody = !(request.head || reply.status === 204 || reply.status === 304);
  const ok = reply.status >= 200 && reply.status < 300;
  const payloads = jsonPayloads(reply.headers['content-type'] ?? '', text);
  const errorLists = payloads.map((payload) => (payload as { errors?: unknown } | null)?.errors);
  if (hasBody && !ok && !errorLists.some(Array.isArray))
    problems.push(`status ${reply.status} without JSON errors`);
  for (const errors of errorLists) {
    if (errors === undefined) continue;
    if (!Array.isArray(errors) || errors.length === 0) {
      problems.push('an errors entry that is not a list of errors');
      continue;
    }
    for (const error of errors) {
      const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
      if (typeof code !== 'string' || !code) problems.push('an error without extensions.code');
      else if (refusal && code !== refusal.code)
        problems.push(`${code} where ${refusal.code} is due`);
    }
  }
  const sent = `${firstBytes(request, 1024 * 1024)}${decodeURIComponent(safeTarget(request))}`;
  const answered = `${Object.entries(reply.headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n')}\n${text}`;
  // GraphiQL's page is static HTML and script, the same for every request.
  const graphiql = ok && (reply.headers['content-type'] ?? '').startsWith('text/html');
  for (const [what, pattern] of graphiql ? [] : leaks) {
    if (pattern.test(answered) && !pattern.test(sent)) problems.push(`leaks ${what}`);
  }
  return problems;
}

/**
 * The JSON documents in a body: the body itself, or each event of a `text/event-stream` answer and
 * each part of a `multipart/mixed` one (yoga answers in the streaming format the client accepts).
 */
function jsonPayloads(contentType: string, text: string): unknown[] {
  const pieces = contentType.startsWith('text/event-stream')
    ? text
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5))
    : contentType.startsWith('multipart/mixed')
      ? text
          .split(/\r\n\r\n/)
          .slice(1)
          .map((part) => part.split('\r\n---')[0] ?? '')
      : [text];
  return pieces.flatMap((piece) => {
    if (!piece.trim()) return [];
    try {
      return [JSON.parse(piece) as unknown];
    } catch {
      return [];
    }
  });
}

/** The first `limit` bytes of a request, as text. */
function firstBytes(request: HostileRequest, limit: number): string {
  const parts: Buffer[] = [];
  let size = 0;
  for (const part of request.parts()) {
    if (size >= limit) break;
    parts.push(part);
    size += part.length;
  }
  return Buffer.concat(parts).toString('latin1');
}

/** The request target, for requests that put their input there (GET). */
function safeTarget(request: HostileRequest): string {
  const first = request.parts()[Symbol.iterator]().next().value?.toString('latin1') ?? '';
  const target = first.split(' ')[1] ?? '';
  try {
    decodeURIComponent(target);
    return target;
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------------------------------------
// The traffic. Each kind builds one request from the PRNG; `hostileRequests` interleaves them.

const json = { 'Content-Type': 'application/json' };
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

function post(body: Buffer | string, headers: Record<string, string> = {}) {
  return rawRequest('POST', '/graphql', { ...json, ...headers }, body);
}
function postQuery(query: string, variables?: unknown, headers: Record<string, string> = {}) {
  return post(JSON.stringify(variables === undefined ? { query } : { query, variables }), headers);
}
function get(params: Record<string, string>, headers: Record<string, string> = {}) {
  const search = new URLSearchParams(params).toString();
  return rawRequest('GET', `/graphql?${search}`, { Accept: 'application/json', ...headers });
}

const names = ['articles', 'people', 'quotes', 'teasers'] as const;
const hashLike = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '__defineGetter__',
  'valueOf',
];
const strangeIds = [
  '',
  ' ',
  'null',
  b64('Article:0'),
  b64('Article:-1'),
  b64('Article:1.5'),
  b64('Article:1e3'),
  b64('Article:99999999999999999999'),
  b64('Article:9007199254740993'),
  b64('Person:1'),
  b64('Quote:1'),
  b64('Teaser:1'),
  b64('__proto__:1'),
  b64('constructor:1'),
  b64("Article:1' OR '1'='1"),
  b64('Article:1; DROP TABLE "Article"; --'),
  b64('Mention:1'),
  b64(':1'),
  b64('Article:'),
  b64('Article:1:2'),
  b64('🙂:1'),
  'QXJ0aWNsZToxCg==',
  'QXJ0aWNsZTox',
  'QXJ0aWNsZTox====',
  '%%%',
  '\u0000',
  '\ud800',
];
const strangeNumbers = [
  '-1',
  '-2147483648',
  '0',
  '101',
  '1000000',
  '2147483647',
  '2147483648',
  '9007199254740993',
  '1e308',
  '1.5',
  '-0',
  '"10"',
  'null',
  'true',
  '[1]',
];

const tooLarge = { status: 413, code: 'REQUEST_TOO_LARGE' };

type Kind = {
  kind: string;
  count: number;
  build: (r: Random) => Omit<HostileRequest, 'kind'>;
};

const nested = (depth: number, open: string, close: string, inner: string) =>
  `${open.repeat(depth)}${inner}${close.repeat(depth)}`;

export const kinds: Kind[] = [
  {
    kind: 'body over the limit, chunked',
    count: 12,
    build: (r) => {
      const size = r.pick([300_000, 500_000, 1_000_000, 2_000_000, 5_000_000]);
      return {
        name: `chunked body of ${size} bytes`,
        parts: chunkedRequest(json, '{"query":"{__typename}","x":"', size),
        refusal: tooLarge,
      };
    },
  },
  {
    kind: 'body over the limit, Content-Length',
    count: 8,
    build: (r) => {
      const size = r.int(256 * 1024 + 1, 1_500_000);
      const body = `{"query":"{__typename}","x":"${'b'.repeat(size)}"}`;
      return {
        name: `Content-Length body of ${body.length} bytes`,
        parts: post(body),
        refusal: tooLarge,
      };
    },
  },
  {
    kind: 'body near the limit',
    count: 6,
    build: (r) => {
      const size = r.int(100_000, 255_000);
      const query = `{ articles(first: 1) { totalCount } } # ${'c'.repeat(size)}`;
      return {
        name: `valid ${size}-byte query`,
        parts: r.next() < 0.5 ? postQuery(query) : chunkedPost(JSON.stringify({ query })),
      };
    },
  },
  {
    kind: 'deep selection',
    count: 70,
    build: (r) => {
      const depth = r.pick([13, 64, 100, 500, 1000, 2500, 5000, 10_000, 30_000, 40_000]);
      const shape = r.pick(['field', 'real', 'fragment', 'anonymous']);
      const query =
        shape === 'field'
          ? `query{${nested(depth, 'a{', '}', 'b')}}`
          : shape === 'real'
            ? `{${nested(depth, 'articles{edges{node{authors{', '}}}}', 'id')}}`
            : shape === 'fragment'
              ? `{${nested(depth, '...on Query{', '}', '__typename')}}`
              : nested(depth, '{', '}', 'a');
      const via = r.pick(['post', 'post', 'graphql', 'get']);
      return {
        name: `${shape} nesting ${depth} deep by ${via}`,
        parts:
          via === 'post'
            ? postQuery(query)
            : via === 'graphql'
              ? post(query, { 'Content-Type': 'application/graphql' })
              : get({ query }),
      };
    },
  },
  {
    kind: 'deep input values',
    count: 24,
    build: (r) => {
      const depth = r.pick([50, 1000, 5000, 20_000, 40_000]);
      const query =
        r.next() < 0.5
          ? `{nodes(ids:${nested(depth, '[', ']', '"x"')}){id}}`
          : `{articles(filter:${nested(depth, '{author:', '}', '{slug:"x"}')}){totalCount}}`;
      return { name: `input literal nesting ${depth}`, parts: postQuery(query) };
    },
  },
  {
    kind: 'deep variables',
    count: 24,
    build: (r) => {
      const depth = r.pick([50, 500, 2000, 10_000, 50_000]);
      const array = r.next() < 0.5;
      const value = array ? nested(depth, '[', ']', '1') : nested(depth, '{"a":', '}', 'null');
      const query = r.pick([
        'query($f: ArticleFilter) { articles(filter: $f) { totalCount } }',
        'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
        '{ __typename }',
      ]);
      const name = query.includes('$f') ? 'f' : query.includes('$ids') ? 'ids' : 'v';
      return {
        name: `variables ${array ? 'arrays' : 'objects'} nesting ${depth}`,
        parts: post(`{"query":${JSON.stringify(query)},"variables":{"${name}":${value}}}`),
      };
    },
  },
  {
    kind: 'prototype keys',
    count: 46,
    build: (r) => {
      const key = r.pick(hashLike);
      const persisted = { persistedQuery: { version: 1, sha256Hash: key } };
      const variant = r.int(0, 5);
      if (variant === 0)
        return {
          name: `persisted hash ${key} by POST`,
          parts: post(JSON.stringify({ extensions: persisted })),
        };
      if (variant === 1)
        return {
          name: `persisted hash ${key} by GET`,
          parts: get({ extensions: JSON.stringify(persisted) }),
        };
      if (variant === 2)
        return {
          name: `extensions key ${key}`,
          parts: post(
            `{"query":"{__typename}","extensions":{"${key}":{"persistedQuery":{"version":1}}}}`,
          ),
        };
      if (variant === 3)
        return {
          name: `variables key ${key}`,
          parts: post(
            `{"query":"query($f: ArticleFilter){articles(filter:$f){totalCount}}","variables":{"f":{"${key}":{"status":"DRAFT"}},"${key}":1}}`,
          ),
        };
      if (variant === 4)
        return {
          name: `operationName ${key}`,
          parts: post(JSON.stringify({ query: `query ${key} { __typename }`, operationName: key })),
        };
      return {
        name: `persisted hash ${key} with a query`,
        parts: post(JSON.stringify({ query: '{ __typename }', extensions: persisted })),
      };
    },
  },
  {
    kind: 'batching',
    count: 40,
    build: (r) => {
      const size = r.pick([0, 1, 2, 10, 100, 1000]);
      const entry = r.pick([
        '{"query":"{__typename}"}',
        '{"query":"{ articles { totalCount } }"}',
        '1',
        'null',
        '"{__typename}"',
      ]);
      return {
        name: `batch of ${size} ${entry}`,
        parts: post(`[${Array(size).fill(entry).join(',')}]`),
      };
    },
  },
  {
    kind: 'alias overloading',
    count: 30,
    build: (r) => {
      const count = r.pick([31, 100, 1000, 5000]);
      const field = r.pick([
        '__typename',
        'articles { totalCount }',
        'node(id: "QXJ0aWNsZTox") { id }',
      ]);
      const query = `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
      return { name: `${count} aliases of ${field}`, parts: postQuery(query) };
    },
  },
  {
    kind: 'circular fragments',
    count: 24,
    build: (r) => {
      const variant = r.int(0, 3);
      if (variant === 0)
        return {
          name: 'two fragments spreading each other',
          parts: postQuery('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }'),
        };
      if (variant === 1)
        return {
          name: 'a fragment spreading itself',
          parts: postQuery('{ ...A } fragment A on Query { __typename ...A }'),
        };
      if (variant === 2) {
        const n = r.int(3, 200);
        const fragments = Array.from(
          { length: n },
          (_, i) => `fragment F${i} on Query { ...F${(i + 1) % n} }`,
        );
        return {
          name: `a cycle of ${n} fragments`,
          parts: postQuery(`{ ...F0 } ${fragments.join(' ')}`),
        };
      }
      // Each fragment spreads the next twice: 2^n fields if expanded naively ("billion laughs").
      const n = r.int(5, 30);
      const fragments = Array.from({ length: n }, (_, i) =>
        i === n - 1
          ? `fragment F${i} on Query { __typename }`
          : `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
      );
      return { name: `fragment bomb 2^${n}`, parts: postQuery(`{ ...F0 } ${fragments.join(' ')}`) };
    },
  },
  {
    kind: 'directive overloading',
    count: 30,
    build: (r) => {
      const count = r.pick([50, 500, 3000, 10_000]);
      const directive = r.pick(['@skip(if: false)', '@include(if: true)', '@a', '@deprecated']);
      return {
        name: `${count} × ${directive}`,
        parts: postQuery(`{ __typename ${directive.concat(' ').repeat(count)}}`),
      };
    },
  },
  {
    kind: 'introspection',
    count: 20,
    build: (r) => {
      const query = r.pick([
        '{ __schema { types { name fields { name } } } }',
        '{ __type(name: "Article") { fields { name type { name } } } }',
        `{ __schema { types { ${nested(40, 'fields { type { ofType {', '} } }', 'name')} } } }`,
        '{ __schema { queryType { name } } }',
        'query IntrospectionQuery { __schema { directives { name args { name } } } }',
      ]);
      return {
        name: `introspection ${query.slice(0, 40)}`,
        parts: r.next() < 0.7 ? postQuery(query) : get({ query }),
      };
    },
  },
  {
    kind: 'huge strings',
    count: 30,
    build: (r) => {
      const size = r.pick([10_000, 100_000, 250_000]);
      const text = r.pick(['x', 'é', '🙂', '\\u0000', '%', '\\\\']).repeat(size / 4);
      const variant = r.int(0, 4);
      if (variant === 0)
        return {
          name: `slug literal ${size}`,
          parts: postQuery(`{ article(slug: "${text}") { id } }`),
        };
      if (variant === 1)
        return {
          name: `block string ${size}`,
          parts: postQuery(`{ article(slug: """${text.replaceAll('\\', '')}""") { id } }`),
        };
      if (variant === 2)
        return {
          name: `string variable ${size}`,
          parts: post(
            `{"query":"query($s: String){ person(slug: $s) { id } }","variables":{"s":"${text}"}}`,
          ),
        };
      if (variant === 3)
        return {
          name: `operationName ${size}`,
          parts: post(`{"query":"{__typename}","operationName":"${text}"}`),
        };
      return { name: `huge comment ${size}`, parts: postQuery(`{ __typename } #${text}`) };
    },
  },
  {
    kind: 'invalid UTF-8',
    count: 36,
    build: (r) => {
      const variant = r.int(0, 5);
      const bad = r.pick([
        Buffer.from([0xc0, 0xaf]),
        Buffer.from([0xed, 0xa0, 0x80]),
        Buffer.from([0xff, 0xfe]),
        Buffer.from([0xf8, 0x88, 0x80, 0x80, 0x80]),
        Buffer.from([0x80]),
        Buffer.from([0xe2, 0x82]),
      ]);
      if (variant === 0) return { name: `random bytes`, parts: post(r.bytes(r.int(1, 4000))) };
      if (variant === 1)
        return {
          name: `bad bytes in the query ${bad.toString('hex')}`,
          parts: post(
            Buffer.concat([
              Buffer.from('{"query":"{ article(slug: \\"'),
              bad,
              Buffer.from('\\") { id } }"}'),
            ]),
          ),
        };
      if (variant === 2)
        return {
          name: 'lone surrogate escape',
          parts: post('{"query":"{ article(slug: \\"\\ud800\\") { id } }"}'),
        };
      if (variant === 3)
        return {
          name: 'byte order mark',
          parts: post(
            Buffer.concat([
              Buffer.from([0xef, 0xbb, 0xbf]),
              Buffer.from('{"query":"{__typename}"}'),
            ]),
          ),
        };
      if (variant === 4)
        return {
          name: `bad bytes in the URL ${bad.toString('hex')}`,
          parts: () =>
            rawRequest(
              'GET',
              `/graphql?query=%7B${[...bad].map((b) => `%${b.toString(16)}`).join('')}%7D`,
              { Accept: 'application/json' },
            )(),
        };
      return {
        name: 'NUL bytes',
        parts: post('{"query":"{\\u0000__typename\\u0000}"}\u0000\u0000'),
      };
    },
  },
  {
    kind: 'wrong method',
    count: 50,
    build: (r) => {
      const method = r.pick([
        'PUT',
        'DELETE',
        'PATCH',
        'TRACE',
        'PROPFIND',
        'FOO',
        'HEAD',
        'OPTIONS',
        'get',
        'CONNECT',
        'SEARCH',
      ]);
      const path = r.pick(['/graphql', '/graphql', '/healthz', '/readyz', '/', '/nope']);
      const body = r.next() < 0.5 ? '{"query":"{__typename}"}' : undefined;
      const target = method === 'CONNECT' ? '127.0.0.1:80' : path;
      return {
        name: `${method} ${target}${body ? ' with a body' : ''}`,
        parts: rawRequest(method, target, body ? json : {}, body),
        head: method === 'HEAD',
      };
    },
  },
  {
    kind: 'wrong media type',
    count: 60,
    build: (r) => {
      const contentType = r.pick([
        'text/plain',
        'text/xml',
        'application/xml',
        'multipart/form-data',
        'multipart/form-data; boundary=x',
        'application/x-www-form-urlencoded',
        'application/graphql',
        'application/json; charset=latin1',
        'application/json; charset=utf-16',
        '',
        'garbage',
        '*/*',
        'application/json, text/plain',
      ]);
      const accept = r.pick([
        undefined,
        'text/html',
        'image/png',
        'application/xml',
        'garbage',
        'application/json; charset=latin1',
        '*/*;q=0',
        'application/graphql-response+json',
        'text/event-stream',
        'multipart/mixed',
      ]);
      const body = r.pick([
        '{"query":"{__typename}"}',
        'query={__typename}',
        '{__typename}',
        '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{}\r\n--x--',
      ]);
      const headers: Record<string, string> = {};
      if (contentType) headers['Content-Type'] = contentType;
      if (accept) headers.Accept = accept;
      const viaGet = r.next() < 0.25;
      return {
        name: `${viaGet ? 'GET' : 'POST'} ${contentType || 'no type'} accepting ${accept ?? 'anything'}`,
        parts: viaGet
          ? rawRequest('GET', '/graphql?query=%7B__typename%7D', headers)
          : rawRequest('POST', '/graphql', headers, body),
      };
    },
  },
  {
    kind: 'odd paths',
    count: 30,
    build: (r) => {
      const target = r.pick([
        '/',
        '/nope',
        '/graphql/',
        '/GRAPHQL',
        '/graphql/../etc/passwd',
        '/%2e%2e/%2e%2e/etc/passwd',
        '/%00',
        '/graphql%00',
        `/${'p'.repeat(10_000)}`,
        `/graphql?query=${'%7B'.repeat(3000)}`,
        '*',
        'http://evil.example/graphql',
        '/graphql?query={__typename}&query={__typename}',
        '/graphql#frag',
        '/favicon.ico',
        '/.env',
      ]);
      const method = target === '*' ? 'OPTIONS' : r.pick(['GET', 'POST']);
      return {
        name: `${method} ${target.slice(0, 60)}`,
        parts: rawRequest(
          method,
          target,
          method === 'POST' ? json : { Accept: 'application/json' },
          method === 'POST' ? '{"query":"{__typename}"}' : undefined,
        ),
      };
    },
  },
  {
    kind: 'odd headers',
    count: 60,
    build: (r) => {
      const body = '{"query":"{__typename}"}';
      const variant = r.int(0, 13);
      const send = (
        name: string,
        headers: [string, string][],
        withBody = true,
        method = 'POST',
      ) => ({
        name,
        parts: rawRequest(
          method,
          '/graphql',
          [['Content-Type', 'application/json'], ...headers],
          withBody ? body : undefined,
        ),
      });
      switch (variant) {
        case 0: {
          const size = r.pick([17_000, 40_000, 100_000]);
          return send(`one ${size}-byte header`, [['X-Big', 'a'.repeat(size)]]);
        }
        case 1: {
          const count = r.pick([200, 2000, 5000]);
          return send(
            `${count} headers`,
            Array.from({ length: count }, (_, i) => [`X-H${i}`, 'v'] as [string, string]),
          );
        }
        case 2:
          return send('header without a colon', [['X-Broken\r\nno colon', 'x']]);
        case 3:
          return send('obs-fold header', [['X-Folded', 'a\r\n  b']]);
        case 4:
          return send('NUL in a header value', [['X-Nul', 'a\u0000b']]);
        case 5:
          return send('Content-Length and Transfer-Encoding', [
            ['Content-Length', String(body.length)],
            ['Transfer-Encoding', 'chunked'],
          ]);
        case 6:
          return send('two different Content-Lengths', [
            ['Content-Length', String(body.length)],
            ['Content-Length', '3'],
          ]);
        case 7:
          return send('non-numeric Content-Length', [
            ['Content-Length', r.pick(['-1', 'abc', '1e3', '0x10', '99999999999999999999'])],
          ]);
        case 8:
          return send('Transfer-Encoding gzip', [['Transfer-Encoding', 'gzip']]);
        case 9:
          return send('Content-Encoding gzip on plain text', [
            ['Content-Encoding', r.pick(['gzip', 'deflate', 'br', 'zstd', 'bogus'])],
          ]);
        case 10:
          return send('Expect: 100-continue', [['Expect', r.pick(['100-continue', 'nonsense'])]]);
        case 11: {
          const token = r.pick([
            'Bearer ',
            'Bearer x',
            `Bearer ${'t'.repeat(8000)}`,
            'Basic Zm9vOmJhcg==',
            'Bearer \u00ff',
            'Bearer editor-token-for-tests-01234567899',
          ]);
          return send(`forged credentials ${token.slice(0, 20)}`, [['Authorization', token]]);
        }
        case 12:
          return send('hostile origin', [
            ['Origin', r.pick(['http://evil.example', 'null', 'file://', '*'])],
          ]);
        default: {
          const version = r.pick(['HTTP/1.0', 'HTTP/2.0', 'HTTP/9.9', 'HTTP/1.1 extra', '']);
          return {
            name: `request line ${version || 'without a version'}`,
            parts: () => [
              Buffer.from(
                `POST /graphql ${version}\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
              ),
            ],
          };
        }
      }
    },
  },
  {
    kind: 'broken chunked encoding',
    count: 12,
    build: (r) => {
      const chunks = r.pick([
        'zz\r\nabc\r\n0\r\n\r\n',
        '5\r\nabc\r\n0\r\n\r\n',
        'ffffffffffffffff\r\nabc\r\n0\r\n\r\n',
        `3;${'e'.repeat(20_000)}\r\nabc\r\n0\r\n\r\n`,
        '-1\r\n\r\n',
      ]);
      return {
        name: `chunks ${JSON.stringify(chunks.slice(0, 20))}`,
        parts: () => [
          Buffer.from(
            `POST /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${chunks}`,
          ),
        ],
        // A chunk that claims more than arrives can only end with the connection.
        halfClose: true,
      };
    },
  },
  {
    kind: 'body cut short',
    count: 10,
    build: (r) => {
      const declared = r.pick([100, 10_000, 200_000]);
      const sent = r.int(0, 60);
      const body = '{"query":"{ articles { totalCount } }"}'.padEnd(sent, ' ').slice(0, sent);
      return {
        name: `Content-Length ${declared} with ${sent} bytes, then the end`,
        parts: rawRequest(
          'POST',
          '/graphql',
          { ...json, 'Content-Length': String(declared) },
          body,
        ),
        halfClose: true,
      };
    },
  },
  {
    kind: 'forged global IDs',
    count: 70,
    build: (r) => {
      const id = r.pick(strangeIds);
      const variant = r.int(0, 4);
      if (variant === 0)
        return {
          name: `node(${JSON.stringify(id)})`,
          parts: post(
            JSON.stringify({
              query: 'query($id: ID!) { node(id: $id) { id } }',
              variables: { id },
            }),
          ),
        };
      if (variant === 1)
        return {
          name: `article(${JSON.stringify(id)})`,
          parts: post(
            JSON.stringify({
              query: 'query($id: ID) { article(id: $id) { id } }',
              variables: { id },
            }),
          ),
        };
      if (variant === 2) {
        const count = r.pick([10, 100, 1000, 5000]);
        return {
          name: `nodes with ${count} IDs`,
          parts: post(
            JSON.stringify({
              query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
              variables: { ids: Array(count).fill(id) },
            }),
          ),
        };
      }
      if (variant === 3)
        return {
          name: `filter by person ${JSON.stringify(id)}`,
          parts: post(
            JSON.stringify({
              query:
                'query($id: ID) { articles(filter: { mentions: { id: $id } }) { totalCount } }',
              variables: { id },
            }),
          ),
        };
      return {
        name: `huge ID`,
        parts: post(
          JSON.stringify({
            query: 'query($id: ID!) { node(id: $id) { id } }',
            variables: { id: b64(`Article:${'9'.repeat(r.int(20, 50_000))}`) },
          }),
        ),
      };
    },
  },
  {
    kind: 'forged cursors',
    count: 50,
    build: (r) => {
      const cursor = r.pick([
        'garbage',
        '',
        b64('-1'),
        b64('{"id":-1}'),
        b64('{"__proto__":{"x":1}}'),
        b64("1' OR '1'='1"),
        b64('cursor:99999999999999999999'),
        'x'.repeat(r.int(1000, 50_000)),
        b64(JSON.stringify({ publishedAt: 'not a date', id: 'x' })),
        '\u0000',
      ]);
      const list = r.pick(names);
      const direction = r.pick(['after', 'before']);
      const size = direction === 'after' ? 'first' : 'last';
      return {
        name: `${list}(${direction}: ${JSON.stringify(cursor.slice(0, 30))})`,
        parts: post(
          JSON.stringify({
            query: `query($c: String) { ${list}(${size}: 5, ${direction}: $c) { totalCount edges { cursor } } }`,
            variables: { c: cursor },
          }),
        ),
      };
    },
  },
  {
    kind: 'page sizes',
    count: 50,
    build: (r) => {
      const size = r.pick(strangeNumbers);
      const list = r.pick(names);
      const arg = r.pick(['first', 'last']);
      const variant = r.int(0, 2);
      if (variant === 0)
        return {
          name: `${list}(${arg}: ${size})`,
          parts: postQuery(`{ ${list}(${arg}: ${size}) { totalCount } }`),
        };
      if (variant === 1)
        return {
          name: `${list}(${arg}: $n = ${size})`,
          parts: post(
            `{"query":"query($n: Int) { ${list}(${arg}: $n) { totalCount } }","variables":{"n":${size}}}`,
          ),
        };
      return {
        name: `person.quotes(first: ${size})`,
        parts: postQuery(
          `{ people(first: 5) { edges { node { quotes(first: ${size}) { totalCount } } } } }`,
        ),
      };
    },
  },
  {
    kind: 'malformed GraphQL',
    count: 90,
    build: (r) => {
      const text = r.pick([
        '{',
        '}',
        '',
        ' ',
        '{ articles(first: ) }',
        '{ "unterminated }',
        '{ """unterminated }',
        'query { __typename } query { __typename }',
        'subscription { __typename }',
        'mutation { ingestArticle(input: { text: "x" }) { outcome } }',
        '{ __typename @skip }',
        '{ articles(nope: 1) { totalCount } }',
        '{ article { nope } }',
        '{ ...Missing }',
        'fragment A on Query { __typename }',
        'query Q($v: Int = "x") { __typename }',
        'query($v: Nope) { __typename }',
        '{ __typename(arg: $undefined) }',
        '{ articles { edges { node { headline(x: 1) } } } }',
        r.bytes(r.int(1, 200)).toString('latin1'),
        Array.from({ length: r.int(1, 300) }, () =>
          r.pick([
            '{',
            '}',
            '(',
            ')',
            '[',
            ']',
            ':',
            '$',
            '@',
            '...',
            'a',
            '"',
            '#',
            '\n',
            '!',
            '=',
            '|',
            '&',
            '1',
          ]),
        ).join(''),
      ]);
      const variant = r.int(0, 4);
      if (variant === 0)
        return { name: `document ${JSON.stringify(text.slice(0, 30))}`, parts: postQuery(text) };
      if (variant === 1)
        return { name: `GET ${JSON.stringify(text.slice(0, 30))}`, parts: get({ query: text }) };
      if (variant === 2)
        return {
          name: 'wrong parameter types',
          parts: post(
            r.pick([
              '{"query":1}',
              '{"query":["{__typename}"]}',
              '{"query":{}}',
              '{"query":"{__typename}","variables":"x"}',
              '{"query":"{__typename}","variables":[1]}',
              '{"query":"{__typename}","operationName":5}',
              '{"query":"{__typename}","extensions":"x"}',
              'null',
              '1',
              '"x"',
              '{}',
              '{"query":null}',
            ]),
          ),
        };
      if (variant === 3)
        return {
          name: 'operationName that matches nothing',
          parts: post(
            JSON.stringify({
              query: 'query A { __typename } query B { __typename }',
              operationName: r.pick(['C', '', 'A B']),
            }),
          ),
        };
      return { name: 'GET with a mutation', parts: get({ query: 'mutation { __typename }' }) };
    },
  },
  {
    kind: 'injection in text arguments',
    count: 36,
    build: (r) => {
      const text = r.pick([
        "' OR 1=1 --",
        '%',
        '_',
        '\\',
        '\'; DROP TABLE "Article"; --',
        '" OR ""="',
        '%\\%_',
        '\u0000',
        '$where',
        '{"$gt": ""}',
        '../../etc/passwd',
        '<script>alert(1)</script>',
      ]);
      const field = r.pick([
        'query($t: String) { article(slug: $t) { id } }',
        'query($t: String) { person(slug: $t) { id } }',
        'query($t: String) { articles(filter: { headlineContains: $t }) { totalCount } }',
        'query($t: String) { people(filter: { nameContains: $t }) { totalCount } }',
        'query($t: String) { teasers(filter: { titleContains: $t }) { totalCount } }',
        'query($t: String) { articles(filter: { mentions: { slug: $t } }) { totalCount } }',
      ]);
      return {
        name: `${field.slice(19, 60)} ${JSON.stringify(text)}`,
        parts: post(JSON.stringify({ query: field, variables: { t: text } })),
      };
    },
  },
  {
    kind: 'long text filters',
    count: 12,
    build: (r) => {
      const size = r.pick([1000, 10_000, 100_000]);
      const field = r.pick([
        'articles(filter: { headlineContains: $t })',
        'people(filter: { nameContains: $t })',
        'teasers(filter: { titleContains: $t })',
      ]);
      return {
        name: `${field} with ${size} characters`,
        parts: post(
          JSON.stringify({
            query: `query($t: String) { ${field} { totalCount } }`,
            variables: { t: 'y'.repeat(size) },
          }),
        ),
      };
    },
  },
  {
    kind: 'expensive reads',
    count: 16,
    build: (r) => {
      const size = r.pick([10, 50, 100]);
      const query = r.pick([
        `{ people(first: ${size}) { edges { node { quotes(first: ${size}) { edges { node { article { quotes { speaker { articles(first: ${size}) { totalCount } } } } } } } } } } }`,
        `{ articles(first: ${size}) { edges { node { mentions { person { mentionedIn(first: ${size}) { totalCount } quotedAlongside { count } } } } } } }`,
      ]);
      return { name: `nested pages of ${size}`, parts: postQuery(query) };
    },
  },
  {
    kind: 'ordinary reads',
    count: 60,
    build: (r) => {
      const query = r.pick([
        '{ articles(first: 3) { totalCount edges { cursor node { id headline authors { name } } } pageInfo { hasNextPage endCursor } } }',
        '{ people(first: 5) { edges { node { id name quotes(first: 2) { totalCount } } } } }',
        '{ quotes(first: 5) { edges { node { text speaker { name } } } } }',
        '{ teasers(first: 5) { edges { node { title isTruncated } } } }',
        '{ __typename }',
      ]);
      const accept = r.pick([
        'application/json',
        'application/graphql-response+json',
        '*/*',
        'application/json, text/plain',
      ]);
      const variant = r.int(0, 2);
      return {
        name: `read ${query.slice(2, 30)} accepting ${accept}`,
        parts:
          variant === 0
            ? postQuery(query, undefined, { Accept: accept })
            : variant === 1
              ? get({ query }, { Accept: accept })
              : chunkedPost(JSON.stringify({ query }), { Accept: accept }),
      };
    },
  },
];

/** A small JSON POST sent chunked, as streaming clients do. */
function chunkedPost(body: string, headers: Record<string, string> = {}) {
  return () => [
    Buffer.from(
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n${Object.entries(
        headers,
      )
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('')}Transfer-Encoding: chunked\r\n\r\n`,
    ),
    chunk(Buffer.from(body)),
    Buffer.from('0\r\n\r\n'),
  ];
}

/** The whole traffic for one seed: every kind's count of requests, shuffled together. */
export function hostileRequests(seed: number): HostileRequest[] {
  const r = prng(seed);
  const requests: HostileRequest[] = [];
  for (const { kind, count, build } of kinds)
    for (let i = 0; i < count; i++) requests.push({ kind, ...build(r) });
  // Fisher–Yates with the same PRNG, so refusals and ordinary reads interleave.
  for (let i = requests.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [requests[i], requests[j]] = [requests[j] as HostileRequest, requests[i] as HostileRequest];
  }
  return requests;
}
