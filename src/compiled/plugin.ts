// Answers read operations with one compiled SQL statement (see compile.ts) instead of executing
// them field by field. It takes the place of the execute function, so every plugin that wraps
// execution (limits, error codes, the response cache, which adds the __typename and id fields it
// records entities by) wraps it as before; it must therefore come before the response cache. It
// hands the operation to execution whenever it cannot answer exactly as execution would: an
// operation it does not compile, a value it cannot vouch for, or a statement that fails (execution
// then reports the failure with its usual code).
import type { ExecutionArgs } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Db } from '../db/client.js';
import type { Provider } from '../services/page-sql.js';
import { type CompiledRead, compileRead, SORT_KEY, type SortKey } from './compile.js';
import { FALLBACK_KEY } from './dialect.js';

export function compiledReads(db: Db, provider: Provider): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn((args: ExecutionArgs) => {
        const compiled = compileRead(
          args.schema,
          provider,
          args.document,
          args.operationName,
          args.variableValues as Record<string, unknown> | undefined,
        );
        if (!compiled) return executeFn(args);
        return runCompiledRead(db, compiled).then(
          (data) => (data ? { data } : executeFn(args)),
          () => executeFn(args),
        );
      });
    },
  };
}

/** The `data` of a compiled read, or undefined when it must be executed normally instead. */
export async function runCompiledRead(
  db: Db,
  compiled: CompiledRead,
): Promise<Record<string, unknown> | undefined> {
  const rows = await db.$queryRawUnsafe<{ data: string }[]>(compiled.sql, ...compiled.parameters);
  const text = rows[0]?.data;
  if (typeof text !== 'string' || text.includes(`"${FALLBACK_KEY}"`)) return undefined;
  const data = JSON.parse(text) as Record<string, unknown>;
  for (const { path, compare } of compiled.postSorts) sortAt(data, path, compare);
  return data;
}

/** Sorts every list at `path` (lists along the way are walked) by its hidden sort values. */
function sortAt(value: unknown, path: string[], compare: (a: SortKey, b: SortKey) => number) {
  if (Array.isArray(value)) {
    for (const item of value) sortAt(item, path, compare);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const [key, ...rest] = path as [string, ...string[]];
  const next = (value as Record<string, unknown>)[key];
  if (rest.length > 0) return sortAt(next, rest, compare);
  if (!Array.isArray(next)) return;
  type Sortable = Record<string, unknown> & { [SORT_KEY]: SortKey };
  (next as Sortable[]).sort((a, b) => compare(a[SORT_KEY], b[SORT_KEY]));
  for (const item of next as Sortable[]) delete (item as Partial<Sortable>)[SORT_KEY];
}
