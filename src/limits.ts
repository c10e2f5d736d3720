// Every fixed limit the API enforces, in a module that imports nothing: the schema, the compiler,
// the plugins and the HTTP layer all read the same value without importing one another (and the
// compiler without pulling in the database client). Limits set by configuration (COST_LIMIT, body
// sizes of persisted queries, the response cache's bytes) live in env.ts instead.

/** The largest page any connection serves, and the most IDs `nodes` takes; more is rejected, not clamped. */
export const MAX_PAGE_SIZE = 100;
/** A connection's page size when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 20;

/** Per parsed document: selection depth, aliases and tokens (yoga's max-depth/aliases/tokens). */
export const documentLimits = { depth: 12, aliases: 30, tokens: 5000 };

/** Per HTTP request, checked before anything is parsed (plugins/request-guards.ts, http/body-limit.ts). */
export const requestLimits = {
  urlBytes: 8 * 1024,
  bodyBytes: 256 * 1024,
  /**
   * Brackets (`{`, `[`, `(`) open at once in a document. graphql's parser recurses once per level,
   * and the stack runs out at about 2,000 levels, before max-tokens stops it (two tokens a level)
   * and long before max-depth, which only sees a parsed document. Far above any honest document:
   * the selection depth limit is 12.
   */
  documentNesting: 64,
};

export type VariablesLimits = {
  /** Nesting of objects and lists, counting the `variables` object itself as 1. */
  depth: number;
  /** Values in all, containers included (`{"ids": ["a", "b"]}` holds 4). */
  values: number;
};

/** For `variables` and `extensions`, before anything walks them (plugins/variables-limit.ts). */
export const variablesLimits: VariablesLimits = { depth: 20, values: 1000 };

/**
 * The longest text a `*Contains` filter takes, in characters (code points). No headline or name
 * is near it, and a pattern of many thousands makes SQLite refuse the LIKE ("pattern too
 * complex") and any database scan slowly.
 */
export const MAX_TEXT_FILTER_LENGTH = 200;

/**
 * Stored API tokens verified against the database are trusted in memory this long, so a request
 * costs no query. It is also how long a token revoked by another process (the CLI, another server)
 * may still work here: a revoke in the same process takes effect at once.
 */
export const VERIFIED_TOKEN_TTL_MS = 5_000;

/** Verified stored tokens each process remembers at once; the longest-verified go first. */
export const MAX_VERIFIED_TOKENS = 1_000;
