// PDFs with a text layer, made in the test: the layout is rebuilt from positions (the header's two
// columns kept apart, the signature block after Nơi nhận), furniture removed and recorded, spans
// lead to their page, and bad input gets a record with a diagnostic, never an exception.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readDocumentFile } from "../../src/input/read-document-file.js";
import { parseDocumentAsync } from "../../src/document/parse-document.js";
import { DocumentRecord } from "../../src/model/record.js";
import { readPdf } from "../../src/input/read-pdf.js";
import { gazettePage, HAS_FONT, makePdf, type PlacedLine } from "./pdf-maker.js";

const bodyPage = (n: number): PlacedLine[] => [
  { text: "CÔNG BÁO/Số 245/Ngày 23-04-2026", x: 60, top: 40 },
  { text: String(37 + n), x: 525, top: 40 },
  ...Array.from({ length: 12 }, (_, i) => ({ text: `${i + 1}. Nội dung hướng dẫn thực hiện khoản ${i + 1} của Điều ${n} tại trang này.`, x: 85, top: 100 + 20 * i, size: 12 })),
];

describe.skipIf(!HAS_FONT)("a PDF with a text layer", async () => {
  const bytes = HAS_FONT ? await makePdf([gazettePage(), bodyPage(2)]) : new Uint8Array();
  const parsed = HAS_FONT ? await parseDocumentAsync(bytes, { path: "thong-tu.pdf", ocr: false }) : null!;
  const { record, text } = parsed;

  it("reads the header from its two columns, each kept together", () => {
    expect(DocumentRecord.parse(record)).toBeTruthy();
    expect(record.source.format).toBe("pdf");
    expect(record.number?.raw).toBe("95/2025/TT-BTC");
    expect(record.docType?.name).toBe("Thông tư");
    expect(record.issuer?.name).toBe("Bộ Tài chính");
    expect(record.date?.iso).toBe("2025-10-20");
    expect(record.place).toBe("Hà Nội");
    expect(text.indexOf("BỘ TÀI CHÍNH")).toBeLessThan(text.indexOf("Số: 95/2025/TT-BTC"));
    expect(text.indexOf("Số: 95/2025/TT-BTC")).toBeLessThan(text.indexOf("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
  });

  it("reads the signature block apart from Nơi nhận", () => {
    expect(record.signature?.signer).toBe("Nguyễn Thị Bích Ngọc");
    expect(record.signature?.authority).toBe("KT");
    expect(record.recipients.map((r) => r.name)).toContain("Văn phòng Chính phủ");
  });

  it("removes the running head and page numbers, and records them per page", () => {
    expect(text).not.toContain("CÔNG BÁO");
    expect(record.pages?.map((p) => p.number)).toEqual([1, 2]);
    expect(record.pages?.[0]?.furniture).toContainEqual({ kind: "running-head", text: "CÔNG BÁO/Số 245/Ngày 23-04-2026 37" });
    expect(record.pages?.[1]?.furniture).toContainEqual({ kind: "running-head", text: "CÔNG BÁO/Số 245/Ngày 23-04-2026 39" });
  });

  it("says which page a citation is on", () => {
    const pageOf = (offset: number) => record.pages!.filter((p) => p.offset <= offset).at(-1)!.number;
    const basis = record.citations.find((c) => c.raw.includes("14/2023/NĐ-CP"));
    expect(basis && pageOf(basis.span.offset)).toBe(1);
    const second = text.indexOf("Nội dung hướng dẫn thực hiện khoản 1 của Điều 2");
    expect(second).toBeGreaterThan(0);
    expect(pageOf(second)).toBe(2);
    expect(text.slice(record.pages![1]!.offset)).toMatch(/^1\. Nội dung/u);
    expect(record.pages![1]!.line).toBe(text.slice(0, record.pages![1]!.offset).split("\n").length);
  });

  it("maps the clean text back to the PDF's own text", async () => {
    const at = text.indexOf("Căn cứ Luật Phí");
    const content = await readPdf(bytes);
    if (!("pages" in content)) throw new Error(content.problem);
    const source = content.pages.flatMap((p) => [...p.items.map((i) => i.text.replace(/\n/g, " ")), "\f"].map((t, k, all) => (k < all.length - 1 && t !== "\f" ? `${t}\n` : t))).join("");
    const from = parsed.map.toSource(at);
    expect(source.slice(from, from + 15)).toBe("Căn cứ Luật Phí");
  });
});

describe.skipIf(!HAS_FONT)("PDF bad input: a record with a diagnostic or a stated refusal, never an exception", () => {
  const ascii = (s: string) => new TextEncoder().encode(s);
  // A minimal PDF around a trailer or pages dictionary of our choosing (pdf.js rebuilds the xref).
  const handMade = (objects: string[], trailer: string) =>
    ascii(`%PDF-1.4\n${objects.map((o, i) => `${i + 1} 0 obj\n${o}\nendobj\n`).join("")}trailer\n${trailer}\n%%EOF\n`);
  const diagnosticOf = async (bytes: Uint8Array, path = "bad.pdf") => {
    const { record } = await parseDocumentAsync(bytes, { path, ocr: false });
    expect(DocumentRecord.parse(record)).toBeTruthy();
    return record.diagnostics.map((d) => `${d.code}: ${d.message}`);
  };

  it("an encrypted PDF", async () => {
    const key = "<" + "41".repeat(32) + ">";
    const bytes = handMade(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Count 0 /Kids [] >>", `<< /Filter /Standard /V 1 /R 2 /O ${key} /U ${key} /P -4 >>`], "<< /Root 1 0 R /Encrypt 3 0 R /ID [<01020304> <01020304>] >>");
    expect(await diagnosticOf(bytes)).toContain("unreadable-pdf: an encrypted PDF: it needs a password to be opened, and vanban reads no encrypted files; save an unencrypted copy");
  });

  it("a PDF of ten thousand pages is refused by the page limit before any page is read", async () => {
    const pages = Array.from({ length: 10_000 }, () => "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
    const kids = pages.map((_, i) => `${i + 3} 0 R`).join(" ");
    const bytes = handMade(["<< /Type /Catalog /Pages 2 0 R >>", `<< /Type /Pages /Count 10000 /Kids [${kids}] >>`, ...pages], "<< /Root 1 0 R >>");
    expect(await diagnosticOf(bytes)).toContain("unreadable-pdf: a PDF of 10000 pages, over the limit of 5000 pages: split it into its documents");
  });

  it("objects nested a hundred thousand deep", async () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    const bytes = handMade(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Count 1 /Kids [3 0 R] >>", `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Deep ${deep} >>`], "<< /Root 1 0 R >>");
    const diagnostics = await diagnosticOf(bytes);
    // Either PDF.js reads past the nesting (a page with nothing on it) or the reader says why not.
    expect(diagnostics.some((d) => d.startsWith("unreadable-pdf: ") || d.startsWith("pdf-scan: page 1 needs OCR"))).toBe(true);
  });

  it("a truncated PDF", async () => {
    const whole = await makePdf([gazettePage()]);
    const diagnostics = await diagnosticOf(whole.subarray(0, whole.length >> 1));
    expect(diagnostics.some((d) => d.startsWith("unreadable-pdf: ") || d.startsWith("pdf-scan: "))).toBe(true);
  });

  it("a .pdf that is text inside is read as text, and says so", async () => {
    const { record } = await parseDocumentAsync(ascii("Số: 12/KH-UBND\nKẾ HOẠCH\nThực hiện công tác năm 2026\n"), { path: "plan.pdf" });
    expect(record.source.format).toBe("text");
    expect(record.diagnostics[0]?.code).toBe("not-pdf");
  });

  it("a PDF's items are read in proportion to its pages (counted, not timed)", async () => {
    const work = async (n: number) => {
      const content = await readPdf(await makePdf(Array.from({ length: n }, (_, i) => bodyPage(i))));
      if (!("work" in content)) throw new Error(content.problem);
      return content.work;
    };
    const [five, hundred] = [await work(5), await work(100)];
    expect(hundred).toBe(20 * five);
  });

  it("a 500-page PDF is read whole, page table and all", { timeout: 120_000 }, async () => {
    const bytes = await makePdf(Array.from({ length: 500 }, (_, i) => [{ text: `CÔNG BÁO/Số 245/Ngày 23-04-2026`, x: 200, top: 40 }, { text: String(i + 1), x: 525, top: 40 }, { text: `Điều ${i + 1}. Nội dung của điều này, trang ${i + 1}.`, x: 85, top: 100 }]));
    const { record, text } = await parseDocumentAsync(bytes, { path: "long.pdf", ocr: false });
    expect(record.pages).toHaveLength(500);
    expect(text.slice(record.pages![499]!.offset)).toMatch(/^Điều 500\. /u);
    expect(text).not.toContain("CÔNG BÁO");
  });

  it("a PDF over the text-item limit is refused", async () => {
    const content = await readPdf(await makePdf([bodyPage(1), bodyPage(2)]), { maxItems: 20 });
    expect(content).toEqual({ problem: "a PDF with over 20 pieces of text, over the limit: split it into its documents" });
  });
});

describe("the size limit is the format's, checked before the file is read", () => {
  it.each([
    ["big.pdf", "%PDF-1.7\n", 20 << 20, { acceptPdf: true }, null, "a 20 MB gazette scan is under the PDF limit"],
    ["big.pdf", "%PDF-1.7\n", 70 << 20, { acceptPdf: true }, "too large (70 MB): vanban reads files up to 64 MB; split it into its documents", "over 64 MB"],
    ["big.txt", "Số: 1/KH\n", 20 << 20, {}, "too large (20 MB): vanban reads files up to 16 MB; split it into its documents", "text keeps its 16 MB"],
    ["small.pdf", "%PDF-1.7\n", 1 << 10, {}, "a PDF file, not text: extract its text first: pdftotext -layout {dir}/small.pdf (poppler-utils), then parse {dir}/small.txt", "the synchronous parse's callers still get the advice"],
  ])("%s", (name, head, size, options, problem, _why) => {
    const dir = mkdtempSync(join(tmpdir(), "vanban-pdf-size-"));
    try {
      const bytes = new Uint8Array(size).fill(0x20);
      bytes.set(new TextEncoder().encode(head));
      writeFileSync(join(dir, name), bytes);
      const read = readDocumentFile(join(dir, name), options);
      if (problem === null) expect("bytes" in read && read.bytes.length).toBe(size);
      else expect(read).toEqual({ problem: problem.replaceAll("{dir}", dir) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
