// The citations of a document: the pre-filter picks the stretches that may hold references, the
// reference grammar reads them, and buildCitations resolves what it found.
import { referenceLexer } from "../../grammars/reference-tokens.js";
import { LineIndex } from "../input/line-index.js";
import type { Citation, CitationContext } from "../model/record.js";
import { buildCitations, type LocatedReference } from "./build-citations.js";
import { findCandidateSpans } from "./candidate-spans.js";
import { findReferences } from "./reference-visitor.js";

/** A part of the text to search, and where in the document it stands. */
export interface CitationRegion {
  start: number;
  end: number;
  context: CitationContext;
}

/** Options of findCitations. */
export interface FindCitationsOptions {
  /** Line index of the whole text (built when absent). */
  lineIndex?: LineIndex;
  /** The document's own number (`986/QĐ-UBND`): citations of it get `context: "self"`. */
  selfNumber?: string | null;
}

/** Every reference found in the regions, with document offsets, in the order found. */
export function locateReferences(text: string, regions: readonly CitationRegion[]): LocatedReference[] {
  const located: LocatedReference[] = [];
  const sorted = [...regions].sort((a, b) => a.start - b.start);
  for (const region of sorted) {
    const from = Math.max(0, Math.min(text.length, region.start));
    const to = Math.max(from, Math.min(text.length, region.end));
    for (const span of findCandidateSpans(text, from, to)) {
      const source = text.slice(span.start, span.end);
      const base = located.length;
      for (const r of findReferences(source, referenceLexer.tokenize(source).tokens))
        located.push({
          ...r,
          start: r.start + span.start,
          end: r.end + span.start,
          parent: r.parent === null ? null : r.parent + base,
          context: region.context,
        });
    }
  }
  return located;
}

/**
 * Finds the references to documents in the given regions of `text`: citations in document order,
 * each occurrence once, spans in `text` coordinates (`text.slice(offset, offset + length) === raw`),
 * `target` left null for the knowledge base to fill. Never throws.
 * @example
 * const text = "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;";
 * findCitations(text, [{ start: 0, end: text.length, context: "basis" }])[0]?.key // → "NĐ:30:CP@2020"
 */
export function findCitations(text: string, regions: readonly CitationRegion[], options: FindCitationsOptions = {}): Citation[] {
  const lineIndex = options.lineIndex ?? new LineIndex(text);
  return buildCitations(locateReferences(text, regions), text, lineIndex, options.selfNumber);
}
