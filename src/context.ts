// Per-request data only: the request id for logs and whether the caller is an editor. The database
// client is imported, not carried here.
import { randomUUID } from 'node:crypto';
import { bearerMatches } from './plugins/editor-auth.js';

export type Context = {
  requestId: string;
  /** The request carried `Authorization: Bearer <EDITOR_TOKEN>`; writes require it. */
  isEditor: boolean;
};

export function createContext(request: Request, editorToken: string | undefined): Context {
  return {
    requestId: request.headers.get('x-request-id') ?? randomUUID(),
    isEditor: editorToken
      ? bearerMatches(request.headers.get('authorization'), editorToken)
      : false,
  };
}
