// The citation graph in the formats graph tools read: Graphviz DOT, GraphML (yEd, Gephi), Mermaid
// (Markdown renderers) and JSON. Labels come from documents, so each format's escaping is applied
// to them: a title with quotes, brackets or control characters cannot break out of its string.
import type { CitationGraph } from "./knowledge-base.js";

/** The formats `formatGraph` writes. */
export const GRAPH_FORMATS = ["dot", "json", "graphml", "mermaid"] as const;
/** A format `formatGraph` writes. */
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

// Control characters have no place in any of these formats (XML 1.0 forbids most of them).
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;
const clean = (s: string) => s.replace(CONTROLS, "").replace(/\s+/gu, " ").trim();

function dotString(s: string): string {
  return `"${clean(s).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function xml(s: string): string {
  return clean(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

// Mermaid reads `#name;` entities inside quoted labels; everything that could end the label or
// start markup is written as one.
function mermaidLabel(s: string): string {
  return clean(s).replace(/[#"<>`|\[\]{}()]/g, (c) => `#${c.charCodeAt(0)};`);
}

function toDot(graph: CitationGraph): string {
  const lines = ["digraph citations {", "  rankdir=LR;", '  node [fontname="Helvetica", fontsize=10];', '  edge [fontname="Helvetica", fontsize=9];'];
  for (const n of graph.nodes) {
    const style = n.kind === "document" ? "shape=box, style=filled, fillcolor=\"#e8f0fe\"" : "shape=box, style=\"rounded,dashed\"";
    const tooltip = n.title ?? n.key ?? n.id;
    lines.push(`  ${dotString(n.id)} [label=${dotString(n.label)}, tooltip=${dotString(tooltip)}, ${style}];`);
  }
  for (const e of graph.edges) {
    const attributes = e.relation === "cites" ? "" : ` [label=${dotString(e.relation)}, style=bold]`;
    lines.push(`  ${dotString(e.from)} -> ${dotString(e.to)}${attributes};`);
  }
  lines.push("}");
  return lines.join("\n") + "\n";
}

function toGraphml(graph: CitationGraph): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
    '  <key id="key" for="node" attr.name="key" attr.type="string"/>',
    '  <key id="path" for="node" attr.name="path" attr.type="string"/>',
    '  <key id="title" for="node" attr.name="title" attr.type="string"/>',
    '  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>',
    '  <key id="source" for="edge" attr.name="source" attr.type="string"/>',
    '  <graph id="citations" edgedefault="directed">',
  ];
  for (const n of graph.nodes) {
    const data = [["label", n.label], ["kind", n.kind], ["key", n.key], ["path", n.path], ["title", n.title]]
      .filter((d): d is [string, string] => d[1] !== null)
      .map(([k, v]) => `<data key="${k}">${xml(v)}</data>`)
      .join("");
    lines.push(`    <node id="${xml(n.id)}">${data}</node>`);
  }
  graph.edges.forEach((e, i) => {
    lines.push(`    <edge id="e${i}" source="${xml(e.from)}" target="${xml(e.to)}"><data key="relation">${e.relation}</data><data key="source">${e.source}</data></edge>`);
  });
  lines.push("  </graph>", "</graphml>");
  return lines.join("\n") + "\n";
}

function toMermaid(graph: CitationGraph): string {
  // Mermaid ids must be plain words: nodes are numbered and labelled.
  const ids = new Map(graph.nodes.map((n, i) => [n.id, `n${i}`]));
  const lines = ["flowchart LR"];
  for (const n of graph.nodes) {
    const label = `"${mermaidLabel(n.label)}"`;
    lines.push(`  ${ids.get(n.id)}${n.kind === "document" ? `[${label}]` : `([${label}])`}`);
  }
  for (const e of graph.edges) {
    const from = ids.get(e.from);
    const to = ids.get(e.to);
    if (!from || !to) continue;
    lines.push(e.relation === "cites" ? `  ${from} --> ${to}` : `  ${from} ==>|${e.relation}| ${to}`);
  }
  return lines.join("\n") + "\n";
}

/**
 * Writes a citation graph (from `kb.graph()`) as Graphviz DOT, GraphML, Mermaid or JSON.
 * @example
 * process.stdout.write(formatGraph(kb.graph({ around: "29-NQ/TW", depth: 2 }), "mermaid"));
 */
export function formatGraph(graph: CitationGraph, format: GraphFormat): string {
  switch (format) {
    case "dot":
      return toDot(graph);
    case "graphml":
      return toGraphml(graph);
    case "mermaid":
      return toMermaid(graph);
    case "json":
      return JSON.stringify(graph, null, 2) + "\n";
  }
}
