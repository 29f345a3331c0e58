// The records of a store live in NDJSON chunks of a few MB (`records/chunk-000012.ndjson`): a
// store of 100k documents is a few hundred files that can each be read, checked and streamed on
// their own, rather than one file too large for a JSON string. A chunk is written once, under a
// number never used before, and dropped when no document lives in it any more.
import { createHash } from "node:crypto";
import { open, readFile } from "node:fs/promises";
import { join } from "node:path";
import { AtomicFile } from "../store/atomic-write.js";
import type { DocumentRecord } from "../model/record.js";
import { RECORDS_DIR, type StoredFile } from "./store-format.js";

/** A chunk is closed once it holds this many bytes. */
export const CHUNK_BYTES = 8 << 20;

/** The store-relative name of chunk number `n`. */
export function chunkName(n: number): string {
  return `${RECORDS_DIR}/chunk-${String(n).padStart(6, "0")}.ndjson`;
}

/** The number of a chunk file name (`chunk-000012.ndjson` → 12), or null. */
export function chunkNumber(fileName: string): number | null {
  const m = /^chunk-(\d+)\.ndjson$/.exec(fileName);
  return m ? Number(m[1]) : null;
}

/** Where a record's line lies: chunk, byte range, and the SHA-256 of the line. */
export interface LineLocation {
  chunk: string;
  offset: number;
  length: number;
  lineSha256: string;
}

/** Appends record lines to new chunks, starting a new chunk when one is full. */
export class ChunkWriter {
  private current: { name: string; file: AtomicFile } | null = null;
  private readonly done: StoredFile[] = [];

  constructor(
    private readonly storeDir: string,
    /** the number of the next chunk to create */
    public nextNumber: number,
    private readonly maxBytes = CHUNK_BYTES,
  ) {}

  /**
   * Writes one line (without its newline; text, or its UTF-8 bytes) and says where it is.
   * `lineSha256` is the SHA-256 of the bytes when the caller has it (a parse worker computes it).
   */
  async append(line: string | Uint8Array, lineSha256?: string): Promise<LineLocation> {
    const data = typeof line === "string" ? Buffer.from(line, "utf8") : line;
    if (this.current && this.current.file.bytes > 0 && this.current.file.bytes + data.length > this.maxBytes) await this.closeCurrent();
    if (!this.current) {
      const name = chunkName(this.nextNumber++);
      this.current = { name, file: await AtomicFile.create(join(this.storeDir, name)) };
    }
    const offset = this.current.file.bytes;
    await this.current.file.write(data);
    await this.current.file.write("\n");
    return { chunk: this.current.name, offset, length: data.length, lineSha256: lineSha256 ?? createHash("sha256").update(data).digest("hex") };
  }

  private async closeCurrent(): Promise<void> {
    if (!this.current) return;
    const { name, file } = this.current;
    this.current = null;
    this.done.push({ file: name, ...(await file.commit()) });
  }

  /** Commits the open chunk and returns every chunk written. */
  async close(): Promise<StoredFile[]> {
    await this.closeCurrent();
    return this.done;
  }

  /** Drops the open chunk's temporary file (after a failure). */
  async abort(): Promise<void> {
    const current = this.current;
    this.current = null;
    await current?.file.abort();
  }
}

/** A record line that is not what the catalog says it is. */
export class DamagedLineError extends Error {
  constructor(
    readonly chunk: string,
    readonly reason: string,
  ) {
    super(`${chunk} ${reason}`);
  }
}

/** Reads one record line and checks it against its SHA-256. */
export async function readLine(storeDir: string, at: LineLocation): Promise<string> {
  const handle = await open(join(storeDir, at.chunk), "r");
  try {
    const buffer = Buffer.alloc(at.length);
    const { bytesRead } = await handle.read(buffer, 0, at.length, at.offset);
    if (bytesRead !== at.length) throw new DamagedLineError(at.chunk, `ends before the record at byte ${at.offset}`);
    if (createHash("sha256").update(buffer).digest("hex") !== at.lineSha256) throw new DamagedLineError(at.chunk, `does not match its checksum at byte ${at.offset}`);
    return buffer.toString("utf8");
  } finally {
    await handle.close();
  }
}

/** Reads a whole chunk and checks it against the manifest's size and SHA-256. */
export async function readChunk(storeDir: string, stored: StoredFile): Promise<Buffer> {
  const data = await readFile(join(storeDir, stored.file));
  if (data.length !== stored.bytes) throw new DamagedLineError(stored.file, `is ${data.length} bytes, the manifest says ${stored.bytes} (truncated?)`);
  if (createHash("sha256").update(data).digest("hex") !== stored.sha256) throw new DamagedLineError(stored.file, "does not match its checksum");
  return data;
}

/** A record line as a chunk holds it: the record, with the sentence of each citation. */
export interface StoredRecord {
  record: DocumentRecord;
  sentences: string[];
}

/**
 * Reads the records of `entries` chunk by chunk (each chunk read once and checked against its
 * checksum; chunks in the order of `chunks`, records in file order within a chunk).
 */
export async function* readStoredRecords<E extends LineLocation>(storeDir: string, chunks: readonly StoredFile[], entries: readonly E[]): AsyncGenerator<{ entry: E; stored: StoredRecord }> {
  const byChunk = new Map<string, E[]>();
  for (const entry of entries) {
    const list = byChunk.get(entry.chunk);
    if (list) list.push(entry);
    else byChunk.set(entry.chunk, [entry]);
  }
  for (const chunk of chunks) {
    const inChunk = byChunk.get(chunk.file);
    if (!inChunk) continue;
    const data = await readChunk(storeDir, chunk);
    for (const entry of inChunk.sort((a, b) => a.offset - b.offset)) {
      yield { entry, stored: JSON.parse(data.toString("utf8", entry.offset, entry.offset + entry.length)) as StoredRecord };
    }
  }
}
