// The stored text of a shard's documents, needed only for the few candidates of a query (phrase
// checks, exact-diacritic re-ranking, snippets). Texts added since the last save are held in
// buffers outside the V8 heap; saved texts stay in the shard's text file and are read back with
// positioned reads, so a loaded index holds no text in memory at all. The encoding is UTF-16LE:
// Vietnamese text takes ~1.5× the bytes of UTF-8, but turning it back into a string is a copy
// (~1 µs for a 9 KB document) instead of a UTF-8 decode (~20–45 µs), and a query decodes up to
// ~50 candidates.
import { closeSync, openSync, readSync } from "node:fs";

/** The encoding of stored texts, in memory and in text files. */
export const TEXT_ENCODING = "utf16le";

/** Where one document's text lies in a shard's text file (in bytes). */
export interface TextLocation {
  offset: number;
  length: number;
}

interface TextFile {
  fd: number;
  path: string;
  locations: Map<string, TextLocation>;
}

/** Texts of one shard, by document id. */
export class ShardTexts {
  private readonly pending = new Map<string, Buffer>();
  private file: TextFile | null = null;

  /** True when the text of `id` is stored. */
  has(id: string): boolean {
    return this.pending.has(id) || (this.file?.locations.has(id) ?? false);
  }

  /** Stores the text of `id` in memory until the next save. */
  set(id: string, text: string): void {
    this.file?.locations.delete(id);
    this.pending.set(id, Buffer.from(text, TEXT_ENCODING));
  }

  /** Forgets the text of `id`. */
  delete(id: string): void {
    this.pending.delete(id);
    this.file?.locations.delete(id);
  }

  /** The encoded bytes of the text of `id`. */
  bytes(id: string): Buffer | undefined {
    const held = this.pending.get(id);
    if (held) return held;
    const location = this.file?.locations.get(id);
    if (!this.file || !location) return undefined;
    const buffer = Buffer.allocUnsafe(location.length);
    let read = 0;
    while (read < location.length) {
      const n = readSync(this.file.fd, buffer, read, location.length - read, location.offset + read);
      if (n === 0) throw new Error(`vanban search: ${this.file.path} ends before the text of ${id}`);
      read += n;
    }
    return buffer;
  }

  /** The text of `id`. */
  get(id: string): string | undefined {
    return this.bytes(id)?.toString(TEXT_ENCODING);
  }

  /** Serves the texts of `locations` from the file at `path` from now on, dropping what is held in memory for them. */
  attach(path: string, locations: Map<string, TextLocation>): void {
    const fd = openSync(path, "r");
    this.close();
    this.file = { fd, path, locations };
    for (const id of locations.keys()) this.pending.delete(id);
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
