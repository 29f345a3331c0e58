// Reads and parses files on several threads (`--jobs N`), or in this thread for one job or a few
// files, where starting workers (each loads the grammars) would cost more than it saves.
import type { Worker } from "node:worker_threads";
import { readSource, type SourceResult } from "./read-source.js";
import { startWorker, workerEntry, type WorkerEntry } from "./worker-entry.js";

/**
 * Fewer files per job than this are parsed in this thread: a worker loads and warms up the
 * grammars on its own (about as long as parsing a hundred documents), so a few dozen files are
 * parsed sooner by one thread than by several (47 documents: 1.5 s on one thread, 4 s on two).
 */
export const MIN_FILES_PER_WORKER = 100;

/** Results parsed and not yet stored, at most: bounds memory when storing is slower than parsing. */
const MAX_WAITING_RESULTS = 8;

/** A worker thread and the one request it may have in flight. */
class ParseWorker {
  private readonly worker: Worker;
  private pending: { resolve: (r: SourceResult) => void; path: string } | null = null;
  /** Why the worker died, once it has. */
  dead: string | null = null;
  /** Whether it said it is ready: a worker that dies before could not start at all (no loader for its code). */
  ready = false;

  constructor(entry: WorkerEntry, known: readonly string[], heapMb?: number) {
    this.worker = startWorker(entry, { workerData: { known }, ...(heapMb ? { resourceLimits: { maxOldGenerationSizeMb: heapMb } } : {}) });
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

/** Options of `readSources`. */
export interface ReadSourcesOptions {
  /** fewer files per job than this are read in this thread (default `MIN_FILES_PER_WORKER`) */
  minFilesPerWorker?: number;
  /** the most heap a worker may use, in MiB (default: Node's); a file that needs more costs its worker, not the run */
  workerHeapMb?: number;
}

/**
 * Reads every file of `paths` with `readSource`, calling `onResult` as each one finishes (in
 * completion order, one call at a time, so the caller's writes never interleave). Uses up to
 * `jobs` worker threads; a worker that dies (a file that exhausts its memory) costs only that file.
 * Returns how many worker threads started (0 when every file was read in this thread).
 */
export async function readSources(
  paths: readonly string[],
  known: ReadonlySet<string>,
  jobs: number,
  onResult: (result: SourceResult) => Promise<void>,
  options: ReadSourcesOptions = {},
): Promise<{ workers: number }> {
  const slots = Math.min(jobs, Math.floor(paths.length / (options.minFilesPerWorker ?? MIN_FILES_PER_WORKER)));
  const entry = slots > 1 ? workerEntry("parse-worker") : null;
  if (!entry) {
    for (const path of paths) await onResult(await readSource(path, known));
    return { workers: 0 };
  }
  const knownList = [...known];
  const workers: ParseWorker[] = [];
  let next = 0;
  let handing = Promise.resolve();
  const runSlot = async () => {
    let worker: ParseWorker | null = new ParseWorker(entry, knownList, options.workerHeapMb);
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
        worker = new ParseWorker(entry, knownList, options.workerHeapMb);
        workers.push(worker);
      }
      const settled = result;
      handing = handing.then(async () => {
        await onResult(settled);
        stored++;
      });
      // A failed store is reported by the `await handing` below or at the end, not as an
      // unhandled rejection in between.
      handing.catch(() => undefined);
      // The worker goes on with its next file while this thread stores the result (waiting for
      // the store left each worker idle for a write per file); a few results at most wait.
      if (++handed - stored > MAX_WAITING_RESULTS) await handing;
    }
  };
  let handed = 0;
  let stored = 0;
  try {
    await Promise.all(Array.from({ length: slots }, runSlot));
    await handing;
    return { workers: workers.filter((w) => w.ready).length };
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
}
