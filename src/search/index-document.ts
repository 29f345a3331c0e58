// A record as the index holds it: a small summary for result lists and filters, the keyword terms
// of its number and references, and one stored text (number, title, issuer, signer, bases, body,
// recipients, in that order) from which every text field, snippet and phrase check is derived.
import type { DocumentSummary } from "../model/document-summary.js";
import type { DocumentRecord, Section } from "../model/record.js";
import { analyzeText } from "./analyze-text.js";
import { dateTerm, isDocumentIdentifier, normalizeIdentifier } from "./identifier.js";

/** The parts of the stored text, in order; each becomes one MiniSearch field. */
export const TEXT_FIELDS = ["title", "issuer", "signer", "bases", "body", "recipients"] as const;
/** One of the `TEXT_FIELDS`. */
export type TextField = (typeof TEXT_FIELDS)[number];
/**
 * The segments of the stored text, in order: the number as written (shown and matched for
 * highlighting and re-ranking, but indexed through the `number` keyword field only), then the
 * text fields.
 */
export const STORED_SEGMENTS = ["number", ...TEXT_FIELDS] as const;
/** One of the `STORED_SEGMENTS`. */
export type StoredSegment = (typeof STORED_SEGMENTS)[number];

/** The `[start, end)` range of a segment of a stored text, given its `segmentEnds`. */
export function segmentRange(segmentEnds: readonly number[], segment: StoredSegment): { start: number; end: number } {
  const i = STORED_SEGMENTS.indexOf(segment);
  const previousEnd = i > 0 ? segmentEnds[i - 1]! : 0;
  const end = segmentEnds[i]!;
  // Segments are joined by one line break, which belongs to neither.
  const start = previousEnd === 0 || previousEnd === end ? previousEnd : previousEnd + 1;
  return { start: Math.min(start, end), end };
}

/** Fields built from the record's structured number and citations, never from running text. */
export const KEYWORD_FIELDS = ["number", "refs"] as const;
/** Every MiniSearch field of a document. */
export const INDEX_FIELDS = [...TEXT_FIELDS, ...KEYWORD_FIELDS] as const;
/** One of the `INDEX_FIELDS`. */
export type IndexField = (typeof INDEX_FIELDS)[number];

/**
 * What a result list shows and the filters read, kept for every indexed document: the document
 * summary (`model/document-summary.ts`; `path` null for a record indexed without a file) and
 * what the index's filters and freshness checks read.
 */
export interface IndexedSummary extends Omit<DocumentSummary, "path"> {
  path: string | null;
  /** `record.source.sha256`: the content the entry was built from */
  sha256: string;
  system: "state" | "party" | null;
  place: string | null;
  year: number | null;
  /** canonical citation keys of the documents it cites (`record.citations[].key`, self-references excluded) */
  cites: string[];
}

/** A record reduced to what the index stores and analyses. */
export interface PreparedDocument {
  summary: IndexedSummary;
  /** the searchable text, NFC as in the record; snippets and highlights are offsets into it */
  text: string;
  /** end offset in `text` of each of the `STORED_SEGMENTS` */
  segmentEnds: number[];
  /** space-separated terms of the `number` field */
  numberTerms: string;
  /** space-separated terms of the `refs` field */
  refTerms: string;
}

function pushSections(sections: readonly Section[], lines: string[]): void {
  for (const section of sections) {
    // Structural markers are searchable (`Điều 5`, `Chương II`); list numbering (`1`, `a`, `-`) is noise.
    const marker =
      section.kind === "article" || section.kind === "chapter" || section.kind === "part" ? section.marker : null;
    const head = [marker, section.heading].filter((part): part is string => !!part).join(" ");
    if (head) lines.push(head);
    lines.push(...section.text);
    pushSections(section.children, lines);
  }
}

function segmentLines(record: DocumentRecord, segment: StoredSegment): string[] {
  const lines: string[] = [];
  switch (segment) {
    case "number":
      if (record.number) lines.push(record.number.raw);
      break;
    case "title":
      if (record.docType) lines.push(record.docType.name);
      if (record.title) lines.push(record.title);
      break;
    case "issuer":
      if (record.issuer) lines.push(record.issuer.name, ...(record.issuer.parent ? [record.issuer.parent] : []));
      if (record.place) lines.push(record.place);
      break;
    case "signer":
      if (record.signature?.signer) lines.push(record.signature.signer);
      if (record.signature?.title) lines.push(record.signature.title);
      break;
    case "bases":
      for (const basis of record.bases) lines.push(basis.raw);
      break;
    case "body":
      // `intro`: paragraphs before the first numbered section (an extension of the v1 record).
      lines.push(...record.intro);
      pushSections(record.sections, lines);
      for (const annex of record.annexes) {
        if (annex.title) lines.push(annex.title);
        pushSections(annex.sections, lines);
      }
      for (const footnote of record.footnotes) lines.push(`${footnote.label} ${footnote.text}`);
      break;
    case "recipients":
      lines.push(...record.addressees);
      for (const recipient of record.recipients) {
        lines.push(recipient.note ? `${recipient.name} (${recipient.note})` : recipient.name);
      }
      break;
  }
  return lines.filter((line) => line.length > 0);
}

function numberTermsOf(record: DocumentRecord): string[] {
  const terms = new Set<string>();
  const add = (canonical: string | null): void => {
    if (!canonical) return;
    terms.add(canonical);
    // The parts too, so that `1779` or `QĐ 1779` finds `01779/QĐ-UBND`.
    for (const part of canonical.split("/")) if (part) terms.add(part);
  };
  const number = record.number;
  if (number) {
    add(normalizeIdentifier(number.raw));
    if (number.seq) {
      add(normalizeIdentifier([number.seq, number.year, number.typeCode, number.issuerCode].filter((p) => p !== null).join("/")));
    }
  }
  if (record.date?.iso) {
    const date = dateTerm(record.date.iso);
    if (date) terms.add(date);
  }
  return [...terms];
}

function refTermsOf(record: DocumentRecord): string[] {
  const terms: string[] = [];
  for (const citation of record.citations) {
    if (citation.context === "self") continue;
    // The raw span holds the number as written; other identifiers in it (dates) are not the reference.
    const identifier = analyzeText(citation.raw).find(isDocumentIdentifier);
    if (identifier) terms.push(identifier.term);
  }
  return terms;
}

function yearOf(record: DocumentRecord): number | null {
  const iso = record.date?.iso;
  if (iso && /^\d{4}/.test(iso)) return Number(iso.slice(0, 4));
  return record.number?.year ?? null;
}

/** Reduces a record to its summary, searchable text and keyword terms; the record itself is not kept. */
export function prepareDocument(record: DocumentRecord): PreparedDocument {
  let text = "";
  const segmentEnds: number[] = [];
  for (const segment of STORED_SEGMENTS) {
    const lines = segmentLines(record, segment);
    if (lines.length > 0) text += (text.length > 0 ? "\n" : "") + lines.join("\n");
    segmentEnds.push(text.length);
  }
  const cites = new Set<string>();
  for (const citation of record.citations) {
    if (citation.key !== null && citation.context !== "self") cites.add(citation.key);
  }
  return {
    summary: {
      id: record.id,
      path: record.source.path,
      sha256: record.source.sha256,
      docType: record.docType ? { code: record.docType.code, name: record.docType.name } : null,
      number: record.number?.raw ?? null,
      date: record.date?.iso ?? null,
      issuer: record.issuer?.name ?? null,
      title: record.title,
      system: record.system,
      place: record.place,
      year: yearOf(record),
      cites: [...cites],
    },
    text,
    segmentEnds,
    numberTerms: numberTermsOf(record).join(" "),
    refTerms: refTermsOf(record).join(" "),
  };
}
