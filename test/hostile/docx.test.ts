// Reading .docx files: the text Word shows, in its order, and nothing else; damaged archives and
// ZIP bombs refused with a reason, never a throw or a gigabyte of memory.
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { detectBinaryFormat } from "../../src/input/binary-formats.js";
import { readDocxText } from "../../src/input/read-docx.js";
import { listZipEntries, readZipEntry } from "../../src/input/read-zip.js";
import { parseDocumentBytes } from "../../src/document/parse-document.js";
import { makeDocx, makeZip, NUMBERING, paragraph, sampleDocx, table } from "./make-docx.js";

const text = (bytes: Uint8Array) => {
  const read = readDocxText(bytes);
  if ("error" in read) throw new Error(read.error);
  return read.runs.map((r) => r.text).join("");
};

describe("readDocxText", () => {
  it("gives paragraphs, list numbers, layout tables cell by cell, and footnotes at the end", () => {
    expect(text(sampleDocx()).split("\n")).toEqual([
      "ỦY BAN NHÂN DÂN",
      "HUYỆN BÌNH SƠN",
      "Số: 203/TB-UBND",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Bình Sơn, ngày 18 tháng 6 năm 2024",
      "THÔNG BÁO",
      "Kết luận của Chủ tịch UBND huyện tại Hội nghị triển khai kế hoạch",
      "Ngày 14/6/2024, Ủy ban nhân dân huyện tổ chức Hội nghị.",
      "I. ĐÁNH GIÁ CHUNG",
      "1. Kết quả đạt được",
      "a) Ưu điểm",
      "b) Hạn chế",
      "II. NHIỆM VỤ THỜI GIAN TỚI",
      "1. Phòng Giáo dục chủ trì thực hiện",
      "Nơi nhận:",
      "- Như trên;",
      "- Lưu: VT.",
      "TL. CHỦ TỊCH",
      "CHÁNH VĂN PHÒNG",
      "Nguyễn Thanh Thương",
      "[1] Theo Kế hoạch số 12/KH-UBND ngày 1/2/2024.",
    ]);
  });

  it.each([
    ["a data table: a row of one-line cells per line", table([[["STT"], ["Tên trường"]], [["1"], ["Tiểu học số 1"]]]), "STT | Tên trường\n1 | Tiểu học số 1"],
    ["a text box once, not its drawing's fallback copy", `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>${paragraph("TỜ TRÌNH")}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>${paragraph("TỜ TRÌNH")}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`, "TỜ TRÌNH\n"],
    ["field codes are not text, their results are", `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r></w:p>`, "3"],
    ["entities, tabs, breaks, no-break hyphens and symbol bullets", `<w:p><w:r><w:t>a &amp; b &lt;c&gt; &#7897;</w:t><w:tab/><w:t>x</w:t><w:br/><w:t>y</w:t><w:noBreakHyphen/><w:t>z</w:t><w:sym w:font="Symbol" w:char="F0B7"/></w:r></w:p>`, "a & b <c> ộ\tx\ny-z\uf0b7"],
    ["a nested table inside a layout cell", `<w:tbl><w:tr><w:tc>${paragraph("Nơi nhận:")}${paragraph("- Như trên;")}</w:tc><w:tc>${table([[["A"], ["B"]]])}${paragraph("KT. CHỦ TỊCH")}</w:tc></w:tr></w:tbl>`, "Nơi nhận:\n- Như trên;\nA | B\nKT. CHỦ TỊCH"],
  ])("%s", (_why, body, expected) => {
    expect(text(makeDocx(body))).toBe(expected);
  });

  it("numbers lists with start overrides, bullets and letters past Z", () => {
    const numbering = NUMBERING.replace("</w:numbering>", `<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl></w:abstractNum><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num></w:numbering>`);
    const body = [paragraph("Mục", { list: { numId: 3, level: 0 } }), paragraph("ý", { list: { numId: 2, level: 0 } }), ...Array.from({ length: 27 }, () => paragraph("điểm", { list: { numId: 3, level: 2 } }))].join("");
    const lines = text(makeDocx(body, { numbering })).split("\n");
    expect(lines.slice(0, 3)).toEqual(["IV. Mục", "- ý", "a) điểm"]);
    expect(lines.at(-1)).toBe("aa) điểm");
  });

  it.each([
    ["a ZIP without word/document.xml", makeZip({ "x.txt": "a" }), "no word/document.xml in the archive"],
    ["a stored (uncompressed) part", makeDocx(paragraph("Văn bản"), {}, { store: true }), null],
    ["an archive cut in half", sampleDocx().subarray(0, 600), "damaged archive (no central directory)"],
  ])("%s", (_why, bytes, error) => {
    const read = readDocxText(bytes);
    if (error === null) expect(read).toEqual({ runs: [{ text: "Văn bản", font: null }] });
    else expect(read).toEqual({ error });
  });

  it("refuses a ZIP bomb without inflating it", () => {
    // 200 MB of one repeated paragraph deflates to a few hundred kilobytes.
    const huge = Buffer.alloc(200 * 1024 * 1024, "<w:p><w:r><w:t>a</w:t></w:r></w:p>");
    const bomb = makeZip({ "word/document.xml": huge });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const before = process.resourceUsage().maxRSS;
    expect(readDocxText(bomb)).toEqual({ error: "word/document.xml: larger than 67108864 bytes unpacked" });
    // The declared size gave it away; a lying header is caught by the inflater's cap.
    const entries = listZipEntries(bomb)!;
    const lying = { ...entries[0]!, size: 10 };
    expect(readZipEntry(bomb, lying, 1024 * 1024)).toEqual({ error: "word/document.xml: larger than 1048576 bytes unpacked" });
    expect(process.resourceUsage().maxRSS - before).toBeLessThan(100 * 1024);
    const { record } = parseDocumentBytes(bomb, { path: "bomb.docx" });
    expect(record.diagnostics[0]?.code).toBe("unreadable-docx");
  });

  it("never throws on a .docx with its bytes cut or flipped", () => {
    const whole = sampleDocx();
    for (let cut = 0; cut < whole.length; cut += 37) {
      const bytes = whole.slice();
      bytes[cut] = bytes[cut]! ^ 0xff;
      for (const b of [bytes, whole.subarray(0, cut)]) {
        const read = readDocxText(b);
        expect("runs" in read ? Array.isArray(read.runs) : typeof read.error === "string").toBe(true);
      }
    }
  });
});

describe("detectBinaryFormat", () => {
  it.each([
    ["%PDF-1.4", "pdf"],
    ["\u0089PNG\r\n\u001a\n", "image"],
    ["{\\rtf1", "rtf"],
    ["MZ is text when no NUL follows", null],
    ["Số: 12/KH-UBND", null],
    ["", null],
  ])("%j → %s", (start, kind) => {
    const bytes = Uint8Array.from([...start].map((c) => c.charCodeAt(0)));
    expect(detectBinaryFormat(bytes)?.kind ?? null).toBe(kind);
  });

  it("tells a .docx from other ZIPs by its parts", () => {
    expect(detectBinaryFormat(sampleDocx())?.kind).toBe("docx");
    expect(detectBinaryFormat(makeZip({ "xl/workbook.xml": "<x/>" }))?.kind).toBe("xlsx");
    expect(detectBinaryFormat(makeZip({ "mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>" }))?.kind).toBe("odt");
    expect(detectBinaryFormat(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))?.kind).toBe("zip");
    expect(deflateRawSync(Buffer.from("x")).length).toBeGreaterThan(0);
  });
});
