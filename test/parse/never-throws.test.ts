// The parse never throws, on any text or bytes; spans point into the clean text, and the offset
// map leads every clean character back into the decoded source.
import { readFileSync, readdirSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocumentBytes, parseDocumentText } from "../../src/document/parse-document.js";
import { DocumentRecord } from "../../src/model/record.js";

const corpusDir = new URL("../../corpus/", import.meta.url);
const seeds = readdirSync(corpusDir).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(new URL(f, corpusDir), "utf8"));

// Lines that look like parts of a document, so generated inputs reach deep into the grammar.
const documentLine = fc.constantFrom(
  "ỦY BAN NHÂN DÂN",
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "Độc lập - Tự do - Hạnh phúc",
  "Số: 12/KH-UBND",
  "Hà Nội, ngày 1 tháng 2 năm 2024",
  "KẾ HOẠCH",
  "QUYẾT ĐỊNH:",
  "Căn cứ Luật Tổ chức chính quyền địa phương;",
  "I. MỤC ĐÍCH",
  "1. Mục đích",
  "Điều 1.",
  "a) nội dung",
  "- mục",
  "Nơi nhận:",
  "- Lưu: VT.",
  "KT. CHỦ TỊCH",
  "PHÓ CHỦ TỊCH",
  "Nguyễn Văn A",
  "PHỤ LỤC",
  "<sup>1</sup> chú thích",
  "**đậm**",
  "| ô | bảng |",
  "",
);

describe("the parse never throws", () => {
  it("on any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (s) => {
        const { record } = parseDocumentText(s);
        expect(DocumentRecord.safeParse(record).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("on any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const { record } = parseDocumentBytes(bytes);
        expect(DocumentRecord.safeParse(record).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("on documents assembled from document-like lines", () => {
    fc.assert(
      fc.property(fc.array(documentLine, { maxLength: 60 }), fc.boolean(), (lines, md) => {
        const { record } = parseDocumentText(lines.join("\n"), { format: md ? "markdown" : "text" });
        expect(DocumentRecord.safeParse(record).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("on real documents cut, shuffled and spliced", () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.nat(), fc.nat(), fc.boolean(), (text, a, b, md) => {
        const lines = text.split("\n");
        const i = a % lines.length;
        const j = b % lines.length;
        const mutated = [...lines.slice(0, Math.min(i, j)), ...lines.slice(Math.max(i, j)), ...lines.slice(Math.min(i, j), Math.max(i, j))].join("\n");
        const { record } = parseDocumentText(mutated, { format: md ? "markdown" : "text" });
        expect(DocumentRecord.safeParse(record).success).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe("spans and offsets", () => {
  it("every basis span is its raw text with white space collapsed", () => {
    for (const source of seeds) {
      const { record, text } = parseDocumentText(source);
      for (const b of record.bases) expect(text.slice(b.span.offset, b.span.offset + b.span.length).replace(/\s+/g, " ").trim()).toBe(b.raw);
    }
  });

  it("the offset map leads each word of the clean text to the same word in the source", () => {
    for (const source of seeds) {
      const { text, map } = parseDocumentText(source);
      for (const m of text.matchAll(/\p{L}{3,}/gu)) {
        const at = map.toSource(m.index);
        expect(source.slice(at, at + m[0].length)).toBe(m[0]);
      }
    }
  });
});
