// Who a request is: anonymous, or a named credential with a role. ADMIN can do all EDITOR can.
export const roles = ['EDITOR', 'ADMIN'] as const;
export type Role = (typeof roles)[number];

export type Viewer =
  | { kind: 'anonymous' }
  | { kind: 'token' | 'jwt' | 'bootstrap'; name: string; role: Role };

export const anonymousViewer: Viewer = { kind: 'anonymous' };

/** The viewer may act with `role`: an admin may do everything an editor may. */
export function hasRole(viewer: Viewer, role: Role): boolean {
  if (viewer.kind === 'anonymous') return false;
  return viewer.role === 'ADMIN' || viewer.role === role;
}

/**
 * A role named in a claim or on a command line: `editor`/`EDITOR`, or a list of names (an SSO's
 * groups), of which the strongest counts. Anything else names no role.
 */
export function roleFrom(value: unknown): Role | undefined {
  const names = (Array.isArray(value) ? value : [value])
    .filter((name): name is string => typeof name === 'string')
    .map((name) => name.toUpperCase());
  if (names.includes('ADMIN')) return 'ADMIN';
  if (names.includes('EDITOR')) return 'EDITOR';
  return undefined;
}

/** How revisions and the audit log name whoever made a write. */
export function actorOf(viewer: Viewer): string {
  return viewer.kind === 'anonymous' ? 'anonymous' : viewer.name;
}
