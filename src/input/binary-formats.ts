// Files that are not text, told apart by their first bytes (magic numbers) and, for ZIP-based
// office formats, by the names of the entries inside. Folders people point vanban at hold PDFs,
// Word files, scans and archives next to the text; each gets a sentence saying what it is and how
// to turn it into something vanban reads, rather than a record made of decoded garbage.
import { extname } from "node:path";
import { listZipEntries } from "./read-zip.js";

/** A binary file format; `docx`, `doc` and `rtf` are read by vanban itself (see READ_BINARY_FORMATS). */
export interface BinaryFormat {
  kind: "pdf" | "docx" | "doc" | "odt" | "rtf" | "xlsx" | "pptx" | "zip" | "image" | "archive" | "executable";
  /** What the file is, for a message: `a PDF file`. */
  name: string;
  /** How to get text out of it, for a message; empty for formats read directly. */
  advice: string;
}

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0): boolean => magic.every((b, i) => bytes[at + i] === b);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

const PDF: BinaryFormat = { kind: "pdf", name: "a PDF file", advice: "extract its text first: pdftotext -layout FILE.pdf (poppler-utils), then parse FILE.txt" };
const IMAGE_ADVICE = "an image has no text layer to read: run OCR on it first (e.g. tesseract FILE out -l vie) and parse out.txt";
const OFFICE_ADVICE = "save it as .docx or as text first (e.g. libreoffice --headless --convert-to docx FILE)";

const DOC: BinaryFormat = { kind: "doc", name: "a Word 97–2003 (.doc) or other old Office file", advice: "" };
const RTF: BinaryFormat = { kind: "rtf", name: "an RTF file", advice: "" };

/** The binary formats vanban reads itself (read-docx.ts, read-doc.ts, read-rtf.ts): the rest are refused with advice. */
export const READ_BINARY_FORMATS: ReadonlySet<BinaryFormat["kind"]> = new Set(["docx", "doc", "rtf"]);
const ODT: BinaryFormat = { kind: "odt", name: "an OpenDocument file", advice: OFFICE_ADVICE };

/**
 * Documents in formats vanban does not read, by file name: a folder's OpenDocument files are
 * reported with how to convert them rather than passed over in silence. (PDF, .doc and RTF are
 * read: see document-formats.ts.)
 */
export const UNREAD_DOCUMENT_EXTENSIONS: ReadonlyMap<string, BinaryFormat> = new Map([
  [".odt", ODT],
]);

/** Why a file in `format` is not parsed, with advice naming the file (`pdftotext -layout scan.pdf`). */
export function describeBinaryFile(format: BinaryFormat, path: string): string {
  const base = path.slice(0, path.length - extname(path).length);
  // One pass, with a function: a path may itself hold `FILE` or `$&`.
  const advice = format.advice.replace(/\bFILE(\.txt)?\b(?:\.pdf)?/g, (_, txt?: string) => shellWord(txt ? `${base}.txt` : path));
  return `${format.name}, not text: ${advice}`;
}

/** A path as one shell word: as it is when plain, else in single quotes. */
function shellWord(path: string): string {
  return /^[\w@%+=:,./-]+$/u.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

const MAGIC: { magic: number[]; at?: number; format: BinaryFormat }[] = [
  { magic: ascii("%PDF-"), format: PDF },
  { magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], format: DOC },
  { magic: ascii("{\\rtf"), format: RTF },
  { magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], format: { kind: "image", name: "a PNG image", advice: IMAGE_ADVICE } },
  { magic: [0xff, 0xd8, 0xff], format: { kind: "image", name: "a JPEG image", advice: IMAGE_ADVICE } },
  { magic: ascii("GIF8"), format: { kind: "image", name: "a GIF image", advice: IMAGE_ADVICE } },
  { magic: [0x49, 0x49, 0x2a, 0x00], format: { kind: "image", name: "a TIFF image", advice: IMAGE_ADVICE } },
  { magic: [0x4d, 0x4d, 0x00, 0x2a], format: { kind: "image", name: "a TIFF image", advice: IMAGE_ADVICE } },
  { magic: ascii("WEBP"), at: 8, format: { kind: "image", name: "a WebP image", advice: IMAGE_ADVICE } },
  { magic: [0x1f, 0x8b], format: { kind: "archive", name: "a gzip archive", advice: "unpack it and parse the files inside" } },
  { magic: ascii("7z\xbc\xaf\x27\x1c"), format: { kind: "archive", name: "a 7-Zip archive", advice: "unpack it and parse the files inside" } },
  { magic: ascii("Rar!\x1a\x07"), format: { kind: "archive", name: "a RAR archive", advice: "unpack it and parse the files inside" } },
  { magic: [0x7f, 0x45, 0x4c, 0x46], format: { kind: "executable", name: "an executable (ELF)", advice: "it holds no document" } },
  { magic: ascii("MZ"), format: { kind: "executable", name: "a Windows executable", advice: "it holds no document" } },
];

/** Recognises a binary (non-text) file format from its bytes; null for anything else, text included. */
export function detectBinaryFormat(bytes: Uint8Array): BinaryFormat | null {
  for (const m of MAGIC) {
    if (!startsWith(bytes, m.magic, m.at)) continue;
    // `MZ` also opens text (`MZ` is no Vietnamese word, but be sure): a PE file has a NUL soon.
    if (m.format.kind === "executable" && m.format.name.includes("Windows") && bytes.subarray(0, 64).indexOf(0) < 0) continue;
    return m.format;
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return zipFormat(bytes);
  return null;
}

// ZIP-based formats by what they hold: Word, OpenDocument text, Excel, PowerPoint, or any ZIP.
function zipFormat(bytes: Uint8Array): BinaryFormat {
  const names = new Set(listZipEntries(bytes)?.map((e) => e.name) ?? []);
  if (names.has("word/document.xml")) return { kind: "docx", name: "a Word (.docx) document", advice: "" };
  if (names.has("content.xml") && names.has("mimetype")) return ODT;
  if ([...names].some((n) => n.startsWith("xl/"))) return { kind: "xlsx", name: "an Excel spreadsheet", advice: "export the sheet as text (CSV) if it holds a document" };
  if ([...names].some((n) => n.startsWith("ppt/"))) return { kind: "pptx", name: "a PowerPoint presentation", advice: OFFICE_ADVICE };
  return { kind: "zip", name: "a ZIP archive", advice: "unpack it and parse the files inside" };
}
