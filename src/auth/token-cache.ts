// Stored tokens recently found valid in the database, so most requests cost no query. Bounded in
// entries, and short-lived: an entry is trusted for `ttlMs` only, which is how a token revoked by
// another process (the CLI, another server) stops working everywhere within that time. A revoke in
// this process also evicts the token from every cache here at once (`forgetVerifiedToken`).
import type { Viewer } from './viewer.js';

type Entry = { viewer: Viewer; verifiedAt: number };

/** Every live cache in this process, weakly held so that servers built by tests can be collected. */
const live = new Set<WeakRef<VerifiedTokens>>();

export class VerifiedTokens {
  readonly #entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number,
  ) {
    live.add(new WeakRef(this));
  }

  get(hash: string): Viewer | undefined {
    const entry = this.#entries.get(hash);
    if (!entry) return undefined;
    if (this.now() - entry.verifiedAt >= this.ttlMs) {
      this.#entries.delete(hash);
      return undefined;
    }
    return entry.viewer;
  }

  set(hash: string, viewer: Viewer): void {
    this.#entries.delete(hash);
    // Maps iterate in insertion order: the first key is the one verified longest ago.
    if (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(hash, { viewer, verifiedAt: this.now() });
  }

  delete(hash: string): void {
    this.#entries.delete(hash);
  }

  get size(): number {
    return this.#entries.size;
  }
}

/** A token was revoked in this process: no cache here may accept it again. */
export function forgetVerifiedToken(hash: string): void {
  for (const ref of live) {
    const cache = ref.deref();
    if (cache) cache.delete(hash);
    else live.delete(ref);
  }
}
