// A file from the user's folders → the bytes to parse, or the reason in a few words why it holds
// no document vanban can read: it cannot be opened (permission, a broken or looping symbolic
// link), it is no regular file (a FIFO would block the read forever), it is empty, too large, or
// binary (a scan, an archive — with how to get its text). Word files (.docx, .doc) and RTF pass:
// the parse reads their text; so does a PDF for callers of parseDocumentAsync (`acceptPdf`). The
// size limit is the format's (told by the first bytes), checked before the rest is read, and the
// read itself stops past the limit, so a 200 MB file (or a file growing while it is read) costs no
// memory.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from "node:fs";
import { describeBinaryFile, detectBinaryFormat, READ_BINARY_FORMATS } from "./binary-formats.js";

/**
 * The largest text file read as a document: 16 MiB, some 8,000 pages of text (the longest codes of
 * law are under 2 MB). Parsing takes about 60 bytes of memory per byte of input, so this keeps a
 * parse under about 1 GB; larger files are refused with a message before they are read.
 */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

/**
 * The largest PDF read: 64 MiB. A gazette issue's PDF is 3–5 MB, a scanned one ten times that;
 * what the parse reads of a PDF is its text, a small part of its bytes, and PDF.js holds the file
 * once. The page and text-item limits of read-pdf.ts bound the rest.
 */
export const MAX_PDF_BYTES = 64 * 1024 * 1024;

/** The size limit for a file in `format` (a binary format's kind, or an extension such as `.pdf`); text's otherwise. */
export function maxDocumentBytes(format: string | null | undefined): number {
  return format === "pdf" || format?.toLowerCase() === ".pdf" ? MAX_PDF_BYTES : MAX_DOCUMENT_BYTES;
}

/** The bytes of a document file, or why it cannot be parsed. */
export type DocumentFile = { bytes: Uint8Array } | { problem: string };

/** Options of `readDocumentFile`. */
export interface ReadDocumentOptions {
  /** The size limit, for every format (default: by format, see `maxDocumentBytes`). */
  maxBytes?: number;
  /** Pass PDFs through, for callers that parse with `parseDocumentAsync` (default: refused with advice, as the synchronous parse reads no PDF). */
  acceptPdf?: boolean;
}

/**
 * Reads a file to parse, refusing what is not a document vanban reads; never throws.
 * @example readDocumentFile("scan.pdf") // { problem: "a PDF file, not text: extract its text first: pdftotext -layout scan.pdf …" }
 */
export function readDocumentFile(path: string, options: ReadDocumentOptions = {}): DocumentFile {
  let fd: number;
  try {
    // Non-blocking, so that opening a FIFO does not wait for a writer; regular files ignore it.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { problem: describeFileError(error, path) };
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) return { problem: "is a directory" };
    if (!info.isFile()) return { problem: "not a regular file" };
    // The limit depends on the format, told by the first bytes: read them before the rest.
    const head = Buffer.alloc(8);
    const headLength = readSync(fd, head, 0, head.length, 0);
    const maxBytes = options.maxBytes ?? maxDocumentBytes(detectBinaryFormat(head.subarray(0, headLength))?.kind);
    if (info.size > maxBytes) return { problem: tooLarge(info.size, maxBytes) };
    // Read to the end, whatever the size said (files in /proc say 0), but never past the limit.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) return { problem: tooLarge(total, maxBytes) };
    }
    if (total === 0) return { problem: "empty file" };
    const bytes = new Uint8Array(Buffer.concat(chunks, total));
    const binary = detectBinaryFormat(bytes);
    if (binary && !READ_BINARY_FORMATS.has(binary.kind) && !(binary.kind === "pdf" && options.acceptPdf)) return { problem: describeBinaryFile(binary, path) };
    return { bytes };
  } catch (error) {
    return { problem: describeFileError(error, path) };
  } finally {
    closeSync(fd);
  }
}

/** Describes a file system error in a few words (for `vanban parse` and `vanban index`). */
export function describeFileError(error: unknown, path?: string): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case "ENOENT":
      // A link whose target is gone still exists itself.
      if (path !== undefined && isSymbolicLink(path)) return "broken symbolic link (its target does not exist)";
      return "no such file or directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ELOOP":
      return "symbolic link loop";
    case "EISDIR":
      return "is a directory";
    case "ENAMETOOLONG":
      return "path too long";
    default:
      return `cannot read (${code ?? (error as Error)?.message ?? "error"})`;
  }
}

function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Why a file of `size` bytes is not read: it is over the limit. */
export function tooLarge(size: number, maxBytes: number = MAX_DOCUMENT_BYTES): string {
  const mb = (n: number) => `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  return `too large (${size > maxBytes + 1 ? mb(size) : `over ${mb(maxBytes)}`}): vanban reads files up to ${mb(maxBytes)}; split it into its documents`;
}
