// GraphiQL's files as separate same-origin assets named by their content hash, so that a strict
// Content-Security-Policy (`script-src 'self'`, no inline code) allows them and a browser caches
// them for good: the script, the stylesheet with each font and image it embedded as a data: URL
// taken out into a file of its own, Monaco's three editor workers, the icon, and our bootstrap.
// All come from @graphql-yoga/render-graphiql, the build matching our graphql-yoga.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import {
  css,
  editorWorkerService,
  favicon,
  graphqlWorker,
  js,
  jsonWorker,
} from '@graphql-yoga/render-graphiql/graphiql';

/** The URL path every asset is served under; nothing else lives there. */
export const assetPrefix = '/graphiql/';

export type Asset = {
  /** `/graphiql/<label>.<hash>.<ext>`: a new build gets new names, so an old one can be cached forever. */
  path: string;
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  /** Strong: the body behind a name never changes. */
  etag: string;
  /** Worth gzipping: text, and the one TrueType font (woff, woff2 and png are compressed already). */
  compressible: boolean;
};

const contentTypes: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  ttf: 'font/ttf',
  woff: 'font/woff',
  woff2: 'font/woff2',
  png: 'image/png',
  svg: 'image/svg+xml',
  ico: 'image/x-icon',
};

/** The file extension for a data: URL's media type (`font/woff2` → `woff2`, `image/svg+xml` → `svg`). */
function extensionOf(mediaType: string): string {
  const ext = mediaType === 'image/x-icon' ? 'ico' : mediaType.split('/')[1]?.split('+')[0];
  if (!ext || !(ext in contentTypes))
    throw new Error(`render-graphiql embeds a ${mediaType} the asset table has no type for`);
  return ext;
}

function asset(label: string, ext: string, body: Buffer | string): Asset {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const digest = createHash('sha256').update(bytes).digest('hex');
  return {
    path: `${assetPrefix}${label}.${digest.slice(0, 16)}.${ext}`,
    // A copy in an ArrayBuffer of its own, as fetch's BodyInit takes it (a Buffer may share a pool).
    body: new Uint8Array(bytes),
    contentType: contentTypes[ext] as string,
    etag: `"${digest}"`,
    compressible: !['woff', 'woff2', 'png'].includes(ext),
  };
}

const gzipAsync = promisify(gzip);
const gzipped = new WeakMap<Asset, Promise<Uint8Array<ArrayBuffer>>>();

/**
 * The asset gzipped (GraphiQL's 8.7 MB become about 2.5 MB on the wire), compressed on first
 * request and then kept. Off the event loop: the script alone takes a quarter of a second.
 */
export function gzippedBody(file: Asset): Promise<Uint8Array<ArrayBuffer>> {
  let body = gzipped.get(file);
  if (!body) {
    body = gzipAsync(file.body, { level: 9 }).then((bytes) => new Uint8Array(bytes));
    gzipped.set(file, body);
  }
  return body;
}

const DATA_URL = /^data:([\w.+-]+\/[\w.+-]+);base64,([A-Za-z0-9+/=]+)$/;

/** A base64 data: URL as a file of its own. */
function fromDataUrl(label: string, url: string): Asset {
  const match = DATA_URL.exec(url);
  if (!match)
    throw new Error(`render-graphiql embeds a data: URL that is not base64: ${url.slice(0, 40)}`);
  const [, mediaType = '', base64 = ''] = match;
  return asset(label, extensionOf(mediaType), Buffer.from(base64, 'base64'));
}

/**
 * Runs before GraphiQL mounts (the page loads it ahead of GraphiQL's script, both deferred):
 *
 * - Monaco starts each editor worker from `getWorkerUrl`'s URL as a module worker; a same-origin
 *   URL is what `worker-src 'self'` allows (the blob: URLs of the inlined page were not).
 * - On load GraphiQL activates the stored tab whose query, variables and headers equal the
 *   `graphiql:query`/`:variables`/`:headers` keys, and adds a new tab when none does. Those keys are
 *   written only when an editor's content changes, so after a visit that switched no tab they are
 *   missing, match nothing, and the reload added an empty tab. When they were never written, the
 *   active tab's contents are written into them, which reopens that tab. Once GraphiQL has written
 *   them they are left alone: they are fresher than the stored tabs, which it saves 500 ms late.
 * - The tab bar is a framer-motion Reorder group whose items watch the bar's size. When the web
 *   fonts arrive after the tabs were first measured the bar resizes, and each tab but the last is
 *   given a stale `translateX` that GraphiQL's CSS hides until the tab takes focus: pressing the
 *   mouse on it then moved it away from the pointer, so the click never landed. Loading the fonts
 *   before mounting lets the tabs be measured once, at their final size. `document.fonts.load`
 *   picks the faces by `unicode-range`, so only the Latin subsets are fetched, not all 39 faces.
 * - The options come from a JSON data block in the page (`type="application/json"` is data, not
 *   script, so CSP has nothing to say about it), which keeps this file the same for every page.
 */
function bootstrap(workerUrls: Record<string, string>): string {
  return /* JavaScript */ `(function () {
  'use strict';
  var workers = ${JSON.stringify(workerUrls)};
  self.MonacoEnvironment = {
    globalAPI: false,
    getWorkerUrl: function (moduleId, label) {
      return workers[label];
    },
  };

  function reopenActiveTab() {
    try {
      if (localStorage.getItem('graphiql:query') !== null) return;
      var state = JSON.parse(localStorage.getItem('graphiql:tabState'));
      var tab = state && Array.isArray(state.tabs) && state.tabs[state.activeTabIndex];
      if (!tab) return;
      ['query', 'variables', 'headers'].forEach(function (key) {
        if (typeof tab[key] === 'string') localStorage.setItem('graphiql:' + key, tab[key]);
        else localStorage.removeItem('graphiql:' + key);
      });
    } catch (error) {
      // Unreadable state: GraphiQL falls back to the default tabs by itself.
    }
  }

  function loadFonts() {
    var fonts = {};
    document.fonts.forEach(function (face) {
      var family = '"' + face.family.replace(/^["']|["']$/g, '') + '"';
      fonts[face.style + ' ' + face.weight + ' 16px ' + family] = true;
    });
    return Promise.all(
      Object.keys(fonts).map(function (font) {
        return document.fonts.load(font, 'Aa').catch(function () {});
      }),
    );
  }

  reopenActiveTab();
  document.addEventListener('DOMContentLoaded', function () {
    var options = JSON.parse(document.getElementById('graphiql-options').textContent);
    loadFonts().then(function () {
      YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), options);
    });
  });
})();
`;
}

export type GraphiQLAssets = {
  script: Asset;
  stylesheet: Asset;
  bootstrap: Asset;
  icon: Asset;
  byPath: Map<string, Asset>;
};

function build(): GraphiQLAssets {
  const extracted: Asset[] = [];
  // Every url(data:…) in the stylesheet (fonts, a few small images) becomes a same-origin file, so
  // `font-src`/`img-src` need no `data:`; the same data: URL twice is one file.
  const stylesheetText = css.replace(
    /url\((["']?)(data:[^"')]+)\1\)/g,
    (_match, _quote: string, url: string) => {
      const file = fromDataUrl(url.startsWith('data:font/') ? 'font' : 'image', url);
      extracted.push(file);
      return `url(${file.path})`;
    },
  );
  const workers = {
    editorWorkerService: asset('editor-worker', 'js', editorWorkerService),
    json: asset('json-worker', 'js', jsonWorker),
    graphql: asset('graphql-worker', 'js', graphqlWorker),
  };
  const files = {
    script: asset('graphiql', 'js', js),
    stylesheet: asset('graphiql', 'css', stylesheetText),
    bootstrap: asset(
      'start',
      'js',
      bootstrap(Object.fromEntries(Object.entries(workers).map(([label, w]) => [label, w.path]))),
    ),
    icon: fromDataUrl('icon', favicon),
  };
  const all = [...Object.values(files), ...Object.values(workers), ...extracted];
  return { ...files, byPath: new Map(all.map((file) => [file.path, file])) };
}

let built: GraphiQLAssets | undefined;

/** Built on first use (hashing about 9 MB takes a moment), then kept: the files never change. */
export function graphiqlAssets(): GraphiQLAssets {
  built ??= build();
  return built;
}
