// vanban's own analysis, stored for PostgreSQL: the terms the embedded search index computes for a
// record (src/search: folded terms, reading terms `hoa~hoa2`, identifiers whole and in parts,
// dates written in words) written as a `tsvector` literal, so PostgreSQL never tokenizes: every
// lexeme is exactly a term vanban made. Field weights follow the embedded index's boosts
// (number and title A, issuer and references B, signer, bases and body C, recipients D).
import type { DocumentRecord } from "../model/record.js";
import { INDEX_FIELDS, prepareDocument, type IndexField, type PreparedDocument } from "../search/index-document.js";
import { buildFieldTerms } from "../search/index-terms.js";

const WEIGHTS: Record<IndexField, "A" | "B" | "C" | "D"> = { number: "A", title: "A", refs: "B", issuer: "B", signer: "C", bases: "C", body: "C", recipients: "D" };

// PostgreSQL's limits: positions 1..16383, at most 256 positions a lexeme, a lexeme under 2 KB,
// a tsvector under 1 MB. Past them positions are dropped, never terms.
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_TERM = 64;
const MAX_TERM_BYTES = 2_000;
const MAX_LITERAL_CHARS = 900_000;

/** A term quoted for a tsvector or tsquery literal. */
export function quoteLexeme(term: string): string {
  return `'${term.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/** The search text, segment ends and terms (a tsvector literal) of a record. */
export function searchTermsOf(record: DocumentRecord): { prepared: PreparedDocument; tsvector: string } {
  const prepared = prepareDocument(record);
  const fields = buildFieldTerms(prepared.text, prepared.segmentEnds, prepared.numberTerms, prepared.refTerms);
  const positions = new Map<string, string[]>();
  let position = 0;
  fields.forEach((terms, f) => {
    const weight = WEIGHTS[INDEX_FIELDS[f]!];
    for (const term of terms) {
      if (term.length === 0 || Buffer.byteLength(term) > MAX_TERM_BYTES) continue;
      position = Math.min(position + 1, MAX_POSITION);
      let list = positions.get(term);
      if (!list) positions.set(term, (list = []));
      if (list.length < MAX_POSITIONS_PER_TERM) list.push(`${position}${weight}`);
    }
  });
  let literal = [...positions].map(([term, list]) => `${quoteLexeme(term)}:${list.join(",")}`).join(" ");
  // A very long document: its terms without positions (ranking then counts it as one occurrence each).
  if (literal.length > MAX_LITERAL_CHARS) literal = [...positions.keys()].map(quoteLexeme).join(" ");
  return { prepared, tsvector: literal };
}
