// `indexFolder`: reads folders of documents into a store, re-reading only what changed since the
// last run. The order of the writes is what makes a kill at any moment harmless:
//
//   1. take the lock; read the current store (a damaged one is rebuilt from nothing, with a message)
//   2. delete what a killed writer left behind (files the current manifest does not name)
//   3. parse new and changed files, appending their records to new chunks; keep the records of
//      unchanged files where they are (same path, size and mtime; or same content elsewhere)
//   4. move the records of chunks that are now mostly dead into new chunks
//   5. resolve every citation against the new collection; write the graph and the catalog
//   6. write the manifest: the switch from the old state to the new one
//   7. delete the files only the old state used; release the lock
//
// Until step 6 every file the current manifest names is untouched, so a reader, or the next run
// after a kill, sees the old store whole; from step 6 on, the new one.
import { findChangedFiles } from "./find-changed-files.js";
import { chmod, mkdir, readdir, rm, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { availableParallelism } from "node:os";
import { writeJsonLinesAtomic, TEMP_MARKER } from "../store/atomic-write.js";
import { buildCitationGraph } from "./build-citation-graph.js";
import { writeCitesIndex } from "./write-cites-index.js";
import { assignCollectionIds, type DuplicateFile } from "./document-identity.js";
import { KnowledgeBase } from "./knowledge-base.js";
import { listSourceFiles, type SkippedFile, type SourceListing } from "./list-source-files.js";
import { parserVersion } from "./package-info.js";
import { readSources } from "./parse-pool.js";
import { StringPool } from "./string-pool.js";
import { updateSearchIndex, type SearchIndexUpdate } from "./update-search-index.js";
import { ChunkWriter, chunkNumber, DamagedLineError, readChunk } from "./record-chunks.js";
import { readStore, type StoreState } from "./read-store.js";
import { writeChecksummedManifest } from "../store/checksummed-manifest.js";
import { CollectionIndex, findDateConflicts, type PlacedFact } from "./resolve-citations.js";
import { SourceFolderError, StoreError } from "../store/store-errors.js";
import { acquireStoreLock } from "../store/write-lock.js";
import {
  DEFAULT_STORE_DIR,
  MANIFEST_FILE,
  RECORDS_DIR,
  SEARCH_DIR,
  STORE_FILE_NAMES,
  STORE_FORMAT,
  STORE_FORMAT_VERSION,
  type CatalogEntry,
  type CitationFact,
  type CitationStatus,
  type GraphDocument,
  type StoredFile,
  type StoreManifestBody,
} from "./store-format.js";
import { LOCK_FILE } from "../store/write-lock.js";

/** Where an index run is: reading files (with counts of files and bytes), or writing the store. */
export interface IndexProgress {
  phase: "reading" | "writing";
  /** files to read in this run (new and changed ones) and how many are done */
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  /** the file just read */
  path: string | null;
}

/** Options of `indexFolder`. */
export interface IndexFolderOptions {
  /** the store directory (default `.vanban` in the working directory) */
  store?: string;
  /** parse on this many threads (default: the machine's cores, at most 4) */
  jobs?: number;
  /** called as files are read */
  onProgress?: (progress: IndexProgress) => void;
  /** told what is worth telling: a stale lock taken over, a damaged store rebuilt, waiting for another writer */
  onMessage?: (message: string) => void;
  /** how long to wait for another writer before refusing, in ms (default 10 000) */
  lockWaitMs?: number;
  /** bring the store's search index up to date too, under the same lock (default true) */
  searchIndex?: boolean;
}

/** What an index run did. */
export interface IndexReport {
  /** the store directory (absolute) */
  store: string;
  generation: number;
  /** documents in the store now */
  documents: number;
  /** documents found under the paths given (when none, the store is left as it was) */
  listed: number;
  /** files read and parsed in this run */
  parsed: number;
  /** documents whose records were kept from the previous run */
  unchanged: number;
  /** documents of the previous run that are gone */
  removed: number;
  /** files that could not be indexed, with the reason */
  skipped: SkippedFile[];
  /** files whose content another file of the collection has too: one document with several paths */
  duplicates: DuplicateFile[];
  /** false when nothing had changed and the store was left as it was */
  changed: boolean;
  /** how many citations have each status */
  citations: Record<CitationStatus, number>;
  conflicts: number;
  /** what was done to the search index (null when `searchIndex: false`) */
  search: SearchIndexUpdate | null;
}

const FILE_MODE_DIR = 0o700;

/** Files and folders a store directory may hold besides the manifest: anything else means it is not a store. */
function isStoreFile(name: string): boolean {
  return (
    name === MANIFEST_FILE ||
    name === LOCK_FILE ||
    name === `${LOCK_FILE}.break` ||
    name === RECORDS_DIR ||
    name === SEARCH_DIR ||
    STORE_FILE_NAMES.catalog.test(name) ||
    STORE_FILE_NAMES.graph.test(name) ||
    STORE_FILE_NAMES.cites.test(name) ||
    (name.includes(TEMP_MARKER) && (name.startsWith(MANIFEST_FILE) || name.startsWith("catalog-") || name.startsWith("graph-") || name.startsWith("cites-")))
  );
}

// Creates the store directory readable by its owner only, or checks that an existing one is a
// store (or empty): the store deletes its own files, and must never do so in a folder of other files.
async function prepareStoreDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: FILE_MODE_DIR });
  const names = await readdir(dir);
  const foreign = names.filter((n) => !isStoreFile(n));
  if (foreign.length > 0 && !names.includes(MANIFEST_FILE)) {
    throw new StoreError("not-a-store", dir, `${dir} is not a vanban store and is not empty (it holds ${basename(foreign[0]!)})`, "give an empty or new directory with --store");
  }
  if (((await stat(dir)).mode & 0o777) !== FILE_MODE_DIR) await chmod(dir, FILE_MODE_DIR);
  await mkdir(join(dir, RECORDS_DIR), { mode: FILE_MODE_DIR }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error;
  });
}

/** The store's own files that `manifest` does not name (left by a killed writer, or by the state before the switch). */
async function unreferencedFiles(dir: string, manifest: StoreManifestBody | null): Promise<string[]> {
  const keep = new Set<string>(manifest ? [manifest.catalog.file, manifest.graph.file, manifest.cites.data.file, manifest.cites.blocks.file, ...manifest.chunks.map((c) => c.file)] : []);
  const out: string[] = [];
  for (const name of await readdir(dir)) {
    if (name === MANIFEST_FILE || name === LOCK_FILE || name === `${LOCK_FILE}.break` || name === RECORDS_DIR || name === SEARCH_DIR) continue;
    if (isStoreFile(name) && !keep.has(name)) out.push(name);
  }
  for (const name of await readdir(join(dir, RECORDS_DIR)).catch(() => [] as string[])) {
    const rel = `${RECORDS_DIR}/${name}`;
    if ((STORE_FILE_NAMES.chunk.test(name) || (name.startsWith("chunk-") && name.includes(TEMP_MARKER))) && !keep.has(rel)) out.push(rel);
  }
  return out;
}

/** The highest generation and chunk numbers on disk, so that new files never take a name in use. */
async function highestNumbers(dir: string): Promise<{ generation: number; chunk: number }> {
  let generation = 0;
  let chunk = -1;
  for (const name of await readdir(dir)) {
    const m = /^(?:catalog|graph|cites)-(\d+)\./.exec(name);
    if (m) generation = Math.max(generation, Number(m[1]));
  }
  for (const name of await readdir(join(dir, RECORDS_DIR)).catch(() => [] as string[])) {
    const n = chunkNumber(name.replace(new RegExp(`${TEMP_MARKER.replace(".", "\\.")}.*$`), ""));
    if (n !== null) chunk = Math.max(chunk, n);
  }
  return { generation, chunk };
}

/** A document of the new state while it is being assembled. */
interface Assembled {
  entry: CatalogEntry;
  facts: CitationFact[];
}

function emptyCounts(): Record<CitationStatus, number> {
  return { resolved: 0, ambiguous: 0, "not-in-collection": 0, conflict: 0, self: 0 };
}

/**
 * Resolves every citation against the collection and builds the citation graph: the graph file's
 * content for a set of documents (sorted by path).
 */
function buildGraphState(documents: readonly Assembled[]): StoreState["graph"] {
  const index = new CollectionIndex(documents.map((d) => ({ id: d.entry.id, key: d.entry.key, date: d.entry.date?.iso ?? null, issuer: d.entry.issuer })));
  const resolutions = documents.map((d) => d.facts.map((f) => index.resolve(f, d.entry.id)));
  const placed: PlacedFact[] = documents.flatMap((d, i) => d.facts.map((fact, citation) => ({ id: d.entry.id, citation, fact, resolution: resolutions[i]![citation]! })));
  const conflicts = findDateConflicts(placed);
  const built = buildCitationGraph(documents.map((d, i) => ({ id: d.entry.id, key: d.entry.key, facts: d.facts, resolutions: resolutions[i]! })));
  const graphDocuments: GraphDocument[] = documents.map((d, i) => ({ t: "doc", id: d.entry.id, facts: d.facts, resolutions: resolutions[i]!, nodes: built.nodes[i]! }));
  return { documents: graphDocuments, edges: built.edges, references: built.references, conflicts };
}

/**
 * Reads the documents under `paths` (folders, recursively, or files) into the store, re-reading
 * only files that changed since the last run and dropping those that are gone. Never stops on a
 * bad file: it is listed in `skipped` and the rest are indexed. Throws a `StoreError` when the
 * store is locked by another writer (after waiting) or the directory is not a store.
 * @example
 * const report = await indexFolder(["corpus"], { store: ".vanban", onProgress: (p) => console.log(p.filesDone, p.filesTotal) });
 * console.log(`${report.documents} documents, ${report.skipped.length} skipped`);
 */
export async function indexFolder(paths: string | readonly string[], options: IndexFolderOptions = {}): Promise<IndexReport> {
  const dir = resolve(options.store ?? DEFAULT_STORE_DIR);
  const roots = (typeof paths === "string" ? [paths] : [...paths]).map((p) => resolve(p));
  // Listed before the store is touched: a folder given that cannot be read changes nothing.
  const listing = listSourceFiles(roots);
  refuseUnreadableRoots(listing.skipped);
  await prepareStoreDir(dir);
  const lock = await acquireStoreLock(dir, { waitMs: options.lockWaitMs ?? 10_000, onMessage: options.onMessage, command: "vanban index" });
  try {
    return await indexUnderLock(dir, roots, listing, options);
  } finally {
    await lock.release();
  }
}

async function indexUnderLock(dir: string, roots: string[], listing: SourceListing, options: IndexFolderOptions): Promise<IndexReport> {
  let previous: StoreState | null = null;
  try {
    previous = await readStore(dir, { verify: "none" });
  } catch (error) {
    if (!(error instanceof StoreError) || error.problem === "not-a-store") throw error;
    if (error.problem !== "missing") options.onMessage?.(`${error.reason}; rebuilding it`);
  }
  // Leftovers of a killed run are deleted now; with a damaged store, only after the switch, so a
  // damaged store is never made worse before a good one replaces it.
  if (previous) for (const file of await unreferencedFiles(dir, previous.manifest)) await rm(join(dir, file), { force: true });

  const parser = parserVersion();
  const reusable = previous && previous.manifest.parser === parser ? previous : null;
  const files = [...new Set(listing.files.map((f) => resolve(f)))].sort();
  const skipped: SkippedFile[] = [...listing.skipped];
  // No document at all under the paths given is far likelier a mistyped folder than a collection
  // emptied on purpose: the store is left as it was.
  if (files.length === 0) {
    if (previous) return report(dir, previous, { listed: 0, parsed: 0, unchanged: 0, removed: 0, skipped, duplicates: [], changed: false, search: null });
    return { store: dir, generation: 0, documents: 0, listed: 0, parsed: 0, unchanged: 0, removed: 0, skipped, duplicates: [], changed: false, citations: emptyCounts(), conflicts: 0, search: null };
  }
  // Records are reused only from chunks that are whole: the documents of a damaged chunk are read
  // again from their files, so `vanban index` is always the cure for a damaged store.
  const damagedChunks = new Set<string>();
  for (const chunk of reusable?.manifest.chunks ?? []) {
    try {
      await readChunk(dir, chunk);
    } catch (error) {
      if (!(error instanceof DamagedLineError) && (error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      damagedChunks.add(chunk.file);
      options.onMessage?.(`the store ${dir} is damaged: ${error instanceof DamagedLineError ? error.message : `${chunk.file} is missing`}; reading its documents again`);
    }
  }

  const previousByPath = new Map<string, number>();
  const previousBySha = new Map<string, number>();
  reusable?.catalog.forEach((e, i) => {
    if (damagedChunks.has(e.chunk)) return;
    previousByPath.set(e.path, i);
    if (!previousBySha.has(e.sha256)) previousBySha.set(e.sha256, i);
  });
  const assembled: Assembled[] = [];
  // The facts of every document stay in memory until the graph is written: one copy of each string.
  const pool = new StringPool();
  const reuse = (i: number, path: string, size: number, mtimeMs: number) => {
    const old = reusable!.catalog[i]!;
    assembled.push({ entry: { ...old, path, size, mtimeMs }, facts: reusable!.graph.documents[i]!.facts });
  };

  const changed = await findChangedFiles(
    files,
    (path, info) => {
      const old = previousByPath.get(path);
      if (old === undefined || reusable!.catalog[old]!.size !== info.size || reusable!.catalog[old]!.mtimeMs !== info.mtimeMs) return false;
      reuse(old, path, info.size, info.mtimeMs);
      return true;
    },
    skipped,
  );
  const { toRead, bytesTotal } = changed;
  let unchanged = changed.unchanged;

  const highest = await highestNumbers(dir);
  const generation = Math.max(previous?.manifest.generation ?? 0, highest.generation) + 1;
  const writer = new ChunkWriter(dir, Math.max(previous?.manifest.nextChunk ?? 0, highest.chunk + 1));
  let parsed = 0;
  const progress: IndexProgress = { phase: "reading", filesDone: 0, filesTotal: toRead.length, bytesDone: 0, bytesTotal, path: null };
  options.onProgress?.({ ...progress });
  try {
    const known = new Set(previousBySha.keys());
    const jobs = Math.max(1, options.jobs ?? Math.min(4, availableParallelism()));
    await readSources(toRead, known, jobs, async (result) => {
      if (result.kind === "parsed") {
        const at = await writer.append(result.line, result.lineSha256);
        assembled.push({ entry: { ...result.fields, ...at }, facts: result.facts.map((f) => pool.fact(f)) });
        parsed++;
      } else if (result.kind === "known") {
        reuse(previousBySha.get(result.sha256)!, result.path, result.size, result.mtimeMs);
        unchanged++;
      } else {
        skipped.push({ path: result.path, reason: result.reason, root: false });
      }
      progress.filesDone++;
      progress.bytesDone += result.kind === "skipped" ? 0 : result.kind === "known" ? result.size : result.fields.size;
      progress.path = result.kind === "parsed" ? result.fields.path : result.path;
      options.onProgress?.({ ...progress });
    });
    options.onProgress?.({ ...progress, phase: "writing", path: null });

    assembled.sort((a, b) => (a.entry.path < b.entry.path ? -1 : a.entry.path > b.entry.path ? 1 : 0));
    const duplicates = assignCollectionIds(assembled.map((a) => a.entry));
    const present = new Set(assembled.map((a) => a.entry.path));
    const removed = (previous?.catalog ?? []).filter((e) => !present.has(e.path)).length;
    const keptChunks = await compactChunks(dir, reusable, assembled, writer);
    const sameFiles =
      reusable !== null &&
      parsed === 0 &&
      removed === 0 &&
      damagedChunks.size === 0 &&
      keptChunks.relocated === 0 &&
      assembled.length === reusable.catalog.length &&
      assembled.every((a, i) => {
        const old = reusable.catalog[i]!;
        return a.entry.path === old.path && a.entry.size === old.size && a.entry.mtimeMs === old.mtimeMs && a.entry.id === old.id;
      }) &&
      JSON.stringify(reusable.manifest.roots) === JSON.stringify(roots);
    if (sameFiles) {
      await writer.abort();
      const search = await searchIndexOf(new KnowledgeBase(reusable), options);
      return report(dir, reusable, { listed: files.length, parsed, unchanged, removed: 0, skipped, duplicates, changed: false, search });
    }
    const newChunks = await writer.close();

    const graph = buildGraphState(assembled);
    const catalog = assembled.map((a) => a.entry);
    const graphFile = `graph-${generation}.ndjson`;
    const catalogFile = `catalog-${generation}.ndjson`;
    function* graphLines(): Generator<unknown> {
      yield { t: "graph", format: STORE_FORMAT, formatVersion: STORE_FORMAT_VERSION, documents: catalog.length };
      yield* graph.documents;
      for (const e of graph.edges) yield { t: "edge", ...e };
      for (const r of graph.references) yield { t: "ref", ...r };
      for (const c of graph.conflicts) yield { t: "conflict", ...c };
    }
    const graphWritten = await writeJsonLinesAtomic(join(dir, graphFile), graphLines());
    const catalogWritten = await writeJsonLinesAtomic(join(dir, catalogFile), catalog);
    const cites = await writeCitesIndex(dir, generation, catalog, graph);
    const live = new Set(catalog.map((e) => e.chunk));
    const body: StoreManifestBody = {
      generation,
      parser,
      createdAt: new Date().toISOString(),
      roots,
      documentCount: catalog.length,
      nextChunk: writer.nextNumber,
      catalog: { file: catalogFile, ...catalogWritten },
      graph: { file: graphFile, ...graphWritten },
      cites,
      chunks: [...keptChunks.kept, ...newChunks].filter((c) => live.has(c.file)),
    };
    await writeChecksummedManifest(join(dir, MANIFEST_FILE), STORE_FORMAT, STORE_FORMAT_VERSION, body);
    // The switch is done: what only the old state used goes now.
    for (const file of await unreferencedFiles(dir, body)) await rm(join(dir, file), { force: true });

    const state: StoreState = { dir, manifest: body, catalog, graph };
    const search = await searchIndexOf(new KnowledgeBase(state), options);
    return report(dir, state, { listed: files.length, parsed, unchanged, removed, skipped, duplicates, changed: true, search });
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

// The search index follows the records under the same lock, so the store is never left with one
// that answers for another state.
function searchIndexOf(kb: KnowledgeBase, options: IndexFolderOptions): Promise<SearchIndexUpdate | null> {
  if (options.searchIndex === false) return Promise.resolve(null);
  return updateSearchIndex(kb, { jobs: options.jobs, onMessage: options.onMessage });
}

// A folder given that is missing or cannot be listed is far likelier a typo or a mount gone than a
// collection emptied on purpose: its documents are kept, and the run refuses, naming it.
function refuseUnreadableRoots(skipped: readonly SkippedFile[]): void {
  const roots = skipped.filter((s) => s.root);
  if (roots.length > 0) throw new SourceFolderError(roots);
}

/** A chunk whose live records fill less than this share of it has them moved and is dropped. */
const MIN_LIVE_SHARE = 0.5;

// Records of unchanged files stay in their chunks; a chunk left mostly dead by removed or changed
// files has its live records copied into new chunks, so the store does not grow without end.
async function compactChunks(dir: string, reusable: StoreState | null, assembled: Assembled[], writer: ChunkWriter): Promise<{ kept: StoredFile[]; relocated: number }> {
  if (!reusable) return { kept: [], relocated: 0 };
  const liveBytes = new Map<string, number>();
  const counted = new Set<string>();
  for (const { entry } of assembled) {
    const at = `${entry.chunk}:${entry.offset}`;
    if (counted.has(at)) continue;
    counted.add(at);
    liveBytes.set(entry.chunk, (liveBytes.get(entry.chunk) ?? 0) + entry.length + 1);
  }
  const kept: StoredFile[] = [];
  let relocated = 0;
  for (const chunk of reusable.manifest.chunks) {
    const live = liveBytes.get(chunk.file) ?? 0;
    if (live === 0) continue;
    if (live >= chunk.bytes * MIN_LIVE_SHARE) {
      kept.push(chunk);
      continue;
    }
    const data = await readChunk(dir, chunk);
    const moved = new Map<number, Awaited<ReturnType<ChunkWriter["append"]>>>();
    for (const a of assembled) {
      if (a.entry.chunk !== chunk.file) continue;
      let at = moved.get(a.entry.offset);
      if (!at) {
        // The chunk matched its checksum, so the line's bytes are those its catalog entry hashed.
        at = await writer.append(data.subarray(a.entry.offset, a.entry.offset + a.entry.length), a.entry.lineSha256);
        moved.set(a.entry.offset, at);
        relocated++;
      }
      a.entry = { ...a.entry, ...at };
    }
  }
  return { kept, relocated };
}

function report(dir: string, state: StoreState, run: Pick<IndexReport, "listed" | "parsed" | "unchanged" | "removed" | "skipped" | "duplicates" | "changed" | "search">): IndexReport {
  const citations = emptyCounts();
  for (const d of state.graph.documents) for (const r of d.resolutions) citations[r.status]++;
  return { store: dir, generation: state.manifest.generation, documents: state.catalog.length, ...run, citations, conflicts: state.graph.conflicts.length };
}
