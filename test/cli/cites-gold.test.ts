// With the shipped seeds and ../shared/corpus indexed together, `vanban cites` for Nghị quyết
// 29-NQ/TW, in every spelling a researcher may type, names exactly the documents whose gold says
// `citesNQ29: true`. Skipped when ../shared is not beside the checkout.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CitingDocument } from "../../src/kb/index.js";
import { runCli } from "./cli-io.js";

const shared = new URL("../../../shared/", import.meta.url).pathname;
const seeds = new URL("../../corpus/", import.meta.url).pathname;
const available = existsSync(join(shared, "corpus")) && existsSync(join(shared, "gold"));
const scratch = mkdtempSync(join(tmpdir(), "vanban-cites-gold-"));
const store = join(scratch, "store");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The files whose gold says they cite Nghị quyết 29-NQ/TW (gold files name their document in `file`). */
function goldCiting(): string[] {
  const files: string[] = [];
  for (const set of ["seeds", "corpus"]) {
    for (const name of readdirSync(join(shared, "gold", set))) {
      const gold = JSON.parse(readFileSync(join(shared, "gold", set, name), "utf8")) as { file: string; citesNQ29?: boolean };
      if (gold.citesNQ29) files.push(gold.file);
    }
  }
  return files.sort();
}

describe.skipIf(!available)("vanban cites over the seeds and ../shared/corpus", () => {
  beforeAll(async () => {
    const { code, err } = await runCli(["index", seeds, join(shared, "corpus"), "--store", store]);
    expect(err).not.toMatch(/skipped/);
    expect(code).toBe(0);
  });

  const spellings = ["29-NQ/TW", "NQ 29", "Nghị quyết 29", "nghi quyet so 29/NQ-TW", "Nghị quyết Hội nghị Trung ương 8 khóa XI về đổi mới căn bản, toàn diện giáo dục và đào tạo"];
  it.each(spellings)("%s names exactly the documents whose gold cites Nghị quyết 29", async (spelling) => {
    const { code, out } = await runCli(["cites", spelling, "--json", "--store", store]);
    expect(code).toBe(0);
    const found = out.trim().split("\n").filter(Boolean).map((line) => CitingDocument.parse(JSON.parse(line)));
    expect(found.map((d) => basename(d.path)).sort()).toEqual(goldCiting());
    for (const doc of found) {
      expect(doc.direct).toBe(true);
      expect(doc.chain).toBeNull();
      expect(doc.citations.length).toBeGreaterThan(0);
      for (const c of doc.citations) expect(c.sentence.replace(/\s+/g, " ")).toContain(c.raw.replace(/\s+/g, " "));
    }
  });

  it("the gold has documents that cite it and many that do not", () => {
    const all = readdirSync(join(shared, "gold", "corpus")).length + readdirSync(join(shared, "gold", "seeds")).length;
    expect(goldCiting().length).toBeGreaterThan(0);
    expect(goldCiting().length).toBeLessThan(all);
  });
});
