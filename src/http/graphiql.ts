// The GraphiQL page, served by this process so that it works offline, on intranets and without a
// CDN. The page itself is small: it loads GraphiQL's script, styles, fonts, editor workers and
// icon as same-origin files named by their content hash (graphiql-assets.ts), which browsers cache
// for good, and runs no inline code, so it is sent under a strict Content-Security-Policy.
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';
import { graphiqlTabs } from '../examples.js';
import { assetPrefix, graphiqlAssets, gzippedBody } from './graphiql-assets.js';

/**
 * `defaultTabs` opens the examples on a first visit and `defaultQuery` fills a tab added with "+".
 * No `query`/`variables`: they would replace whatever tab the visitor left open on every load.
 */
export const graphiqlOptions: GraphiQLOptions = {
  title: 'Newsgraph',
  defaultQuery: graphiqlTabs[0]?.query,
  defaultTabs: graphiqlTabs,
};

/**
 * The page's policy: everything from this origin only, and no inline or eval'd script. Each
 * exception is something GraphiQL's build does at run time that cannot be configured away:
 */
export const graphiqlContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // Module workers started from same-origin URLs (MonacoEnvironment.getWorkerUrl); no blob:.
  "worker-src 'self'",
  // Inline styles, both kinds, which the browser test finds GraphiQL cannot run without:
  // - style attributes: Monaco renders the editor's lines, cursors, guides and decorations as HTML
  //   strings with `style="top:…px"` in them (set through innerHTML, not the CSSOM);
  // - <style> elements created by script: Monaco writes its theme, decorations and codicon rules
  //   into one, and react-remove-scroll (GraphiQL's dialogs) adds another.
  // Their text is built at run time, so no hash can name it, and neither library takes a nonce.
  // Scripts stay strict, so injected markup can still run nothing.
  "style-src 'self' 'unsafe-inline'",
  // Monaco draws error/warning squiggles as data:image/svg+xml backgrounds coloured from the theme.
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** JSON that is safe inside a <script> data block (no `</script>` or `<!--` can end it). */
function jsonInScript(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
  );
}

/**
 * yoga's `renderGraphiQL`. The bootstrap runs before GraphiQL's script (deferred scripts run in
 * order), then mounts it from the options in the data block once the document is parsed.
 */
export function renderGraphiQLPage(options: GraphiQLOptions): string {
  const files = graphiqlAssets();
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(options.title ?? 'GraphiQL')}</title>
    <link rel="icon" href="${escapeHtml(options.favicon ?? files.icon.path)}" />
    <link rel="stylesheet" href="${files.stylesheet.path}" />
    <script id="graphiql-options" type="application/json">${jsonInScript(options)}</script>
    <script defer src="${files.bootstrap.path}"></script>
    <script defer src="${files.script.path}"></script>
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript.</noscript>
    <div id="root"></div>
  </body>
</html>
`;
}

/**
 * Serves the assets under /graphiql/ (immutable, with a strong ETag and 304 for a match) and sends
 * the page with its policy. Only in the plugin list when GraphiQL is on, so a server without the
 * page serves none of its files either.
 */
export function useGraphiQLAssets(): Plugin {
  return {
    // Synchronous for every other request: only a gzipped asset waits (once) for its compression.
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(assetPrefix)) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const file = graphiqlAssets().byPath.get(url.pathname);
      // An unknown name (an old build's, or a guess) falls through to yoga's coded 404.
      if (!file) return;
      const gzip = file.compressible && acceptsGzip(request.headers.get('accept-encoding'));
      // Each encoding is a representation of its own, with a tag of its own.
      const etag = gzip ? `${file.etag.slice(0, -1)}-gzip"` : file.etag;
      const headers: Record<string, string> = {
        'content-type': file.contentType,
        'cache-control': 'public, max-age=31536000, immutable',
        etag,
        'x-content-type-options': 'nosniff',
        ...(file.compressible && { vary: 'Accept-Encoding' }),
        ...(gzip && { 'content-encoding': 'gzip' }),
      };
      const known = (request.headers.get('if-none-match') ?? '')
        .split(',')
        .map((tag) => tag.trim().replace(/^W\//, ''));
      if (known.includes(etag) || known.includes('*'))
        return endResponse(new fetchAPI.Response(null, { status: 304, headers }));
      const send = (body: Uint8Array<ArrayBuffer>) =>
        endResponse(
          new fetchAPI.Response(request.method === 'HEAD' ? null : body, {
            status: 200,
            headers: { ...headers, 'content-length': String(body.length) },
          }),
        );
      if (!gzip) return send(file.body);
      return gzippedBody(file).then(send);
    },
    onResponse({ request, response }) {
      // yoga's GraphiQL plugin answers GET /graphql for a browser with text/html; nothing else here does.
      if (
        request.method !== 'GET' ||
        !response.headers.get('content-type')?.startsWith('text/html')
      )
        return;
      response.headers.set('content-security-policy', graphiqlContentSecurityPolicy);
      response.headers.set('x-content-type-options', 'nosniff');
      response.headers.set('referrer-policy', 'no-referrer');
      // Small, and names the current build's assets: always revalidated, never served stale.
      response.headers.set('cache-control', 'no-cache');
    },
  };
}

/** Whether Accept-Encoding allows gzip: named, or else by `*`, and not with q=0. */
function acceptsGzip(header: string | null): boolean {
  const codings = new Map(
    (header ?? '').split(',').map((entry) => {
      const [coding = '', ...parameters] = entry.split(';').map((p) => p.trim().toLowerCase());
      const q = parameters.find((p) => p.startsWith('q='));
      return [coding, q === undefined ? 1 : Number(q.slice(2))] as const;
    }),
  );
  return (codings.get('gzip') ?? codings.get('*') ?? 0) > 0;
}
