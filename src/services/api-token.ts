// Stored API tokens: creating one (its secret is returned once and only its hash is kept), listing
// them without secrets, and revoking one by name.
import { forgetVerifiedToken } from '../auth/token-cache.js';
import { newTokenSecret, tokenHash } from '../auth/token-secret.js';
import type { Role } from '../auth/viewer.js';
import type { Db } from '../db/client.js';
import { CodedError, notFound } from '../errors.js';
import { editorialWrite } from './editorial-write.js';

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

/** Who changed a token, for the audit log: a credential's name, or "cli" on the server. */
type Actor = { actor?: string };

export async function createApiToken(
  db: Db,
  { name, role, actor = 'cli' }: { name: string; role: Role } & Actor,
): Promise<{ secret: string; token: ApiTokenSummary }> {
  if (!NAME_PATTERN.test(name))
    throw new CodedError(
      'BAD_USER_INPUT',
      `a token name is 1 to 64 letters, digits, ".", "_", "-" or "@"; got ${JSON.stringify(name.slice(0, 80))}`,
    );
  const secret = newTokenSecret();
  const token = await editorialWrite(db, { actor }, async (write) => {
    // Checked inside the transaction: a creator that loses a race on the unique name is run again
    // (editorial-write.ts) and then finds the winner's token here.
    if (await write.tx.apiToken.findUnique({ where: { name }, select: { id: true } }))
      throw new CodedError('CONFLICT', `a token named "${name}" already exists`, { name });
    const { id, ...created } = await write.tx.apiToken.create({
      data: { name, role, tokenHash: tokenHash(secret) },
      select: { id: true, ...summary },
    });
    await write.record({
      action: 'createApiToken',
      entityType: 'ApiToken',
      entityId: id,
      before: null,
      after: { name, role },
    });
    return created;
  });
  return { secret, token };
}

/** Every token, revoked ones included (they stay for the record), oldest first. */
export function listApiTokens(db: Db): Promise<ApiTokenSummary[]> {
  return db.apiToken.findMany({ select: summary, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
}

/**
 * Revokes a token: from now on it authenticates nothing. This process forgets it at once; other
 * processes stop accepting it when their cached verification expires (auth/authenticate.ts).
 */
export async function revokeApiToken(
  db: Db,
  name: string,
  { actor = 'cli' }: Actor = {},
): Promise<ApiTokenSummary> {
  const row = await db.apiToken.findUnique({ where: { name } });
  if (!row) throw notFound(`no token is named "${name}"`, { name });
  const token = row.revokedAt
    ? await db.apiToken.findUniqueOrThrow({ where: { id: row.id }, select: summary })
    : await editorialWrite(db, { actor }, async (write) => {
        const revoked = await write.tx.apiToken.update({
          where: { id: row.id },
          data: { revokedAt: write.now },
          select: summary,
        });
        await write.record({
          action: 'revokeApiToken',
          entityType: 'ApiToken',
          entityId: row.id,
          before: { name, role: row.role, revokedAt: null },
          after: { name, role: row.role, revokedAt: write.now.toISOString() },
        });
        return revoked;
      });
  forgetVerifiedToken(row.tokenHash);
  return token;
}
