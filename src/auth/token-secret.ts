// The secrets of stored API tokens: how they are made, and the one form in which they are kept.
import { createHash, randomBytes } from 'node:crypto';

/** Marks Newsgraph's own tokens, so a leaked one is recognisable (secret scanners) and never taken for a JWT. */
export const TOKEN_PREFIX = 'ng_';

/** 32 random bytes (256 bits): guessing one is hopeless, so a fast hash is enough to store it. */
export function newTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** What the database keeps and requests are looked up by: sha256 of the secret, hex. */
export function tokenHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
