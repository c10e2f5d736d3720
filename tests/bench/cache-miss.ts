// How the production-configuration server ("newsgraph-prod-miss": response cache on, as `npm start`
// runs it) is made to miss its cache on every request, so the table shows what a deployment pays for
// traffic its cache has not seen (a long tail of pages, the minutes after a deploy or a purge).
//
// Each request body gets one more variable, `benchMiss`, with a value no request has carried
// before. The documents do not declare it, and GraphQL ignores variables an operation does not
// declare, so the answer is the same (the parity gate checks this); but the response cache keys on
// the variables as sent, so the key is new and the request misses: it pays the lookup, runs through
// yoga, and stores its answer, evicting older ones once the cache is full. The document text stays
// the same, so parsing and validation stay cached as they would for real traffic. Compiled
// statements are kept per declared variable, so `benchMiss` does not make a miss compile anew: the
// cold table (`npm run bench:cold`) measures a page's first request.
//
// Bypassing the cache instead (an Authorization header) would measure neither the lookup nor the
// store, and the first request for every key would still be the only miss.

let misses = 0;

/** The body with a variable no earlier body carried; other variables untouched. */
export function uniqueBody(body: string): string {
  misses += 1;
  // The load generator calls this for every request: splice the text where the scenario bodies
  // (scenarios.ts, `variables` last and never empty) allow it, rather than parse and print it.
  if (body.endsWith('}}') && body.includes('"variables":{"'))
    return `${body.slice(0, -2)},"benchMiss":${misses}}}`;
  const parsed = JSON.parse(body) as { variables?: Record<string, unknown> };
  return JSON.stringify({ ...parsed, variables: { ...parsed.variables, benchMiss: misses } });
}
