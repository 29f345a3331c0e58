// One copy of each string: the citation facts of a collection repeat the same keys, issuers, dates
// and labels across thousands of documents, and each document's arrive as copies of their own
// (posted by a parse worker, or read from the store's JSON). A store of 10,000 documents held
// some 20 MB of such copies.
import type { CitationFact, GraphDocument, Resolution } from "./store-format.js";

/** Interns strings: equal strings given to `get` come back as one string. */
export class StringPool {
  private readonly strings = new Map<string, string>();

  /** The pool's copy of `s` (`s` itself the first time). */
  get<T extends string | null>(s: T): T {
    if (s === null) return s;
    const held = this.strings.get(s);
    if (held !== undefined) return held as T;
    this.strings.set(s, s);
    return s;
  }

  /** A citation fact whose strings are the pool's. */
  fact(f: CitationFact): CitationFact {
    return { key: this.get(f.key), date: this.get(f.date), issuer: this.get(f.issuer), context: this.get(f.context), parent: f.parent, relation: this.get(f.relation), label: this.get(f.label) };
  }

  /** A resolution whose strings are the pool's. */
  resolution(r: Resolution): Resolution {
    return { status: this.get(r.status), target: this.get(r.target), candidates: r.candidates.map((c) => this.get(c)), note: this.get(r.note) };
  }

  /** A graph document whose strings are the pool's. */
  document(d: GraphDocument): GraphDocument {
    return { t: d.t, id: d.id, facts: d.facts.map((f) => this.fact(f)), resolutions: d.resolutions.map((r) => this.resolution(r)), nodes: d.nodes.map((n) => this.get(n)) };
  }
}
