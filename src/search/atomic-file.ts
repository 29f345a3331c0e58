// Crash-safe file writes: the data goes to a temporary file in the target's directory (same file
// system, so the rename is atomic), is flushed to disk, then renamed over the target, and the
// directory entry is flushed too. A reader sees the old file or the new one, never a torn one.
import { createHash, randomBytes } from "node:crypto";
import { open, rename, rm, type FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Size and SHA-256 of a file written by `AtomicFile`. */
export interface WrittenFile {
  bytes: number;
  sha256: string;
}

/** Marks the temporary files of `AtomicFile`, so that leftovers of a crash can be recognised and removed. */
export const TEMP_MARKER = ".tmp-";

/** A file being written atomically: write chunks, then `commit` (or `abort`). */
export class AtomicFile {
  private readonly hash = createHash("sha256");
  private bytes = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  private constructor(
    readonly path: string,
    private readonly tempPath: string,
    private readonly handle: FileHandle,
  ) {}

  /** Starts writing `path` (mode 0o600). */
  static async create(path: string): Promise<AtomicFile> {
    const tempPath = join(dirname(path), `${basename(path)}${TEMP_MARKER}${process.pid}-${randomBytes(4).toString("hex")}`);
    const handle = await open(tempPath, "wx", 0o600);
    return new AtomicFile(path, tempPath, handle);
  }

  /** Appends data; small chunks are gathered into larger writes. */
  async write(chunk: string | Uint8Array): Promise<void> {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.hash.update(buffer);
    this.bytes += buffer.length;
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

  /** Flushes to disk and renames the file into place. */
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
    return { bytes: this.bytes, sha256: this.hash.digest("hex") };
  }

  /** Drops the temporary file. */
  async abort(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.tempPath, { force: true });
  }
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

/** Flushes a directory's entries (a rename is durable only once its directory is). */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems refuse fsync on a directory; the rename itself has still happened.
    if ((error as NodeJS.ErrnoException).code !== "EINVAL" && (error as NodeJS.ErrnoException).code !== "EPERM") throw error;
  } finally {
    await handle.close();
  }
}
