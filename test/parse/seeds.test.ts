// The five seed documents shipped in corpus/ against their hand-written expectations: the fields
// the record contract fixes, document by document.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocumentBytes } from "../../src/document/parse-document.js";

const corpus = new URL("../../corpus/", import.meta.url);
const parse = (name: string) => parseDocumentBytes(readFileSync(new URL(name, corpus)), { path: name }).record;

describe("seed documents", () => {
  it("reads a plan with no header block, inferring its issuer (000)", () => {
    const r = parse("000_d5494e9567b7496d.txt");
    expect(r.docType?.code).toBe("KH");
    expect(r.issuer).toEqual({ name: "Ủy ban nhân dân huyện Bình Sơn", parent: null, inferred: true, locality: { level: "huyện", name: "Bình Sơn" } });
    expect(r.number).toBeNull();
    expect(r.bases.map((b) => b.verb)).toEqual(["căn cứ", "thực hiện", "thực hiện", "thực hiện"]);
    expect(r.sections.map((s) => s.marker)).toEqual(["I.", "II.", "III.", "IV."]);
    expect(r.sections[1]!.heading).toBe("THÀNH PHẦN, NỘI DUNG, THỜI GIAN, ĐỊA ĐIỂM TỔ CHỨC HỘI NGHỊ");
    expect(r.signature).toEqual({ onBehalfOf: null, authority: "KT", principal: "CHỦ TỊCH", title: "PHÓ CHỦ TỊCH", signer: "Phạm Quang Sự" });
    expect(r.recipients.at(-1)?.name).toBe("Lưu VT");
  });

  it("reads a notice whose header columns come one after the other (001)", () => {
    const r = parse("001_18e35584e7dafd68.txt");
    expect(r.id).toBe("203-TB-UBND-2024-06-18");
    expect(r.system).toBe("state");
    expect(r.number).toEqual({ raw: "203 /TB-UBND", seq: "203", year: null, typeCode: "TB", issuerCode: "UBND" });
    expect(r.place).toBe("Bình Sơn");
    expect(r.date).toEqual({ raw: "ngày 18 tháng 6 năm 2024", iso: "2024-06-18" });
    expect(r.title).toBe("Kết luận của đồng chí Nguyễn Tường Duy, Chủ tịch UBND huyện, tại Hội nghị triển khai các kế hoạch chuyên đề ngành Giáo dục và Đào tạo");
    expect(r.signature).toMatchObject({ authority: "TL", principal: "CHỦ TỊCH", title: "CHÁNH VĂN PHÒNG", signer: "Nguyễn Thanh Thương" });
    expect(r.recipients.map((x) => x.name)).toEqual(["TT. Huyện ủy", "CT, các PCT UBND huyện", "Các thành phần theo GM 186", "VP HĐND&UBND: C, PCVP, CV", "Lưu: VT"]);
  });

  it("keeps a draft's blanks: no sequence number, a month-only date (002)", () => {
    const r = parse("002_31f9272833264e9e.txt");
    expect(r.number).toMatchObject({ seq: null, typeCode: "KH", issuerCode: "UBND" });
    expect(r.date?.iso).toBe("2024-01");
    expect(r.place).toBe("Tứ Kỳ");
  });

  it("splits a one-paragraph preamble at its semicolons and reports a repeated section number (003)", () => {
    const r = parse("003_793e23e02999985a.txt");
    expect(r.bases).toHaveLength(5);
    expect(r.annexes).toHaveLength(1);
    expect(r.diagnostics.some((d) => d.code === "duplicate-number")).toBe(true);
    expect(r.date?.iso).toBe("2023");
  });

  it("reads markdown with footnotes dropped between paragraphs (004)", () => {
    const r = parse("004_eb04ff3914c6f1ad.txt");
    expect(r.source.format).toBe("markdown");
    expect(r.footnotes.length).toBe(12);
    expect(r.sections[0]!.marker).toBe("PHẦN THỨ NHẤT");
    expect(r.sections[0]!.children[0]!.marker).toBe("I.");
  });
});
