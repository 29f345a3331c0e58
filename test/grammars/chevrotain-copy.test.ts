// Every Chevrotain value the grammars use comes from grammars/chevrotain.ts (which loads the
// package's single-file build): token types, lexers and parsers of two copies of Chevrotain would
// not work together, and the package's entry point costs ~270 ms to load. Type imports are free.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { CstParser, Lexer, createToken } from "../../grammars/chevrotain.js";

const root = new URL("../../", import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" || name === "dist" ? [] : sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("the one copy of Chevrotain", () => {
  it("is the only place values are imported from the package", () => {
    const offenders = ["src", "grammars", "test", "bench"].flatMap((d) => sources(join(root, d))).filter((file) => {
      if (file.endsWith(join("grammars", "chevrotain.ts"))) return false;
      // `import { x, type Y } from "chevrotain"` (a value among types) counts; `import type` does not.
      return /^import\s+(?!type\s)[^;]*from\s+"chevrotain"/m.test(readFileSync(file, "utf8"));
    });
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it("gives working lexers and parsers", () => {
    const A = createToken({ name: "A", pattern: /a/ });
    const lexer = new Lexer([A]);
    class P extends CstParser {
      constructor() {
        super([A]);
        this.performSelfAnalysis();
      }
      top = this.RULE("top", () => this.MANY(() => this.CONSUME(A)));
    }
    const parser = new P();
    parser.input = lexer.tokenize("aaa").tokens;
    expect(parser.top().children.A).toHaveLength(3);
    expect(parser.errors).toEqual([]);
  });
});
