// The documents the collection cites most: for each graph node, how many collection documents
// (other than itself) have an edge to it — a document that cites another three times counts once.
import type { CitedCount } from "./collection-results.js";
import type { CitationGraph } from "./knowledge-base.js";

/** The `limit` most cited nodes of a graph, most first (ties by label). */
export function mostCited(graph: CitationGraph, limit = 20): CitedCount[] {
  const documents = new Set(graph.nodes.filter((n) => n.kind === "document").map((n) => n.id));
  const citers = new Map<string, Set<string>>();
  for (const edge of graph.edges) {
    if (!documents.has(edge.from) || edge.from === edge.to) continue;
    let set = citers.get(edge.to);
    if (!set) citers.set(edge.to, (set = new Set()));
    set.add(edge.from);
  }
  const labels = new Map(graph.nodes.map((n) => [n.id, n.label]));
  return [...citers]
    .map(([node, set]) => ({ node, id: documents.has(node) ? node : null, label: labels.get(node) ?? node, citedBy: set.size }))
    .sort((a, b) => b.citedBy - a.citedBy || a.label.localeCompare(b.label))
    .slice(0, limit);
}
