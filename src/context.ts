// Per-request data only: the request id for logs. The database client is imported, not carried here.
import { randomUUID } from 'node:crypto';

export type Context = {
  requestId: string;
};

export function createContext(request: Request): Context {
  return { requestId: request.headers.get('x-request-id') ?? randomUUID() };
}
