// What checking a request's credentials gives: a viewer, or a refusal a client can act on.
import type { Viewer } from './viewer.js';

/**
 * Why a credential was refused, sent as `extensions.reason` next to the code UNAUTHENTICATED, so a
 * client knows whether to refresh (EXPIRED), ask for a new token (REVOKED) or fix its setup.
 */
export type RefusalReason =
  | 'MALFORMED'
  | 'UNKNOWN_TOKEN'
  | 'REVOKED'
  | 'EXPIRED'
  | 'INVALID_JWT'
  | 'JWT_NOT_ACCEPTED'
  | 'NO_ROLE';

export type Authentication =
  | { viewer: Viewer }
  | { refused: { reason: RefusalReason; message: string } };

export const refused = (reason: RefusalReason, message: string): Authentication => ({
  refused: { reason, message },
});
