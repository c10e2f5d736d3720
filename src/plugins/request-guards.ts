// Refuses requests that cannot be honest GraphQL before any parsing: an oversized URL or body,
// `variables`/`extensions` URL parameters that are not JSON objects, and documents nested too deep
// to parse. Each gets a coded JSON error, in the JSON media type the client asked for, as yoga's own
// answers are; so do yoga's bare refusals (404, 406, 415), which have empty bodies of their own.
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { requestLimits } from '../limits.js';

/** The code each bare refusal gets, by status. */
const codeByStatus: Record<number, string> = {
  400: 'BAD_REQUEST',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  413: 'REQUEST_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

export function useRequestGuards(): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI, serverContext, setRequest }) {
      const refuse = (status: number, code: string, message: string) =>
        endResponse(refusal(fetchAPI, request, { status, code, message }));
      if (request.url.length > requestLimits.urlBytes) {
        return refuse(
          414,
          'REQUEST_TOO_LARGE',
          `the request URL is ${request.url.length} bytes; the limit is ${requestLimits.urlBytes}. Send large queries by POST or as persisted operations.`,
        );
      }
      const length = Number(request.headers.get('content-length') ?? 0);
      if (length > requestLimits.bodyBytes) {
        return refuse(
          413,
          'REQUEST_TOO_LARGE',
          `the request body is ${length} bytes; the limit is ${requestLimits.bodyBytes}.`,
        );
      }
      for (const name of ['variables', 'extensions']) {
        const value = url.searchParams.get(name);
        if (value !== null && !isJsonObject(value)) {
          return refuse(400, 'BAD_REQUEST', `the "${name}" parameter must be a JSON object`);
        }
      }
      // A body from the Node listener was counted as it arrived (http/body-limit.ts). Any other
      // (yoga.fetch, another runtime) is counted here, as Content-Length may be absent or wrong.
      const counted = Buffer.isBuffer((serverContext as { req?: { body?: unknown } }).req?.body);
      if (request.body && !counted) {
        return readUpTo(request.body, requestLimits.bodyBytes).then((body) => {
          if (!body) {
            return refuse(
              413,
              'REQUEST_TOO_LARGE',
              `the request body is over the limit of ${requestLimits.bodyBytes} bytes.`,
            );
          }
          const { method, headers, signal } = request;
          setRequest(new fetchAPI.Request(request.url, { method, headers, signal, body }));
        });
      }
    },
    // Before armor's max-tokens parser, which would overflow the stack on such a document itself.
    onParse({ params }) {
      const source = typeof params.source === 'string' ? params.source : params.source.body;
      if (nestedDeeperThan(source, requestLimits.documentNesting)) {
        throw new GraphQLError(
          `the document nests brackets more than ${requestLimits.documentNesting} levels deep`,
          { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
        );
      }
    },
    // yoga answers some refusals with a status alone (unknown path, unsupported media type,
    // nothing acceptable to answer in): give them the coded body every other refusal has.
    onResponse({ request, response, setResponse, fetchAPI }) {
      if (response.status < 400 || response.headers.get('content-type')) return;
      const code = codeByStatus[response.status] ?? 'BAD_REQUEST';
      const headers = Object.fromEntries(response.headers);
      delete headers['content-length'];
      setResponse(
        refusal(fetchAPI, request, {
          status: response.status,
          code,
          message: refusalMessage(code, request),
          headers,
          mediaType: 'application/json',
        }),
      );
    },
  };
}

/**
 * A refusal made outside execution: a coded GraphQL error as the whole JSON body, in the JSON media
 * type the client asked for unless one is given.
 */
export function refusal(
  fetchAPI: { Response: typeof Response },
  request: Request,
  answer: {
    status: number;
    code: string;
    message: string;
    extensions?: Record<string, unknown>;
    headers?: Record<string, string>;
    mediaType?: JsonMediaType;
  },
): Response {
  const { status, code, message, extensions = {}, headers = {}, mediaType } = answer;
  const type = mediaType ?? jsonMediaType(request.headers.get('accept')) ?? 'application/json';
  return new fetchAPI.Response(
    JSON.stringify({ errors: [{ message, extensions: { code, ...extensions } }] }),
    { status, headers: { ...headers, 'content-type': `${type}; charset=utf-8` } },
  );
}

function refusalMessage(code: string, request: Request): string {
  switch (code) {
    case 'NOT_FOUND':
      return 'nothing is served at this path; GraphQL is at /graphql';
    case 'NOT_ACCEPTABLE':
      return 'the Accept header allows no media type this server answers in; accept application/graphql-response+json or application/json';
    case 'UNSUPPORTED_MEDIA_TYPE':
      return `the Content-Type ${JSON.stringify((request.headers.get('content-type') ?? '').slice(0, 64))} is not supported; send application/json`;
    case 'METHOD_NOT_ALLOWED':
      return `${request.method.slice(0, 16)} is not supported here; use GET or POST`;
    default:
      return `the request was refused (${code})`;
  }
}

/**
 * Whether a GraphQL document opens more than `limit` brackets at once. Lexes just enough to skip
 * comments and strings (a `{` inside one nests nothing), so it never over-counts an honest document.
 */
export function nestedDeeperThan(source: string, limit: number): boolean {
  const blockQuote = '"""';
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '{' || char === '[' || char === '(') {
      if (++depth > limit) return true;
    } else if (char === '}' || char === ']' || char === ')') {
      depth = Math.max(0, depth - 1);
    } else if (char === '#') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
    } else if (source.startsWith(blockQuote, i)) {
      // A block string ends at the next """ that is not escaped as \""".
      i += 3;
      while (i < source.length && !source.startsWith(blockQuote, i))
        i += source.startsWith(`\\${blockQuote}`, i) ? 4 : 1;
      i += 2;
    } else if (char === '"') {
      i++;
      while (i < source.length && source[i] !== '"' && source[i] !== '\n')
        i += source[i] === '\\' ? 2 : 1;
    }
  }
  return false;
}

/** The whole body, or undefined (and the rest left unread) once it passes `limit` bytes. */
async function readUpTo(
  body: ReadableStream<Uint8Array>,
  limit: number,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return value === null || (typeof value === 'object' && !Array.isArray(value));
  } catch {
    return false;
  }
}

export type JsonMediaType = 'application/graphql-response+json' | 'application/json';

/**
 * The JSON media type yoga answers a request with, for anything that answers outside yoga (the HTTP
 * fast path, the refusals above): the first utf-8 Accept entry that matches either type, ignoring
 * q-values as yoga does; `application/json` for a wildcard entry, which matches both,
 * and when there is no Accept header. Undefined when no entry accepts JSON (yoga answers 406).
 */
export function jsonMediaType(accept: string | null | undefined): JsonMediaType | undefined {
  for (const entry of (accept || '*/*').replace(/\s/g, '').toLowerCase().split(',')) {
    const [range = '', ...params] = entry.split(';');
    const charset = params.find((param) => param.includes('charset='));
    if (charset !== undefined && charset !== 'charset=utf-8') continue;
    if (matches(range, 'application/json')) return 'application/json';
    if (matches(range, 'application/graphql-response+json'))
      return 'application/graphql-response+json';
  }
  return undefined;
}

function matches(range: string, mediaType: string): boolean {
  const [type, subtype] = range.split('/');
  const [wantedType, wantedSubtype] = mediaType.split('/');
  return (type === '*' || type === wantedType) && (subtype === '*' || subtype === wantedSubtype);
}
