// The readers the structure visitor hands each part of the document to: tables of
// [input, expected, why], and the visitor over the generated CST types as a whole.
import { describe, expect, it } from "vitest";
import type { IToken } from "chevrotain";
import { readAddressees } from "../../src/parse/read-addressees.js";
import { readBases } from "../../src/parse/read-bases.js";
import { readDocType } from "../../src/parse/read-doc-type.js";
import { readNumber } from "../../src/parse/read-number.js";
import { buildStructure } from "../../src/parse/build-record.js";
import { LineIndex } from "../../src/input/line-index.js";
import { documentLexer } from "../../grammars/document/document-tokens.js";
import { findLayoutZones } from "../../grammars/document/layout-zones.js";
import { parseLines } from "../../grammars/document/document-parser.js";

/** Lines as the lexer would give them, for readers that only look at the images. */
function lines(...images: string[]): IToken[] {
  return documentLexer.tokenize(images.join("\n")).tokens;
}

describe("readAddressees", () => {
  it.each([
    [["Kính gửi: Ủy ban nhân dân các xã"], ["Ủy ban nhân dân các xã"], "one addressee on the label's line"],
    [["Kính gửi:", "- Sở Tài chính;", "- Sở Nội vụ."], ["Sở Tài chính", "Sở Nội vụ"], "one per line, marks and punctuation dropped"],
    [["Kính gửi: - Sở Tài chính; - Sở Nội vụ"], ["Sở Tài chính", "Sở Nội vụ"], "items run onto one line split at `; -`"],
  ])("%j", (images, expected, _why) => {
    expect(readAddressees(lines(...images))).toEqual(expected);
  });
});

describe("readBases", () => {
  const read = (text: string) => readBases(text, 0, text.length, new LineIndex(text)).map((b) => [b.basis.verb, b.basis.raw]);
  it.each([
    ["Căn cứ Luật A ngày 1; Luật B ngày 2;", [["căn cứ", "Căn cứ Luật A ngày 1;"], [null, "Luật B ngày 2;"]], "a document named by its type opens a statement"],
    ["Căn cứ Quyết định phê duyệt A; phê duyệt B;", [["căn cứ", "Căn cứ Quyết định phê duyệt A; phê duyệt B;"]], "anything else after `;` continues it"],
    ["Xét đề nghị của Sở Nội vụ tại Tờ trình số 5;", [["xét", "Xét đề nghị của Sở Nội vụ tại Tờ trình số 5;"]], "`xét đề nghị` is the verb `xét`"],
    ["Dựa trên kết quả họp, theo đề nghị của Sở Y tế.", [["dựa trên", "Dựa trên kết quả họp,"], ["theo đề nghị", "theo đề nghị của Sở Y tế."]], "a second ground after a comma"],
  ])("%s", (text, expected, _why) => {
    expect(read(text)).toEqual(expected);
  });

  it("gives each statement its span in the text", () => {
    const text = "Căn cứ Luật Đất đai;\n  Luật Xây dựng;";
    const [a, b] = readBases(text, 0, text.length, new LineIndex(text));
    expect(text.slice(a!.region.start, a!.region.end)).toBe("Căn cứ Luật Đất đai;");
    expect(text.slice(b!.region.start, b!.region.end)).toBe("Luật Xây dựng;");
    expect(b!.basis.span.line).toBe(2);
  });
});

describe("readDocType", () => {
  const evidence = { system: null, docTypeName: null, number: null, titleLines: [], subjectInNumber: null, addressees: [] };
  it.each([
    [{ docTypeName: "QUYẾT ĐỊNH", number: readNumber("12/QĐ-UBND") }, "QĐ", "the type-name line"],
    [{ docTypeName: "QUY ĐỊNH", number: readNumber("08-QĐ/TW"), system: "party" as const }, "QĐi", "a Party quy định, not a quyết định"],
    [{ docTypeName: "QUYẾT ĐỊNH", number: readNumber("92/VBHN-BQP") }, "VBHN", "a consolidated text is what its number says"],
    [{ number: readNumber("41/2024/QH15") }, "Luật", "a law's number has only its issuer's code"],
    [{ number: readNumber("123/UBND-VX"), addressees: ["Sở Tài chính"] }, "CV", "Kính gửi without a type name is a công văn"],
    [{ number: readNumber("5348/CT-CS"), titleLines: lines("V/v hướng dẫn thuế") }, "CV", "V/v without a type name is a công văn, whatever its symbol"],
  ])("%j", (given, code, _why) => {
    expect(readDocType({ ...evidence, ...given }).docType?.code).toBe(code);
  });

  it("reads a công văn's symbol as issuer and unit", () => {
    const { number } = readDocType({ ...evidence, number: readNumber("5348/CT-CS"), titleLines: lines("V/v hướng dẫn thuế") });
    expect(number).toMatchObject({ typeCode: null, issuerCode: "CT-CS" });
  });
});

describe("the structure visitor", () => {
  const text = [
    "ỦY BAN NHÂN DÂN",
    "HUYỆN BÌNH SƠN",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Số: 12/QĐ-UBND",
    "Bình Sơn, ngày 18 tháng 6 năm 2024",
    "QUYẾT ĐỊNH",
    "Về việc thành lập Tổ công tác",
    "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "QUYẾT ĐỊNH:",
    "Điều 1. Thành lập Tổ công tác [1].",
    "Điều 2. Quyết định có hiệu lực từ ngày ký.",
    "[1] Gồm năm thành viên.",
    "Nơi nhận:",
    "- Như Điều 2;",
    "- Lưu: VT.",
    "CHỦ TỊCH",
    "Nguyễn Văn A",
  ].join("\n");
  const zones = (t: string) => {
    const tokens = documentLexer.tokenize(t).tokens;
    return parseLines(tokens, findLayoutZones(tokens)).cst;
  };

  it("reads every part of a decision from its CST", () => {
    const s = buildStructure(zones(text), text, new LineIndex(text));
    expect(s.fields).toMatchObject({
      system: "state",
      number: { raw: "12/QĐ-UBND" },
      place: "Bình Sơn",
      date: { iso: "2024-06-18" },
      docType: { code: "QĐ" },
      title: "Về việc thành lập Tổ công tác",
      signature: { signer: "Nguyễn Văn A" },
    });
    expect(s.fields.bases.map((b) => b.verb)).toEqual(["căn cứ"]);
    expect(s.fields.sections.map((x) => x.marker)).toEqual(["Điều 1", "Điều 2"]);
    expect(s.fields.footnotes).toEqual([{ label: "1", text: "Gồm năm thành viên." }]);
    expect(s.fields.recipients.length).toBe(2);
    expect(s.hasHeader).toBe(true);
    // Regions come in document order: the citation finder reads them as they stand.
    expect(s.regions.map((r) => r.context)).toEqual(["title", "basis", "footnote", "body", "recipients"]);
  });

  it("reads a text with no header at all, and says so", () => {
    const plain = "Một đoạn văn bản không có phần đầu.";
    const s = buildStructure(zones(plain), plain, new LineIndex(plain));
    expect(s.hasHeader).toBe(false);
    expect(s.fields.issuer).toBeNull();
    expect(s.diagnostics.map((d) => d.code)).toContain("no-header");
  });
});
