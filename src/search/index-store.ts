// Saving and loading an index in a directory: per shard a JSON file (terms, documents), a binary
// file of its postings and a text file, and a manifest holding the format version, each file's
// size and SHA-256, and the content hashes of the documents each shard holds. Every file is
// written atomically and files get new names on every save (the shard's generation), and the
// manifest is written last: it is the commit point, so a crash leaves the previous index intact.
// Loading checks everything and reports a stale, corrupt or other-version index as a typed result
// instead of using it.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readdir, readFile, rm, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { z } from "zod";
// One crash-safe writer, one lock and one manifest for every directory the store holds.
import { AtomicFile, TEMP_MARKER, writeFileAtomic } from "../store/atomic-write.js";
import { readChecksummedManifest, writeChecksummedManifest } from "../store/checksummed-manifest.js";
import { acquireStoreLock, LOCK_FILE } from "../store/write-lock.js";
import { IndexShard, shardEntryOf, type ShardEntry, type StoredFile, type StoredShard } from "./index-shard.js";
import { CompactIndexBuilder } from "./compact-builder.js";
import { ShardTexts } from "./shard-texts.js";
import { packPostings, type CompactIndex } from "./shard-minisearch.js";
import { SearchIndex } from "./search-index.js";
import { INDEX_FIELDS, prepareDocument } from "./index-document.js";
import { DiskShard, ShardReadError } from "./disk-shard.js";
import { BLOCK_SIZE, checksumOf, DOC_ROW, halfWordBytes, NO_DOCUMENT, ShardHeader, TERM_ROW, wordBytes } from "./shard-file-format.js";
import type { DocumentRecord } from "../model/record.js";
import type { TextLocation } from "./shard-texts.js";

/** The version of the on-disk format; bumped whenever the files or the analysis change meaning. */
// 2: postings in a binary file of their own. 3: the manifest checksummed (src/store), and reading
// terms (`hoa~hoa2`) indexed beside folded words. 4: shards read in place (shard-file-format.ts):
// a sorted term dictionary in blocks, postings and document records read per term and per hit,
// each checked by its CRC-32 when read.
export const INDEX_FORMAT_VERSION = 4;
const MANIFEST_FORMAT = "vanban-search-index";
const SHARD_FORMAT = "vanban-search-shard";
/** The manifest's file name inside the store directory. */
export const MANIFEST_FILE = "manifest.json";
const SHARD_FILE = /^shard-\d+\.\d+\.(json|txt|bin)$/;

const StoredFileSchema = z.object({
  file: z.string().regex(SHARD_FILE),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

// Checked by hand: zod's per-element checks of every document's pair were most of what reading
// the manifest cost (~100 ms at 10k documents), and it is read by every search.
function isDocumentList(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (const pair of value) {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== "string" || typeof pair[1] !== "string") return false;
  }
  return true;
}

const ManifestShard = z.object({
  name: z.string().regex(/^shard-\d+$/),
  generation: z.number().int().positive(),
  index: StoredFileSchema,
  text: StoredFileSchema,
  postings: StoredFileSchema,
  /** `[id, record.source.sha256]` of every document in the shard */
  documents: z.custom<[string, string][]>(isDocumentList, "not a list of [id, sha256] pairs"),
});

/** The manifest of a saved index (the body of `manifest.json`, checksummed: src/store/checksummed-manifest.ts). */
export const IndexManifest = z.object({
  shardSize: z.number().int().positive(),
  /**
   * What the index was last found to hold exactly (the SHA-256 of the store's catalog): a reader
   * given the same source needs not compare every document (see `LoadIndexOptions.expectedSource`)
   */
  source: z.string().optional(),
  documentCount: z.number().int().nonnegative(),
  shards: z.array(ManifestShard),
});
/** The manifest of a saved index. */
export type IndexManifest = z.infer<typeof IndexManifest>;

const ShardFile = ShardHeader.extend({
  format: z.literal(SHARD_FORMAT),
  formatVersion: z.literal(INDEX_FORMAT_VERSION),
});

/** What `saveIndex` did. */
export interface SaveReport {
  /** shards written in this save */
  written: string[];
  /** shards whose files were already up to date */
  unchanged: string[];
  /** files of earlier saves (or of interrupted ones) deleted */
  deleted: string[];
}

/** A document the index holds, by id and content hash. */
export interface IndexedDocumentRef {
  id: string;
  sha256: string;
}

/** The outcome of `loadIndex`: a usable index, or why it cannot be used as it is. */
export type LoadIndexResult =
  | { status: "ok"; index: SearchIndex; manifest: IndexManifest }
  | {
      status: "stale";
      /** the loaded index, to update (`remove` the removed ids, add the added documents, `saveIndex`) */
      index: SearchIndex;
      manifest: IndexManifest;
      /** content hashes of current documents the index does not hold */
      added: string[];
      /** indexed documents whose content is no longer current */
      removed: IndexedDocumentRef[];
      message: string;
    }
  | { status: "missing"; message: string }
  | { status: "other-version"; found: unknown; expected: number; message: string }
  | { status: "corrupt"; file: string; reason: string; message: string };

/** Options of `loadIndex`. */
export interface LoadIndexOptions {
  /**
   * `quick` (default): the manifest and the shard headers are checked whole, the other files by
   * size, and each part of them by its CRC-32 when a query reads it (a damaged part fails that
   * query with a `ShardReadError`); `full`: every file's SHA-256 is checked and every part read
   * once now (what an index run does before trusting an index it keeps)
   */
  verify?: "quick" | "full";
  /** the content hashes (`record.source.sha256`) of the documents that should be indexed now; when given, a difference makes the result `stale` */
  expectedHashes?: Iterable<string> | (() => Promise<Iterable<string>>);
  /**
   * the source the index must have been saved with (`SaveIndexOptions.source`) to be taken as up
   * to date without `expectedHashes` (which are then not asked for: reading them grows with the
   * collection)
   */
  expectedSource?: string;
}

/** Thrown by `saveIndex` when another process is writing the same directory: the store's one lock (src/store/write-lock.ts). */
export { LockedError as IndexLockedError } from "../store/write-lock.js";

/** What saving a shard reads of it: its documents' entries and texts, and its index in saved form. */
type SavedShard = Pick<IndexShard, "name" | "entries" | "texts"> & { compact(): CompactIndex };

/** Writes the shard's files in the layout of shard-file-format.ts; returns them and where each text went. */
async function writeShard(shard: SavedShard, dir: string, generation: number): Promise<{ index: StoredFile; text: StoredFile; postings: StoredFile; locations: Map<string, TextLocation> }> {
  const stem = `${shard.name}.${generation}`;
  const compact = shard.compact();
  const slots = compact.nextId;
  const fieldCount = INDEX_FIELDS.length;
  const shortIdOf = new Map(compact.ids.map((id, i) => [id, compact.shortIds[i]!]));
  const docRows = new Uint32Array(slots * DOC_ROW).fill(NO_DOCUMENT);
  const locations = new Map<string, TextLocation>();

  // The texts, then the records, each located and checksummed in the document table.
  const textFile = await AtomicFile.create(join(dir, `${stem}.txt`));
  try {
    let offset = 0;
    const put = async (id: string, bytes: Uint8Array, column: number): Promise<TextLocation> => {
      const shortId = shortIdOf.get(id);
      if (shortId === undefined) throw new Error(`vanban search: ${id} is not in the index of ${shard.name}`);
      if (offset + bytes.length > 0xfffffffe) throw new Error(`vanban search: ${shard.name} holds more text than one file of it can`);
      await textFile.write(bytes);
      const location = { offset, length: bytes.length, crc: checksumOf(bytes) };
      docRows.set([location.offset, location.length, location.crc], shortId * DOC_ROW + column);
      offset += bytes.length;
      return location;
    };
    for (const id of shard.entries.keys()) {
      const bytes = shard.texts.bytes(id);
      if (!bytes) throw new Error(`vanban search: the stored text of ${id} is missing from ${shard.name}`);
      locations.set(id, await put(id, bytes, 0));
    }
    for (const [id, entry] of shard.entries) {
      const record: ShardEntry = { summary: entry.summary, segmentEnds: entry.segmentEnds, numberTerms: entry.numberTerms, refTerms: entry.refTerms };
      await put(id, Buffer.from(JSON.stringify(record), "utf8"), 3);
    }
  } catch (error) {
    await textFile.abort();
    throw error;
  }
  const text = await textFile.commit();

  // The terms in JS string order (the order lookups binary-search), their postings in that order.
  const order = compact.terms.map((_, i) => i).sort((x, y) => (compact.terms[x]! < compact.terms[y]! ? -1 : 1));
  const terms = order.map((i) => compact.terms[i]!);
  if (terms.some((term) => term.includes("\n"))) throw new Error(`vanban search: a term of ${shard.name} holds a line break`);
  const packed = packPostings(order.map((i) => compact.postings[i]!));
  const termTable = new Uint32Array(terms.length * TERM_ROW);
  const flatBytes = wordBytes(packed.flat);
  for (let t = 0; t < terms.length; t++) {
    const start = packed.starts[t]!;
    const end = packed.starts[t + 1]!;
    termTable.set([start, end, checksumOf(flatBytes.subarray(start * 4, end * 4))], t * TERM_ROW);
  }
  const lengths = new Uint16Array(slots * fieldCount);
  compact.shortIds.forEach((shortId, i) => {
    for (let f = 0; f < fieldCount; f++) lengths[shortId * fieldCount + f] = Math.min(compact.fieldLengths[i * fieldCount + f]!, 0xffff);
  });
  const blocks: ShardHeader["blocks"] = [];
  const dictionaryParts: Buffer[] = [];
  let dictionaryBytes = 0;
  for (let b = 0; b * BLOCK_SIZE < terms.length; b++) {
    const block = terms.slice(b * BLOCK_SIZE, (b + 1) * BLOCK_SIZE);
    const bytes = Buffer.from(block.join("\n"), "utf8");
    blocks.push([block[0]!, dictionaryBytes, bytes.length, checksumOf(bytes)]);
    dictionaryParts.push(bytes);
    dictionaryBytes += bytes.length;
  }
  const idSlots = new Array<string>(slots).fill("");
  compact.shortIds.forEach((shortId, i) => (idSlots[shortId] = compact.ids[i]!));
  if (idSlots.some((id) => id.includes("\n"))) throw new Error(`vanban search: a document id of ${shard.name} holds a line break`);
  const idBytes = Buffer.from(idSlots.join("\n"), "utf8");

  const parts: [keyof ShardHeader["sections"], Uint8Array[]][] = [
    ["terms", [wordBytes(termTable)]],
    ["postings", [flatBytes]],
    ["docs", [wordBytes(docRows)]],
    ["lengths", [halfWordBytes(lengths)]],
    ["dictionary", dictionaryParts],
    ["ids", [idBytes]],
  ];
  const sections = {} as Record<keyof ShardHeader["sections"], [number, number] | [number, number, number]>;
  const binFile = await AtomicFile.create(join(dir, `${stem}.bin`));
  try {
    let at = 0;
    for (const [name, chunks] of parts) {
      const length = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
      for (const chunk of chunks) await binFile.write(chunk);
      sections[name] = name === "lengths" || name === "ids" ? [at, length, checksumOf(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks))] : [at, length];
      at += length;
    }
  } catch (error) {
    await binFile.abort();
    throw error;
  }
  const postings = await binFile.commit();
  const header: ShardHeader = {
    name: shard.name,
    nextId: slots,
    documentCount: compact.ids.length,
    averageFieldLength: compact.averageFieldLength,
    termCount: terms.length,
    blocks,
    sections: sections as ShardHeader["sections"],
  };
  const index = await writeFileAtomic(join(dir, `${stem}.json`), JSON.stringify({ format: SHARD_FORMAT, formatVersion: INDEX_FORMAT_VERSION, ...header }));
  return { index: { file: `${stem}.json`, ...index }, text: { file: `${stem}.txt`, ...text }, postings: { file: `${stem}.bin`, ...postings }, locations };
}

/**
 * Saves the index in `dir` (created with mode 0o700; files 0o600), writing only the shards that
 * changed since they were last saved there, then the manifest, then deleting files no longer
 * referenced. One writer per directory (a lock file enforces it).
 * @example await saveIndex(index, ".vanban/search");
 */
export async function saveIndex(index: SearchIndex, dir: string, options: SaveIndexOptions = {}): Promise<SaveReport> {
  // Frozen before the first await: the files must all describe one state of the index.
  const thaw = index.freeze();
  try {
    return await saveFrozen(index, resolve(dir), options.source);
  } finally {
    thaw();
  }
}

/** Options of `saveIndex`. */
export interface SaveIndexOptions {
  /** what the index holds exactly, recorded in the manifest (see `IndexManifest.source`) */
  source?: string;
}

async function saveFrozen(index: SearchIndex, root: string, source: string | undefined): Promise<SaveReport> {
  return commitShards(root, index.shardSize, source, async (previousGeneration) => {
    const written: string[] = [];
    const unchanged: string[] = [];
    const entries: ShardManifestEntry[] = [];
    const attach: (() => void)[] = [];
    for (const shard of index.shards) {
      if (shard.size === 0) continue;
      const stored = shard.stored;
      const upToDate = !shard.dirty && stored !== null && stored.dir === root && previousGeneration.get(shard.name) === stored.generation;
      let files = stored;
      if (!upToDate || !files) {
        const generation = Math.max(previousGeneration.get(shard.name) ?? 0, stored?.generation ?? 0) + 1;
        const shardFiles = await writeShard(shard, root, generation);
        files = { dir: root, generation, index: shardFiles.index, text: shardFiles.text, postings: shardFiles.postings };
        const next = files;
        attach.push(() => {
          shard.texts.attach(join(root, next.text.file), (id) => shardFiles.locations.get(id), shardFiles.locations.keys());
          shard.stored = next;
          shard.dirty = false;
        });
        written.push(shard.name);
      } else {
        unchanged.push(shard.name);
      }
      entries.push(manifestEntry(shard, files.generation, files));
    }
    return { entries, written, unchanged, onCommitted: () => attach.forEach((step) => step()) };
  });
}

/** A shard's line in the manifest. */
export type ShardManifestEntry = IndexManifest["shards"][number];

function manifestEntry(shard: Pick<IndexShard, "name" | "entries">, generation: number, files: Pick<StoredShard, "index" | "text" | "postings">): ShardManifestEntry {
  return { name: shard.name, generation, index: files.index, text: files.text, postings: files.postings, documents: [...shard.entries.values()].map((entry) => [entry.summary.id, entry.summary.sha256] as [string, string]) };
}

/**
 * Builds the shard `name` from `records` and writes its files into the index directory `dir`
 * (with the given generation, which must be new for that name); returns its manifest entry. The
 * part of a build that can run in a worker thread: the files count only once `commitShards`
 * names them in the manifest.
 */
export async function writeShardFiles(name: string, records: AsyncIterable<DocumentRecord> | Iterable<DocumentRecord>, dir: string, generation: number): Promise<ShardManifestEntry> {
  // Built straight into its saved form (see compact-builder.ts): nothing queries this shard.
  const builder = new CompactIndexBuilder();
  const shard = { name, entries: new Map<string, ShardEntry>(), texts: new ShardTexts(), mini: builder, compact: () => builder.toCompact() };
  try {
    for await (const record of records) {
      if (shard.entries.has(record.id)) throw new Error(`vanban search: document ${record.id} is already indexed`);
      const prepared = prepareDocument(record);
      const { entry, terms } = shardEntryOf(prepared);
      shard.mini.addTerms(entry.summary.id, terms);
      shard.entries.set(entry.summary.id, entry);
      shard.texts.set(entry.summary.id, prepared.text);
    }
    const files = await writeShard(shard, resolve(dir), generation);
    return manifestEntry(shard, generation, files);
  } finally {
    shard.texts.close();
  }
}

/**
 * Writes an index's manifest under the directory's lock: `build` is given the generation of each
 * shard name in the manifest being replaced (new files must take a higher one), writes the shard
 * files, and returns the entries of the new manifest. Files the new manifest does not name are
 * deleted after it is written. Used by `saveIndex` and by builds that write their shards in
 * worker threads.
 */
export async function commitShards(
  dir: string,
  shardSize: number,
  source: string | undefined,
  build: (previousGeneration: ReadonlyMap<string, number>) => Promise<{ entries: ShardManifestEntry[]; written: string[]; unchanged: string[]; onCommitted?: () => void }>,
): Promise<SaveReport> {
  const root = resolve(dir);
  await mkdir(root, { recursive: true, mode: 0o700 });
  const lock = await acquireStoreLock(root, { command: "saving the search index" });
  try {
    const previous = await readChecksummedManifest(join(root, MANIFEST_FILE), MANIFEST_FORMAT, INDEX_FORMAT_VERSION, IndexManifest);
    const previousGeneration = new Map<string, number>();
    if (previous.status === "ok") for (const shard of previous.body.shards) previousGeneration.set(shard.name, shard.generation);
    const built = await build(previousGeneration);
    const manifest: IndexManifest = {
      shardSize,
      ...(source !== undefined ? { source } : {}),
      documentCount: built.entries.reduce((n, entry) => n + entry.documents.length, 0),
      shards: built.entries,
    };
    await writeChecksummedManifest(join(root, MANIFEST_FILE), MANIFEST_FORMAT, INDEX_FORMAT_VERSION, manifest);
    built.onCommitted?.();

    const report: SaveReport = { written: built.written, unchanged: built.unchanged, deleted: [] };
    const referenced = new Set(built.entries.flatMap((entry) => [entry.index.file, entry.text.file, entry.postings.file]));
    // Under the lock no other writer has temporary files here: any are leftovers of a crash.
    for (const name of await readdir(root)) {
      const ours = SHARD_FILE.test(name) || (name.includes(TEMP_MARKER) && (name.startsWith("shard-") || name.startsWith(MANIFEST_FILE)));
      if (name === LOCK_FILE) continue;
      if (ours && !referenced.has(name)) {
        await rm(join(root, name), { force: true });
        report.deleted.push(name);
      }
    }
    return report;
  } finally {
    await lock.release();
  }
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

class CorruptStore extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(reason);
  }
}

async function checkSize(root: string, stored: StoredFile): Promise<void> {
  const size = await stat(join(root, stored.file)).then((s) => s.size, () => -1);
  if (size !== stored.bytes) throw new CorruptStore(stored.file, size < 0 ? "is missing" : `is ${size} bytes, the manifest says ${stored.bytes}`);
}

async function checkFile(root: string, stored: StoredFile): Promise<void> {
  await checkSize(root, stored);
  if ((await sha256OfFile(join(root, stored.file))) !== stored.sha256) throw new CorruptStore(stored.file, "does not match its checksum");
}

// Opens a shard to be read in place: its header is read and checked whole; its postings and text
// files only by size (`quick`), their parts by CRC-32 when read, or whole by SHA-256 and every
// part read once (`full`).
async function loadShard(root: string, entry: IndexManifest["shards"][number], verify: "quick" | "full"): Promise<IndexShard> {
  const indexPath = join(root, entry.index.file);
  const data = await readFile(indexPath).catch((error: NodeJS.ErrnoException) => {
    throw new CorruptStore(entry.index.file, `cannot be read (${error.code ?? error.message})`);
  });
  if (data.length !== entry.index.bytes) throw new CorruptStore(entry.index.file, `is ${data.length} bytes, the manifest says ${entry.index.bytes}`);
  if (createHash("sha256").update(data).digest("hex") !== entry.index.sha256) throw new CorruptStore(entry.index.file, "does not match its checksum");
  let parsed;
  try {
    parsed = ShardFile.safeParse(JSON.parse(data.toString("utf8")));
  } catch (error) {
    throw new CorruptStore(entry.index.file, `is not valid JSON (${(error as Error).message})`);
  }
  if (!parsed.success || parsed.data.name !== entry.name) throw new CorruptStore(entry.index.file, "does not hold the shard the manifest names");
  if (parsed.data.documentCount !== entry.documents.length) throw new CorruptStore(entry.index.file, "holds a different number of documents than the manifest lists");
  for (const stored of [entry.text, entry.postings]) await (verify === "full" ? checkFile(root, stored) : checkSize(root, stored));
  let disk: DiskShard;
  try {
    disk = new DiskShard(parsed.data, root, { bin: entry.postings.file, txt: entry.text.file }, entry.documents.map(([id]) => id));
  } catch (error) {
    if (error instanceof ShardReadError) throw new CorruptStore(error.file, error.reason);
    throw new CorruptStore(entry.postings.file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const shard = new IndexShard(entry.name, disk);
  if (verify === "full") {
    try {
      // Every part read once: the whole index (its postings' layout checked), every record and text.
      disk.toMemory();
      for (const [id, doc] of disk.entries()) {
        if (doc.summary.sha256 !== entry.documents.find(([listed]) => listed === id)?.[1]) throw new ShardReadError(entry.text.file, `holds a record of ${id} the manifest does not list`);
        shard.texts.get(id);
      }
    } catch (error) {
      shard.close();
      if (error instanceof ShardReadError) throw new CorruptStore(error.file, error.reason);
      throw new CorruptStore(entry.postings.file, `holds an unreadable index (${(error as Error).message})`);
    }
  }
  shard.dirty = false;
  shard.stored = { dir: root, generation: entry.generation, index: entry.index, text: entry.text, postings: entry.postings };
  return shard;
}

/** The outcome of `checkIndex`: what `loadIndex` would say, from the manifest alone. */
export type IndexCheck =
  | { status: "ok"; manifest: IndexManifest }
  | { status: "stale"; manifest: IndexManifest; added: string[]; removed: IndexedDocumentRef[]; message: string }
  | { status: "missing"; message: string }
  | { status: "other-version"; found: unknown; expected: number; message: string }
  | { status: "corrupt"; file: string; reason: string; message: string };

type ManifestRead =
  | { status: "read"; manifest: IndexManifest }
  | Extract<IndexCheck, { status: "missing" | "other-version" | "corrupt" }>;

function corruptResult(root: string, file: string, reason: string): Extract<IndexCheck, { status: "corrupt" }> {
  return { status: "corrupt", file, reason, message: `the search index in ${root} is damaged: ${file} ${reason}; it must be rebuilt` };
}

async function readManifest(root: string): Promise<ManifestRead> {
  const read = await readChecksummedManifest(join(root, MANIFEST_FILE), MANIFEST_FORMAT, INDEX_FORMAT_VERSION, IndexManifest);
  switch (read.status) {
    case "missing":
      return { status: "missing", message: `no search index in ${root}` };
    case "unreadable":
      return corruptResult(root, MANIFEST_FILE, `cannot be read (${read.code})`);
    case "foreign":
      return corruptResult(root, MANIFEST_FILE, "is not a vanban search index manifest");
    case "other-version":
      return {
        status: "other-version",
        found: read.found,
        expected: INDEX_FORMAT_VERSION,
        message: `the search index in ${root} has format version ${String(read.found)}; this vanban reads version ${INDEX_FORMAT_VERSION} and must rebuild it`,
      };
    case "corrupt":
      return corruptResult(root, MANIFEST_FILE, read.reason);
  }
  const listed = read.body.shards.reduce((sum, shard) => sum + shard.documents.length, 0);
  if (listed !== read.body.documentCount) return corruptResult(root, MANIFEST_FILE, `lists ${listed} documents but counts ${read.body.documentCount}`);
  return { status: "read", manifest: read.body };
}

// What to add and remove to make the index hold exactly `expectedHashes`, or null when it does.
function staleness(root: string, manifest: IndexManifest, expectedHashes: Iterable<string>): { added: string[]; removed: IndexedDocumentRef[]; message: string } | null {
  const expected = new Set(expectedHashes);
  const held = new Set<string>();
  const removed: IndexedDocumentRef[] = [];
  for (const entry of manifest.shards) {
    for (const [id, sha256] of entry.documents) {
      held.add(sha256);
      if (!expected.has(sha256)) removed.push({ id, sha256 });
    }
  }
  const added = [...expected].filter((sha256) => !held.has(sha256));
  if (added.length === 0 && removed.length === 0) return null;
  return { added, removed, message: `the search index in ${root} is out of date: ${added.length} document(s) to add, ${removed.length} to remove` };
}

async function stalenessFor(root: string, manifest: IndexManifest, options: LoadIndexOptions): Promise<ReturnType<typeof staleness>> {
  if (options.expectedSource !== undefined && manifest.source === options.expectedSource) return null;
  const expected = typeof options.expectedHashes === "function" ? await options.expectedHashes() : options.expectedHashes;
  return expected ? staleness(root, manifest, expected) : null;
}

/**
 * Records in the manifest of the index in `dir` that it holds exactly what `source` names (an
 * index found up to date by comparing its documents), so that readers given that source need not
 * compare them again. Does nothing when there is no usable index.
 */
export async function stampIndexSource(dir: string, source: string): Promise<void> {
  const root = resolve(dir);
  const read = await readManifest(root);
  if (read.status !== "read" || read.manifest.source === source) return;
  const lock = await acquireStoreLock(root, { command: "saving the search index" });
  try {
    const again = await readManifest(root);
    if (again.status !== "read" || JSON.stringify(again.manifest.shards) !== JSON.stringify(read.manifest.shards)) return;
    await writeChecksummedManifest(join(root, MANIFEST_FILE), MANIFEST_FORMAT, INDEX_FORMAT_VERSION, { ...again.manifest, source });
  } finally {
    await lock.release();
  }
}

/**
 * Says from the manifest alone whether the index in `dir` is there, of this format version, and
 * (given `expectedHashes`) up to date — cheap, without loading shards; their files are verified
 * by `loadIndex`.
 * @example
 * const check = await checkIndex(".vanban/search", { expectedHashes });
 * if (check.status === "ok") console.log(`up to date (${check.manifest.documentCount} documents)`);
 */
export async function checkIndex(dir: string, options: LoadIndexOptions = {}): Promise<IndexCheck> {
  const root = resolve(dir);
  const read = await readManifest(root);
  if (read.status !== "read") return read;
  const stale = await stalenessFor(root, read.manifest, options);
  return stale ? { status: "stale", manifest: read.manifest, ...stale } : { status: "ok", manifest: read.manifest };
}

/**
 * Loads the index saved in `dir`, verifying the format version and every file's checksum, and,
 * when `expectedHashes` is given, that it holds exactly those documents. Never throws for a
 * missing, corrupt, other-version or stale index: the result says which, with a message.
 * @example
 * const result = await loadIndex(".vanban/search", { expectedHashes: records.map((r) => r.source.sha256) });
 * if (result.status !== "ok") console.error(result.message);
 */
export async function loadIndex(dir: string, options: LoadIndexOptions = {}): Promise<LoadIndexResult> {
  const root = resolve(dir);
  const read = await readManifest(root);
  if (read.status !== "read") return read;
  const manifest = read.manifest;
  const index = new SearchIndex({ shardSize: manifest.shardSize });
  try {
    for (const entry of manifest.shards) index.adoptShard(await loadShard(root, entry, options.verify ?? "quick"));
  } catch (error) {
    index.close();
    if (error instanceof CorruptStore) return corruptResult(root, error.file, error.reason);
    return corruptResult(root, MANIFEST_FILE, (error as Error).message);
  }
  const stale = await stalenessFor(root, manifest, options);
  return stale ? { status: "stale", index, manifest, ...stale } : { status: "ok", index, manifest };
}
