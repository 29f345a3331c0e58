// Where a worker thread's code is, for the pools that start them (parse-pool.ts,
// build-search-index.ts).
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

/** How to start a worker: its compiled file, or a bootstrap that loads its TypeScript source. */
export type WorkerEntry = { file: URL } | { bootstrap: string };

/**
 * Where the worker module `stem` (a file next to this one) is: `stem.js` when built; under tsx
 * or vitest, the `.ts` source behind a bootstrap that first registers tsx's loader in the worker
 * (a worker's `--import` does not); null when neither is there (this module bundled into another
 * file), and the work is then done in this thread.
 */
export function workerEntry(stem: string): WorkerEntry | null {
  const js = new URL(`./${stem}.js`, import.meta.url);
  if (existsSync(fileURLToPath(js))) return { file: js };
  const ts = new URL(`./${stem}.ts`, import.meta.url);
  if (!existsSync(fileURLToPath(ts))) return null;
  try {
    const manifest = createRequire(import.meta.url).resolve("tsx/package.json");
    const exports = (JSON.parse(readFileSync(manifest, "utf8")) as { exports: Record<string, { import?: { default?: string } }> }).exports;
    const api = exports["./esm/api"]?.import?.default;
    if (!api) return null;
    const register = pathToFileURL(join(dirname(manifest), api)).href;
    return { bootstrap: `import(${JSON.stringify(register)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(ts.href)}); });` };
  } catch {
    return null;
  }
}

/** Starts a worker from its entry. */
export function startWorker(entry: WorkerEntry, options: WorkerOptions): Worker {
  return "file" in entry ? new Worker(entry.file, options) : new Worker(entry.bootstrap, { ...options, eval: true });
}
