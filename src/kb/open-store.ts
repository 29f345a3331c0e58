// Opening a store for reading: no lock is needed, since a writer never changes a file the manifest
// names, and a store replaced while it is read is read again (see read-store.ts).
import { resolve } from "node:path";
import { KnowledgeBase } from "./knowledge-base.js";
import { readStore, type ReadStoreOptions } from "./read-store.js";
import { DEFAULT_STORE_DIR } from "./store-format.js";

/**
 * Opens the store in `dir` (default `.vanban`), checking its format version and checksums; throws
 * a `StoreError` (missing, corrupt, other-version, not-a-store) that says how to rebuild it.
 * @example
 * import { openStore } from "vanban";
 * const kb = await openStore(".vanban");
 * const citing = await kb.citing("Nghị quyết 29");
 */
export async function openStore(dir: string = DEFAULT_STORE_DIR, options: ReadStoreOptions = {}): Promise<KnowledgeBase> {
  return new KnowledgeBase(await readStore(resolve(dir), options));
}
