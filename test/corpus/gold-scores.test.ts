// Every document of ../shared (seeds and corpus) through the library, scored field by field by the
// shared scorer against the hand-written gold. The floors are a failure budget: raise them as the
// parser improves, never lower them. Skipped when ../shared is not beside the checkout.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseDocumentBytes } from "../../src/document/parse-document.js";

const shared = new URL("../../../shared/", import.meta.url).pathname;
const available = existsSync(join(shared, "eval/score.mjs"));
const work = mkdtempSync(join(tmpdir(), "vanban-gold-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Summary {
  fields: Record<string, number>;
  rows: { file: string; s: Record<string, number> }[];
}

function score(goldDir: string, docsDir: string): Summary {
  const golds = readdirSync(goldDir).filter((f) => f.endsWith(".json"));
  const lines = golds.map((g) => {
    const file = (JSON.parse(readFileSync(join(goldDir, g), "utf8")) as { file: string }).file;
    const path = join(docsDir, file);
    return JSON.stringify(parseDocumentBytes(readFileSync(path), { path }).record);
  });
  const records = join(work, `${golds.length}-${Math.random().toString(36).slice(2)}.ndjson`);
  const summary = join(work, "summary.json");
  writeFileSync(records, lines.join("\n") + "\n");
  execFileSync(process.execPath, [join(shared, "eval/score.mjs"), "--gold", goldDir, "--docs", docsDir, "--records", records, "--summary", summary], { stdio: "ignore" });
  return JSON.parse(readFileSync(summary, "utf8")) as Summary;
}

// The structural fields of issue 2 (citations are the reference grammar's and have their own floor).
const STRUCTURE = ["system", "issuer", "number", "place", "date", "docType", "title", "addressees", "bases", "outline", "annexes", "footnotes", "recipients", "signature"];

describe.skipIf(!available)("field scores against the gold", () => {
  it("seeds: every structural field at 95% or more", () => {
    const s = score(join(shared, "gold/seeds"), join(shared, "seeds"));
    for (const f of STRUCTURE) expect.soft(s.fields[f], f).toBeGreaterThanOrEqual(0.95);
  });

  it("corpus: every structural field at 90% or more", () => {
    const s = score(join(shared, "gold/corpus"), join(shared, "corpus"));
    for (const f of STRUCTURE) expect.soft(s.fields[f], f).toBeGreaterThanOrEqual(0.9);
  });
});
