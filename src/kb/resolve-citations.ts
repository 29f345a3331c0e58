// Resolution: which collection document each citation points at. Citations and documents meet by
// canonical key (TYPE:SEQ:ISSUER@YEAR); where several documents share a key — local bodies reuse
// symbols, so two Ủy ban nhân dân each have a 158/KH-UBND of 2019 — the citation's date and the
// body it names tell them apart. The outcome is a status per citation:
//
//   resolved           one collection document fits            target = its id
//   ambiguous          several fit and nothing tells them apart  candidates = their ids
//   not-in-collection  none fits (or the citation has no key)
//   conflict           the same document is cited with another date than it bears, or two
//                      citations give it two dates; a diagnostic says which
//   self               the document itself (`Quyết định này`, its own number)
import { parseKey } from "../citations/canonical-key.js";
import { issuerCompatible, issuersMayBeSame } from "./issuer-match.js";
import type { CitationFact, ConflictDiagnostic, Resolution } from "./store-format.js";

/** What resolution needs to know of a collection document. */
export interface CollectionDocument {
  id: string;
  key: string | null;
  /** ISO date, possibly partial (YYYY-MM, YYYY) */
  date: string | null;
  issuer: { name: string; parent: string | null } | null;
}

/** A key without its `@YEAR` or `@DATE`: the type, number and issuer code. */
export const keyBase = (key: string) => key.replace(/@[\d-]+$/, "");

/** Whether two ISO dates, either possibly partial, may be the same day. */
export function datesAgree(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/** The collection's documents by key, for resolving citations against it. */
export class CollectionIndex {
  private readonly byBase = new Map<string, { doc: CollectionDocument; year: number | null }[]>();

  constructor(documents: Iterable<CollectionDocument>) {
    for (const doc of documents) {
      if (!doc.key) continue;
      const list = this.byBase.get(keyBase(doc.key)) ?? [];
      list.push({ doc, year: parseKey(doc.key)?.year ?? null });
      this.byBase.set(keyBase(doc.key), list);
    }
  }

  /**
   * The documents a key may name: the same type, number and issuer code, and a year that agrees
   * when both are known. Dates are left to `resolve`, which tells a different document from a
   * wrong date.
   */
  candidates(key: string): CollectionDocument[] {
    const year = parseKey(key)?.year ?? null;
    return (this.byBase.get(keyBase(key)) ?? []).filter((c) => year === null || c.year === null || c.year === year).map((c) => c.doc);
  }

  /**
   * Resolves one citation of the document `citingId` (see the file comment); `conflict` here is
   * only a disagreement with a collection document's own date (see `findDateConflicts` for two citations).
   * @example
   * index.resolve({ key: "KH:158:UBND@2019", date: "2019-07-10", issuer: null, context: "body", parent: null, relation: null, label: "Kế hoạch 158/KH-UBND" }, "a-plan")
   * // → { status: "resolved", target: "158-KH-UBND-2019-07-10", candidates: [], note: null }
   */
  resolve(fact: CitationFact, citingId: string): Resolution {
    if (fact.context === "self") return { status: "self", target: citingId, candidates: [], note: null };
    if (!fact.key) return { status: "not-in-collection", target: null, candidates: [], note: "it has neither a number nor a known name to identify it" };
    let candidates = this.candidates(fact.key);
    // Its own number quoted in its body is the document itself, not another with the same key.
    if (candidates.length > 0 && candidates.every((c) => c.id === citingId)) return { status: "self", target: citingId, candidates: [], note: null };
    candidates = candidates.filter((c) => c.id !== citingId && issuerCompatible(fact.issuer, c.issuer));
    if (fact.date) {
      const agreeing = candidates.filter((c) => c.date === null || datesAgree(c.date, fact.date!));
      if (agreeing.length === 0 && candidates.length > 0) {
        const dated = candidates.map((c) => `${c.id} is dated ${c.date}`).join(", ");
        // Only a citation that names a body which can be the document's issuer is the same
        // document with a wrong date; otherwise it may well be another document with this symbol.
        const sameBody = candidates.filter((c) => fact.issuer !== null && c.issuer !== null && issuerCompatible(fact.issuer, c.issuer));
        if (sameBody.length > 0) {
          return { status: "conflict", target: null, candidates: ids(sameBody), note: `cited as of ${fact.date}, but ${dated}` };
        }
        return { status: "not-in-collection", target: null, candidates: [], note: `cited as of ${fact.date}; ${dated}: another document with the same number?` };
      }
      candidates = agreeing;
    }
    const distinct = ids(candidates);
    if (distinct.length === 0) return { status: "not-in-collection", target: null, candidates: [], note: null };
    if (distinct.length === 1) return { status: "resolved", target: distinct[0]!, candidates: [], note: null };
    return { status: "ambiguous", target: null, candidates: distinct, note: `${distinct.length} documents of the collection have this number and nothing in the citation tells them apart` };
  }
}

function ids(docs: readonly CollectionDocument[]): string[] {
  return [...new Set(docs.map((d) => d.id))].sort();
}

/** A citation with the document it stands in, for finding conflicts across the collection. */
export interface PlacedFact {
  id: string;
  citation: number;
  fact: CitationFact;
  resolution: Resolution;
}

/**
 * Finds documents outside the collection that are cited with two different full dates by
 * citations that must be of one document (see `maySameDocument`); each such citation's status becomes
 * `conflict` (in place) and a diagnostic lists the dates and where they are written.
 */
export function findDateConflicts(placed: readonly PlacedFact[]): ConflictDiagnostic[] {
  // One document is one type, number, issuer code and year: for issuer codes many bodies share,
  // the key carries the whole date, which is what is compared here, so it is left out.
  const byDocument = new Map<string, PlacedFact[]>();
  for (const p of placed) {
    const key = p.fact.key;
    // Named references (no number) are too loose to compare dates; the collection's own documents were judged by `resolve`.
    if (!key || key.includes(":~") || p.resolution.status !== "not-in-collection" || !p.fact.date || p.fact.date.length !== 10) continue;
    const document = `${keyBase(key)}@${parseKey(key)?.year ?? p.fact.date.slice(0, 4)}`;
    const list = byDocument.get(document);
    if (list) list.push(p);
    else byDocument.set(document, [p]);
  }
  const conflicts: ConflictDiagnostic[] = [];
  for (const [document, list] of byDocument) {
    // A document citing one reference many times counts once per date and body named: the
    // comparisons stay few however often a reference is repeated.
    const distinct = new Map<string, PlacedFact[]>();
    for (const p of list) {
      const tuple = `${p.fact.date}\u0000${p.id}\u0000${p.fact.issuer ?? ""}`;
      const same = distinct.get(tuple);
      if (same) same.push(p);
      else distinct.set(tuple, [p]);
    }
    const groups = [...distinct.values()];
    if (new Set(groups.map((g) => g[0]!.fact.date)).size < 2) continue;
    const inConflict = new Set<PlacedFact[]>();
    for (const a of groups) {
      for (const b of groups) {
        if (a[0]!.fact.date! < b[0]!.fact.date! && maySameDocument(a[0]!, b[0]!)) {
          inConflict.add(a);
          inConflict.add(b);
        }
      }
    }
    if (inConflict.size === 0) continue;
    const members = [...inConflict].flat();
    const occurrences = members.map((p) => ({ id: p.id, citation: p.citation, date: p.fact.date! }));
    const dates = [...new Set(occurrences.map((o) => o.date))].sort();
    const message = `${list[0]!.fact.label} (${document}) is cited with ${dates.length} dates: ${dates
      .map((d) => `${d} (in ${[...new Set(occurrences.filter((o) => o.date === d).map((o) => o.id))].join(", ")})`)
      .join(" and ")}`;
    for (const p of members) {
      p.resolution.status = "conflict";
      p.resolution.note = message;
    }
    conflicts.push({ key: document, message, occurrences });
  }
  return conflicts;
}

// Two dates for one key are a conflict when the two citations are of one document: in the same
// text (a document rarely cites two documents with one symbol and year), or naming bodies that may
// be one. Citations in different documents that name no body may be of two local documents that
// share a symbol, so they are not flagged.
function maySameDocument(a: PlacedFact, b: PlacedFact): boolean {
  if (a.id === b.id) return issuersMayBeSame(a.fact.issuer, b.fact.issuer);
  return a.fact.issuer !== null && b.fact.issuer !== null && issuersMayBeSame(a.fact.issuer, b.fact.issuer);
}
