// `vanban index` reads files the way `vanban parse` does: what is not a document is skipped with
// the reason, every format vanban reads (a PDF among them) is indexed, and the rest of the folder
// is indexed whatever else it holds.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { indexFolder, openCollection } from "../../src/kb/index.js";
import { gazettePage, HAS_FONT, makePdf } from "../input/pdf-maker.js";

const work = mkdtempSync(join(tmpdir(), "vanban-kb-bad-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("indexing a folder with files that are not documents", () => {
  it("skips each with its reason and indexes the rest", async () => {
    const docs = join(work, "docs");
    mkdirSync(docs);
    copyFileSync(new URL("../../corpus/001_18e35584e7dafd68.txt", import.meta.url), join(docs, "good.txt"));
    writeFileSync(join(docs, "empty.txt"), "");
    writeFileSync(join(docs, "scan.txt"), Buffer.concat([Buffer.from("%PDF-1.7\n%âãÏÓ\n"), Buffer.alloc(200, 7)]));
    const report = await indexFolder(docs, { store: join(work, "store") });
    expect(report.documents).toBe(1);
    const reasons = Object.fromEntries(report.skipped.map((s) => [s.path.replace(/.*\//, ""), s.reason]));
    expect(reasons["empty.txt"]).toBe("empty file");
    // Told by its bytes, whatever its name: a PDF, and a damaged one.
    expect(reasons["scan.txt"]).toMatch(/^a damaged PDF/);
  });

  it.skipIf(!HAS_FONT)("indexes a PDF as it indexes text: its record in the catalog, its words searchable", async () => {
    const docs = join(work, "pdfs");
    mkdirSync(docs);
    writeFileSync(join(docs, "thong-tu.pdf"), await makePdf([gazettePage()]));
    const store = join(work, "pdf-store");
    const report = await indexFolder(docs, { store, jobs: 1 });
    expect(report.skipped).toEqual([]);
    expect(report.documents).toBe(1);
    const collection = await openCollection(store);
    try {
      const [summary] = await collection.list();
      expect(summary?.number).toBe("95/2025/TT-BTC");
      const hits = await collection.search("Bộ Tài chính", { type: "TT" });
      expect(hits.map((h) => h.path)).toEqual([join(docs, "thong-tu.pdf")]);
    } finally {
      await collection.close();
    }
  });
});
