// One editorial write, the way every mutation and command makes it: a transaction (retried when it
// loses a race), optimistic version checks, a revision for each object it changes, and the cached
// responses it invalidates, recorded in the same transaction and purged in this process after.
import { type CacheEntity, listTypes } from '../cache/entities.js';
import { purgeCachesInProcess } from '../cache/index.js';
import { recordInvalidation } from '../cache/outbox.js';
import { type Db, providerOf } from '../db/client.js';
import { retryLostRaces } from '../db/write-retry.js';
import { CodedError, notFound } from '../errors.js';
import type { Prisma } from '../generated/prisma/client.js';

export type Tx = Prisma.TransactionClient;

/** The objects that carry a `version` and can be edited. */
export type Versioned = 'Article' | 'Person' | 'Quote';

export type RevisionInput = {
  /** The mutation or command, e.g. "reattributeQuote". */
  action: string;
  entityType: Versioned | 'ApiToken';
  entityId: number;
  /** The article whose history shows the write, if any. */
  articleId?: number | null;
  before: unknown;
  after: unknown;
};

export type EditorialWrite = {
  tx: Tx;
  actor: string;
  now: Date;
  /** Drop cached responses showing these (lists are always dropped: membership may change). */
  invalidate(...entities: CacheEntity[]): void;
  record(revision: RevisionInput): Promise<void>;
};

type Options = { actor: string; now?: Date };

export async function editorialWrite<T>(
  db: Db,
  { actor, now = new Date() }: Options,
  run: (write: EditorialWrite) => Promise<T>,
): Promise<T> {
  const provider = providerOf(db);
  let changed: CacheEntity[] = [];
  const result = await retryLostRaces(provider, () =>
    db.$transaction(async (tx) => {
      changed = [];
      const write: EditorialWrite = {
        tx,
        actor,
        now,
        invalidate: (...entities) => changed.push(...entities),
        record: async (revision) => {
          await tx.revision.create({
            data: {
              action: revision.action,
              entityType: revision.entityType,
              entityId: revision.entityId,
              articleId: revision.articleId ?? null,
              actor,
              before: revision.before == null ? null : JSON.stringify(revision.before),
              after: revision.after == null ? null : JSON.stringify(revision.after),
              createdAt: now,
            },
          });
        },
      };
      const value = await run(write);
      if (changed.length) {
        changed.push(...listTypes);
        await recordInvalidation(tx, provider, changed);
      }
      return value;
    }),
  );
  if (changed.length) await purgeCachesInProcess(changed);
  return result;
}

export function conflict(typename: Versioned, expected: number, current: number): CodedError {
  return new CodedError(
    'CONFLICT',
    `${typename} was changed by someone else: its version is ${current}, not ${expected}. Read it again and retry.`,
    { currentVersion: current, expectedVersion: expected },
  );
}

type VersionedDelegate = {
  updateMany(args: {
    where: { id: number; version?: number };
    data: Record<string, unknown>;
  }): Promise<{ count: number }>;
  findUnique(args: {
    where: { id: number };
    select: { version: true };
  }): Promise<{ version: number } | null>;
};

const delegateOf = (tx: Tx, typename: Versioned): VersionedDelegate =>
  ({ Article: tx.article, Person: tx.person, Quote: tx.quote })[
    typename
  ] as unknown as VersionedDelegate;

/**
 * Writes `data` (scalar columns) to one object and adds one to its version, only if its version is
 * still `expectedVersion` (when given): NOT_FOUND when there is no such object, CONFLICT with the
 * current version when someone wrote it first. Returns the new version.
 */
export async function updateVersioned(
  tx: Tx,
  typename: Versioned,
  id: number,
  expectedVersion: number | null | undefined,
  data: Record<string, unknown> = {},
): Promise<number> {
  const delegate = delegateOf(tx, typename);
  const { count } = await delegate.updateMany({
    where: { id, ...(expectedVersion != null ? { version: expectedVersion } : {}) },
    data: { ...data, version: { increment: 1 } },
  });
  const current = await delegate.findUnique({ where: { id }, select: { version: true } });
  if (!current) throw notFound(`no ${typename} with this ID`, { typename });
  if (count === 0) throw conflict(typename, expectedVersion as number, current.version);
  return current.version;
}

/** NOT_FOUND, or CONFLICT, unless the object exists at `expectedVersion` (when given). */
export async function checkVersion(
  tx: Tx,
  typename: Versioned,
  id: number,
  expectedVersion: number | null | undefined,
): Promise<void> {
  const current = await delegateOf(tx, typename).findUnique({
    where: { id },
    select: { version: true },
  });
  if (!current) throw notFound(`no ${typename} with this ID`, { typename });
  if (expectedVersion != null && current.version !== expectedVersion)
    throw conflict(typename, expectedVersion, current.version);
}
