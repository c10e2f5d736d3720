// Stored API tokens: creating one (its secret is returned once and only its hash is kept), listing
// them without secrets, and revoking one by name.
import { forgetVerifiedToken } from '../auth/token-cache.js';
import { newTokenSecret, tokenHash } from '../auth/token-secret.js';
import type { Role } from '../auth/viewer.js';
import type { Db } from '../db/client.js';
import { CodedError, notFound } from '../errors.js';

/** What may be shown about a token: everything but its secret (and the hash of it). */
export type ApiTokenSummary = {
  name: string;
  role: Role;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const summary = {
  name: true,
  role: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

/** Names show up in logs and lists: short, and without spaces or control characters. */
const NAME_PATTERN = /^[\w.@-]{1,64}$/;

export async function createApiToken(
  db: Db,
  { name, role }: { name: string; role: Role },
): Promise<{ secret: string; token: ApiTokenSummary }> {
  if (!NAME_PATTERN.test(name))
    throw new CodedError(
      'BAD_USER_INPUT',
      `a token name is 1 to 64 letters, digits, ".", "_", "-" or "@"; got ${JSON.stringify(name.slice(0, 80))}`,
    );
  const secret = newTokenSecret();
  try {
    const token = await db.apiToken.create({
      data: { name, role, tokenHash: tokenHash(secret) },
      select: summary,
    });
    return { secret, token };
  } catch (error) {
    // The unique name, checked by the database so that two creators racing cannot both win.
    if ((error as { code?: unknown }).code === 'P2002')
      throw new CodedError('CONFLICT', `a token named "${name}" already exists`, { name });
    throw error;
  }
}

/** Every token, revoked ones included (they stay for the record), oldest first. */
export function listApiTokens(db: Db): Promise<ApiTokenSummary[]> {
  return db.apiToken.findMany({ select: summary, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
}

/**
 * Revokes a token: from now on it authenticates nothing. This process forgets it at once; other
 * processes stop accepting it when their cached verification expires (auth/authenticate.ts).
 */
export async function revokeApiToken(db: Db, name: string): Promise<ApiTokenSummary> {
  const row = await db.apiToken.findUnique({ where: { name } });
  if (!row) throw notFound(`no token is named "${name}"`, { name });
  const token = row.revokedAt
    ? await db.apiToken.findUniqueOrThrow({ where: { id: row.id }, select: summary })
    : await db.apiToken.update({
        where: { id: row.id },
        data: { revokedAt: new Date() },
        select: summary,
      });
  forgetVerifiedToken(row.tokenHash);
  return token;
}
