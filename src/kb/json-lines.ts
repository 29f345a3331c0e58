// Reading an NDJSON file as a stream: lines are parsed as they come, the file's size and SHA-256
// are computed on the way, and no buffer or string ever holds the whole file (a large
// collection's citation graph outgrows both: Node reads at most 2 GiB into one buffer).
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

/** What reading a file of JSON lines found: its size and SHA-256, and the first line that failed. */
export interface JsonLinesRead {
  bytes: number;
  sha256: string;
  /** the first line that is not JSON (`syntax`, at a byte offset) or that `onLine` threw on; null when none */
  failure: { kind: "syntax"; offset: number } | { kind: "rejected"; error: unknown } | null;
}

/**
 * Reads `path` line by line, handing each parsed line to `onLine` until one fails; throws only
 * when the file cannot be read (the caller decides what a failed line means once it has checked
 * the file's size and checksum: a damaged file shows first as a checksum that does not match).
 */
export async function readJsonLines(path: string, onLine: (value: unknown) => void, options: { chunkBytes?: number } = {}): Promise<JsonLinesRead> {
  const hash = createHash("sha256");
  let bytes = 0;
  let failure: JsonLinesRead["failure"] = null;
  // The start of a line the last chunk did not finish, and where it began in the file.
  let partial: Buffer[] = [];
  let partialStart = 0;
  const emit = (line: Buffer, offset: number) => {
    if (line.length === 0 || failure !== null) return;
    let value: unknown;
    try {
      value = JSON.parse(line.toString("utf8"));
    } catch {
      failure = { kind: "syntax", offset };
      return;
    }
    try {
      onLine(value);
    } catch (error) {
      failure = { kind: "rejected", error };
    }
  };
  for await (const chunk of createReadStream(path, { highWaterMark: options.chunkBytes ?? 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    let start = 0;
    for (let end = chunk.indexOf(10); end >= 0; end = chunk.indexOf(10, start)) {
      if (partial.length > 0) {
        emit(Buffer.concat([...partial, chunk.subarray(start, end)]), partialStart);
        partial = [];
      } else {
        emit(chunk.subarray(start, end), bytes + start);
      }
      start = end + 1;
    }
    if (start < chunk.length) {
      if (partial.length === 0) partialStart = bytes + start;
      partial.push(chunk.subarray(start));
    }
    bytes += chunk.length;
  }
  if (partial.length > 0) emit(Buffer.concat(partial), partialStart);
  return { bytes, sha256: hash.digest("hex"), failure };
}
