// Opening a store's search index to search it: the index is checked against the store's
// catalog (the content hash of every document it must hold), read without the citation graph,
// which a search does not need and which is most of what a store takes to read.
import { resolve } from "node:path";
import { loadIndex, type LoadIndexResult } from "../search/index-store.js";
import { readCatalog, readManifest } from "./read-store.js";
import { distinctDocuments } from "./document-identity.js";
import { SEARCH_DIR, type CatalogEntry } from "./store-format.js";

/** The content hashes the search index of a store must hold. */
export function expectedSearchHashes(catalog: readonly CatalogEntry[]): string[] {
  return distinctDocuments(catalog).map((entry) => entry.sha256);
}

/**
 * Loads the search index of the store in `storeDir`: `ok` with the index, or why it cannot be used
 * as it is (`missing`, `stale` with what changed, damaged). The store's catalog is read only when
 * the index does not name the store's current catalog as what it holds (an index run names it):
 * reading it grew with the collection. Throws a `StoreError` when the store itself is missing or
 * damaged.
 * @example
 * const { loaded } = await loadStoreSearchIndex(".vanban");
 * if (loaded.status === "ok") search(loaded.index, "giáo dục");
 */
export async function loadStoreSearchIndex(storeDir: string): Promise<{ loaded: LoadIndexResult }> {
  const dir = resolve(storeDir);
  const manifest = await readManifest(dir);
  const loaded = await loadIndex(resolve(dir, SEARCH_DIR), {
    expectedSource: manifest.catalog.sha256,
    expectedHashes: async () => expectedSearchHashes((await readCatalog(dir)).catalog),
  });
  return { loaded };
}
