// Reading a store back and checking it: the manifest's own checksum and format version, the size
// and SHA-256 of the catalog and the graph, the size of every chunk (and, on request, its SHA-256;
// otherwise each record line is checked against its own SHA-256 when it is read). Anything that
// does not match is a `StoreError` naming the file and the command that rebuilds the store: a
// damaged store is never used as if it were whole.
import { stat } from "node:fs/promises";
import { join } from "node:path";
import type { z } from "zod";
import { readJsonLines } from "./json-lines.js";
import { DamagedLineError, readChunk } from "./record-chunks.js";
import { rebuildCommand, StoreError } from "../store/store-errors.js";
import { StringPool } from "./string-pool.js";
import {
  CatalogEntry,
  GraphConflictLine,
  GraphDocument,
  GraphEdgeLine,
  GraphHeader,
  GraphReferenceLine,
  MANIFEST_FILE,
  STORE_FORMAT,
  STORE_FORMAT_VERSION,
  StoreManifestBody,
  type ConflictDiagnostic,
  type GraphEdge,
  type StoredFile,
} from "./store-format.js";
import { readChecksummedManifest } from "../store/checksummed-manifest.js";

/** Everything a store holds but the records, as read from disk. */
export interface StoreState {
  dir: string;
  manifest: StoreManifestBody;
  catalog: CatalogEntry[];
  graph: {
    documents: GraphDocument[];
    edges: GraphEdge[];
    references: { key: string; label: string }[];
    conflicts: ConflictDiagnostic[];
  };
}

/** Options of `readStore`. */
export interface ReadStoreOptions {
  /**
   * `quick` (default): chunks must exist with their sizes, and each record is checked against its
   * SHA-256 when it is read; `full`: every chunk's SHA-256 is checked now (reads every record);
   * `none`: chunks are not looked at (for the writer, which checks them one by one itself)
   */
  verify?: "quick" | "full" | "none";
}

/** A file of the store went missing while it was being read: a writer replaced the store meanwhile. */
class VanishedFile extends Error {}

/** Reads and checks the manifest; throws a `StoreError` when there is none or it cannot be used. */
export async function readManifest(dir: string): Promise<StoreManifestBody> {
  const read = await readChecksummedManifest(join(dir, MANIFEST_FILE), STORE_FORMAT, STORE_FORMAT_VERSION, StoreManifestBody);
  if (read.status === "ok") return read.body;
  if (read.status === "missing") throw new StoreError("missing", dir, `there is no store in ${dir} yet`, `create it with: vanban index FOLDER --store ${dir}`);
  if (read.status === "unreadable") throw new StoreError("corrupt", dir, `the store ${dir} cannot be read (${read.code})`, null);
  if (read.status === "foreign") throw new StoreError("not-a-store", dir, `${dir} is not a vanban store (its ${MANIFEST_FILE} is something else)`, "give another directory with --store");
  const body = (read.header as { body?: { roots?: unknown } } | null)?.body;
  const roots = Array.isArray(body?.roots) && body.roots.every((r) => typeof r === "string") ? (body.roots as string[]) : null;
  if (read.status === "other-version") {
    throw new StoreError("other-version", dir, `the store ${dir} has format version ${String(read.found)}, this vanban reads version ${STORE_FORMAT_VERSION}`, rebuildCommand(dir, roots));
  }
  throw damaged(dir, roots, MANIFEST_FILE, read.reason);
}

function damaged(dir: string, roots: readonly string[] | null, file: string, reason: string): StoreError {
  return new StoreError("corrupt", dir, `the store ${dir} is damaged: ${file} ${reason}`, rebuildCommand(dir, roots));
}

// A chunk read whole and checked (`verify: "full"`), by the check the store's writer and readers
// use; its damage is reported as the store's.
async function checkChunk(dir: string, manifest: StoreManifestBody, stored: StoredFile): Promise<void> {
  try {
    await readChunk(dir, stored);
  } catch (error) {
    if (error instanceof DamagedLineError) throw damaged(dir, manifest.roots, stored.file, error.reason);
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new VanishedFile(stored.file);
    throw damaged(dir, manifest.roots, stored.file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

/**
 * Reads an NDJSON file of the store as a stream (see json-lines.ts), handing each parsed line to
 * `onLine`, and checks its size and SHA-256. A damaged file is reported by its size or checksum
 * before any line that is not what it should be.
 */
async function readCheckedLines(dir: string, manifest: StoreManifestBody, stored: StoredFile, onLine: (value: unknown) => void): Promise<void> {
  const fail = (why: string) => damaged(dir, manifest.roots, stored.file, why);
  let read;
  try {
    read = await readJsonLines(join(dir, stored.file), onLine);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new VanishedFile(stored.file);
    throw fail(`cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  if (read.bytes !== stored.bytes) throw fail(`is ${read.bytes} bytes, the manifest says ${stored.bytes} (truncated?)`);
  if (read.sha256 !== stored.sha256) throw fail("does not match its checksum");
  if (read.failure?.kind === "syntax") throw fail(`holds a line that is not JSON at byte ${read.failure.offset}`);
  if (read.failure) throw read.failure.error;
}

function parseLine<T>(schema: z.ZodType<T>, value: unknown, fail: (why: string) => Error): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw fail(`holds a line that is not what it should be (${parsed.error.issues[0]?.path.join(".") ?? "?"}: ${parsed.error.issues[0]?.message ?? ""})`);
  return parsed.data;
}

/** The manifest and the catalog of a store: what reading its search index needs. */
export type StoreCatalog = Pick<StoreState, "dir" | "manifest" | "catalog">;

async function readCatalogOnce(dir: string): Promise<StoreCatalog> {
  const manifest = await readManifest(dir);
  const fail = (why: string) => damaged(dir, manifest.roots, manifest.catalog.file, why);
  const catalog: CatalogEntry[] = [];
  await readCheckedLines(dir, manifest, manifest.catalog, (line) => catalog.push(parseLine(CatalogEntry, line, fail)));
  if (catalog.length !== manifest.documentCount) throw fail(`lists ${catalog.length} documents, the manifest says ${manifest.documentCount}`);
  return { dir, manifest, catalog };
}

// The chunks against the manifest (sizes, or every SHA-256 with `full`), and every catalog entry inside them.
async function checkChunks(dir: string, manifest: StoreManifestBody, catalog: readonly CatalogEntry[], verify: NonNullable<ReadStoreOptions["verify"]>): Promise<void> {
  const fail = (file: string) => (why: string) => damaged(dir, manifest.roots, file, why);
  const chunks = new Map(manifest.chunks.map((c) => [c.file, c]));
  for (const chunk of verify === "none" ? [] : manifest.chunks) {
    if (verify === "full") {
      await checkChunk(dir, manifest, chunk);
      continue;
    }
    const size = await stat(join(dir, chunk.file)).then(
      (s) => s.size,
      (error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") throw new VanishedFile(chunk.file);
        throw fail(chunk.file)(`cannot be read (${error.code ?? "error"})`);
      },
    );
    if (size !== chunk.bytes) throw fail(chunk.file)(`is ${size} bytes, the manifest says ${chunk.bytes} (truncated?)`);
  }
  for (const entry of catalog) {
    const chunk = chunks.get(entry.chunk);
    if (!chunk || entry.offset + entry.length > chunk.bytes) throw fail(manifest.catalog.file)(`places ${entry.id} outside the store's chunks`);
  }
}

async function readOnce(dir: string, options: ReadStoreOptions): Promise<StoreState> {
  const { manifest, catalog } = await readCatalogOnce(dir);
  const fail = (file: string) => (why: string) => damaged(dir, manifest.roots, file, why);

  await checkChunks(dir, manifest, catalog, options.verify ?? "quick");

  const graph: StoreState["graph"] = { documents: [], edges: [], references: [], conflicts: [] };
  // The graph stays in memory while the store is open: one copy of each repeated string.
  const pool = new StringPool();
  const failGraph = fail(manifest.graph.file);
  let header = false;
  await readCheckedLines(dir, manifest, manifest.graph, (line) => {
    const t = (line as { t?: unknown } | null)?.t;
    if (!header) {
      parseLine(GraphHeader, line, failGraph);
      header = true;
    } else if (t === "doc") graph.documents.push(pool.document(parseLine(GraphDocument, line, failGraph)));
    else if (t === "edge") {
      const { t: _, ...edge } = parseLine(GraphEdgeLine, line, failGraph);
      graph.edges.push(edge);
    } else if (t === "ref") {
      const { key, label } = parseLine(GraphReferenceLine, line, failGraph);
      graph.references.push({ key, label });
    } else if (t === "conflict") {
      const { t: _, ...conflict } = parseLine(GraphConflictLine, line, failGraph);
      graph.conflicts.push(conflict);
    } else throw failGraph(`holds a line of unknown kind ${JSON.stringify(t)}`);
  });
  if (graph.documents.length !== catalog.length || graph.documents.some((d, i) => d.id !== catalog[i]!.id)) {
    throw failGraph("does not list the catalog's documents");
  }
  return { dir, manifest, catalog, graph };
}

/**
 * Reads and checks a store's manifest, catalog and graph (see the file comment). Retries when a
 * writer replaced the store while it was being read; throws a `StoreError` otherwise.
 */
export async function readStore(dir: string, options: ReadStoreOptions = {}): Promise<StoreState> {
  return retryingSwitches(dir, () => readOnce(dir, options));
}

/**
 * Reads and checks a store's manifest and catalog, and the sizes of its chunks (as `readStore`
 * does by default): what a question that reads records but not the graph needs (`vanban cites`).
 */
export async function readCatalogAndChunks(dir: string): Promise<StoreCatalog> {
  return retryingSwitches(dir, async () => {
    const store = await readCatalogOnce(dir);
    await checkChunks(dir, store.manifest, store.catalog, "quick");
    return store;
  });
}

/**
 * Reads and checks a store's manifest and catalog only: a search needs no more (the citation
 * graph, most of a store's size, took most of the time a search took to start). Throws a
 * `StoreError` as `readStore` does.
 */
export async function readCatalog(dir: string): Promise<StoreCatalog> {
  return retryingSwitches(dir, () => readCatalogOnce(dir));
}

// Runs a read again when a writer replaced the store while it was being read.
async function retryingSwitches<T>(dir: string, read: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (!(error instanceof VanishedFile)) throw error;
      // If the current manifest still names the file, it is simply gone; otherwise a writer
      // switched the store while we read it, and the new state is read instead.
      const current = await readManifest(dir);
      const referenced = [current.catalog.file, current.graph.file, ...current.chunks.map((c) => c.file)];
      if (referenced.includes(error.message)) throw damaged(dir, current.roots, error.message, "is missing");
      if (attempt >= 3) throw new StoreError("changed", dir, `the store ${dir} keeps changing while it is read`, "try again when vanban index has finished");
    }
  }
}
