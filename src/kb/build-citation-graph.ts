// The citation graph of a collection, built once per index run from each document's citation
// facts and resolutions. Nodes are the collection's documents (by record id) and the documents
// they cite that it does not hold (by canonical key). Edges:
//
//   cites            a document → each document it cites                       (source: citation)
//   implements, continues, amends, replaces, refers
//                    what a subject clause states: "Kết luận 91 về tiếp tục thực hiện Nghị quyết 29"
//                    → Kết luận 91 continues Nghị quyết 29                        (source: subject)
//                    what a document's title states of a document it names        (source: title)
//                    what the known-documents table says (Kết luận 51 continues Nghị quyết 29)
//                                                                                 (source: known-documents)
import { parseKey } from "../citations/canonical-key.js";
import { knownDocuments, type KnownDocument } from "../citations/known-documents.js";
import { keyBase } from "./resolve-citations.js";
import type { CitationFact, GraphEdge, Resolution } from "./store-format.js";

/** One collection document as the graph builder sees it. */
export interface GraphInputDocument {
  id: string;
  key: string | null;
  facts: readonly CitationFact[];
  resolutions: readonly Resolution[];
}

/** The built graph: per document the node each citation points at, the edges, and the labels of nodes outside the collection. */
export interface BuiltGraph {
  nodes: (string | null)[][];
  edges: GraphEdge[];
  references: { key: string; label: string }[];
}


/** A label for a known document: its type and number as printed (`Kết luận 91-KL/TW`). */
export function knownDocumentLabel(doc: KnownDocument): string {
  return `${doc.docType.name} ${doc.number}`;
}

/**
 * Builds the graph of a collection (see the file comment). `known` is the known-documents table
 * (injected for tests; the real one by default).
 */
export function buildCitationGraph(documents: readonly GraphInputDocument[], known: readonly KnownDocument[] = knownDocuments()): BuiltGraph {
  // A citation that leaves out the year (or, for shared issuer codes, the day) is taken for the one
  // more precisely dated document with its number that agrees with it, when there is exactly one in sight.
  const keysByBase = new Map<string, Set<string>>();
  const noteKey = (key: string | null) => {
    if (!key || !parseKey(key)) return;
    const set = keysByBase.get(keyBase(key)) ?? new Set<string>();
    set.add(key);
    keysByBase.set(keyBase(key), set);
  };
  for (const d of documents) {
    noteKey(d.key);
    d.facts.forEach((f) => noteKey(f.key));
  }
  known.forEach((k) => noteKey(k.key));
  const referenceNode = (key: string): string => {
    const parts = parseKey(key);
    if (!parts || parts.date !== null) return key;
    const finer = [...(keysByBase.get(keyBase(key)) ?? [])].filter((k) => {
      const p = parseKey(k)!;
      return k !== key && p.year !== null && (parts.year === null || (p.year === parts.year && p.date !== null));
    });
    return finer.length === 1 ? finer[0]! : key;
  };
  // The known-documents table names documents by key: one of the collection's when exactly one has it.
  const idsByKey = new Map<string, Set<string>>();
  for (const d of documents) if (d.key) idsByKey.set(d.key, (idsByKey.get(d.key) ?? new Set()).add(d.id));
  const nodeOfKey = (key: string): string => {
    const node = referenceNode(key);
    const ids = idsByKey.get(node);
    return ids && ids.size === 1 ? [...ids][0]! : node;
  };

  const edges = new Map<string, GraphEdge>();
  const addEdge = (edge: GraphEdge) => {
    if (edge.from === edge.to) return;
    const id = `${edge.from}\u0000${edge.to}\u0000${edge.relation}`;
    if (!edges.has(id)) edges.set(id, edge);
  };
  const labels = new Map<string, Map<string, number>>();
  const present = new Set<string>(documents.map((d) => d.id));

  const nodes = documents.map((d) => {
    // A citation resolved to a collection document points at it; any other at its key, never at a
    // collection document that merely shares the key (the district's 158/KH-UBND is not the province's).
    const pointsAt = d.facts.map((f, i): string | null => {
      const r = d.resolutions[i]!;
      if (r.status === "self") return d.id;
      if (r.status === "resolved") return r.target;
      return f.key ? referenceNode(f.key) : null;
    });
    d.facts.forEach((f, i) => {
      const to = pointsAt[i]!;
      if (to === null || to === d.id) return;
      present.add(to);
      if (d.resolutions[i]!.status !== "resolved") {
        const counts = labels.get(to) ?? new Map<string, number>();
        counts.set(f.label, (counts.get(f.label) ?? 0) + 1);
        labels.set(to, counts);
      }
      addEdge({ from: d.id, to, relation: "cites", source: "citation", statedIn: d.id });
      if (f.parent !== null) {
        const from = pointsAt[f.parent];
        if (from) addEdge({ from, to, relation: f.relation ?? "refers", source: "subject", statedIn: d.id });
      } else if (f.context === "title" && f.relation && f.relation !== "refers") {
        addEdge({ from: d.id, to, relation: f.relation, source: "title", statedIn: d.id });
      }
    });
    return pointsAt;
  });

  const knownLabels = new Map<string, string>();
  for (const k of known) {
    const from = nodeOfKey(k.key);
    knownLabels.set(referenceNode(k.key), knownDocumentLabel(k));
    for (const r of k.relations) {
      const to = nodeOfKey(r.target);
      // Only what touches this collection: the table's other rows would be islands in its graph.
      if (present.has(from) || present.has(to)) addEdge({ from, to, relation: r.relation, source: "known-documents", statedIn: null });
    }
  }
  for (const e of edges.values()) {
    present.add(e.from);
    present.add(e.to);
  }
  const collection = new Set(documents.map((d) => d.id));
  const references = [...present]
    .filter((n) => !collection.has(n))
    .sort()
    .map((key) => ({ key, label: knownLabels.get(key) ?? mostFrequent(labels.get(key)) ?? key }));
  return { nodes, edges: [...edges.values()], references };
}

function mostFrequent(counts: Map<string, number> | undefined): string | null {
  if (!counts) return null;
  let best: string | null = null;
  let n = 0;
  for (const [label, c] of counts) if (c > n) [best, n] = [label, c];
  return best;
}
