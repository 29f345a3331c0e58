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

/**
 * Files each worker is given at once: the next one waits in its queue while it parses the
 * current one. With one at a time, a worker sat idle for the round trip of every result (a tenth
 * of its time on 13 KB documents).
 */
const IN_FLIGHT_PER_WORKER = 2;

/** A worker thread and the files it has been given, in the order it reads them. */
class ParseWorker {
  private readonly worker: Worker;
  private readonly pending: { resolve: (r: SourceResult | null) => void; path: string }[] = [];
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
      // A worker answers in the order it was asked.
      this.pending.shift()?.resolve(message.result!);
    });
    const die = (reason: string) => {
      this.dead ??= reason;
      const [current, ...waiting] = this.pending.splice(0);
      // The file being parsed when a running worker died is the likely cause: it is skipped. The
      // files queued behind it were never read: they are given back, to be read again.
      if (current && this.ready) current.resolve({ kind: "skipped", path: current.path, reason: `the parser failed on it (${reason})` });
      else current?.resolve(null);
      for (const p of waiting) p.resolve(null);
    };
    this.worker.on("error", (error) => die(error.message));
    this.worker.on("exit", (code) => die(`worker exited with code ${code}`));
  }

  /** The result of reading `path`, or null when the worker died before it got to the file. */
  read(path: string): Promise<SourceResult | null> {
    if (this.dead) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.pending.push({ resolve, path });
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
  const start = (): ParseWorker => {
    const worker = new ParseWorker(entry, knownList, options.workerHeapMb);
    workers.push(worker);
    return worker;
  };
  let next = 0;
  let handing = Promise.resolve();
  // One lane per job, its worker shared by `IN_FLIGHT_PER_WORKER` loops that each hand it a file.
  const runLoop = async (lane: { worker: ParseWorker | null }) => {
    while (next < paths.length) {
      const path = paths[next++]!;
      let result: SourceResult | null = null;
      while (result === null) {
        const worker = lane.worker;
        if (!worker) {
          result = await readSource(path, known);
          break;
        }
        result = await worker.read(path);
        if (worker.dead) {
          // A worker that could not even start (no loader for its code, no threads): this lane
          // reads in this thread from now on. One that died running is replaced (once, by
          // whichever loop sees it first). A file it never got to (null) is read again.
          if (!worker.ready) lane.worker = null;
          else if (lane.worker === worker) lane.worker = start();
        }
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
  const lanes = Array.from({ length: slots }, () => ({ worker: start() as ParseWorker | null }));
  let handed = 0;
  let stored = 0;
  try {
    await Promise.all(lanes.flatMap((lane) => Array.from({ length: IN_FLIGHT_PER_WORKER }, () => runLoop(lane))));
    await handing;
    return { workers: workers.filter((w) => w.ready).length };
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
}
