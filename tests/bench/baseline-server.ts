// The benchmark's yardstick: a plain node:http server that answers the benchmark documents
// (recognised by operationName) with the JSON Newsgraph returns, from one SQL statement per request
// and without any GraphQL library. What Newsgraph costs beyond this is the price of its machinery.
//
//   DATABASE_URL=file:… | postgresql://…  PORT=0  HOST=127.0.0.1  LOG_SQL=true
//   node --import tsx tests/bench/baseline-server.ts   → prints "baseline listening on <port>"
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { type Baseline, openBaseline } from './baseline/index.js';
import { BadRequest, parseScenarioRequest } from './baseline/request.js';

const JSON_TYPE = 'application/json; charset=utf-8';

function send(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, {
    'content-type': JSON_TYPE,
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

const errorBody = (message: string) => JSON.stringify({ errors: [{ message }] });

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function baselineHandler(baseline: Baseline) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.url?.split('?')[0] !== '/graphql')
      return send(response, 404, errorBody('not found'));
    if (request.method !== 'POST') return send(response, 405, errorBody('POST only'));
    try {
      const scenario = parseScenarioRequest(await readBody(request));
      // The database wrote `data` as JSON already; it is spliced in, never parsed.
      send(response, 200, `{"data":${await baseline.dataJson(scenario)}}`);
    } catch (error) {
      if (error instanceof BadRequest) return send(response, 400, errorBody(error.message));
      process.stderr.write(`baseline: ${(error as Error)?.stack ?? String(error)}\n`);
      send(response, 500, errorBody('Unexpected error.'));
    }
  };
}

async function main(): Promise<void> {
  const logSql = /^(true|1|yes|on)$/i.test(process.env.LOG_SQL ?? '');
  const baseline = openBaseline(process.env.DATABASE_URL, {
    onSql: logSql ? (sql) => process.stderr.write(`[sql] ${sql}\n`) : undefined,
    poolSize: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  });
  // node:http defaults, as Newsgraph's server uses them.
  const server = createServer(baselineHandler(baseline));
  server.listen(Number(process.env.PORT ?? 4001), process.env.HOST ?? '127.0.0.1', () => {
    process.stdout.write(`baseline listening on ${(server.address() as AddressInfo).port}\n`);
  });
  const stop = () => {
    server.close();
    server.closeAllConnections();
    baseline.close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    process.stderr.write(`error: ${(error as Error)?.message ?? String(error)}\n`);
    process.exit(1);
  });
}
