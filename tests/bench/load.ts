// One autocannon run against a server: POST /graphql with a fixed rotation of request bodies.
import autocannon from 'autocannon';
import { onCleanup } from './lifecycle.js';

export type LoadResult = {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  /** 2xx responses that carry GraphQL `errors` (e.g. a pool timeout answered as a 200). */
  graphqlErrors: number;
};

export type LoadOptions = {
  url: string;
  bodies: string[];
  durationSec: number;
  connections?: number;
  /** Rewrites each body as it is sent (newsgraph-prod-miss: a unique variant every time). */
  varyBody?: (body: string) => string;
};

export function runLoad({ url, bodies, durationSec, connections = 10, varyBody }: LoadOptions) {
  return new Promise<LoadResult>((resolve, reject) => {
    // Assigned below; autocannon may call back synchronously when it rejects the options.
    let forget = () => {};
    const instance = autocannon(
      {
        url: `${url}/graphql`,
        connections,
        duration: durationSec,
        // autocannon only checks for the end of a run when it takes a sample (every second by
        // default), so a 1.5 s run would last 2 s; sampling every 100 ms ends it on time.
        sampleInt: 100,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // Each connection walks this list in order and starts over at the end.
        requests: bodies.map((body) =>
          varyBody
            ? { body, setupRequest: (request: object) => ({ ...request, body: varyBody(body) }) }
            : { body },
        ),
        // A GraphQL error still comes back as 200; count those as failures too. In a JSON body
        // the key can only appear unescaped as a member name, never inside a string value.
        verifyBody: (body) => !String(body).includes('"errors":'),
      },
      (error, result) => {
        forget();
        if (error) return reject(error);
        resolve({
          // Completed requests over the real elapsed time: steadier than the mean of the
          // per-second samples when a round lasts only a couple of seconds.
          reqPerSec: result.requests.total / result.duration,
          p50Ms: result.latency.p50,
          p99Ms: result.latency.p99,
          requests: result.requests.total,
          errors: result.errors,
          non2xx: result.non2xx,
          graphqlErrors: result.mismatches,
        });
      },
    );
    // Ctrl-C: stop firing at servers that are about to be killed.
    forget = onCleanup(() => instance.stop());
  });
}

/**
 * Why a load run must not count, or undefined if every response was a clean 2xx. No completed
 * requests at all is not a failure: a slow server in a short warm-up may finish none.
 */
export function loadProblem(result: LoadResult): string | undefined {
  const problems = [
    result.errors && `${result.errors} connection errors/timeouts`,
    result.non2xx && `${result.non2xx} non-2xx responses`,
    result.graphqlErrors && `${result.graphqlErrors} responses with GraphQL errors`,
  ].filter(Boolean);
  return problems.length ? problems.join(', ') : undefined;
}
