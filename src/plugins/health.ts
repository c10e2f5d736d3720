// The probes for orchestrators and load balancers, each with a small JSON body so a person (or a
// probe that checks bodies) can read the answer: `/healthz` says the process serves,
// `/readyz` that the database answers with every committed migration applied.
import { type Plugin, useReadinessCheck } from 'graphql-yoga';
import type { Readiness } from '../services/readiness.js';

export const healthEndpoints = { live: '/healthz', ready: '/readyz' };

const json = (fetchAPI: { Response: typeof Response }, status: number, body: object) =>
  new fetchAPI.Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });

export function useHealthEndpoints(check: () => Promise<Readiness>): Plugin {
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(
        useReadinessCheck({
          endpoint: healthEndpoints.ready,
          check: async ({ fetchAPI }) => {
            const readiness = await check();
            return readiness.ready
              ? json(fetchAPI, 200, { status: 'ready' })
              : json(fetchAPI, 503, { status: 'unavailable', reason: readiness.reason });
          },
        }),
      );
    },
    // yoga's own health check (its `healthCheckEndpoint`) runs before any plugin and cannot be
    // turned off; it answers 200 with no body, which is given one here.
    onResponse({ request, response, setResponse, fetchAPI }) {
      if (
        response.status === 200 &&
        request.url.includes(healthEndpoints.live) &&
        new URL(request.url).pathname === healthEndpoints.live
      ) {
        setResponse(json(fetchAPI, 200, { status: 'ok' }));
      }
    },
  };
}
