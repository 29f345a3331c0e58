// A saved shard read in place (see shard-file-format.ts): opening it reads its header only; each
// query reads the dictionary blocks, postings, document rows and texts it needs with positioned
// reads, checking each against its CRC-32. What a query needs for every document of the shard
// (field lengths for BM25, ids for ordering ties) is read once, on the first query that needs it:
// two small typed sections, not parsed objects. Filters and updates, which need every document's
// summary or the whole index, load them whole (`entries`, `toMemory`).
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import SearchableMap from "minisearch/SearchableMap";
import type { ShardEntry } from "./index-shard.js";
import { INDEX_FIELDS } from "./index-document.js";
import { BLOCK_SIZE, checksumOf, ShardReadError, DOC_ROW, halfWordsOf, NO_DOCUMENT, TERM_ROW, wordsOf, type ShardHeader, type StoredRange } from "./shard-file-format.js";
import { PackedTermPostings, ShardMiniSearch, type PackedPostings, type ShardPostingsReader, type TermPostings } from "./shard-minisearch.js";

// The most terms' postings, and dictionary blocks, a shard keeps read.
const CACHE_LIMIT = 4096;

/** The files of a saved shard, relative to the index directory. */
export interface ShardFileNames {
  bin: string;
  txt: string;
}

class PositionedFile {
  private readonly fd: number;
  readonly size: number;

  constructor(
    readonly path: string,
    readonly name: string,
  ) {
    this.fd = openSync(path, "r");
    this.size = fstatSync(this.fd).size;
  }

  read(offset: number, length: number): Buffer {
    if (offset + length > this.size) throw new ShardReadError(this.name, `ends before byte ${offset + length}`);
    const buffer = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const n = readSync(this.fd, buffer, done, length - done, offset + done);
      if (n === 0) throw new ShardReadError(this.name, `ends before byte ${offset + length}`);
      done += n;
    }
    return buffer;
  }

  checked(offset: number, length: number, crc: number, what: string): Buffer {
    const bytes = this.read(offset, length);
    if (checksumOf(bytes) !== crc) throw new ShardReadError(this.name, `does not match the checksum of ${what}`);
    return bytes;
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** A saved shard, read in place. */
export class DiskShard implements ShardPostingsReader {
  private readonly bin: PositionedFile;
  private readonly txt: PositionedFile;
  private readonly blockFirsts: string[];
  private readonly blockCache = new Map<number, string[]>();
  private readonly postingsCache = new Map<string, TermPostings | null>();
  private lengths: Uint16Array | null = null;
  private ids: string[] | null = null;
  private shortIds: Map<string, number> | null = null;
  private fuzzyMap: SearchableMap<true> | null = null;

  /** Opens the shard's files; throws a `ShardReadError` when their sizes cannot hold what the header says. */
  constructor(
    readonly header: ShardHeader,
    root: string,
    files: ShardFileNames,
    /** the ids the manifest lists for this shard, in short id order, checked when the ids are read */
    private readonly listedIds: readonly string[],
  ) {
    this.bin = new PositionedFile(`${root}/${files.bin}`, files.bin);
    try {
      this.txt = new PositionedFile(`${root}/${files.txt}`, files.txt);
    } catch (error) {
      this.bin.close();
      throw error;
    }
    const s = header.sections;
    const fieldCount = INDEX_FIELDS.length;
    const fits = [s.terms, s.postings, s.docs, s.lengths, s.dictionary, s.ids].every(([offset, length]) => offset + length <= this.bin.size);
    const shaped =
      s.terms[1] === header.termCount * TERM_ROW * 4 &&
      s.docs[1] === header.nextId * DOC_ROW * 4 &&
      s.lengths[1] >= header.nextId * fieldCount * 2 &&
      header.blocks.length === Math.ceil(header.termCount / BLOCK_SIZE) &&
      header.averageFieldLength.length === fieldCount;
    if (!fits || !shaped) {
      this.close();
      throw new ShardReadError(files.bin, fits ? "does not have the shape its header describes" : "is shorter than its header says");
    }
    this.blockFirsts = header.blocks.map((b) => b[0]);
  }

  get documentCount(): number {
    return this.header.documentCount;
  }

  get slotCount(): number {
    return this.header.nextId;
  }

  fieldLengthSum(fieldId: number): number {
    return (this.header.averageFieldLength[fieldId] ?? 0) * this.header.documentCount;
  }

  fieldLengths(): Uint16Array {
    if (this.lengths) return this.lengths;
    const [offset, length, crc] = this.header.sections.lengths;
    const bytes = this.bin.checked(offset, length, crc, "the field lengths");
    return (this.lengths = halfWordsOf(bytes, this.header.nextId * INDEX_FIELDS.length));
  }

  // The ids by short id ("" where no document is), checked against the manifest's list.
  private idTable(): string[] {
    if (this.ids) return this.ids;
    const [offset, length, crc] = this.header.sections.ids;
    const ids = this.bin.checked(offset, length, crc, "the document ids").toString("utf8").split("\n");
    const live = ids.filter((id) => id !== "");
    if (ids.length !== this.header.nextId || live.length !== this.listedIds.length || live.some((id, i) => id !== this.listedIds[i])) {
      throw new ShardReadError(this.bin.name, "does not hold the documents the manifest lists");
    }
    return (this.ids = ids);
  }

  idOf(shortId: number): string | undefined {
    const id = this.idTable()[shortId];
    return id === "" ? undefined : id;
  }

  shortIdOf(id: string): number | undefined {
    if (!this.shortIds) {
      this.shortIds = new Map();
      this.idTable().forEach((each, shortId) => each !== "" && this.shortIds!.set(each, shortId));
    }
    return this.shortIds.get(id);
  }

  private block(b: number): string[] {
    let terms = this.blockCache.get(b);
    if (terms) return terms;
    const [, offset, length, crc] = this.header.blocks[b]!;
    const bytes = this.bin.checked(this.header.sections.dictionary[0] + offset, length, crc, `dictionary block ${b}`);
    terms = bytes.toString("utf8").split("\n");
    const expected = Math.min(BLOCK_SIZE, this.header.termCount - b * BLOCK_SIZE);
    if (terms.length !== expected || terms[0] !== this.blockFirsts[b]) throw new ShardReadError(this.bin.name, `holds a dictionary block ${b} unlike its header's`);
    if (this.blockCache.size >= CACHE_LIMIT) this.blockCache.clear();
    this.blockCache.set(b, terms);
    return terms;
  }

  // The last block whose first term is at most `term` (-1: before every block).
  private blockAtOrBefore(term: string): number {
    let lo = 0;
    let hi = this.blockFirsts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.blockFirsts[mid]! <= term) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  // The term's number (its rank in the dictionary), or -1.
  private termNumber(term: string): number {
    const b = this.blockAtOrBefore(term);
    if (b < 0) return -1;
    const terms = this.block(b);
    let lo = 0;
    let hi = terms.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = terms[mid]!;
      if (t === term) return b * BLOCK_SIZE + mid;
      if (t < term) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  postings(term: string): TermPostings | undefined {
    const cached = this.postingsCache.get(term);
    if (cached !== undefined) return cached ?? undefined;
    const t = this.termNumber(term);
    const postings = t < 0 ? null : this.readPostings(t, term);
    // A long-lived reader (a server) meets ever more terms: the cache is dropped rather than grown.
    if (this.postingsCache.size >= CACHE_LIMIT) this.postingsCache.clear();
    this.postingsCache.set(term, postings);
    return postings ?? undefined;
  }

  private termRow(t: number): Uint32Array {
    return wordsOf(this.bin.read(this.header.sections.terms[0] + t * TERM_ROW * 4, TERM_ROW * 4), Uint32Array, Uint32Array);
  }

  private readPostings(t: number, term: string): TermPostings {
    const [start, end, crc] = this.termRow(t) as unknown as [number, number, number];
    const [offset, length] = this.header.sections.postings;
    if (end < start || end * 4 > length) throw new ShardReadError(this.bin.name, `holds a bad postings range for "${term}"`);
    const flat = wordsOf(this.bin.checked(offset + start * 4, (end - start) * 4, crc, `the postings of "${term}"`), Int32Array, Int32Array);
    checkPostings(flat, 0, flat.length, this.header.nextId, term, this.bin.name);
    return new PackedTermPostings(flat, 0, flat.length);
  }

  *termsWithPrefix(prefix: string): IterableIterator<string> {
    let b = Math.max(0, this.blockAtOrBefore(prefix));
    for (; b < this.blockFirsts.length; b++) {
      for (const term of this.block(b)) {
        if (term.startsWith(prefix)) yield term;
        else if (term > prefix) return;
      }
    }
  }

  hasPrefix(prefix: string): boolean {
    for (const _ of this.termsWithPrefix(prefix)) return true;
    return false;
  }

  // Typo matching walks a radix tree (MiniSearch's SearchableMap): built from the whole dictionary
  // on the first query that needs it (a long word the collection does not hold), not on start.
  termsNear(term: string, maxDistance: number): Map<string, number> {
    if (!this.fuzzyMap) {
      const map = new SearchableMap<true>();
      for (let b = 0; b < this.blockFirsts.length; b++) for (const each of this.block(b)) map.set(each, true);
      this.fuzzyMap = map;
    }
    const near = new Map<string, number>();
    for (const [found, [, distance]] of this.fuzzyMap.fuzzyGet(term, maxDistance)) near.set(found, distance);
    return near;
  }

  private docRow(shortId: number): Uint32Array | null {
    if (shortId < 0 || shortId >= this.header.nextId) return null;
    const row = wordsOf(this.bin.read(this.header.sections.docs[0] + shortId * DOC_ROW * 4, DOC_ROW * 4), Uint32Array, Uint32Array);
    return row[0] === NO_DOCUMENT ? null : row;
  }

  /** Where the text of `id` lies in the `.txt` file. */
  textLocation(id: string): StoredRange | undefined {
    const shortId = this.shortIdOf(id);
    const row = shortId === undefined ? null : this.docRow(shortId);
    return row ? { offset: row[0]!, length: row[1]!, crc: row[2]! } : undefined;
  }

  /** The `.txt` file's path. */
  get textPath(): string {
    return this.txt.path;
  }

  /** The `.txt` file's name, relative to the index directory. */
  get textName(): string {
    return this.txt.name;
  }

  /** The entry of the document `id` (summary, segment ends, number and reference terms). */
  entry(id: string): ShardEntry | undefined {
    const shortId = this.shortIdOf(id);
    const row = shortId === undefined ? null : this.docRow(shortId);
    if (!row) return undefined;
    return parseEntry(this.txt.checked(row[3]!, row[4]!, row[5]!, `the record of ${id}`), id, this.txt.name);
  }

  /**
   * Every document's entry, in short id order (for filters, listing and updates): the document
   * table and the records (which lie one after another) each in one read, not two reads a document.
   */
  entries(): Map<string, ShardEntry> {
    const all = new Map<string, ShardEntry>();
    const ids = this.idTable();
    const rows = wordsOf(this.bin.read(...this.header.sections.docs), Uint32Array, Uint32Array);
    let start = Infinity;
    let end = 0;
    for (let shortId = 0; shortId < ids.length; shortId++) {
      if (ids[shortId] === "" || rows[shortId * DOC_ROW] === NO_DOCUMENT) continue;
      start = Math.min(start, rows[shortId * DOC_ROW + 3]!);
      end = Math.max(end, rows[shortId * DOC_ROW + 3]! + rows[shortId * DOC_ROW + 4]!);
    }
    if (end === 0) return all;
    const records = this.txt.read(start, end - start);
    ids.forEach((id, shortId) => {
      if (id === "") return;
      const at = shortId * DOC_ROW;
      if (rows[at] === NO_DOCUMENT) throw new ShardReadError(this.bin.name, `has no document row for ${id}`);
      const bytes = records.subarray(rows[at + 3]! - start, rows[at + 3]! - start + rows[at + 4]!);
      if (checksumOf(bytes) !== rows[at + 5]) throw new ShardReadError(this.txt.name, `does not match the checksum of the record of ${id}`);
      all.set(id, parseEntry(bytes, id, this.txt.name));
    });
    return all;
  }

  /** The whole shard as MiniSearch state in memory (to change it). */
  toMemory(): ShardMiniSearch {
    const ids = this.idTable();
    const fieldCount = INDEX_FIELDS.length;
    const lengths = this.fieldLengths();
    const shortIds: number[] = [];
    const liveIds: string[] = [];
    const fieldLengths: number[] = [];
    ids.forEach((id, shortId) => {
      if (id === "") return;
      shortIds.push(shortId);
      liveIds.push(id);
      for (let f = 0; f < fieldCount; f++) fieldLengths.push(lengths[shortId * fieldCount + f]!);
    });
    const terms: string[] = [];
    for (let b = 0; b < this.blockFirsts.length; b++) terms.push(...this.block(b));
    const [offset, length] = this.header.sections.postings;
    const flat = wordsOf(this.bin.read(offset, length), Int32Array, Int32Array);
    const table = wordsOf(this.bin.read(...this.header.sections.terms), Uint32Array, Uint32Array);
    const starts = new Int32Array(terms.length + 1);
    for (let t = 0; t < terms.length; t++) {
      const start = table[t * TERM_ROW]!;
      const end = table[t * TERM_ROW + 1]!;
      if (start !== (t === 0 ? 0 : starts[t]) || end < start || checksumOf(new Uint8Array(flat.buffer, flat.byteOffset + start * 4, (end - start) * 4)) !== table[t * TERM_ROW + 2]) {
        throw new ShardReadError(this.bin.name, `does not match the checksum of the postings of "${terms[t]}"`);
      }
      starts[t + 1] = end;
    }
    if (starts[terms.length] !== flat.length) throw new ShardReadError(this.bin.name, "holds postings its terms do not cover");
    const packed: PackedPostings = { flat, starts };
    return ShardMiniSearch.fromPacked(
      { nextId: this.header.nextId, shortIds, ids: liveIds, fieldLengths, averageFieldLength: this.header.averageFieldLength, terms },
      packed,
    );
  }

  /** Closes the files. */
  close(): void {
    this.bin.close();
    this.txt.close();
  }
}

function parseEntry(bytes: Uint8Array, id: string, file: string): ShardEntry {
  let entry: ShardEntry;
  try {
    entry = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("utf8")) as ShardEntry;
  } catch {
    throw new ShardReadError(file, `holds a record of ${id} that is not JSON`);
  }
  if (entry?.summary?.id !== id) throw new ShardReadError(file, `holds another record where ${id}'s should be`);
  return entry;
}

// A term's postings must hold whole fields (field id, count, that many rising short id deltas and
// frequencies) below `nextId`: a range that passes its checksum but was written wrong is refused.
function checkPostings(flat: Int32Array, start: number, end: number, nextId: number, term: string, file: string): void {
  const fieldCount = INDEX_FIELDS.length;
  let i = start;
  while (i < end) {
    const fieldId = flat[i++]!;
    const n = flat[i++]!;
    if (fieldId < 0 || fieldId >= fieldCount || !(n > 0) || i + 2 * n > end) throw new ShardReadError(file, `holds bad postings for "${term}"`);
    let doc = 0;
    for (let k = 0; k < n; k++) {
      const delta = flat[i + 2 * k]!;
      doc += delta;
      if ((k > 0 && delta <= 0) || delta < 0 || doc >= nextId) throw new ShardReadError(file, `holds bad postings for "${term}"`);
    }
    i += 2 * n;
  }
}

export { ShardReadError };
