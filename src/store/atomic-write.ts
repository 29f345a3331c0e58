// Crash-safe file writes for the store: data goes to a temporary file in the target's directory
// (same file system, so the rename is atomic), is flushed to disk, then renamed over the target,
// and the directory entry is flushed too. A reader sees the old file or the new one, never a torn
// one; a crash leaves at most a temporary file, which the next writer removes.
import { createHash, randomBytes } from "node:crypto";
import { open, rename, rm, type FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Size and SHA-256 of a file once written. */
export interface WrittenFile {
  bytes: number;
  sha256: string;
}

/** Marks temporary files, so that leftovers of a killed writer can be recognised and removed. */
export const TEMP_MARKER = ".tmp-";

/** Mode of every file of the store: the documents may be confidential, so only the owner reads them. */
export const FILE_MODE = 0o600;

/** A file being written atomically: `write` chunks, then `commit` (or `abort`). */
export class AtomicFile {
  private readonly hash = createHash("sha256");
  private written = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  private constructor(
    /** where the file goes on commit */
    readonly path: string,
    private readonly tempPath: string,
    private readonly handle: FileHandle,
  ) {}

  /** Starts writing `path` through a fresh temporary file (mode 0o600). */
  static async create(path: string): Promise<AtomicFile> {
    const tempPath = join(dirname(path), `${basename(path)}${TEMP_MARKER}${process.pid}-${randomBytes(4).toString("hex")}`);
    const handle = await open(tempPath, "wx", FILE_MODE);
    return new AtomicFile(path, tempPath, handle);
  }

  /** Bytes written so far; the offset at which the next `write` lands. */
  get bytes(): number {
    return this.written;
  }

  /** Appends data; small pieces are gathered into larger writes. */
  async write(chunk: string | Uint8Array): Promise<void> {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.hash.update(buffer);
    this.written += buffer.length;
    this.pending.push(buffer);
    this.pendingBytes += buffer.length;
    if (this.pendingBytes >= 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const data = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    let offset = 0;
    while (offset < data.length) {
      const { bytesWritten } = await this.handle.write(data, offset, data.length - offset);
      offset += bytesWritten;
    }
  }

  /** Flushes the data to disk, renames the file into place and flushes the directory. */
  async commit(): Promise<WrittenFile> {
    try {
      await this.flush();
      await this.handle.sync();
    } catch (error) {
      await this.abort();
      throw error;
    }
    await this.handle.close();
    await rename(this.tempPath, this.path);
    await syncDirectory(dirname(this.path));
    return { bytes: this.written, sha256: this.hash.digest("hex") };
  }

  /** Drops the temporary file. */
  async abort(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.tempPath, { force: true });
  }
}

/**
 * Writes one JSON value per line to `path` atomically, a batch of lines at a time. A store's
 * citation graph outgrows one string: V8 strings end at 2^29 characters, and the graph of 100k
 * documents is some 500 MB.
 */
export async function writeJsonLinesAtomic(path: string, lines: Iterable<unknown>): Promise<WrittenFile> {
  const file = await AtomicFile.create(path);
  try {
    let batch = "";
    for (const line of lines) {
      batch += `${JSON.stringify(line)}\n`;
      if (batch.length >= 1 << 16) {
        await file.write(batch);
        batch = "";
      }
    }
    if (batch) await file.write(batch);
  } catch (error) {
    await file.abort();
    throw error;
  }
  return file.commit();
}

/** Writes `data` to `path` atomically (see `AtomicFile`). */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<WrittenFile> {
  const file = await AtomicFile.create(path);
  try {
    await file.write(data);
  } catch (error) {
    await file.abort();
    throw error;
  }
  return file.commit();
}

/** Flushes a directory's entries: a rename is durable only once its directory is. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems refuse fsync on a directory; the rename itself has still happened.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EINVAL" && code !== "EPERM" && code !== "EISDIR") throw error;
  } finally {
    await handle.close();
  }
}
