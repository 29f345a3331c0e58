// text → record: lexes the clean text into classified lines, finds the layout zones, parses, and
// reads the record from the CST. The parse never throws: whatever goes wrong inside becomes a
// diagnostic and the record keeps what could be read.
import { createHash } from "node:crypto";
import type { Citation, Diagnostic, DocumentRecord } from "../model/record.js";
import { documentLexer } from "../../grammars/document/document-tokens.js";
import { findLayoutZones } from "../../grammars/document/layout-zones.js";
import { parseLines } from "../../grammars/document/document-parser.js";
import { buildStructure } from "./build-record.js";
import { checkRecord } from "./check-record.js";
import { LineIndex } from "../input/line-index.js";
import { detectFormat, prepareText, type SourceFormat } from "../input/prepare-text.js";
import type { OffsetMap } from "../input/offset-map.js";
import { decodeDocument } from "../input/decode-document.js";
import { stripMarks } from "../../grammars/text/fold.js";

/** What the parse needs to know about where a text came from. */
export interface TextSource {
  path?: string | null;
  format?: SourceFormat;
  encoding?: string;
  sha256?: string;
}

/** A finder of citations in regions of the clean text (the reference grammar plugs in here). */
export type CitationFinder = (text: string, regions: { start: number; end: number; context: Citation["context"] }[], options: { lineIndex: LineIndex; selfNumber: string | null }) => Citation[];

/** The record together with the clean text its spans point into. */
export interface ParsedText {
  record: DocumentRecord;
  /** The clean text (markup stripped, lines joined): every span offset refers to it. */
  text: string;
  /** Maps offsets of `text` back to the decoded source text. */
  map: OffsetMap;
}

/** Parses already-decoded text (any format) into its record. */
export function parseText(source: string, options: TextSource = {}, findCitations?: CitationFinder): ParsedText {
  const diagnostics: Diagnostic[] = [];
  const format = options.format ?? detectFormat(source, options.path);
  const sha256 = options.sha256 ?? createHash("sha256").update(source).digest("hex");
  const prepared = prepareText(source, format);
  const text = prepared.text;
  const lineIndex = new LineIndex(text);
  const base: DocumentRecord = {
    schemaVersion: 1,
    id: `doc-${sha256.slice(0, 16)}`,
    source: { path: options.path ?? null, sha256, format, encoding: options.encoding ?? "utf-8" },
    system: null,
    issuer: null,
    number: null,
    place: null,
    date: null,
    docType: null,
    title: null,
    addressees: [],
    bases: [],
    sections: [],
    intro: [],
    annexes: [],
    footnotes: [],
    recipients: [],
    signature: null,
    citations: [],
    diagnostics,
  };
  try {
    const lexed = documentLexer.tokenize(text);
    for (const e of lexed.errors) diagnostics.push({ severity: "warning", code: "lex", message: e.message, line: e.line ?? 0, column: e.column ?? 0 });
    const zones = findLayoutZones(lexed.tokens);
    const { cst, errors } = parseLines(lexed.tokens, zones);
    for (const e of errors) diagnostics.push({ severity: "warning", code: "grammar", message: e.message, line: e.token.startLine ?? 0, column: e.token.startColumn ?? 0 });
    const structure = buildStructure(cst, text, lineIndex);
    Object.assign(base, structure.fields);
    // Not push(...list): spreading 200,000 diagnostics into arguments overflows the stack.
    for (const d of structure.diagnostics) diagnostics.push(d);
    for (const d of checkRecord(base, { hasHeader: structure.hasHeader, text, lineIndex })) diagnostics.push(d);
    if (findCitations) {
      const selfNumber = base.number?.seq ? base.number.raw : null;
      const citations = findCitations(text, structure.regions, { lineIndex, selfNumber });
      base.citations = citations;
      // Each statement's citations also stand in the statement: found by binary search over the
      // citations in offset order, as a scan of all of them per statement made a preamble of
      // thousands of statements quadratic.
      const byOffset = citations.map((_, i) => i).sort((a, b) => citations[a]!.span.offset - citations[b]!.span.offset || a - b);
      for (const [i, region] of structure.basisRegions.entries()) {
        const basis = base.bases[i];
        if (!basis) continue;
        let lo = 0;
        let hi = byOffset.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (citations[byOffset[mid]!]!.span.offset < region.start) lo = mid + 1;
          else hi = mid;
        }
        const inside: number[] = [];
        for (let k = lo; k < byOffset.length && citations[byOffset[k]!]!.span.offset < region.end; k++) inside.push(byOffset[k]!);
        basis.citations = inside.sort((a, b) => a - b).map((k) => citations[k]!);
      }
    }
  } catch (error) {
    // A defect of ours must not cost the user the document: report it and keep what was read.
    diagnostics.push({ severity: "error", code: "internal", message: `parser failure: ${(error as Error)?.message ?? String(error)}`, line: 0, column: 0 });
  }
  base.id = recordId(base, sha256);
  return { record: base, text, map: prepared.map };
}

/** A stable id: readable from the number and date when both are known, else from the content hash. */
export function recordId(record: DocumentRecord, sha256: string): string {
  const n = record.number;
  if (n?.seq && (n.typeCode || n.issuerCode)) {
    const parts = [n.seq, n.year ? String(n.year) : null, n.typeCode, n.issuerCode, record.date?.iso ?? null].filter((p): p is string => !!p);
    const slug = stripMarks(parts.join("-"))
      .replace(/[^A-Za-z0-9.-]+/g, "-")
      .replace(/-+/g, "-")
      .replace(/^-|-$/g, "");
    if (slug) return slug;
  }
  return `doc-${sha256.slice(0, 16)}`;
}

/** Options of `parseBytes`. */
export interface ParseOptions {
  path?: string | null;
  format?: SourceFormat;
  /** The SHA-256 of the bytes, when the caller has computed it already. */
  sha256?: string;
}

/** Decodes a file's bytes (any encoding) and parses them; never throws. */
export function parseBytes(bytes: Uint8Array, options: ParseOptions = {}, findCitations?: CitationFinder): ParsedText & { decoded: string } {
  const decoded = decodeDocument(bytes, { sha256: options.sha256 });
  const parsed = parseText(decoded.text, { path: options.path ?? null, format: options.format ?? decoded.format ?? detectFormat(decoded.text, options.path), encoding: decoded.encoding, sha256: decoded.sha256 }, findCitations);
  // Not unshift(...list): a file changing encoding on every line has a diagnostic per line.
  parsed.record.diagnostics = [...decoded.diagnostics, ...parsed.record.diagnostics];
  // The clean text's map, through the character repair, back to the text as decoded.
  return { ...parsed, map: parsed.map.composeWith(decoded.map), decoded: decoded.decoded };
}
