// Loads Prisma's WASM schema engine under Node 20, which cannot import a .wasm file as an ES module.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';

export type SchemaEngine = glue.SchemaEngine;

// Node has WebAssembly at runtime, but @types/node does not declare it without the DOM lib.
type WasmApi = {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (
    module: object,
    imports: Record<string, Record<string, unknown>>,
  ) => { exports: unknown };
};
const { WebAssembly } = globalThis as unknown as { WebAssembly: WasmApi };

let loaded = false;

function loadOnce(): void {
  if (loaded) return;
  const require = createRequire(import.meta.url);
  const wasmPath = require
    .resolve('@prisma/schema-engine-wasm/schema_engine_bg')
    .replace(/\.js$/, '.wasm');
  const imports: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(glue)) {
    // The engine arms 10 s timers that it never clears; unref them so CLI processes exit promptly.
    if (name.startsWith('__wbg_setTimeout_') && typeof fn === 'function') {
      imports[name] = (...args: unknown[]) => {
        const timer = (fn as (...a: unknown[]) => unknown)(...args);
        (timer as { unref?: () => void } | undefined)?.unref?.();
        return timer;
      };
    } else {
      imports[name] = fn;
    }
  }
  const module = new WebAssembly.Module(readFileSync(wasmPath));
  const instance = new WebAssembly.Instance(module, { './schema_engine_bg.js': imports });
  const exports = instance.exports as Record<string, unknown> & { __wbindgen_start: () => void };
  (glue as unknown as { __wbg_set_wasm: (e: unknown) => void }).__wbg_set_wasm(exports);
  exports.__wbindgen_start();
  loaded = true;
}

/** Starts an engine for one datamodel, talking to the database through a driver adapter factory. */
export type StartedEngine = {
  engine: SchemaEngine;
  /** The driver's own error behind an engine error that only says "External error id#N". */
  explain: (error: unknown) => string;
};

export async function startSchemaEngine(
  schema: { path: string; content: string },
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
): Promise<StartedEngine> {
  loadOnce();
  const log = (_message: string) => {
    // The engine's own tracing output is noise for our commands; failures surface as rejections.
  };
  const bound = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  const engine = await glue.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    log,
    bound,
  );
  const explain = (error: unknown) => {
    const message = (error as Error)?.message ?? String(error);
    const id = /External error id#(\d+)/.exec(message)?.[1];
    const registry = (
      bound as unknown as {
        errorRegistry?: { consumeError(id: number): { error?: unknown } | undefined };
      }
    ).errorRegistry;
    const original = id === undefined ? undefined : registry?.consumeError(Number(id))?.error;
    if (process.env.DEBUG_ENGINE) console.error('EXPLAIN', message, id, registry, original);
    const detail =
      (original as { message?: string; cause?: { message?: string } } | undefined)?.cause
        ?.message ?? (original as Error | undefined)?.message;
    // The driver's reason first: the engine's own text is followed by a backtrace.
    return detail ? `${detail} (${message.split('\n')[0]?.trim()})` : message;
  };
  return { engine, explain };
}
