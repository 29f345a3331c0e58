// Builds the store's search index from its records on several threads: the documents are cut
// into shards of at most `shardSize`, as many as a multiple of the jobs, and each worker reads its
// documents' records from the chunks, builds its shard and writes the shard's files; the
// manifest that makes them the index is written last, here, under the index's lock. A worker
// holds one shard and this thread holds none, so memory stays that of one shard per job.
import { availableParallelism } from "node:os";
import { commitShards, writeShardFiles, type ShardManifestEntry } from "../search/index-store.js";
import { DEFAULT_SHARD_SIZE } from "../search/search-index.js";
import type { DocumentRecord } from "../model/record.js";
import type { KnowledgeBase } from "./knowledge-base.js";
import { DamagedLineError, readStoredRecords } from "./record-chunks.js";
import { distinctDocuments } from "./document-identity.js";
import { rebuildCommand, StoreError } from "../store/store-errors.js";
import type { CatalogEntry, StoredFile } from "./store-format.js";
import { startWorker, workerEntry } from "./worker-entry.js";

/**
 * Fewer documents per job than this are indexed in this thread: starting a worker costs about as
 * much as indexing a few hundred documents.
 */
export const MIN_DOCUMENTS_PER_SEARCH_WORKER = 1_000;

/** What a search worker is given: where the records are and which shard to build from them. */
export interface ShardTask {
  storeDir: string;
  chunks: StoredFile[];
  entries: Pick<CatalogEntry, "chunk" | "offset" | "length" | "lineSha256" | "path" | "id">[];
  searchDir: string;
  name: string;
  generation: number;
}

/** Builds one shard from the records a task names (in a worker, or in this thread). */
export async function buildShard(task: ShardTask): Promise<ShardManifestEntry> {
  async function* records(): AsyncGenerator<DocumentRecord> {
    for await (const { entry, stored } of readStoredRecords(task.storeDir, task.chunks, task.entries)) {
      // The store keeps the file's path in the catalog (a file moved keeps its record), and its id
      // in the collection (two contents of one record id are two documents: document-identity.ts).
      yield { ...stored.record, id: entry.id, source: { ...stored.record.source, path: entry.path } };
    }
  }
  return writeShardFiles(task.name, records(), task.searchDir, task.generation);
}

/** What a search worker answers: its shard's manifest entry, or why it failed (the store damaged, or not). */
export type ShardReply = { entry: ShardManifestEntry } | { error: string; damaged: boolean };

/** Builds a task's shard and says how it went, in the plain data a worker can post. */
export async function replyTo(task: ShardTask): Promise<ShardReply> {
  try {
    return { entry: await buildShard(task) };
  } catch (error) {
    const damaged = error instanceof DamagedLineError || (error as NodeJS.ErrnoException)?.code === "ENOENT";
    return { error: error instanceof Error ? error.message : String(error), damaged };
  }
}

// A failed build: a record that cannot be read means a damaged store, reported as `vanban index`
// cures it; anything else is passed on.
function failure(kb: KnowledgeBase, reply: Extract<ShardReply, { error: string }>): Error {
  if (!reply.damaged) return new Error(`vanban search: the index could not be built: ${reply.error}`);
  return new StoreError("corrupt", kb.dir, `the store ${kb.dir} is damaged: ${reply.error}`, rebuildCommand(kb.dir, kb.manifest.roots));
}

function runInWorker(task: ShardTask): Promise<ShardReply> | null {
  const entry = workerEntry("search-worker");
  if (!entry) return null;
  return new Promise((resolve) => {
    const worker = startWorker(entry, { workerData: task });
    let settled = false;
    worker.on("message", (reply: ShardReply) => {
      settled = true;
      resolve(reply);
      void worker.terminate();
    });
    worker.on("error", (error) => {
      settled = true;
      resolve({ error: error.message, damaged: false });
    });
    worker.on("exit", (code) => {
      if (!settled) resolve({ error: `the search worker exited with code ${code}`, damaged: false });
    });
  });
}

/** Options of `buildSearchIndex`. */
export interface BuildSearchIndexOptions {
  /** threads to build shards on (default: the machine's cores, at most 4) */
  jobs?: number;
  /** the most documents a shard holds (default `DEFAULT_SHARD_SIZE`) */
  shardSize?: number;
  /** fewer documents per job than this are indexed in this thread (default `MIN_DOCUMENTS_PER_SEARCH_WORKER`) */
  minDocumentsPerWorker?: number;
}

/** What a build did. */
export interface SearchBuildReport {
  documents: number;
  shards: number;
  /** worker threads that built shards (0: all were built in this thread) */
  workers: number;
}

/**
 * Rebuilds the search index in `searchDir` from every document of the store (of several files
 * with one content, the first by path), on up to `jobs` threads.
 */
export async function buildSearchIndex(kb: KnowledgeBase, searchDir: string, options: BuildSearchIndexOptions = {}): Promise<SearchBuildReport> {
  const shardSize = options.shardSize ?? DEFAULT_SHARD_SIZE;
  const documents = distinctDocuments(kb.documents());
  const jobs = Math.max(1, options.jobs ?? Math.min(4, availableParallelism()));
  const parallel = Math.min(jobs, Math.floor(documents.length / (options.minDocumentsPerWorker ?? MIN_DOCUMENTS_PER_SEARCH_WORKER)));
  // As many shards as the size allows, rounded up to whole rounds of the jobs that build them: 5
  // shards of 20,000 on two threads were built two, two, then one alone, a sixth of the build on
  // one core; 6 of 16,667 keep both busy to the end.
  const needed = Math.max(1, Math.ceil(documents.length / shardSize));
  const shardCount = parallel > 1 ? Math.ceil(needed / parallel) * parallel : needed;
  const perShard = Math.ceil(documents.length / shardCount);
  let workers = 0;
  let shards = 0;
  // The manifest names the catalog it holds exactly: a search of this store state reads no catalog.
  await commitShards(searchDir, shardSize, kb.manifest.catalog.sha256, async (previousGeneration) => {
    const tasks: ShardTask[] = [];
    for (let s = 0; s * perShard < documents.length; s++) {
      const name = `shard-${String(s).padStart(4, "0")}`;
      const entries = documents.slice(s * perShard, (s + 1) * perShard).map(({ chunk, offset, length, lineSha256, path, id }) => ({ chunk, offset, length, lineSha256, path, id }));
      const chunkFiles = new Set(entries.map((e) => e.chunk));
      tasks.push({ storeDir: kb.dir, chunks: kb.manifest.chunks.filter((c) => chunkFiles.has(c.file)), entries, searchDir, name, generation: (previousGeneration.get(name) ?? 0) + 1 });
    }
    const run = await runTasks(tasks, parallel > 1 ? jobs : 1);
    const entries: ShardManifestEntry[] = [];
    for (const reply of run.replies) {
      if ("error" in reply) throw failure(kb, reply);
      entries.push(reply.entry);
    }
    workers = run.workers;
    shards = entries.length;
    return { entries, written: entries.map((e) => e.name), unchanged: [] };
  });
  return { documents: documents.length, shards, workers };
}

// Runs the tasks, `jobs` at a time, each in a worker when there is more than one job (in this
// thread when no worker can start: this module bundled into another file).
async function runTasks(tasks: ShardTask[], jobs: number): Promise<{ replies: ShardReply[]; workers: number }> {
  const replies: ShardReply[] = new Array(tasks.length);
  let workers = 0;
  let next = 0;
  const slot = async () => {
    while (next < tasks.length) {
      const i = next++;
      const task = tasks[i]!;
      const inWorker = jobs > 1 ? runInWorker(task) : null;
      if (inWorker) workers++;
      replies[i] = await (inWorker ?? replyTo(task));
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, tasks.length) }, slot));
  return { replies, workers };
}
