// Writers that race: a transaction that lost to another writer is run again from the start, where
// it sees the winner's rows and converges (finds the person, or the unchanged article). Only races
// are retried; anything else fails at once. A race still lost after every attempt is a CONFLICT the
// client may retry later.
import { setTimeout as sleep } from 'node:timers/promises';
import { CodedError } from '../errors.js';
import type { DatabaseTarget } from './url.js';

const ATTEMPTS = 8;
const FIRST_BACKOFF_MS = 10;
const MAX_BACKOFF_MS = 400;

/**
 * - P2002: a unique key (a person's or an article's slug) inserted by a concurrent transaction;
 * - P2034: PostgreSQL's write conflict or deadlock;
 * - P1008 on SQLite: SQLITE_BUSY, which the driver reports as a timeout. A deferred transaction
 *   that read and then writes while another process holds the write lock gets it at once, since
 *   waiting could deadlock; on PostgreSQL P1008 is a real timeout and is not retried.
 */
export function isLostRace(error: unknown, provider: DatabaseTarget['provider']): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'P2002' || code === 'P2034' || (code === 'P1008' && provider === 'sqlite');
}

export async function retryLostRaces<T>(
  provider: DatabaseTarget['provider'],
  transaction: () => Promise<T>,
  random: () => number = Math.random,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (!isLostRace(error, provider)) throw error;
      if (attempt === ATTEMPTS)
        throw new CodedError('CONFLICT', 'another write to the same records kept winning; retry', {
          attempts: ATTEMPTS,
        });
      // Jitter, so writers that collided once do not collide again in step.
      const backoff = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (attempt - 1));
      await sleep(backoff * (0.5 + random()));
    }
  }
}
