// GraphiQL in a real browser (Debian's chromium through playwright-core) against a real port on a
// seeded database, under the Content-Security-Policy the server sends with the page: no violation
// and no console error, every asset same-origin, cacheable and taken from the cache on a reload, no
// request to another origin, the first example open, every example tab switching and running without
// errors, and no tab added by a reload. Then, in-process, the page and its assets over HTTP, and the
// settings that serve no page at all (production, and persisted-only mode unless GRAPHIQL=true).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse, print } from 'graphql';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, readEnv } from '../src/env.js';
import { graphiqlTabs } from '../src/examples.js';
import { createNewsgraphServer, createNewsgraphYoga, yogaOptionsFrom } from '../src/yoga.js';
import { seed } from './support/db.js';

const executablePath = '/usr/bin/chromium';
const screenshot = path.join(projectRoot, 'tests', 'artifacts', 'playground.png');
const browserMissing = !existsSync(executablePath);
// Outside CI a machine without the browser skips, and says so; under CI=true it must fail instead.
const skipBrowser = browserMissing && process.env.CI !== 'true';
if (skipBrowser)
  console.warn(
    `tests/playground.test.ts: skipping the browser test, no ${executablePath} (apt-get install chromium)`,
  );

/** The editors' tab's Authorization header as shipped, and the token this server accepts. */
const placeholderAuthorization = 'Bearer <your token>';
const editorToken = 'p'.repeat(32);

const serve = (env: Record<string, string>) =>
  yogaOptionsFrom(readEnv({ NODE_ENV: 'test', ...env }));

/** A Monaco editor's rendered lines in order (Monaco positions reused line nodes by `top`). */
async function editorLines(page: Page, editor: string): Promise<string[]> {
  const lines = await page.$$eval(`${editor} .view-line`, (nodes) =>
    nodes.map((node) => ({
      top: Number.parseFloat((node as HTMLElement).style.top),
      text: node.textContent ?? '',
    })),
  );
  return lines.sort((a, b) => a.top - b.top).map((line) => line.text.replaceAll('\u00a0', ' '));
}

/** True when the editor shows the first lines of `text` (at least five; Monaco renders what fits). */
async function editorShows(page: Page, editor: string, text: string): Promise<boolean> {
  const shown = await editorLines(page, editor);
  const expected = text.split('\n');
  return shown.length >= Math.min(5, expected.length) && shown.every((l, i) => l === expected[i]);
}

const runButton = '.graphiql-execute-button[aria-label^="Execute"]';

/** The page's Content-Security-Policy as directive → sources. */
function policyOf(header: string | null | undefined): Map<string, string[]> {
  const directives = (header ?? '').split(';').map((d) => d.trim().split(/\s+/));
  return new Map(
    directives.filter(([name]) => name).map(([name, ...sources]) => [name as string, sources]),
  );
}

/** The strict policy asked of the page: only its style elements may be inline, nothing is blob:. */
function expectStrictPolicy(header: string | null | undefined) {
  const policy = policyOf(header);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('style-src')?.[0]).toBe("'self'");
  expect(policy.get('connect-src')).toEqual(["'self'"]);
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  // Workers come from this origin (or, with no worker-src, script-src's 'self' applies).
  expect(policy.get('worker-src') ?? ["'self'"]).toEqual(["'self'"]);
  for (const [name, sources] of policy) {
    expect(sources, name).not.toContain('blob:');
    expect(sources, name).not.toContain('*');
    expect(sources, name).not.toContain("'unsafe-eval'");
    if (!name.startsWith('style-src')) expect(sources, name).not.toContain("'unsafe-inline'");
  }
}

const tabStates = (page: Page) =>
  page.$$eval('.graphiql-tab', (tabs) =>
    tabs.map((t) => t.getAttribute('aria-selected') === 'true'),
  );

describe.skipIf(skipBrowser)('GraphiQL in a browser', () => {
  let server: Server;
  let origin: string;
  let browser: Browser;
  /** Every request the server answered: path, status, and whether it was conditional. */
  const served: { method: string; path: string; status: number; conditional: boolean }[] = [];

  beforeAll(async () => {
    if (browserMissing) throw new Error(`CI=true and no browser at ${executablePath}`);
    await seed();
    const { listener } = createNewsgraphServer(serve({ EDITOR_TOKEN: editorToken }));
    server = createServer((request, response) => {
      // Standing in for an editor who types their token over the editors' tab's placeholder.
      if (request.headers.authorization === placeholderAuthorization)
        request.headers.authorization = `Bearer ${editorToken}`;
      response.on('finish', () =>
        served.push({
          method: request.method ?? '',
          path: request.url ?? '',
          status: response.statusCode,
          conditional: request.headers['if-none-match'] !== undefined,
        }),
      );
      listener(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath,
      // Every other origin goes to a proxy that is not there, so no request can leave the machine
      // (loopback is never proxied). Not page.route: intercepting requests turns the HTTP cache off,
      // and the cache is what the reload below checks.
      args: ['--no-sandbox', '--disable-gpu', '--proxy-server=http://127.0.0.1:9'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (server) await new Promise((resolve) => server.close(resolve));
  });

  it('runs under its strict CSP from this server alone, cached; every example tab runs; a reload adds no tab', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const foreign: string[] = [];
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (/^(https?|wss?):$/.test(url.protocol) && url.origin !== origin) foreign.push(url.href);
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    // Each CSP violation, reported from the page as it happens (Chromium also logs it as an error).
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { reportViolation(text: string): void }).reportViolation(
          `${event.effectiveDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`,
        ),
      ),
    );
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    const assets: { url: string; status: number; headers: Record<string, string> }[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/graphiql/'))
        assets.push({
          url: response.url(),
          status: response.status(),
          headers: response.headers(),
        });
    });
    const waitForTabs = async () => {
      await expect.poll(() => page.locator('.graphiql-tab').count()).toBeGreaterThan(0);
      await page.waitForFunction(() => document.fonts.status === 'loaded');
    };

    const response = await page.goto(`${origin}/graphql`);
    // The policy the browser enforces is the one the server sent with the page.
    expectStrictPolicy(response?.headers()['content-security-policy']);
    await waitForTabs();
    expect(await tabStates(page)).toEqual(graphiqlTabs.map((_, i) => i === 0));
    const first = graphiqlTabs[0]?.query ?? '';
    await expect.poll(() => editorShows(page, '.graphiql-query-editor', first)).toBe(true);

    // Monaco's editor workers run from files on this origin, not blob: URLs. They start once the
    // editors exist; the variables editor (JSON) comes with the second tab, so two are enough here.
    await expect.poll(() => workers.length).toBeGreaterThanOrEqual(2);
    for (const url of workers)
      expect(url).toMatch(new RegExp(`^${origin}/graphiql/[\\w.-]+\\.js$`));
    // Script, stylesheet, bootstrap, fonts and workers: each a named, immutable, tagged file.
    const firstLoad = served.filter((hit) => hit.path.startsWith('/graphiql/'));
    expect(firstLoad.map((hit) => hit.path)).toEqual(
      expect.arrayContaining(workers.map((u) => new URL(u).pathname)),
    );
    expect(
      firstLoad.filter((hit) => /\.(js|css|woff2?|ttf)$/.test(hit.path)).length,
    ).toBeGreaterThanOrEqual(7);
    expect(assets.length).toBeGreaterThanOrEqual(4);
    for (const asset of assets) {
      expect(asset.status, asset.url).toBe(200);
      expect(asset.headers['cache-control'], asset.url).toBe('public, max-age=31536000, immutable');
      // Gzipped (Chromium asks for it), but for woff2, which is compressed already and goes as it is.
      const gzipped = !/\.(woff2?|png)$/.test(asset.url);
      expect(asset.headers.etag, asset.url).toMatch(
        gzipped ? /^"[0-9a-f]{64}-gzip"$/ : /^"[0-9a-f]{64}"$/,
      );
      expect(asset.headers['content-encoding'], asset.url).toBe(gzipped ? 'gzip' : undefined);
    }

    // A reload right away, before any editor has changed, keeps the tabs and the active one, and
    // takes every asset it has from the browser's cache: the server sees the page again, and at
    // most conditional requests (answered 304) for the files it sent before. (A worker that had
    // not started yet, such as GraphQL's, is fetched for the first time.)
    served.length = 0;
    const workersBefore = workers.length;
    await page.reload();
    await waitForTabs();
    await expect.poll(() => workers.length).toBeGreaterThanOrEqual(workersBefore + 2);
    expect(served.filter((hit) => hit.method === 'GET' && hit.path === '/graphql')).toMatchObject([
      { status: 200 },
    ]);
    const sentBefore = new Set(firstLoad.map((hit) => hit.path));
    for (const hit of served.filter((h) => sentBefore.has(h.path)))
      expect(hit, hit.path).toMatchObject({ status: 304, conditional: true });
    expect(await tabStates(page)).toEqual(graphiqlTabs.map((_, i) => i === 0));
    await expect.poll(() => editorShows(page, '.graphiql-query-editor', first)).toBe(true);

    for (const [index, tab] of graphiqlTabs.entries()) {
      await page.locator('.graphiql-tab-button').nth(index).click();
      await expect.poll(() => tabStates(page)).toEqual(graphiqlTabs.map((_, i) => i === index));
      await expect.poll(() => editorShows(page, '.graphiql-query-editor', tab.query)).toBe(true);
      // GraphiQL takes in an editor change 100 ms later (debounced): it stores the query and only
      // then picks the operation to run. Pressing run before that sends the previous tab's operation
      // name with this tab's document ("Cannot infer operation …").
      await expect
        .poll(() => page.evaluate(() => localStorage.getItem('graphiql:query')))
        .toBe(tab.query);

      const sent = page.waitForRequest(
        (request) =>
          request.method() === 'POST' &&
          new URL(request.url()).pathname === '/graphql' &&
          !request.postData()?.includes('__schema'),
        { timeout: 10_000 },
      );
      // The button is "Stop" while an operation is in flight; pressing it then sends nothing.
      await page.locator(runButton).click();
      const request = await sent;
      const body = JSON.parse(request.postData() ?? '{}');
      // The tab's own document and variables went out, not the previous tab's.
      expect(print(parse(body.query))).toBe(print(parse(tab.query)));
      expect(body.variables ?? {}).toEqual(tab.variables ? JSON.parse(tab.variables) : {});
      // The tab's own headers went out too (the editors' tab's placeholder token).
      const tabHeaders = tab.headers ? JSON.parse(tab.headers) : {};
      expect(request.headers().authorization).toBe(tabHeaders.Authorization);
      const answer = await (await request.response())?.json();
      expect(answer.errors).toBeUndefined();
      expect(Object.values(answer.data).some((value) => value !== null)).toBe(true);

      // And the result panel shows it: JSON opening with "data", no "errors".
      await expect
        .poll(async () => (await editorLines(page, '.graphiql-response'))[1])
        .toMatch(/^\s*"data": \{/);
      const shown = (await editorLines(page, '.graphiql-response')).join('\n');
      expect(shown.trim().startsWith('{')).toBe(true);
      expect(shown).not.toContain('"errors"');
      await page.locator(runButton).waitFor();
    }

    mkdirSync(path.dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot });
    console.log(`playground screenshot: ${screenshot}`);

    const last = graphiqlTabs.length - 1;
    // GraphiQL saves its tabs 500 ms after a change; a reload before that is not what this checks.
    await expect
      .poll(() =>
        page.evaluate(() => JSON.parse(localStorage.getItem('graphiql:tabState') ?? '{}')),
      )
      .toMatchObject({ activeTabIndex: last });
    await page.reload();
    await waitForTabs();
    expect(await tabStates(page)).toEqual(graphiqlTabs.map((_, i) => i === last));
    await expect
      .poll(() => editorShows(page, '.graphiql-query-editor', graphiqlTabs[last]?.query ?? ''))
      .toBe(true);

    // An invalid document is underlined: Monaco's squiggles are data: SVGs (the policy's img-src).
    await page.locator('.graphiql-query-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('{ noSuchField }');
    const squiggle = page.locator('.graphiql-query-editor .squiggly-error').first();
    await squiggle.waitFor();
    // Monaco adds the decoration's element before the rule that draws it (its theme's style sheet
    // is written on the next render), so the style is awaited, not read once.
    await expect
      .poll(() => squiggle.evaluate((node) => getComputedStyle(node).backgroundImage))
      .toMatch(/^url\("data:image\/svg\+xml/);

    expect(foreign).toEqual([]);
    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);

    // The policy is enforced and the listener hears it: an inline script is refused and reported.
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineScriptRan = true';
      document.head.append(script);
      return (window as unknown as { inlineScriptRan?: boolean }).inlineScriptRan ?? false;
    });
    expect(ran).toBe(false);
    await expect
      .poll(() => violations)
      .toEqual([expect.stringMatching(/^script-src-elem blocked inline/)]);
    await context.close();
  });
});

describe('GraphiQL over HTTP', () => {
  const get = (env: Record<string, string>, path = '/graphql', headers: HeadersInit = {}) =>
    createNewsgraphYoga(serve(env)).fetch(`http://newsgraph.test${path}`, {
      headers: { accept: 'text/html', ...headers },
    });
  /** The page's <script> and <link> elements, and the addresses they load. */
  const loaded = (html: string) =>
    [...html.matchAll(/<(script|link)\b([^>]*)>/g)].map(([, tag, attributes = '']) => ({
      tag,
      attributes,
      url: /\b(?:src|href)="([^"]*)"/.exec(attributes)?.[1],
    }));

  it('serves a small page with no inline script, loading immutable same-origin files', async () => {
    const yoga = createNewsgraphYoga(serve({}));
    const response = await yoga.fetch('http://newsgraph.test/graphql', {
      headers: { accept: 'text/html' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expectStrictPolicy(response.headers.get('content-security-policy'));
    const html = await response.text();
    expect(Buffer.byteLength(html)).toBeLessThan(16 * 1024);
    const elements = loaded(html);
    // Scripts are files; the only <script> without src is the options' JSON data block.
    for (const { tag, attributes, url } of elements.filter((e) => e.tag === 'script'))
      expect(url ?? attributes, tag).toMatch(url ? /^\/graphiql\// : /type="application\/json"/);
    const urls = elements.flatMap((e) => (e.url ? [e.url] : []));
    expect(urls.length).toBeGreaterThanOrEqual(4);
    let total = 0;
    for (const url of urls) {
      expect(url).toMatch(/^\/graphiql\/[\w-]+\.[0-9a-f]{16}\.\w+$/);
      const file = await yoga.fetch(`http://newsgraph.test${url}`);
      expect(file.status, url).toBe(200);
      expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const etag = file.headers.get('etag') ?? '';
      expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
      // The name carries the content's hash: a new build cannot be hidden behind an old name.
      const body = Buffer.from(await file.arrayBuffer());
      expect(etag).toBe(`"${createHash('sha256').update(body).digest('hex')}"`);
      expect(url).toContain(`.${etag.slice(1, 17)}.`);
      total += body.length;
      const again = await yoga.fetch(`http://newsgraph.test${url}`, {
        headers: { 'if-none-match': etag },
      });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      if (!/\.(js|css)$/.test(url)) continue;
      // The same file gzipped for a client that asks, as a representation with its own tag.
      const gzipped = await yoga.fetch(`http://newsgraph.test${url}`, {
        headers: { 'accept-encoding': 'br;q=1, gzip;q=0.8' },
      });
      expect(gzipped.headers.get('content-encoding')).toBe('gzip');
      expect(gzipped.headers.get('vary')).toMatch(/Accept-Encoding/i);
      expect(gzipped.headers.get('etag')).toBe(`${etag.slice(0, -1)}-gzip"`);
      const unzipped = gunzipSync(Buffer.from(await gzipped.arrayBuffer()));
      expect(unzipped.equals(body)).toBe(true);
      const refused = await yoga.fetch(`http://newsgraph.test${url}`, {
        headers: { 'accept-encoding': 'gzip;q=0, *' },
      });
      expect(refused.headers.get('content-encoding')).toBeNull();
    }
    // The stylesheet names the fonts as files too: no data: URL, which font-src 'self' would refuse.
    const stylesheet = urls.find((url) => url.endsWith('.css')) ?? '';
    const css = await (await yoga.fetch(`http://newsgraph.test${stylesheet}`)).text();
    expect(css).not.toContain('data:');
    expect(css).toMatch(/url\(\/graphiql\/[\w-]+\.[0-9a-f]{16}\.woff2\)/);
    // The bulk of GraphiQL (several MB) now comes in cacheable files, not in the page.
    expect(total).toBeGreaterThan(5_000_000);

    const unknown = await yoga.fetch('http://newsgraph.test/graphiql/graphiql.0000000000000000.js');
    expect(unknown.status).toBe(404);
  });

  it('serves no page under NODE_ENV=production unless GRAPHIQL=true', async () => {
    const production = await get({ NODE_ENV: 'production' });
    expect(production.status).not.toBe(200);
    expect(production.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    expect(await production.text()).not.toContain('/graphiql/');

    const optedIn = await get({ NODE_ENV: 'production', GRAPHIQL: 'true' });
    expect(optedIn.headers.get('content-type')).toMatch(/text\/html/);
    const script = loaded(await optedIn.text()).find((e) => e.url?.endsWith('.js'))?.url ?? '';
    expect(script).toMatch(/^\/graphiql\//);
    // Nor its files: a server without the page has nothing under /graphiql/.
    expect((await get({ NODE_ENV: 'production' }, script)).status).toBe(404);
    expect((await get({ NODE_ENV: 'production', GRAPHIQL: 'true' }, script)).status).toBe(200);

    const optedOut = await get({ NODE_ENV: 'development', GRAPHIQL: 'false' });
    expect(optedOut.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
  });

  it('serves no page under PERSISTED_ONLY, where its documents would be refused, unless GRAPHIQL=true', async () => {
    for (const NODE_ENV of ['development', 'test']) {
      const off = await get({ NODE_ENV, GRAPHIQL: 'false' });
      const strict = await get({ NODE_ENV, PERSISTED_ONLY: 'true' });
      // The same answer as with GraphiQL off.
      expect(strict.status).toBe(off.status);
      expect(strict.headers.get('content-type')).toBe(off.headers.get('content-type'));
      expect(await strict.text()).toBe(await off.text());

      const optedIn = await get({ NODE_ENV, PERSISTED_ONLY: 'true', GRAPHIQL: 'true' });
      expect(optedIn.status).toBe(200);
      expect(optedIn.headers.get('content-type')).toMatch(/text\/html/);
    }
  });

  it('serves it in development and test, with no address of another origin in it', async () => {
    for (const NODE_ENV of ['development', 'test']) {
      const response = await get({ NODE_ENV });
      expect(response.status).toBe(200);
      const html = await response.text();
      // No script, stylesheet or icon is loaded from elsewhere (the CDN page linked unpkg.com).
      for (const { url } of loaded(html)) if (url) expect(url).toMatch(/^\/graphiql\//);
      expect(html).not.toMatch(/https?:\/\//);
    }
  });
});
