// A worker thread that builds one shard of the search index from the store's records and writes
// its files (see build-search-index.ts): receives its task through workerData and answers once,
// with the shard's manifest entry or why it failed.
import { parentPort, workerData } from "node:worker_threads";
import { replyTo, type ShardTask } from "./build-search-index.js";

void replyTo(workerData as ShardTask).then((reply) => parentPort!.postMessage(reply));
