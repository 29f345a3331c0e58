// The import graph of src/ and grammars/: data flows one way (input → parse → citations → kb →
// cli, with store and search below kb), so a lower folder never imports a higher one and no
// module reaches itself through its imports. Read from the sources' import statements, static
// and dynamic, as madge would draw them.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const repoRoot = resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s(?:type\s)?[^;'"]*?from\s*["'](\.[^"']+)["']|import\(\s*["'](\.[^"']+)["']\s*\)/g;

/** Each module (relative to the repository) and the modules it imports, type-only imports left out. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of [...sourceFiles(join(repoRoot, "src")), ...sourceFiles(join(repoRoot, "grammars"))]) {
    const text = readFileSync(file, "utf8");
    const targets: string[] = [];
    for (const m of text.matchAll(IMPORT)) {
      if (/^\s*(?:import|export)\s+type\s/.test(m[0].trimStart())) continue;
      const spec = (m[1] ?? m[2])!;
      targets.push(relative(repoRoot, resolve(dirname(file), spec.replace(/\.js$/, ".ts"))));
    }
    graph.set(relative(repoRoot, file), targets);
  }
  return graph;
}

const graph = importGraph();
const folderOf = (module: string) => module.split("/").slice(0, module.startsWith("src/") ? 2 : 1).join("/");

describe("the import graph", () => {
  it("has no lower folder importing kb or cli", () => {
    const lower = ["src/input", "src/parse", "src/citations", "src/document", "src/search", "src/store", "src/text", "src/model", "grammars"];
    const upward = [...graph].flatMap(([from, targets]) =>
      lower.includes(folderOf(from)) ? targets.filter((t) => ["src/kb", "src/cli"].includes(folderOf(t))).map((t) => `${from} → ${t}`) : [],
    );
    expect(upward).toEqual([]);
  });

  it("has parse and citations below the document layer that joins them", () => {
    const upward = [...graph].flatMap(([from, targets]) =>
      ["src/input", "src/parse", "src/citations"].includes(folderOf(from)) ? targets.filter((t) => folderOf(t) === "src/document").map((t) => `${from} → ${t}`) : [],
    );
    expect(upward).toEqual([]);
  });

  it("has grammars importing nothing from src (the text primitives they need live in grammars/text)", () => {
    const upward = [...graph].flatMap(([from, targets]) => (folderOf(from) === "grammars" ? targets.filter((t) => t.startsWith("src/")).map((t) => `${from} → ${t}`) : []));
    expect(upward).toEqual([]);
  });

  it("has store importing only itself", () => {
    const outside = [...graph].flatMap(([from, targets]) => (folderOf(from) === "src/store" ? targets.filter((t) => folderOf(t) !== "src/store").map((t) => `${from} → ${t}`) : []));
    expect(outside).toEqual([]);
  });

  it("has no cycle", () => {
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const path: string[] = [];
    const visit = (module: string) => {
      state.set(module, "open");
      path.push(module);
      for (const next of graph.get(module) ?? []) {
        if (state.get(next) === "open") cycles.push([...path.slice(path.indexOf(next)), next].join(" → "));
        else if (!state.has(next)) visit(next);
      }
      path.pop();
      state.set(module, "done");
    };
    for (const module of graph.keys()) if (!state.has(module)) visit(module);
    expect(cycles).toEqual([]);
  });

  it("reads the imports it checks", () => {
    expect(graph.get("src/kb/index-folder.ts")).toContain("src/store/write-lock.ts");
    expect(graph.get("grammars/document/document-tokens.ts")).toContain("grammars/text/fold.ts");
    expect(graph.get("src/cli/main.ts")!.length).toBeGreaterThan(3);
  });
});
