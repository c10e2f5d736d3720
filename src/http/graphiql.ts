// The GraphiQL page, served whole by this process so that it works offline, on intranets and
// without a CDN: GraphiQL's script, styles, fonts, Monaco's editor workers and the icon come from
// @graphql-yoga/render-graphiql (the build matching our graphql-yoga) and are inlined into one HTML
// document; the workers start from blob: URLs and the icon and fonts are data: URLs.
import {
  css,
  editorWorkerService,
  favicon,
  graphqlWorker,
  js,
  jsonWorker,
} from '@graphql-yoga/render-graphiql/graphiql';
import type { GraphiQLOptions } from 'graphql-yoga';
import { graphiqlTabs } from '../examples.js';

/**
 * Only `defaultTabs`: it opens the examples on a first visit. `defaultQuery` would add nothing (the
 * first tab is already the default) and `query`/`variables` would override whatever tab the
 * visitor left open.
 */
export const graphiqlOptions: GraphiQLOptions = {
  title: 'Newsgraph',
  defaultTabs: graphiqlTabs,
};

/** A value as a JavaScript literal that is safe inside <script> (no `</script>` can close it). */
function scriptLiteral(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

/**
 * Runs in the browser before GraphiQL mounts, to work around two faults of GraphiQL 5:
 *
 * - On load GraphiQL activates the stored tab whose query, variables and headers equal the
 *   `graphiql:query`/`:variables`/`:headers` keys, and adds a new tab when none does. Those keys are
 *   written only when an editor's content changes, so after a visit that switched no tab they are
 *   empty, match nothing, and every reload added an empty tab. Writing the active tab's contents
 *   into them reopens that tab instead.
 * - The tab bar is a framer-motion Reorder group whose items watch the bar's size. When the web
 *   fonts arrive after the tabs were first measured the bar resizes, and each tab but the last is
 *   given a stale `translateX` that GraphiQL's CSS hides until the tab takes focus: pressing the
 *   mouse on it then moved it away from the pointer, so the click never landed. Loading the
 *   (inlined) fonts before mounting lets the tabs be measured once, at their final size.
 */
const beforeMount = /* JavaScript */ `
  function reopenActiveTab() {
    try {
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
    var faces = [];
    document.fonts.forEach(function (face) {
      faces.push(face.load().catch(function () {}));
    });
    return Promise.all(faces);
  }
`;

function pageHtml(options: GraphiQLOptions): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(options.title ?? 'GraphiQL')}</title>
    <link rel="icon" href="${options.favicon ?? favicon}" />
    <style>${css}</style>
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>You need to enable JavaScript to run this app.</noscript>
    <div id="root"></div>
    <script>
      function prepareBlob(source) {
        return URL.createObjectURL(new Blob([source], { type: 'application/javascript' }));
      }
      const workers = {
        editorWorkerService: prepareBlob(${scriptLiteral(editorWorkerService)}),
        json: prepareBlob(${scriptLiteral(jsonWorker)}),
        graphql: prepareBlob(${scriptLiteral(graphqlWorker)}),
      };
      self.MonacoEnvironment = {
        globalAPI: false,
        getWorkerUrl: function (moduleId, label) {
          return workers[label];
        },
      };
      ${js};
      ${beforeMount}
      reopenActiveTab();
      loadFonts().then(function () {
        YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), ${scriptLiteral(options)});
      });
    </script>
  </body>
</html>`;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
  );
}

let rendered: { key: string; html: string } | undefined;

/**
 * yoga's `renderGraphiQL`. The page carries about 9 MB of inlined assets and its options do not
 * change, so it is built once rather than on every request.
 */
export function renderGraphiQLPage(options: GraphiQLOptions): string {
  const key = JSON.stringify(options);
  if (rendered?.key !== key) rendered = { key, html: pageHtml(options) };
  return rendered.html;
}
