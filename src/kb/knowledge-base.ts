// An opened store: the collection's documents, their records (read from the chunks on demand),
// and the citation graph, with the questions researchers ask of it — who cites this document
// (directly or through others), whom does this one cite, what lies around it.
import { resolve } from "node:path";
import { queryKey, type ReferenceQuery } from "../citations/canonical-key.js";
import { knownDocuments } from "../citations/known-documents.js";
import { documentLabel, findCiting, matchesKey, matchReference, type CitationPick, type CitationRow, type CitationSource, type CitingContext, type CitingOptions, type IncomingEdge, type RefMatch } from "./citing-query.js";
import type { DocumentRecord } from "../model/record.js";
import { readCitationFacts } from "./citation-facts.js";
import { summarizeEntry, type CitingDocument, type CitingSpan, type DocumentReference, type DocumentSummary, type GraphNode } from "./query-results.js";
import { DamagedLineError, readLine, readStoredRecords, type StoredRecord } from "./record-chunks.js";
import { distinctDocuments } from "./document-identity.js";
import { CollectionIndex } from "./resolve-citations.js";
import type { StoreState } from "./read-store.js";
import { rebuildCommand, StoreError } from "../store/store-errors.js";
import { SEARCH_DIR, type CatalogEntry, type ConflictDiagnostic, type GraphDocument, type GraphEdge, type StoreManifestBody } from "./store-format.js";

export { documentLabel, ReferenceQueryError, type CitingOptions } from "./citing-query.js";

/** Options of `graph`. */
export interface GraphOptions {
  /** only the part of the graph around this document (any spelling, alias name, key or record id) */
  around?: string;
  /** how many links from it (default 1) */
  depth?: number;
}

/** The citation graph or a part of it. */
export interface CitationGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** An opened store (see `openStore`). */
export class KnowledgeBase {
  private readonly byId = new Map<string, number[]>();
  private readonly byPath = new Map<string, number>();
  private readonly incoming = new Map<string, GraphEdge[]>();
  private readonly outgoing = new Map<string, GraphEdge[]>();
  private readonly referenceLabels: Map<string, string>;
  private collection: CollectionIndex | null = null;
  private citationsBy: { byKey: Map<string, number[]>; byTarget: Map<string, number[]> } | null = null;

  /** @internal use `openStore` */
  constructor(private readonly state: StoreState) {
    state.catalog.forEach((entry, i) => {
      pushTo(this.byId, entry.id, i);
      this.byPath.set(entry.path, i);
    });
    // A stated relation says more than a bare citation between the same two documents: chains
    // follow it first ("implements Kết luận 91" rather than "cites Kết luận 91").
    const edges = [...state.graph.edges].sort((a, b) => Number(a.relation === "cites") - Number(b.relation === "cites"));
    for (const edge of edges) {
      pushTo(this.outgoing, edge.from, edge);
      pushTo(this.incoming, edge.to, edge);
    }
    this.referenceLabels = new Map(state.graph.references.map((r) => [r.key, r.label]));
  }

  /** The store directory. */
  get dir(): string {
    return this.state.dir;
  }

  /** The manifest: generation, what was indexed, when. */
  get manifest(): StoreManifestBody {
    return this.state.manifest;
  }

  /** The directory the search index is saved in (src/search's `saveIndex` / `loadIndex`). */
  get searchDir(): string {
    return resolve(this.state.dir, SEARCH_DIR);
  }

  /** The collection's documents, sorted by path. */
  documents(): readonly CatalogEntry[] {
    return this.state.catalog;
  }

  /** Documents with a given record id, or the document of a given file (any relative or absolute path). */
  find(idOrPath: string): CatalogEntry[] {
    const byId = this.byId.get(idOrPath);
    if (byId) return byId.map((i) => this.state.catalog[i]!);
    const i = this.byPath.get(resolve(idOrPath));
    return i === undefined ? [] : [this.state.catalog[i]!];
  }

  /** Documents the store's citation graph could not settle: one document cited with different dates. */
  conflicts(): readonly ConflictDiagnostic[] {
    return this.state.graph.conflicts;
  }

  private graphOf(entry: CatalogEntry): GraphDocument {
    return this.state.graph.documents[this.byPath.get(entry.path)!]!;
  }

  private async readStored(entry: CatalogEntry): Promise<StoredRecord> {
    let line: string;
    try {
      line = await readLine(this.state.dir, entry);
    } catch (error) {
      throw this.readFailure(error);
    }
    return JSON.parse(line) as StoredRecord;
  }

  private readFailure(error: unknown): Error {
    const dir = this.state.dir;
    if (error instanceof DamagedLineError) return new StoreError("corrupt", dir, `the store ${dir} is damaged: ${error.message}`, rebuildCommand(dir, this.state.manifest.roots));
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new StoreError("changed", dir, `the store ${dir} was rewritten while it was being read`, "run the command again");
    return error as Error;
  }

  // The record as the parser made it, with what the store knows added: its file and the targets of its citations.
  private completeRecord(entry: CatalogEntry, record: DocumentRecord): DocumentRecord {
    const resolutions = this.graphOf(entry).resolutions;
    return {
      ...record,
      id: entry.id,
      source: { ...record.source, path: entry.path },
      citations: record.citations.map((c, i) => ({ ...c, target: resolutions[i]?.target ?? null })),
    };
  }

  /**
   * The record of a document (by record id, path or catalog entry), with `target` filled in for
   * citations the collection resolves; checked against its checksum as it is read.
   * @example
   * const record = await kb.record("203-TB-UBND-2024-06-18");
   */
  async record(document: string | CatalogEntry): Promise<DocumentRecord> {
    const entry = typeof document === "string" ? this.find(document)[0] : document;
    if (!entry) throw new Error(`no document ${document} in the store ${this.state.dir}`);
    return this.completeRecord(entry, (await this.readStored(entry)).record);
  }

  /**
   * Every document's record, once (a content at several paths under its first path), chunk by
   * chunk (each chunk checked whole), so that all of them can be streamed into another index
   * without holding them in memory at once.
   */
  async *records(): AsyncGenerator<{ entry: CatalogEntry; record: DocumentRecord }> {
    try {
      for await (const { entry, stored } of readStoredRecords(this.state.dir, this.state.manifest.chunks, distinctDocuments(this.state.catalog))) {
        yield { entry, record: this.completeRecord(entry, stored.record) };
      }
    } catch (error) {
      throw this.readFailure(error);
    }
  }

  /** The list fields of a document. */
  summary(entry: CatalogEntry): DocumentSummary {
    return summarizeEntry(entry);
  }

  private matchRef(ref: string | ReferenceQuery): RefMatch {
    return matchReference(this.state.catalog, this.byId, ref);
  }

  /**
   * How a reference given in any spelling is named, for a heading: the labels of the documents it
   * matches (`Nghị quyết 29-NQ/TW`), else the reference as given.
   */
  describe(ref: string): string {
    const { documents, references } = this.lookup(ref);
    const labels = [...new Set([...references.map((r) => r.label), ...documents.map((d) => (d.docType && d.number ? `${d.docType.name} ${d.number}` : d.id))])];
    return labels.length > 0 ? labels.join(", ") : ref;
  }

  /**
   * The documents a reference stands for when it may stand for several (a name three laws bear
   * over the years), each with a canonical key that asks for it alone; empty when it names one.
   * Throws a `ReferenceQueryError` when it names no document at all.
   * @example
   * kb.readings("Luật Tổ chức chính quyền địa phương").map((r) => r.key)
   * // → ["Luật:~to-chuc-chinh-quyen-dia-phuong", "Luật:77:QH13@2015", "Luật:72:QH15@2025"]
   */
  readings(ref: string): { key: string; label: string }[] {
    const { queries } = this.matchRef(ref);
    if (queries.length < 2) return [];
    const known = new Map(knownDocuments().map((d) => [d.key, `${d.docType.name} ${d.number}`]));
    return queries.flatMap((q) => {
      const key = queryKey(q);
      return key ? [{ key, label: known.get(key) ?? this.referenceLabels.get(key) ?? (q.name !== null ? `${q.types?.[0] ?? ""} ${q.name}`.trim() : key) }] : [];
    });
  }

  /**
   * What a reference given in any spelling names in this store: the collection documents and the
   * cited documents outside it (by key, with their labels) that it matches. Throws a
   * `ReferenceQueryError` when it names no document at all.
   * @example
   * kb.lookup("Kết luận 91").references // → [{ key: "KL:91:TW@2024", label: "Kết luận 91-KL/TW" }]
   */
  lookup(ref: string): { documents: CatalogEntry[]; references: { key: string; label: string }[] } {
    const match = this.matchRef(ref);
    const documents = [...match.ids].flatMap((id) => this.find(id));
    const references = [...this.referenceLabels].filter(([key]) => matchesKey(match, key)).map(([key, label]) => ({ key, label }));
    return { documents, references };
  }

  // Which documents' citations carry each key, and which lead to each collection document: built
  // on the first question, so that a question looks at each distinct key once, not at every citation.
  private citationIndex(): { byKey: Map<string, number[]>; byTarget: Map<string, number[]> } {
    if (this.citationsBy) return this.citationsBy;
    const byKey = new Map<string, number[]>();
    const byTarget = new Map<string, number[]>();
    this.state.graph.documents.forEach((doc, d) => {
      const keys = new Set<string>();
      const targets = new Set<string>();
      doc.facts.forEach((f, i) => {
        const r = doc.resolutions[i]!;
        if (r.status === "self") return;
        if (f.key) keys.add(f.key);
        if (r.target) targets.add(r.target);
        for (const c of r.candidates) targets.add(c);
      });
      for (const k of keys) pushTo(byKey, k, d);
      for (const t of targets) pushTo(byTarget, t, d);
    });
    this.citationsBy = { byKey, byTarget };
    return this.citationsBy;
  }

  /** The catalog positions of the documents with a citation that may cite what `match` asks for. */
  private candidatesFor(match: RefMatch): number[] {
    const { byKey, byTarget } = this.citationIndex();
    const found = new Set<number>();
    for (const id of match.ids) for (const d of byTarget.get(id) ?? []) found.add(d);
    for (const [key, docs] of byKey) if (matchesKey(match, key)) for (const d of docs) found.add(d);
    return [...found].sort((a, b) => a - b);
  }

  private async spans(entry: CatalogEntry, picks: readonly CitationPick[]): Promise<CitingSpan[]> {
    const stored = await this.readStored(entry);
    return picks.map(({ index, status, target }) => {
      const c = stored.record.citations[index]!;
      return { index, raw: c.raw, span: c.span, context: c.context, sentence: stored.sentences[index] ?? c.raw, key: c.key, status, target };
    });
  }

  /** A label for a graph node: a collection document's type and number (or title), a cited document's label. */
  nodeLabel(node: string): string {
    const entry = this.byId.get(node);
    if (entry) return documentLabel(this.state.catalog[entry[0]!]!);
    return this.referenceLabels.get(node) ?? node;
  }

  /**
   * The documents that cite a document given in any spelling (`29-NQ/TW`, `NQ 29`, `Nghị quyết
   * 29`, `nghi quyet so 29/NQ-TW`), by an alias name, by canonical key or by record id — each with
   * the citations that do. With `transitive`, also those that cite it through other documents
   * (a plan citing Kết luận 91-KL/TW, which continues Nghị quyết 29-NQ/TW), each with its chain.
   * @example
   * const kb = await openStore(".vanban");
   * for (const doc of await kb.citing("29-NQ/TW", { transitive: true })) console.log(doc.path, doc.chain?.map((l) => l.label).join(" → "));
   */
  async citing(ref: string | ReferenceQuery, options: CitingOptions = {}): Promise<CitingDocument[]> {
    return findCiting(this.citingContext(), ref, options);
  }

  /** The graph held in memory as the source of citing questions (citing-query.ts). */
  private citingContext(): CitingContext {
    const source: CitationSource = {
      citationsFor: async (match) => this.citationRows(match),
      incoming: async (node) => this.incomingEdges(node),
      referencesFor: async () => this.state.graph.references.map((r, order) => ({ ...r, order })),
      referenceLabel: async (key) => this.referenceLabels.get(key),
    };
    return { catalog: this.state.catalog, byId: this.byId, source, spans: (entry, picks) => this.spans(entry, picks) };
  }

  private citationRows(match: RefMatch): CitationRow[] {
    return this.candidatesFor(match).flatMap((d) => {
      const doc = this.state.graph.documents[d]!;
      return doc.resolutions.flatMap((r, index) => (r.status === "self" ? [] : [{ doc: d, index, key: doc.facts[index]!.key, status: r.status, target: r.target, candidates: r.candidates }]));
    });
  }

  private incomingEdges(node: string): IncomingEdge[] {
    return (this.incoming.get(node) ?? []).map((edge) => {
      const at = this.byId.get(edge.from);
      const doc = at ? this.state.graph.documents[at[0]!]! : null;
      const citations = doc ? citationsAt(doc, node) : [];
      return { from: edge.from, relation: edge.relation, citations };
    });
  }

  /**
   * The documents whose citations resolve to the collection document `id` (or may, when ambiguous;
   * or do with another date, when in conflict).
   * @example
   * await kb.citedBy("253-KH-HU-2024-11-20"); // the plans that implement this one
   */
  async citedBy(id: string): Promise<CitingDocument[]> {
    if (!this.byId.has(id)) return [];
    return this.citing(id);
  }

  /**
   * What a document (record id or file path) cites, each citation with its status: resolved (and
   * to which document), ambiguous (the candidates), not in the collection, in conflict, or itself.
   * @example
   * for (const ref of await kb.references("documents/plan.txt")) console.log(ref.status, ref.label);
   */
  async references(idOrPath: string): Promise<DocumentReference[]> {
    const entry = this.find(idOrPath)[0];
    if (!entry) throw new Error(`no document ${idOrPath} in the store ${this.state.dir}`);
    const stored = await this.readStored(entry);
    const doc = this.graphOf(entry);
    return stored.record.citations.map((c, i) => {
      const r = doc.resolutions[i]!;
      return this.reference({ ...c, target: r.target }, i, r, stored.sentences[i] ?? c.raw, doc.facts[i]!.label);
    });
  }

  /**
   * The citations of a record the store does not hold (a file parsed just now), resolved against
   * the collection; `text` is the clean text its spans point into.
   */
  referencesOf(record: DocumentRecord, text: string): DocumentReference[] {
    this.collection ??= new CollectionIndex(this.state.catalog.map((e) => ({ id: e.id, key: e.key, date: e.date?.iso ?? null, issuer: e.issuer })));
    const { facts, sentences } = readCitationFacts(record, text);
    return record.citations.map((c, i) => {
      const r = this.collection!.resolve(facts[i]!, record.id);
      return this.reference({ ...c, target: r.target }, i, r, sentences[i]!, facts[i]!.label);
    });
  }

  private reference(citation: DocumentRecord["citations"][number], index: number, r: GraphDocument["resolutions"][number], sentence: string, label: string): DocumentReference {
    const target = r.status === "resolved" && r.target ? this.byId.get(r.target) : undefined;
    return {
      citation,
      index,
      status: r.status,
      candidates: r.candidates,
      note: r.note,
      sentence,
      label,
      resolvedTo: target ? this.summary(this.state.catalog[target[0]!]!) : null,
    };
  }

  /**
   * The citation graph: every collection document and every document they cite, with the edges
   * between them — or, with `around`, the part within `depth` links of one document.
   * @example
   * const { nodes, edges } = kb.graph({ around: "29-NQ/TW", depth: 2 });
   */
  graph(options: GraphOptions = {}): CitationGraph {
    let keep: Set<string> | null = null;
    if (options.around !== undefined) {
      const match = this.matchRef(options.around);
      keep = new Set(match.ids);
      for (const key of this.referenceLabels.keys()) if (matchesKey(match, key)) keep.add(key);
      let frontier = [...keep];
      for (let depth = 0; depth < (options.depth ?? 1); depth++) {
        const following: string[] = [];
        for (const node of frontier) {
          for (const edge of [...(this.incoming.get(node) ?? []), ...(this.outgoing.get(node) ?? [])]) {
            for (const other of [edge.from, edge.to]) {
              if (!keep.has(other)) {
                keep.add(other);
                following.push(other);
              }
            }
          }
        }
        frontier = following;
      }
    }
    const nodes: GraphNode[] = [];
    const seen = new Set<string>();
    for (const entry of this.state.catalog) {
      if (seen.has(entry.id) || (keep && !keep.has(entry.id))) continue;
      seen.add(entry.id);
      nodes.push({ id: entry.id, kind: "document", label: documentLabel(entry), key: entry.key, path: entry.path, title: entry.title });
    }
    for (const [key, label] of this.referenceLabels) {
      if (keep && !keep.has(key)) continue;
      nodes.push({ id: key, kind: "reference", label, key, path: null, title: null });
    }
    const edges = this.state.graph.edges.filter((e) => !keep || (keep.has(e.from) && keep.has(e.to)));
    return { nodes, edges };
  }
}

// Appends to a list in a map of lists (a well-cited document has tens of thousands of edges: no copying).
function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}


/** The citations (not of itself) of a document whose graph node is `node`: what a chain's first step cites. */
export function citationsAt(doc: GraphDocument, node: string): CitationPick[] {
  return doc.nodes.flatMap((n, index) => {
    const r = doc.resolutions[index]!;
    return n === node && r.status !== "self" ? [{ index, status: r.status, target: r.target }] : [];
  });
}
