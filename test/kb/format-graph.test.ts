import { describe, expect, it } from "vitest";
import { formatGraph, type CitationGraph } from "../../src/kb/index.js";

// Labels and titles come from documents: quotes, brackets, markup and control characters included.
const hostile = 'Kế hoạch "đặc biệt" <b>&</b> [x] {y} | `z` #1 \u001b[31mđỏ\u001b[0m\u0007';
const graph: CitationGraph = {
  nodes: [
    { id: "45-KH-UBND-2024-10-10", kind: "document", label: hostile, key: "KH:45:UBND@2024-10-10", path: "/d/a.txt", title: hostile },
    { id: "KL:91:TW@2024", kind: "reference", label: "Kết luận 91-KL/TW", key: "KL:91:TW@2024", path: null, title: null },
    { id: "NQ:29:TW@2013", kind: "reference", label: "Nghị quyết 29-NQ/TW", key: "NQ:29:TW@2013", path: null, title: null },
  ],
  edges: [
    { from: "45-KH-UBND-2024-10-10", to: "KL:91:TW@2024", relation: "cites", source: "citation", statedIn: "45-KH-UBND-2024-10-10" },
    { from: "KL:91:TW@2024", to: "NQ:29:TW@2013", relation: "continues", source: "known-documents", statedIn: null },
  ],
};

describe("the citation graph as", () => {
  it("DOT: quoted ids and labels, relations on their edges, nothing escapes its string", () => {
    const dot = formatGraph(graph, "dot");
    expect(dot).toMatch(/^digraph citations \{\n/);
    expect(dot).toContain('"KL:91:TW@2024" -> "NQ:29:TW@2013" [label="continues", style=bold];');
    expect(dot).toContain('"45-KH-UBND-2024-10-10" -> "KL:91:TW@2024";');
    expect(dot).toContain('label="Kế hoạch \\"đặc biệt\\" <b>&</b> [x] {y} | `z` #1 [31mđỏ[0m"');
    expect(dot).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    // Every line is a statement or a brace: the label's quotes did not end its string.
    for (const line of dot.trim().split("\n").slice(1, -1)) expect(line).toMatch(/^ {2}(?:rankdir=LR|(?:node|edge) \[.*\]|"(?:[^"\\]|\\.)*"(?: -> "(?:[^"\\]|\\.)*")? ?(?:\[(?:[^"\]]|"(?:[^"\\]|\\.)*")*\])?);$/);
  });

  it("GraphML: well-formed XML with the escaping XML needs", () => {
    const xml = formatGraph(graph, "graphml");
    expect(xml).toContain('<edge id="e1" source="KL:91:TW@2024" target="NQ:29:TW@2013"><data key="relation">continues</data><data key="source">known-documents</data></edge>');
    expect(xml).toContain("Kế hoạch &quot;đặc biệt&quot; &lt;b&gt;&amp;&lt;/b&gt;");
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(xml.match(/<node /g)).toHaveLength(3);
    expect(xml.match(/<edge /g)).toHaveLength(2);
  });

  it("Mermaid: numbered nodes, labels with entities for every character that is syntax", () => {
    const mermaid = formatGraph(graph, "mermaid");
    expect(mermaid.split("\n").slice(0, 4)).toEqual([
      "flowchart LR",
      '  n0["Kế hoạch #34;đặc biệt#34; #60;b#62;&#60;/b#62; #91;x#93; #123;y#125; #124; #96;z#96; #35;1 #91;31mđỏ#91;0m"]',
      '  n1(["Kết luận 91-KL/TW"])',
      '  n2(["Nghị quyết 29-NQ/TW"])',
    ]);
    expect(mermaid).toContain("  n0 --> n1\n  n1 ==>|continues| n2\n");
  });

  it("JSON: the graph as the library returns it", () => {
    expect(JSON.parse(formatGraph(graph, "json"))).toEqual(graph);
  });
});
