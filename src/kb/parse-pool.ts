// Reads and parses files on several threads (`--jobs N`), or in this thread for one job or a few
// files, where starting workers (each loads the grammars) would cost more than it saves.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { readSource, type SourceResult } from "./read-source.js";

/** Fewer files per job than this are parsed in this thread. */
const MIN_FILES_PER_WORKER = 4;

/**
 * Where the worker's code is: `parse-worker.js` next to this module when built, the `.ts` source
 * (with tsx's loader) under tsx or vitest; null when neither is there (this module bundled into
 * another file), and files are then parsed in this thread.
 */
function workerEntry(): { url: URL; execArgv: string[] } | null {
  const js = new URL("./parse-worker.js", import.meta.url);
  if (existsSync(fileURLToPath(js))) return { url: js, execArgv: [] };
  const ts = new URL("./parse-worker.ts", import.meta.url);
  if (!existsSync(fileURLToPath(ts))) return null;
  try {
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
    return { url: ts, execArgv: ["--import", tsx] };
  } catch {
    return null;
  }
}

/** A worker thread and the one request it may have in flight. */
class ParseWorker {
  private readonly worker: Worker;
  private pending: { resolve: (r: SourceResult) => void; path: string } | null = null;
  /** Why the worker died, once it has. */
  dead: string | null = null;
  /** Whether it said it is ready: a worker that dies before could not start at all (no loader for its code). */
  ready = false;

  constructor(entry: { url: URL; execArgv: string[] }, known: readonly string[]) {
    this.worker = new Worker(entry.url, { workerData: { known }, execArgv: entry.execArgv });
    this.worker.on("message", (message: { ready?: true; result?: SourceResult }) => {
      if (message.ready) {
        this.ready = true;
        return;
      }
      const pending = this.pending;
      this.pending = null;
      pending?.resolve(message.result!);
    });
    const die = (reason: string) => {
      this.dead ??= reason;
      const pending = this.pending;
      this.pending = null;
      // The file being parsed when the worker died is the likely cause: it is skipped, the rest go on.
      pending?.resolve({ kind: "skipped", path: pending.path, reason: `the parser failed on it (${reason})` });
    };
    this.worker.on("error", (error) => die(error.message));
    this.worker.on("exit", (code) => die(`worker exited with code ${code}`));
  }

  read(path: string): Promise<SourceResult> {
    return new Promise((resolve) => {
      this.pending = { resolve, path };
      this.worker.postMessage({ seq: 0, path });
    });
  }

  async stop(): Promise<void> {
    this.dead ??= "stopped";
    await this.worker.terminate();
  }
}

/**
 * Reads every file of `paths` with `readSource`, calling `onResult` as each one finishes (in
 * completion order, one call at a time, so the caller's writes never interleave). Uses up to
 * `jobs` worker threads; a worker that dies (a file that exhausts its memory) costs only that file.
 */
export async function readSources(paths: readonly string[], known: ReadonlySet<string>, jobs: number, onResult: (result: SourceResult) => Promise<void>): Promise<void> {
  const slots = Math.min(jobs, Math.floor(paths.length / MIN_FILES_PER_WORKER));
  const entry = slots > 1 ? workerEntry() : null;
  if (!entry) {
    for (const path of paths) await onResult(await readSource(path, known));
    return;
  }
  const knownList = [...known];
  const workers: ParseWorker[] = [];
  let next = 0;
  let handing = Promise.resolve();
  const runSlot = async () => {
    let worker: ParseWorker | null = new ParseWorker(entry, knownList);
    workers.push(worker);
    while (next < paths.length) {
      const path = paths[next++]!;
      let result = worker ? await worker.read(path) : await readSource(path, known);
      if (worker?.dead && !worker.ready) {
        // The worker could not even start (no loader for its code, no threads): this slot reads in
        // this thread from now on, starting again with the file it was given.
        worker = null;
        result = await readSource(path, known);
      } else if (worker?.dead) {
        worker = new ParseWorker(entry, knownList);
        workers.push(worker);
      }
      const settled = result;
      handing = handing.then(() => onResult(settled));
      await handing;
    }
  };
  try {
    await Promise.all(Array.from({ length: slots }, runSlot));
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
}
