// The stored text of a shard's documents, needed only for the few candidates of a query (phrase
// checks, exact-diacritic re-ranking, snippets). Texts added since the last save are held in
// buffers outside the V8 heap; saved texts stay in the shard's text file and are read back with
// positioned reads, so a loaded index holds no text in memory at all. Each text is UTF-16LE
// compressed with raw deflate: a 9 KB (UTF-8) document becomes ~3.3 KB, and reading it back
// (inflate ~15 µs, then a copy into a string) costs less than decoding plain UTF-8 (~20–45 µs).
// Measured at 50k documents, plain UTF-16 text files were 750 MB, and hashing them dominated
// the cold load.
import { closeSync, openSync, readSync } from "node:fs";
import { basename } from "node:path";
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import { ShardReadError } from "./shard-file-format.js";

/** The character encoding of stored texts (before compression), in memory and in text files. */
export const TEXT_ENCODING = "utf16le";
// Level 1: a fifth faster than level 3 (~130 against ~165 µs for a 13 KB document, a tenth of
// what building a shard costs a document) for 9% more bytes (5.0 against 4.6 KB); level 6 took
// three times level 3's time for 10% fewer. Reading is the same for every level.
const DEFLATE_LEVEL = 1;

/** Where one document's text lies in a shard's text file (in bytes). */
export interface TextLocation {
  offset: number;
  length: number;
  /** the CRC-32 of the bytes, checked when they are read (saved shards read in place, see disk-shard.ts) */
  crc?: number;
}

/** Where a document's text lies in a text file, by id (undefined: not there). */
export type TextLocator = (id: string) => TextLocation | undefined;

interface TextFile {
  fd: number;
  path: string;
  locate: TextLocator;
  /** ids whose text in the file no longer counts (deleted or replaced) */
  gone: Set<string>;
}

/** Texts of one shard, by document id. */
export class ShardTexts {
  private readonly pending = new Map<string, Buffer>();
  private file: TextFile | null = null;

  /** True when the text of `id` is stored. */
  has(id: string): boolean {
    return this.pending.has(id) || this.located(id) !== undefined;
  }

  /** Stores the text of `id` in memory until the next save. */
  set(id: string, text: string): void {
    this.file?.gone.add(id);
    // zlib returns a view of its 16 KB output chunk: copy it, or every text keeps 16 KB alive.
    this.pending.set(id, Buffer.from(deflateRawSync(Buffer.from(text, TEXT_ENCODING), { level: DEFLATE_LEVEL })));
  }

  /** Forgets the text of `id`. */
  delete(id: string): void {
    this.pending.delete(id);
    this.file?.gone.add(id);
  }

  private located(id: string): TextLocation | undefined {
    return this.file && !this.file.gone.has(id) ? this.file.locate(id) : undefined;
  }

  /** The stored (compressed) bytes of the text of `id`. */
  bytes(id: string): Buffer | undefined {
    const held = this.pending.get(id);
    if (held) return held;
    const location = this.located(id);
    if (!this.file || !location) return undefined;
    const buffer = Buffer.allocUnsafe(location.length);
    let read = 0;
    while (read < location.length) {
      const n = readSync(this.file.fd, buffer, read, location.length - read, location.offset + read);
      if (n === 0) throw new ShardReadError(basename(this.file.path), `ends before the text of ${id}`);
      read += n;
    }
    if (location.crc !== undefined && crc32(buffer) !== location.crc) throw new ShardReadError(basename(this.file.path), `does not match the checksum of the text of ${id}`);
    return buffer;
  }

  /** The text of `id`. */
  get(id: string): string | undefined {
    const bytes = this.bytes(id);
    return bytes && inflateRawSync(bytes).toString(TEXT_ENCODING);
  }

  /**
   * Serves the texts `locate` finds from the file at `path` from now on, dropping what is held in
   * memory for the ids of `saved` (the texts just written there).
   */
  attach(path: string, locate: TextLocator, saved: Iterable<string> = []): void {
    const fd = openSync(path, "r");
    this.close();
    this.file = { fd, path, locate, gone: new Set() };
    for (const id of saved) this.pending.delete(id);
  }

  /** Bytes held in memory (texts not yet saved). */
  get pendingBytes(): number {
    let total = 0;
    for (const buffer of this.pending.values()) total += buffer.length;
    return total;
  }

  /** Closes the text file; texts held in memory stay readable. */
  close(): void {
    if (this.file) closeSync(this.file.fd);
    this.file = null;
  }
}
