// One place chooses the store a string names: a PostgreSQL URL (`postgres://user@host/db`) opens
// the PostgreSQL store, anything else is a directory of the embedded store. The CLI (`--store`,
// `VANBAN_STORE`) and library users go through it. Each store's code is loaded only when chosen.
import type { Collection } from "../kb/collection.js";
import { isPostgresUrl } from "./store-url.js";

/** Options of `openCollectionAt`. */
export interface OpenCollectionAtOptions {
  /** told what is worth telling while a question is answered */
  onMessage?: (message: string) => void;
}

/**
 * Opens the collection a store string names: a `postgres://` or `postgresql://` URL, or a directory.
 * @example
 * const collection = await openCollectionAt(process.env.VANBAN_STORE ?? ".vanban");
 */
export async function openCollectionAt(storeOrUrl: string, options: OpenCollectionAtOptions = {}): Promise<Collection> {
  if (isPostgresUrl(storeOrUrl)) {
    const { openPostgresCollection } = await import("./postgres-collection.js");
    return openPostgresCollection(storeOrUrl, options);
  }
  const { openCollection } = await import("../kb/embedded-collection.js");
  return openCollection(storeOrUrl, options);
}

export { isPostgresUrl };
