// Bringing a store's search index up to date with its records, under the store's lock, as the
// last step of every index run (src/search saves it in the store's `search/` folder with its own
// manifest and checksums): built from nothing when missing, damaged or mostly changed, else
// updated document by document.
import { checkIndex, loadIndex, saveIndex, stampIndexSource } from "../search/index-store.js";
import { buildSearchIndex } from "./build-search-index.js";
import { distinctDocuments } from "./document-identity.js";
import type { KnowledgeBase } from "./knowledge-base.js";
import { openStore } from "./open-store.js";
import { acquireStoreLock } from "../store/write-lock.js";

/** What an update of the search index did. */
export interface SearchIndexUpdate {
  action: "built" | "updated" | "up-to-date";
  /** documents the index holds now */
  documents: number;
  /** documents added and removed by an update (0 for a build) */
  added: number;
  removed: number;
  /** how long it took */
  seconds: number;
}

/**
 * Brings the search index of `kb`'s store up to date with its documents; `onMessage` is told when
 * a damaged index is rebuilt. The caller holds the store's lock.
 */
export async function updateSearchIndex(kb: KnowledgeBase, options: { jobs?: number; onMessage?: (message: string) => void } = {}): Promise<SearchIndexUpdate> {
  const started = Date.now();
  const done = (action: SearchIndexUpdate["action"], documents: number, added = 0, removed = 0): SearchIndexUpdate => ({
    action,
    documents,
    added,
    removed,
    seconds: (Date.now() - started) / 1000,
  });
  const documents = distinctDocuments(kb.documents());
  const expectedHashes = documents.map((entry) => entry.sha256);
  const rebuild = async () => done("built", (await buildSearchIndex(kb, kb.searchDir, { jobs: options.jobs })).documents);
  // Built from nothing, or when most of it changed (seen from its manifest, before loading what
  // would be thrown away): shards in parallel, written by the workers that build them.
  const check = await checkIndex(kb.searchDir, { expectedHashes });
  if (check.status === "missing" || (check.status === "stale" && check.added.length > documents.length / 2)) return rebuild();
  // Verified in full: a search checks each part only when it reads it, so damage a search met is
  // found here, and the index rebuilt.
  const loaded = await loadIndex(kb.searchDir, { expectedHashes, verify: "full" });
  if (loaded.status === "ok") {
    const size = loaded.index.size;
    loaded.index.close();
    // Found to hold exactly this catalog's documents: said so in its manifest for the searches to come.
    await stampIndexSource(kb.searchDir, kb.manifest.catalog.sha256);
    return done("up-to-date", size);
  }
  if (loaded.status !== "stale") {
    if (loaded.status !== "missing") options.onMessage?.(`${loaded.message}; rebuilding it`);
    return rebuild();
  }
  // A few documents added or removed: the index is updated document by document.
  const index = loaded.index;
  try {
    for (const gone of loaded.removed) index.remove(gone.id);
    const added = new Set(loaded.added);
    for (const entry of documents) if (added.has(entry.sha256)) index.replace(await kb.record(entry));
    await saveIndex(index, kb.searchDir, { source: kb.manifest.catalog.sha256 });
    return done("updated", index.size, loaded.added.length, loaded.removed.length);
  } finally {
    index.close();
  }
}

/**
 * Brings the search index of the store in `dir` up to date under the store's lock (what a search
 * does when it finds the index missing or behind the records). Throws a `StoreError` when the
 * store cannot be read or another writer holds it too long.
 */
export async function updateStoreSearchIndex(dir: string, options: { jobs?: number; onMessage?: (message: string) => void; lockWaitMs?: number } = {}): Promise<SearchIndexUpdate> {
  const lock = await acquireStoreLock(dir, { waitMs: options.lockWaitMs ?? 10_000, onMessage: options.onMessage, command: "vanban search" });
  try {
    return await updateSearchIndex(await openStore(dir), options);
  } finally {
    await lock.release();
  }
}
