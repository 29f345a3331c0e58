// A worker thread that builds one shard of the search index from the store's records and writes
// its files (see build-search-index.ts): receives its task through workerData and answers once,
// with the shard's manifest entry or the error.
import { parentPort, workerData } from "node:worker_threads";
import { buildShard, type ShardTask } from "./build-search-index.js";

buildShard(workerData as ShardTask).then(
  (entry) => parentPort!.postMessage({ entry }),
  (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) }),
);
