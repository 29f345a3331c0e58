// `vanban index` reads files the way `vanban parse` does: what is not a text document is skipped
// with the reason, and the rest of the folder is indexed.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { indexFolder } from "../../src/kb/index.js";

const work = mkdtempSync(join(tmpdir(), "vanban-kb-bad-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("indexing a folder with files that are not documents", () => {
  it("skips each with its reason and indexes the rest", async () => {
    const docs = join(work, "docs");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(docs);
    copyFileSync(new URL("../../corpus/001_18e35584e7dafd68.txt", import.meta.url), join(docs, "good.txt"));
    writeFileSync(join(docs, "empty.txt"), "");
    writeFileSync(join(docs, "scan.txt"), Buffer.concat([Buffer.from("%PDF-1.7\n%âãÏÓ\n"), Buffer.alloc(200, 7)]));
    const report = await indexFolder(docs, { store: join(work, "store") });
    expect(report.documents).toBe(1);
    const reasons = Object.fromEntries(report.skipped.map((s) => [s.path.replace(/.*\//, ""), s.reason]));
    expect(reasons["empty.txt"]).toBe("empty file");
    expect(reasons["scan.txt"]).toMatch(/^a PDF file, not text: extract its text first: pdftotext/);
  });
});
