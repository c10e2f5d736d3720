// Turns a request's Authorization header into a viewer: the bootstrap EDITOR_TOKEN (an admin), a
// stored API token (looked up by its hash, cached briefly), or a JWT from single sign-on.
import type { Db } from '../db/client.js';
import { MAX_VERIFIED_TOKENS, VERIFIED_TOKEN_TTL_MS } from '../limits.js';
import { type Authentication, refused } from './authentication.js';
import { bearerToken, secretsEqual } from './bearer.js';
import { createJwtVerifier, type JwtSettings, looksLikeJwt } from './jwt.js';
import { VerifiedTokens } from './token-cache.js';
import { TOKEN_PREFIX, tokenHash } from './token-secret.js';

/** `lastUsedAt` is written at most this often per token and process, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export type AuthenticatorOptions = {
  db: Db;
  /** The bootstrap token (EDITOR_TOKEN): an admin that needs no database row. */
  editorToken?: string | undefined;
  jwt?: JwtSettings | undefined;
  now?: () => number;
  verifiedTokenTtlMs?: number;
};

export type Authenticator = (authorizationHeader: string) => Promise<Authentication>;

export function createAuthenticator({
  db,
  editorToken,
  jwt,
  now = Date.now,
  verifiedTokenTtlMs = VERIFIED_TOKEN_TTL_MS,
}: AuthenticatorOptions): Authenticator {
  const verified = new VerifiedTokens(verifiedTokenTtlMs, MAX_VERIFIED_TOKENS, now);
  const verifyJwt = jwt ? createJwtVerifier(jwt, now) : undefined;

  async function storedToken(secret: string): Promise<Authentication> {
    const hash = tokenHash(secret);
    const cached = verified.get(hash);
    if (cached) return { viewer: cached };
    const row = await db.apiToken.findUnique({ where: { tokenHash: hash } });
    if (!row) return refused('UNKNOWN_TOKEN', 'the bearer token is not a token of this server');
    if (row.revokedAt)
      return refused('REVOKED', `the token "${row.name}" was revoked; ask an admin for a new one`);
    const time = now();
    if (!row.lastUsedAt || time - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS)
      await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(time) } });
    const viewer = { kind: 'token', name: row.name, role: row.role } as const;
    verified.set(hash, viewer);
    return { viewer };
  }

  return async (header) => {
    const token = bearerToken(header);
    if (token === undefined)
      return refused('MALFORMED', 'send credentials as "Authorization: Bearer <token>"');
    if (editorToken && secretsEqual(token, editorToken))
      return { viewer: { kind: 'bootstrap', name: 'EDITOR_TOKEN', role: 'ADMIN' } };
    if (token.startsWith(TOKEN_PREFIX)) return storedToken(token);
    if (looksLikeJwt(token)) {
      return verifyJwt
        ? verifyJwt(token)
        : refused('JWT_NOT_ACCEPTED', 'this server accepts no JWTs (no AUTH_JWT_* key is set)');
    }
    return refused('UNKNOWN_TOKEN', 'the bearer token is not a token of this server');
  };
}
