// Answers read operations with one compiled SQL statement (see compile.ts) instead of executing
// them field by field, in two places:
// - inside yoga, in place of the execute function, so every plugin that wraps execution (limits,
//   error codes, the response cache, which adds the __typename and id fields it records entities
//   by) wraps it as before; it must therefore come before the response cache;
// - at the HTTP layer (see http/fast-path.ts), for plain JSON POSTs of a document yoga has already
//   parsed and validated once, so a repeat skips yoga's per-request work entirely.
// Either way it hands the operation to execution whenever it cannot answer exactly as execution
// would: an operation it does not compile, a value it cannot vouch for, or a statement that fails
// (execution then reports the failure with its usual code).
import type { DocumentNode, ExecutionArgs, GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { astBytes, boundedCache, stringBytes, textKeyedCache } from '../cache/bounded.js';
import { type Db, readJsonText } from '../db/client.js';
import type { GlobalIdSink } from '../db/readers.js';
import type { Provider } from '../db/schemas.js';
import { isUnavailable } from '../db/unavailable.js';
import {
  type DataRead,
  type DataText,
  dataBody,
  declaredVariables,
  type FastAnswer,
  readParams,
} from '../graphql-params.js';
import { oversizedPage } from '../plugins/page-size.js';
import { PUBLIC_VIEWER, type Reader, readTime, type Viewer } from '../rules/visibility.js';
import { type CompiledRead, compileRead } from './compile.js';
import { bindReadTime, FALLBACK_KEY, readDialects } from './dialect.js';
import { fill, makeTemplate, type Template, templated, textVariables } from './templates.js';

/**
 * Bytes the compiled statements (one per document, operation and variables) and the vetted
 * documents may take: both are keyed by what clients send, so they are bounded by size, not count.
 */
const STATEMENTS_BYTES = 16 * 1024 * 1024;
const VETTED_BYTES = 16 * 1024 * 1024;

export type CompiledReads = {
  /** Goes into yoga's plugins, before the response cache. */
  plugin: Plugin;
  /** For the HTTP fast path: the response for a POST body, when a compiled read can give it. */
  answer: FastAnswer;
  /** The same read's `data`, of the document as `prepare` changes it (the response cache's markers). */
  readData: DataRead;
};

/** Marks an answer the compiled read gave at the HTTP layer. */
export const COMPILED_HEADERS: Record<string, string> = { 'x-newsgraph-read': 'compiled' };

export function createCompiledReads(
  db: Db,
  provider: Provider,
  schema: GraphQLSchema,
  maxPageSize: number,
  /** The clock reads at the HTTP layer judge visibility by (yoga's context carries its own). */
  now: () => number = Date.now,
): CompiledReads {
  // Compiling a page costs about as much as running its statement; a document asked for again
  // with the same variables (a popular page) reuses the statement.
  // A document is named by a number, not its text, in the statements' keys; numbers are handed
  // out per parsed document, which yoga's parse cache keeps one of per text.
  const documentIds = new WeakMap<DocumentNode, number>();
  let lastDocumentId = 0;
  type Statement = {
    read: CompiledRead | null;
    /** The statement for any values of the text variables (see templates.ts). */
    template?: Template;
    /** Whether a page is outside 0…maxPageSize, judged once (at the HTTP layer, where yoga is not). */
    oversized?: boolean;
  };
  const statements = boundedCache<string, Statement>({
    maxBytes: STATEMENTS_BYTES,
    sizeOf: ({ read }, key) =>
      stringBytes(key) +
      (read ? stringBytes(read.sql) + stringBytes(JSON.stringify(read.parameters)) + 256 : 32),
  });
  const statementFor = (
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Record<string, unknown> | null | undefined,
    viewer: Viewer = PUBLIC_VIEWER,
  ): { entry: Statement; read: CompiledRead | undefined } => {
    let id = documentIds.get(document);
    if (id === undefined) {
      id = ++lastDocumentId;
      documentIds.set(document, id);
    }
    // An editor's statement reads every article; the public's carries the visibility rule. Only
    // the variables the operation declares can change its statement: others (a client's cache
    // buster) must not make every request compile anew; nor do the values of text variables
    // the statement only passes through.
    const who = viewer.isEditor ? 'editor' : 'public';
    const declared = declaredVariables(document, operationName, variables);
    const compile = (values: Record<string, unknown>) =>
      compileRead(schema, provider, document, operationName, values, viewer);
    const cached = (key: string, make: () => Statement): Statement => {
      let entry = statements.get(key);
      if (entry === undefined) {
        entry = make();
        statements.set(key, entry);
      }
      return entry;
    };
    const prefix = `${who}\n${id}\n${operationName ?? ''}\n`;
    const { variables: passed, keyed } = templated(
      textVariables(document, operationName),
      declared,
    );
    const shared =
      passed.length > 0
        ? cached(`${prefix}template\n${JSON.stringify(keyed)}`, () => {
            const template = makeTemplate(compile, declared, passed);
            // No template (a text judged or changed on the way): compiled per value, below.
            return template ? { read: template.read, template } : { read: null };
          })
        : undefined;
    if (shared?.template) return { entry: shared, read: fill(shared.template, declared) };
    const entry = cached(`${prefix}value\n${JSON.stringify(declared)}`, () => ({
      read: compile(declared) ?? null,
    }));
    return { entry, read: entry.read ?? undefined };
  };
  const compiled = (...args: Parameters<typeof statementFor>): CompiledRead | undefined =>
    statementFor(...args).read;

  // Document texts yoga has parsed and validated (limits included) and that compile: only these
  // may skip yoga. Validity depends on the text alone; page sizes depend on variables and are
  // checked again for every statement (that is, every set of declared variables).
  const vetted = textKeyedCache<DocumentNode>({
    maxBytes: VETTED_BYTES,
    valueBytes: astBytes,
  });

  const plugin: Plugin = {
    onExecute({ args, executeFn, setExecuteFn }) {
      const context = args.contextValue as Partial<Reader> & { params?: { query?: unknown } };
      const query = context.params?.query;
      const viewer: Viewer = { isEditor: context.isEditor === true };
      const { document } = args;
      setExecuteFn((executionArgs: ExecutionArgs) => {
        const read = compiled(
          executionArgs.document,
          executionArgs.operationName,
          executionArgs.variableValues as Record<string, unknown> | undefined,
          viewer,
        );
        if (!read) return executeFn(executionArgs);
        // The text yoga parsed and validated into `document` may now skip yoga. The response cache
        // executes `document` with its markers added, so the original is compiled to be sure.
        if (
          typeof query === 'string' &&
          !vetted.has(query) &&
          (executionArgs.document === document ||
            compiled(
              document,
              executionArgs.operationName,
              executionArgs.variableValues as Record<string, unknown> | undefined,
            ))
        ) {
          vetted.set(query, document);
        }
        return runCompiledRead(db, read, readTime({ ...viewer, now: context.now })).then(
          (data) => (data ? { data } : executeFn(executionArgs)),
          (error) => {
            // Executing field by field would only wait on the same dead database again.
            if (isUnavailable(error)) throw error;
            return executeFn(executionArgs);
          },
        );
      });
    },
  };

  /** The statement answering a POST body, when the fast path may answer it. */
  const statementOf = (
    body: string,
    prepare?: (document: DocumentNode) => DocumentNode | undefined,
  ): CompiledRead | undefined => {
    const params = readParams(body);
    // Extensions (persisted queries) and anything unusual are yoga's to interpret.
    if (!params || params.extensions != null || typeof params.query !== 'string') return undefined;
    const document = vetted.get(params.query);
    const { operationName, variables } = params;
    if (
      !document ||
      (operationName != null && typeof operationName !== 'string') ||
      (variables != null && (typeof variables !== 'object' || Array.isArray(variables)))
    ) {
      return undefined;
    }
    const variableValues = variables as Record<string, unknown> | null | undefined;
    const prepared = prepare ? prepare(document) : document;
    if (!prepared) return undefined;
    // Only requests without credentials come this way (http/fast-path.ts): the public's view.
    // `prepare` adds fields, never pages, so the pages are the document's own.
    const { entry, read } = statementFor(prepared, operationName, variableValues);
    entry.oversized ??= Boolean(
      oversizedPage({ schema, document, operationName, variableValues }, maxPageSize),
    );
    if (entry.oversized) return undefined; // yoga reports it
    return read;
  };
  // Unreachable: the fast path says so at once; yoga would only wait on it again.
  const unlessUnavailable = (error: unknown): undefined => {
    if (isUnavailable(error)) throw error;
    return undefined;
  };

  const readData: DataRead = async (body, prepare, { globalIds } = {}) => {
    const read = statementOf(body, prepare);
    return (
      read && (await compiledText(db, read, new Date(now()), globalIds).catch(unlessUnavailable))
    );
  };

  const answer: FastAnswer = async (body) => {
    const text = await readData(body);
    // As yoga serialises a result without errors.
    return text && { body: dataBody(text), headers: COMPILED_HEADERS };
  };

  return { plugin, answer, readData };
}

/** The statement's JSON text run at `now`, or undefined when it must be executed instead. */
async function readCompiledText(
  db: Db,
  compiled: CompiledRead,
  now: Date,
  globalIds?: GlobalIdSink,
): Promise<string | undefined> {
  const parameters = bindReadTime(compiled.provider, compiled.parameters, now);
  const text = await readJsonText(db, compiled.sql, parameters, {
    planEachTime: compiled.planEachTime,
    ...(globalIds ? { globalIds } : {}),
  });
  return text === undefined || text.includes(`"${FALLBACK_KEY}"`) ? undefined : text;
}

/**
 * The `data` of a compiled read run at `now` (the instant visibility is judged at), or undefined
 * when it must be executed normally instead.
 */
export async function runCompiledRead(
  db: Db,
  compiled: CompiledRead,
  now: Date = new Date(),
): Promise<Record<string, unknown> | undefined> {
  const text = await readCompiledText(db, compiled, now);
  if (text === undefined) return undefined;
  return JSON.parse(text) as Record<string, unknown>;
}

/** The statement's `data` run at `now` as text, or undefined when it must be executed instead. */
export async function compiledText(
  db: Db,
  compiled: CompiledRead,
  now: Date,
  globalIds?: GlobalIdSink,
): Promise<DataText | undefined> {
  const text = await readCompiledText(db, compiled, now, globalIds);
  if (text === undefined) return undefined;
  return { json: readDialects[compiled.provider].printed(text), exact: compiled.exactJson };
}
