// The whole record: the document grammar's structure plus the reference grammar's citations, from
// any format vanban reads (PDFs through their own asynchronous reader). The layer above parse and
// citations, which it joins (data flows input → parse → citations → document); kb, search's
// callers and the CLI parse through here.
import { parseBytes, parseText, recordId, type CitationFinder, type ParseOptions, type ParsedText, type TextSource } from "../parse/parse-document.js";
import { createHash } from "node:crypto";
import type { Diagnostic, DocumentRecord } from "../model/record.js";
import { detectBinaryFormat } from "../input/binary-formats.js";
import { LineIndex } from "../input/line-index.js";
import { readPdfDocument, type PdfReadOptions } from "../input/read-pdf-document.js";
import { findCitations } from "../citations/find-citations.js";
import { reconcileDates } from "../citations/reconcile-dates.js";

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
 * record.pages?.[0]?.number; // 1
 */
export async function parseDocumentAsync(input: Uint8Array | string, options: PdfParseOptions = {}): Promise<ParsedText> {
  if (typeof input === "string") return parseDocumentText(input, options);
  if (detectBinaryFormat(input)?.kind === "pdf") return parsePdf(input, options);
  const parsed = parseDocumentBytes(input, options);
  // A file named .pdf that holds something else is read for what it is, and says so.
  if (options.path && /\.pdf$/iu.test(options.path)) parsed.record.diagnostics.unshift(diagnostic("warning", "not-pdf", "named .pdf, but not a PDF inside: read as text"));
  return parsed;
}

/** Options of `parseDocumentAsync`: those of the parse, and for PDFs whether to OCR scanned pages and within which limits. */
export type PdfParseOptions = ParseOptions & PdfReadOptions;

async function parsePdf(bytes: Uint8Array, options: PdfParseOptions): Promise<ParsedText> {
  const sha256 = options.sha256 ?? createHash("sha256").update(bytes).digest("hex");
  const pdf = await readPdfDocument(bytes, options);
  if ("problem" in pdf) {
    const parsed = parseDocumentText("", { path: options.path ?? null, format: "text", encoding: "pdf", sha256 });
    parsed.record.source.format = "pdf";
    parsed.record.diagnostics.unshift(diagnostic("error", "unreadable-pdf", pdf.problem));
    return parsed;
  }
  const parsed = parseDocumentText(pdf.text, { path: options.path ?? null, format: "text", encoding: "pdf", sha256 });
  const record = parsed.record;
  record.source.format = "pdf";
  const lines = new LineIndex(parsed.text);
  const ocrOf = new Map(pdf.ocr.map((o) => [o.page, o.confidence]));
  record.pages = pdf.pages.map((page) => {
    const offset = cleanOffsetOf(parsed, page.offset);
    const confidence = ocrOf.get(page.number);
    return { number: page.number, offset, line: lines.position(offset).line, ocr: confidence === undefined ? null : { engine: "tesseract", confidence }, furniture: page.furniture };
  });
  record.signing = pdf.signing;
  const checked = checkOcrFields(record, parsed.text);
  if (checked.length) record.id = recordId(record, sha256);
  record.diagnostics = [...pdf.diagnostics, ...checked, ...record.diagnostics];
  // The map leads to the PDF's own text (items in content-stream order), where pages and positions are known.
  return { ...parsed, map: parsed.map.composeWith(pdf.map) };
}

// The first offset of the clean text whose source lies at or after `source` (in the text handed to
// the parse): pages follow one another there, so a binary search finds where each one begins.
function cleanOffsetOf(parsed: ParsedText, source: number): number {
  let lo = 0;
  let hi = parsed.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (parsed.map.toSource(mid) < source) lo = mid + 1;
    else hi = mid;
  }
  // The line break that ends the previous page belongs to it.
  while (parsed.text[lo] === "\n") lo++;
  return lo;
}

// What OCR reads of a header field may be noise (a handwritten date, a smudged number). A field
// from a page read by OCR that does not look like its kind is left empty, with a diagnostic,
// rather than guessed.
function checkOcrFields(record: DocumentRecord, text: string): Diagnostic[] {
  const first = record.pages?.[0];
  if (!first?.ocr) return [];
  const out: Diagnostic[] = [];
  // The parse found no date, yet the header holds a place-and-date line whose figures OCR misread.
  const header = text.slice(0, record.pages?.[1]?.offset ?? text.length).slice(0, 4000);
  const misread = !record.date && /\bngày\s+(\S{1,6})\s+tháng\s+(\S{1,6})\s+năm\s+(\S{1,6})/iu.exec(header);
  if (misread && misread.slice(1).some((figure) => !/^\d+[,.;]?$/u.test(figure))) out.push(diagnostic("warning", "ocr-field", `the date read by OCR ("${misread[0]}") does not look like a date: left empty`));
  if (record.date && !(record.date.iso && /^[\p{L}\s,.]*\d{1,2}\s*(?:tháng|[/.-])\s*\d{1,2}\s*(?:năm|[/.-])\s*\d{4}\s*$/u.test(record.date.raw.replace(/^.*?ngày\s*/iu, "")))) {
    out.push(diagnostic("warning", "ocr-field", `the date read by OCR ("${record.date.raw}") does not look like a date: left empty`));
    record.date = null;
  }
  if (record.number && !/^\d+(?:\.\d+)?[a-zđ]?$/iu.test(record.number.seq ?? "")) {
    out.push(diagnostic("warning", "ocr-field", `the number read by OCR ("${record.number.raw}") does not look like a number: left empty`));
    record.number = null;
  }
  return out;
}

function diagnostic(severity: Diagnostic["severity"], code: string, message: string): Diagnostic {
  return { severity, code, message, line: 0, column: 0 };
}
