// Cross-site request forgery: the POSTs a page on another origin can make a browser send without a
// preflight are refused; JSON POSTs and GETs, which real clients send, still work.
import { describe, expect, it } from 'vitest';
import { readEnv } from '../src/env.js';
import { createNewsgraphServer, yogaOptionsFrom } from '../src/yoga.js';
import { serveInProcess } from './support/server.js';

const served = serveInProcess(
  createNewsgraphServer(yogaOptionsFrom(readEnv({ NODE_ENV: 'test' }))).listener,
);

const fromElsewhere = { origin: 'https://attacker.example', accept: 'application/json' };

describe('CSRF prevention', () => {
  it('refuses form, multipart and text/plain POSTs from another origin, with a code', async () => {
    const multipart = new FormData();
    multipart.set('query', '{ __typename }');
    const forms: RequestInit[] = [
      {
        headers: { ...fromElsewhere, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'query=%7B__typename%7D',
      },
      { headers: fromElsewhere, body: multipart },
      {
        headers: { ...fromElsewhere, 'content-type': 'text/plain' },
        body: JSON.stringify({ query: '{ __typename }' }),
      },
    ];
    for (const init of forms) {
      const response = await fetch(served.url, { method: 'POST', ...init });
      expect(response.status).toBe(403);
      const body = await response.json();
      expect(body.data).toBeUndefined();
      expect(body.errors[0].extensions.code).toBe('CSRF_REJECTED');
    }
  });

  it('executes JSON POSTs, GETs, and simple POSTs that carry a script-only header', async () => {
    const json = await fetch(served.url, {
      method: 'POST',
      headers: { ...fromElsewhere, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await json.json()).toEqual({ data: { __typename: 'Query' } });

    const get = await fetch(`${served.url}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: fromElsewhere,
    });
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });

    const marked = await fetch(served.url, {
      method: 'POST',
      headers: {
        ...fromElsewhere,
        'content-type': 'application/x-www-form-urlencoded',
        'x-graphql-yoga-csrf': '1',
      },
      body: 'query=%7B__typename%7D',
    });
    expect(marked.status).toBe(200);
  });
});
