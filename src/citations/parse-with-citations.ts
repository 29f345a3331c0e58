// The whole record: the document grammar's structure plus the reference grammar's citations.
// Lives in the citations stage because it needs both (data flows input → parse → citations).
import { parseBytes, parseText, type CitationFinder, type ParseOptions, type ParsedText, type TextSource } from "../parse/parse-document.js";
import { findCitations } from "./find-citations.js";
import { reconcileDates } from "./reconcile-dates.js";

// The parse hands the reference grammar the regions it found (title, bases, body, footnotes,
// recipients, annexes) and the document's own number, so self-references are marked.
const finder: CitationFinder = (text, regions, options) => findCitations(text, regions, { lineIndex: options.lineIndex, selfNumber: options.selfNumber });

/** Decodes and parses a file's bytes into the full record (citations included); never throws. */
export function parseDocumentBytes(bytes: Uint8Array, options: ParseOptions = {}): ParsedText & { decoded: string } {
  return reconciled(parseBytes(bytes, options, finder));
}

/** Parses decoded text into the full record (citations included); never throws. */
export function parseDocumentText(text: string, options: TextSource = {}): ParsedText {
  return reconciled(parseText(text, options, finder));
}

// Mentions of one document with conflicting dates become one document (see reconcile-dates.ts).
function reconciled<T extends ParsedText>(parsed: T): T {
  parsed.record.diagnostics.push(...reconcileDates(parsed.record.citations));
  return parsed;
}

/**
 * Parses one document — bytes in any encoding, or already-decoded text — into its record.
 * @example
 * import { readFileSync } from "node:fs";
 * import { parseDocument } from "vanban";
 * const record = parseDocument(readFileSync("notice.txt"), { path: "notice.txt" });
 * record.number?.raw; // "203 /TB-UBND"
 */
export function parseDocument(input: Uint8Array | string, options: ParseOptions = {}) {
  return typeof input === "string" ? parseDocumentText(input, options).record : parseDocumentBytes(input, options).record;
}

/**
 * Parses one document of any format vanban reads into its record and clean text; never rejects.
 * The entry that collections, the CLI and library users call for files: formats whose reading is
 * asynchronous (a PDF's text layer, OCR of a scan) are read here before the parse; every other
 * input gives exactly what `parseDocumentBytes` / `parseDocumentText` give.
 * @example
 * const { record } = await parseDocumentAsync(readFileSync("notice.pdf"), { path: "notice.pdf" });
 */
export async function parseDocumentAsync(input: Uint8Array | string, options: ParseOptions = {}): Promise<ParsedText> {
  return typeof input === "string" ? parseDocumentText(input, options) : parseDocumentBytes(input, options);
}
