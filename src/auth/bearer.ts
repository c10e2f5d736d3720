// Reading `Authorization: Bearer <token>` and comparing secrets without leaking their length or
// content through timing.
import { createHash, timingSafeEqual } from 'node:crypto';

/** The token of `Bearer <token>` (the scheme is case-insensitive, RFC 9110); undefined otherwise. */
export function bearerToken(header: string | null): string | undefined {
  return /^Bearer +(\S+)$/i.exec(header ?? '')?.[1];
}

/** Both sides are hashed first, so the comparison takes the same time whatever the length given. */
export function secretsEqual(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
