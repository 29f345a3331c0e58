// bytes → repaired NFC text: the input stage's entry point. Decoding (any encoding, per line for
// mixed files) and character repair come first; markup and line joining happen in prepare-text.
import { createHash } from "node:crypto";
import type { Diagnostic } from "../model/record.js";
import { detectBinaryFormat } from "./binary-formats.js";
import { decodeBytes } from "./decode-bytes.js";
import { decodeFontRuns } from "./decode-font-runs.js";
import type { FontRun } from "./font-runs.js";
import { readDocRuns } from "./read-doc.js";
import { readDocxText } from "./read-docx.js";
import { readRtfRuns } from "./read-rtf.js";
import { looksLikeHtml, readHtmlRuns } from "./read-html.js";
import { decodeWindows1252 } from "./decode-windows-1252.js";
import iconv from "iconv-lite";
import { normalizeCharacters } from "./normalize-characters.js";
import type { OffsetMap } from "./offset-map.js";

/** A file's text, decoded and repaired, with the map from the repaired text back to the decoded one. */
export interface DecodedDocument {
  /** The Unicode text as decoded from the bytes (NFC): what offset maps finally lead back to. */
  decoded: string;
  /** The text after character repair (spaces, marks, legacy glyphs, split syllables). */
  text: string;
  /** Maps offsets of `text` to offsets of `decoded`. */
  map: OffsetMap;
  encoding: string;
  /** The file format when the bytes told it (a Word or RTF file); text and markdown are told apart later. */
  format?: "docx" | "doc" | "rtf" | "html";
  sha256: string;
  diagnostics: Diagnostic[];
}

/** Diagnostic codes that mean no text could be read from the file at all: the file is no document. */
export const UNREADABLE_CODES: ReadonlySet<string> = new Set(["not-text", "unreadable-docx", "unreadable-document", "unreadable-pdf"]);

/**
 * Decodes a file's bytes into repaired NFC text, whatever the encoding; never throws. A .docx is
 * read for its text (encoding `docx`); other binary formats (PDF, images, archives) give no text
 * and an error diagnostic `not-text` saying how to get text out of them.
 */
export function decodeDocument(bytes: Uint8Array, options: { sha256?: string } = {}): DecodedDocument {
  // A caller that has hashed the bytes already (the store, to skip known files) passes the hash.
  const sha256 = options.sha256 ?? createHash("sha256").update(bytes).digest("hex");
  const decoded = decodeContent(bytes);
  const repaired = normalizeCharacters(decoded.text);
  // Controls are among the characters the repair looks for: a text without those has none.
  const controls = repaired.hadSpecial ? countControls(decoded.text) : 0;
  if (controls > 0) {
    const what = controls === 1 ? "1 control character" : `${controls} control characters`;
    decoded.diagnostics.push({ severity: "warning", code: "control-characters", message: `${what} (NUL, escape sequences, Word's hidden marks) removed or turned into breaks`, line: 0, column: 0 });
  }
  return { decoded: decoded.text, text: repaired.text, map: repaired.map, encoding: decoded.encoding, ...(decoded.format ? { format: decoded.format } : {}), sha256, diagnostics: decoded.diagnostics };
}

// C0 controls but tab, line feed and carriage return; DEL; C1 controls: characters no document
// holds, which the character repair removes (see normalize-characters.ts).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

function countControls(text: string): number {
  let n = 0;
  CONTROL.lastIndex = 0;
  while (CONTROL.exec(text)) n++;
  return n;
}

interface Content {
  text: string;
  encoding: string;
  format?: DecodedDocument["format"];
  diagnostics: Diagnostic[];
}

function decodeContent(bytes: Uint8Array): Content {
  const binary = detectBinaryFormat(bytes);
  if (!binary) {
    if (looksLikeHtml(decodeWindows1252(bytes.subarray(0, 1024)))) {
      const read = readHtmlRuns(decodeHtmlBytes(bytes));
      if ("runs" in read) return fromRuns(read.runs, "html");
      return { text: "", encoding: "html", format: "html", diagnostics: [unreadable("unreadable-document", `a web page whose text could not be read: ${read.error}`)] };
    }
    return decodeBytes(bytes);
  }
  switch (binary.kind) {
    case "docx": {
      const read = readDocxText(bytes);
      if ("runs" in read) return fromRuns(read.runs, "docx");
      return { text: "", encoding: "docx", format: "docx", diagnostics: [unreadable("unreadable-docx", `a Word (.docx) document whose text could not be read: ${read.error}`)] };
    }
    case "doc": {
      const read = readDocRuns(bytes);
      if ("runs" in read) return fromRuns(read.runs, "doc");
      return { text: "", encoding: "doc", format: "doc", diagnostics: [unreadable("unreadable-document", `a Word 97–2003 (.doc) document whose text could not be read: ${read.error}`)] };
    }
    case "rtf": {
      const read = readRtfRuns(bytes);
      if ("runs" in read) return fromRuns(read.runs, "rtf");
      return { text: "", encoding: "rtf", format: "rtf", diagnostics: [unreadable("unreadable-document", `an RTF document whose text could not be read: ${read.error}`)] };
    }
    default:
      return { text: "", encoding: binary.kind, diagnostics: [unreadable("not-text", `${binary.name}, not text: ${binary.advice}`)] };
  }
}

function fromRuns(runs: FontRun[], format: NonNullable<DecodedDocument["format"]>): Content {
  const decoded = decodeFontRuns(runs);
  return { text: decoded.text, encoding: decoded.encoding, format, diagnostics: decoded.diagnostics };
}

function unreadable(code: string, message: string): Diagnostic {
  return { severity: "error", code, message, line: 0, column: 0 };
}

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

// A page's characters: UTF-8 when the bytes are, else the charset its <meta> names, else
// Windows-1252 (legacy pages in .VnTime fonts are 1252 bytes; their fonts say the rest).
function decodeHtmlBytes(bytes: Uint8Array): string {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    const charset = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(decodeWindows1252(bytes.subarray(0, 4096)))?.[1]?.toLowerCase();
    if (charset && !/^(?:utf-?8|windows-1252|iso-8859-1|us-ascii)$/.test(charset) && iconv.encodingExists(charset)) return iconv.decode(Buffer.from(bytes), charset);
    return decodeWindows1252(bytes);
  }
}
