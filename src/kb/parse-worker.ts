// A worker thread that reads and parses source files for `indexFolder --jobs N`: the parse is
// CPU-bound, so several workers use several cores. Receives `{ known }` once through workerData,
// says `{ ready: true }` once its code is loaded, then answers each `{ seq, path }` message with
// `{ seq, result }`.
import { parentPort, workerData } from "node:worker_threads";
import { readSource } from "./read-source.js";

const known = new Set<string>((workerData as { known: string[] }).known);

parentPort?.on("message", (message: { seq: number; path: string }) => {
  // A record's line is handed over, not copied: its bytes' buffer is the worker's own (TextEncoder's).
  void readSource(message.path, known).then((result) => parentPort!.postMessage({ seq: message.seq, result }, result.kind === "parsed" ? [result.line.buffer as ArrayBuffer] : []));
});

parentPort?.postMessage({ ready: true });
