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

  /** Makes the strings of a citation fact the pool's (in place: the fact is the caller's own copy); returns it. */
  fact(f: CitationFact): CitationFact {
    f.key = this.get(f.key);
    f.date = this.get(f.date);
    f.issuer = this.get(f.issuer);
    f.context = this.get(f.context);
    f.relation = this.get(f.relation);
    f.label = this.get(f.label);
    return f;
  }

  /** Makes the strings of a resolution the pool's (in place); returns it. */
  resolution(r: Resolution): Resolution {
    r.status = this.get(r.status);
    r.target = this.get(r.target);
    for (let i = 0; i < r.candidates.length; i++) r.candidates[i] = this.get(r.candidates[i]!);
    r.note = this.get(r.note);
    return r;
  }

  /** Makes the strings of a graph document the pool's (in place); returns it. */
  document(d: GraphDocument): GraphDocument {
    for (const f of d.facts) this.fact(f);
    for (const r of d.resolutions) this.resolution(r);
    for (let i = 0; i < d.nodes.length; i++) d.nodes[i] = this.get(d.nodes[i]!);
    return d;
  }
}
