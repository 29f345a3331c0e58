// What the commands that read a store share: where the store is, how a path is shown, opening
// it (building it from the shipped corpus when there is none yet), and reporting its errors.
// Kept apart from the `index` command so that a reading command does not load the indexing
// pipeline (the parser, its grammars, the markdown reader: a thousand modules, ~0.4 s of every
// `vanban search`) unless it has to build or update something.
import { relative, resolve, sep } from "node:path";
import { UsageError, type CommandIo } from "./command-io.js";
import { safeName } from "./safe-name.js";
import type { Collection } from "../kb/collection.js";
import { shippedCorpusDir } from "../kb/package-info.js";
import { readManifest } from "../kb/read-store.js";
import { SourceFolderError, StoreError } from "../store/store-errors.js";
import { DEFAULT_STORE_DIR } from "../kb/store-format.js";
import { isPostgresUrl, redactUrl } from "../pg/store-url.js";

/** Where a command's store is: the directory (absolute), and whether the user named it with `--store`. */
export interface StoreLocation {
  dir: string;
  given: boolean;
}

/**
 * The store a command was given: `--store DIR` or `--store postgres://…`, else `VANBAN_STORE`,
 * else the default `.vanban`. A PostgreSQL URL is kept as given (`dir` is then the URL).
 */
export function storeDirOf(options: Record<string, string | true>, io: CommandIo): StoreLocation {
  const store = options.store;
  if (store === true) throw new UsageError("--store needs a directory or a postgres:// URL");
  const named = store ?? (process.env.VANBAN_STORE || undefined);
  if (named !== undefined && isPostgresUrl(named)) return { dir: named, given: true };
  return { dir: resolve(io.cwd, named ?? DEFAULT_STORE_DIR), given: named !== undefined };
}

/** A path as the user would type it: relative to the working directory when inside it, with control characters escaped. */
export function displayPath(path: string, io: CommandIo): string {
  if (isPostgresUrl(path)) return safeName(redactUrl(path));
  const rel = relative(io.cwd, path);
  return safeName(rel && !rel.startsWith(`..${sep}`) && rel !== ".." && !rel.startsWith(sep) ? rel : path);
}

/**
 * Opens the collection for a reading command; when there is no store yet at the default place,
 * builds one from the shipped corpus first, saying so on stderr.
 */
export async function openCollectionForReading(store: StoreLocation, io: CommandIo, command: string): Promise<Collection> {
  await ensureStore(store, io, command);
  const { openCollectionAt } = await import("../pg/open-collection-at.js");
  const collection = await openCollectionAt(store.dir, { onMessage: (m) => io.err(`vanban ${command}: ${safeName(m)}\n`) });
  opened.add(collection);
  return collection;
}

/**
 * Builds the store from the shipped corpus when there is none yet at the default place, saying so
 * on stderr. A store named with `--store` that does not exist is an error (a typo must not fill a
 * new folder with the shipped corpus and answer from it).
 */
export async function ensureStore(store: StoreLocation, io: CommandIo, command: string): Promise<void> {
  // A database is never filled behind the user's back: it says itself when it holds no store.
  if (isPostgresUrl(store.dir)) return;
  try {
    await readManifest(store.dir);
    return;
  } catch (error) {
    if (!(error instanceof StoreError) || error.problem !== "missing" || store.given) throw error;
  }
  io.err(`vanban ${command}: no store in ${displayPath(store.dir, io)} yet; building one from the corpus shipped with vanban (vanban index)\n`);
  const { buildStore } = await import("./build-store.js");
  await buildStore([shippedCorpusDir()], store.dir, io, { quiet: true });
}

// Collections opened by a command body, closed when it ends: a database connection left open
// would keep the process from exiting.
const opened = new Set<Collection>();

/** Runs a command body, turning a `StoreError` or a `SourceFolderError` into its one-line message and exit code 1. */
export async function reportingStoreErrors(command: string, io: CommandIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (!(error instanceof StoreError) && !(error instanceof SourceFolderError)) throw error;
    io.err(`vanban ${command}: ${safeName(error.message)}\n`);
    return 1;
  } finally {
    const open = [...opened];
    opened.clear();
    await Promise.all(open.map((c) => c.close()));
  }
}
