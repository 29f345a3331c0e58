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
import { endianness } from "node:os";
import { join, resolve } from "node:path";
import { z } from "zod";
// One crash-safe writer, one lock and one manifest for every directory the store holds.
import { AtomicFile, TEMP_MARKER, writeFileAtomic, type WrittenFile } from "../store/atomic-write.js";
import { readChecksummedManifest, writeChecksummedManifest } from "../store/checksummed-manifest.js";
import { acquireStoreLock, LOCK_FILE } from "../store/write-lock.js";
import { IndexShard, shardEntryOf, type ShardEntry, type StoredFile, type StoredShard } from "./index-shard.js";
import { CompactIndexBuilder } from "./compact-builder.js";
import { ShardTexts } from "./shard-texts.js";
import { CompactIndex, packPostings, ShardMiniSearch, type PackedPostings } from "./shard-minisearch.js";
import { SearchIndex } from "./search-index.js";
import { prepareDocument } from "./index-document.js";
import type { DocumentRecord } from "../model/record.js";
import type { TextLocation } from "./shard-texts.js";

/** The version of the on-disk format; bumped whenever the files or the analysis change meaning. */
// 2: postings in a binary file of their own. 3: the manifest checksummed (src/store), and reading
// terms (`hoa~hoa2`) indexed beside folded words.
export const INDEX_FORMAT_VERSION = 3;
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

const ManifestShard = z.object({
  name: z.string().regex(/^shard-\d+$/),
  generation: z.number().int().positive(),
  index: StoredFileSchema,
  text: StoredFileSchema,
  postings: StoredFileSchema,
  /** `[id, record.source.sha256]` of every document in the shard */
  documents: z.array(z.tuple([z.string(), z.string()])),
});

/** The manifest of a saved index (the body of `manifest.json`, checksummed: src/store/checksummed-manifest.ts). */
export const IndexManifest = z.object({
  shardSize: z.number().int().positive(),
  documentCount: z.number().int().nonnegative(),
  shards: z.array(ManifestShard),
});
/** The manifest of a saved index. */
export type IndexManifest = z.infer<typeof IndexManifest>;

const DocType = z.object({ code: z.string(), name: z.string() }).nullable();
const ShardDocument = z.object({
  summary: z.object({
    id: z.string(),
    path: z.string().nullable(),
    sha256: z.string(),
    docType: DocType,
    number: z.string().nullable(),
    date: z.string().nullable(),
    issuer: z.string().nullable(),
    title: z.string().nullable(),
    system: z.enum(["state", "party"]).nullable(),
    place: z.string().nullable(),
    year: z.number().int().nullable(),
    cites: z.array(z.string()),
  }),
  segmentEnds: z.array(z.number().int().nonnegative()),
  numberTerms: z.string(),
  refTerms: z.string(),
  text: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]),
});
const ShardFile = z.object({
  format: z.literal(SHARD_FORMAT),
  formatVersion: z.literal(INDEX_FORMAT_VERSION),
  name: z.string(),
  index: z.unknown(),
  documents: z.array(ShardDocument),
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
  /** the content hashes (`record.source.sha256`) of the documents that should be indexed now; when given, a difference makes the result `stale` */
  expectedHashes?: Iterable<string>;
}

/** Thrown by `saveIndex` when another process is writing the same directory: the store's one lock (src/store/write-lock.ts). */
export { LockedError as IndexLockedError } from "../store/write-lock.js";

/** What saving a shard reads of it: its documents' entries and texts, and its index in saved form. */
type SavedShard = Pick<IndexShard, "name" | "entries" | "texts"> & { mini: { toCompact(): CompactIndex } };

/**
 * Writes the postings file: the packed postings (`packPostings`) as little-endian 32-bit integers,
 * the term ranges' starts (one more than the terms) then the postings. Read back as typed arrays
 * with no parsing: as JSON number arrays they were two thirds of a shard file, and parsing them
 * a quarter of a cold start.
 */
async function writePostings(path: string, packed: PackedPostings): Promise<WrittenFile> {
  const file = await AtomicFile.create(path);
  try {
    for (const words of [packed.starts, packed.flat]) {
      const bytes = LITTLE_ENDIAN ? words : words.map(swap32);
      await file.write(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    }
  } catch (error) {
    await file.abort();
    throw error;
  }
  return file.commit();
}

/** The packed postings of a postings file holding `termCount` terms; throws when its size cannot be. */
function readPostingsBytes(data: Buffer, termCount: number): PackedPostings {
  if (data.length % 4 !== 0 || data.length < 4 * (termCount + 1)) throw new Error(`is ${data.length} bytes, too few for ${termCount} terms`);
  // Read in place when the bytes are aligned for 32-bit words (a file's own buffer is); else
  // copied (a small Buffer may sit at any offset of a shared one).
  let words: Int32Array;
  if (data.byteOffset % 4 === 0) words = new Int32Array(data.buffer, data.byteOffset, data.length / 4);
  else {
    words = new Int32Array(data.length / 4);
    new Uint8Array(words.buffer).set(data);
  }
  if (!LITTLE_ENDIAN) for (let i = 0; i < words.length; i++) words[i] = swap32(words[i]!);
  return { starts: words.subarray(0, termCount + 1), flat: words.subarray(termCount + 1) };
}

const LITTLE_ENDIAN = endianness() === "LE";
const swap32 = (v: number): number => ((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | ((v >>> 24) & 0xff);

async function writeShard(shard: SavedShard, dir: string, generation: number): Promise<{ index: StoredFile; text: StoredFile; postings: StoredFile; locations: Map<string, TextLocation> }> {
  const stem = `${shard.name}.${generation}`;
  const locations = new Map<string, TextLocation>();
  const textFile = await AtomicFile.create(join(dir, `${stem}.txt`));
  try {
    let offset = 0;
    for (const id of shard.entries.keys()) {
      const bytes = shard.texts.bytes(id);
      if (!bytes) throw new Error(`vanban search: the stored text of ${id} is missing from ${shard.name}`);
      await textFile.write(bytes);
      locations.set(id, { offset, length: bytes.length });
      offset += bytes.length;
    }
  } catch (error) {
    await textFile.abort();
    throw error;
  }
  const text = await textFile.commit();
  const documents = [...shard.entries.values()].map((entry) => {
    const location = locations.get(entry.summary.id)!;
    return { summary: entry.summary, segmentEnds: entry.segmentEnds, numberTerms: entry.numberTerms, refTerms: entry.refTerms, text: [location.offset, location.length] };
  });
  const { postings: termPostings, ...compact } = shard.mini.toCompact();
  const postings = await writePostings(join(dir, `${stem}.bin`), packPostings(termPostings));
  // One JSON string per shard: bounded by the shard size, far from V8's 512 MiB string limit.
  const json = JSON.stringify({ format: SHARD_FORMAT, formatVersion: INDEX_FORMAT_VERSION, name: shard.name, index: compact, documents });
  const index = await writeFileAtomic(join(dir, `${stem}.json`), json);
  return { index: { file: `${stem}.json`, ...index }, text: { file: `${stem}.txt`, ...text }, postings: { file: `${stem}.bin`, ...postings }, locations };
}

/**
 * Saves the index in `dir` (created with mode 0o700; files 0o600), writing only the shards that
 * changed since they were last saved there, then the manifest, then deleting files no longer
 * referenced. One writer per directory (a lock file enforces it).
 * @example await saveIndex(index, ".vanban/search");
 */
export async function saveIndex(index: SearchIndex, dir: string): Promise<SaveReport> {
  // Frozen before the first await: the files must all describe one state of the index.
  const thaw = index.freeze();
  try {
    return await saveFrozen(index, resolve(dir));
  } finally {
    thaw();
  }
}

async function saveFrozen(index: SearchIndex, root: string): Promise<SaveReport> {
  return commitShards(root, index.shardSize, async (previousGeneration) => {
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
          shard.texts.attach(join(root, next.text.file), shardFiles.locations);
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
  const shard = { name, entries: new Map<string, ShardEntry>(), texts: new ShardTexts(), mini: new CompactIndexBuilder() };
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

async function loadShard(root: string, entry: IndexManifest["shards"][number]): Promise<IndexShard> {
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
  const shardFile = parsed.data;

  const textPath = join(root, entry.text.file);
  const size = await stat(textPath).then((s) => s.size, () => -1);
  if (size !== entry.text.bytes) throw new CorruptStore(entry.text.file, size < 0 ? "is missing" : `is ${size} bytes, the manifest says ${entry.text.bytes}`);
  if ((await sha256OfFile(textPath)) !== entry.text.sha256) throw new CorruptStore(entry.text.file, "does not match its checksum");

  const postingsPath = join(root, entry.postings.file);
  const postingsData = await readFile(postingsPath).catch((error: NodeJS.ErrnoException) => {
    throw new CorruptStore(entry.postings.file, `cannot be read (${error.code ?? error.message})`);
  });
  if (postingsData.length !== entry.postings.bytes) throw new CorruptStore(entry.postings.file, `is ${postingsData.length} bytes, the manifest says ${entry.postings.bytes}`);
  if (createHash("sha256").update(postingsData).digest("hex") !== entry.postings.sha256) throw new CorruptStore(entry.postings.file, "does not match its checksum");
  const compact = shardFile.index as Omit<CompactIndex, "postings">;
  let packed: PackedPostings;
  try {
    packed = readPostingsBytes(postingsData, Array.isArray(compact?.terms) ? compact.terms.length : 0);
  } catch (error) {
    throw new CorruptStore(entry.postings.file, (error as Error).message);
  }
  let mini: ShardMiniSearch;
  try {
    // The arrays' shapes are checked while the index is rebuilt; a zod pass over millions of
    // numbers would cost more than the rebuild.
    mini = ShardMiniSearch.fromPacked(compact, packed);
  } catch (error) {
    // The terms and the postings are checked together: either file may be the one at fault.
    throw new CorruptStore(entry.index.file, `holds an unreadable index (${(error as Error).message}; its postings are ${entry.postings.file})`);
  }
  const listed = entry.documents;
  if (mini.documentCount !== shardFile.documents.length || listed.length !== shardFile.documents.length) {
    throw new CorruptStore(entry.index.file, "holds a different number of documents than the manifest lists");
  }
  const shard = new IndexShard(entry.name, mini);
  const locations = new Map<string, TextLocation>();
  shardFile.documents.forEach((doc, i) => {
    const [id, sha256] = listed[i]!;
    if (doc.summary.id !== id || doc.summary.sha256 !== sha256 || !mini.has(id)) {
      throw new CorruptStore(entry.index.file, `does not hold document ${id} where the manifest lists it`);
    }
    const [offset, length] = doc.text;
    if (offset + length > entry.text.bytes) throw new CorruptStore(entry.index.file, `points past the end of ${entry.text.file}`);
    shard.restore({ summary: doc.summary, segmentEnds: doc.segmentEnds, numberTerms: doc.numberTerms, refTerms: doc.refTerms });
    locations.set(id, { offset, length });
  });
  shard.texts.attach(textPath, locations);
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
  const stale = options.expectedHashes ? staleness(root, read.manifest, options.expectedHashes) : null;
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
    for (const entry of manifest.shards) index.adoptShard(await loadShard(root, entry));
  } catch (error) {
    index.close();
    if (error instanceof CorruptStore) return corruptResult(root, error.file, error.reason);
    return corruptResult(root, MANIFEST_FILE, (error as Error).message);
  }
  const stale = options.expectedHashes ? staleness(root, manifest, options.expectedHashes) : null;
  return stale ? { status: "stale", index, manifest, ...stale } : { status: "ok", index, manifest };
}
