// Scanned pages read by Tesseract (skipped when the tools are absent; .ci/run installs them):
// the gazette whose body is an image, and synthetic scans made from real gazette pages
// (pdftoppm -r 150 -gray, then img2pdf) whose text layer is the truth. Few and small: OCR costs
// seconds a page. The figures on twenty pages are in the README.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseDocumentAsync } from "../../src/document/parse-document.js";
import { ocrPdfPages } from "../../src/input/ocr-pages.js";

const dir = resolve(import.meta.dirname, "../../../shared/collections/congbao-pdf");
const has = (command: string, arg: string) => spawnSync(command, [arg]).status === 0;
const tools = has("pdftoppm", "-v") && has("img2pdf", "--version") && spawnSync("tesseract", ["--list-langs"], { encoding: "utf8" }).stdout?.includes("vie");
const scratch = mkdtempSync(join(tmpdir(), "vanban-ocr-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A synthetic scan of a PDF's first page: rendered at 150 dpi in grey, wrapped as an image-only PDF. */
function scanOf(pdf: string): Uint8Array {
  const base = join(scratch, pdf.replace(/\.pdf$/u, ""));
  execFileSync("pdftoppm", ["-r", "150", "-gray", "-png", "-singlefile", "-f", "1", "-l", "1", resolve(dir, pdf), base]);
  execFileSync("img2pdf", [`${base}.png`, "-o", `${base}.scan.pdf`]);
  return readFileSync(`${base}.scan.pdf`);
}

describe.skipIf(!tools || !existsSync(dir))("OCR of scanned gazette pages", () => {
  it("the gazette with an image body gets its type from OCR, and a handwritten date is left empty, not guessed", { timeout: 300_000 }, async () => {
    const { record } = await parseDocumentAsync(readFileSync(resolve(dir, "nghi-quyet-so-115-nq-cp-469452.pdf")), { path: "115.pdf" });
    expect(record.docType?.name).toBe("Nghị quyết");
    expect(record.number?.typeCode).toBe("NQ");
    expect(record.issuer?.name).toBe("Chính phủ");
    expect(record.pages?.[0]?.ocr?.engine).toBe("tesseract");
    expect(record.pages?.[0]?.ocr?.confidence).toBeGreaterThan(50);
    expect(record.date).toBeNull();
    expect(record.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(["ocr", "ocr-field"]));
  });

  it.each([
    ["nghi-dinh-so-182-2026-nd-cp-469623.pdf", "182", "Nghị định"],
    ["thong-tu-so-95-2025-tt-btc-46745.pdf", "95", "Thông tư"],
  ])("a synthetic scan of %s reads as the text layer does", { timeout: 300_000 }, async (pdf, seq, type) => {
    const { record } = await parseDocumentAsync(scanOf(pdf), { path: pdf });
    expect(record.number?.seq).toBe(seq);
    expect(record.docType?.name).toBe(type);
    expect(record.pages?.[0]?.ocr).not.toBeNull();
  });
});

describe("OCR without its tools", () => {
  it("says in one line which command installs them", async () => {
    const path = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      expect(await ocrPdfPages(new Uint8Array([37, 80, 68, 70]), [{ number: 1, height: 842 }])).toEqual({ problem: "OCR needed, but pdftoppm (poppler-utils) is not installed: apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils" });
    } finally {
      process.env.PATH = path;
    }
  });
});
