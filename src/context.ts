// Per-request data only: the request id for logs and who is asking. The database client is
// imported, not carried here.
import { randomUUID } from 'node:crypto';
import { anonymousViewer, type Viewer } from './auth/viewer.js';

export type Context = {
  requestId: string;
  /** Who sent the request: anonymous, or a stored token, a JWT or the bootstrap EDITOR_TOKEN. */
  viewer: Viewer;
  /** The viewer may see and change everything an editor may (EDITOR or ADMIN). */
  isEditor: boolean;
  /** The clock read-time rules use (a scheduled story goes live by it); tests pass their own. */
  now?: () => number;
};

/**
 * Viewers authenticated by `useAuthentication` before the context exists, by request. The plugin
 * runs after the only one that replaces the request (request guards), so the context sees the same
 * object; a request it has not seen is anonymous, which fails closed.
 */
const authenticated = new WeakMap<Request, Viewer>();

export function rememberViewer(request: Request, viewer: Viewer): void {
  authenticated.set(request, viewer);
}

export function createContext(request: Request, now?: () => number): Context {
  const viewer = authenticated.get(request) ?? anonymousViewer;
  return {
    requestId: request.headers.get('x-request-id') ?? randomUUID(),
    viewer,
    isEditor: viewer.kind !== 'anonymous',
    ...(now ? { now } : {}),
  };
}
