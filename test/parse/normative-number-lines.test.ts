// Normative acts as vbpl.vn and the gazette set them: the number labelled with the type
// (`Luật số: 129/2025/QH15`), and the văn bản hợp nhất whose own number, date and body stand in
// the block that authenticates it at the end, under a header that is the consolidated act's.
import { describe, expect, it } from "vitest";
import { parseDocumentText } from "../../src/document/parse-document.js";
import { readConsolidation } from "../../src/parse/read-consolidation.js";

const law = (numberLine: string) =>
  [
    "QUỐC HỘI",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    numberLine,
    "Hà Nội, ngày 10 tháng 12 năm 2025",
    "LUẬT",
    "VIÊN CHỨC",
    "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;",
    "Quốc hội ban hành Luật Viên chức.",
    "Điều 1. Phạm vi điều chỉnh",
    "Luật này quy định về viên chức.",
  ].join("\n");

describe("a number labelled with the document's type", () => {
  it("reads `Luật số:` and `Nghị quyết số:` as the number line", () => {
    expect(parseDocumentText(law("Luật số: 129/2025/QH15")).record.number).toMatchObject({ seq: "129", year: 2025, issuerCode: "QH15" });
    expect(parseDocumentText(law("Nghị quyết số: 105/2025/UBTVQH15")).record.number).toMatchObject({ seq: "105", year: 2025 });
    expect(parseDocumentText(law("Số: 129/2025/QH15")).record.number?.seq).toBe("129");
  });

  it("leaves a sentence naming a number without the label's colon alone", () => {
    const { record } = parseDocumentText(law("Nghị quyết số 105/2025/UBTVQH15 về chương trình lập pháp"));
    expect(record.number).toBeNull();
  });
});

const consolidated = [
  "VĂN PHÒNG QUỐC HỘI",
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "Độc lập - Tự do - Hạnh phúc",
  "LUẬT",
  "BẢO HIỂM XÃ HỘI",
  "Luật Bảo hiểm xã hội số 58/2014/QH13 ngày 20 tháng 11 năm 2014 của Quốc hội, có hiệu lực kể từ ngày 01 tháng 01 năm 2016, được sửa đổi, bổ sung bởi:",
  "Luật An toàn, vệ sinh lao động số 84/2015/QH13 ngày 25 tháng 6 năm 2015 của Quốc hội.",
  "Điều 1. Phạm vi điều chỉnh",
  "Luật này quy định chế độ, chính sách bảo hiểm xã hội.",
  "VĂN PHÒNG QUỐC HỘI",
  "Số: 50/VBHN-VPQH",
  "XÁC THỰC VĂN BẢN HỢP NHẤT",
  "Hà Nội, ngày 10 tháng 12 năm 2018",
  "CHỦ NHIỆM",
  "Nguyễn Hạnh Phúc",
].join("\n");

describe("a văn bản hợp nhất", () => {
  it("takes its number, type, date and body from the authentication block", () => {
    const { record } = parseDocumentText(consolidated);
    expect(record.number).toMatchObject({ seq: "50", typeCode: "VBHN", issuerCode: "VPQH" });
    expect(record.docType?.code).toBe("VBHN");
    expect(record.date?.iso).toBe("2018-12-10");
    expect(record.issuer?.name).toBe("Văn phòng Quốc hội");
  });

  it("needs the label and a VBHN number together", () => {
    expect(readConsolidation(consolidated.replace("XÁC THỰC VĂN BẢN HỢP NHẤT", "KT. CHỦ NHIỆM"))).toBeNull();
    expect(readConsolidation(consolidated.replace("50/VBHN-VPQH", "50/QĐ-VPQH"))).toBeNull();
    expect(readConsolidation(consolidated)?.issuerLines).toEqual(["VĂN PHÒNG QUỐC HỘI"]);
  });
});

describe("a trích yếu in two paragraphs", () => {
  const resolution = (second: string) =>
    [
      "ỦY BAN THƯỜNG VỤ QUỐC HỘI",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Nghị quyết số: 108/2025/UBTVQH15",
      "Hà Nội, ngày 17 tháng 10 năm 2025",
      "NGHỊ QUYẾT",
      "Quy định tiêu chuẩn, điều kiện thành lập",
      second,
      "ỦY BAN THƯỜNG VỤ QUỐC HỘI",
      "Căn cứ Luật Tổ chức Quốc hội số 57/2014/QH13;",
      "QUYẾT NGHỊ:",
      "Điều 1. Phạm vi điều chỉnh",
      "Nghị quyết này quy định tiêu chuẩn.",
    ].join("\n");

  it("joins the second paragraph, in the title's case and without punctuation, to the first", () => {
    expect(parseDocumentText(resolution("Ban Dân tộc của Hội đồng nhân dân cấp tỉnh")).record.title).toBe("Quy định tiêu chuẩn, điều kiện thành lập Ban Dân tộc của Hội đồng nhân dân cấp tỉnh");
  });

  it("leaves out a sentence", () => {
    expect(parseDocumentText(resolution("Ban Dân tộc được thành lập theo quy định.")).record.title).toBe("Quy định tiêu chuẩn, điều kiện thành lập");
  });
});

describe("a saved page whose body has no number line", () => {
  const page = (first: string) => [first, "THÔNG TƯ", "Ban hành 02 quy chuẩn kỹ thuật quốc gia về tàu cá", "Căn cứ Luật Thủy sản ngày 21 tháng 11 năm 2017;", "Điều 1. Ban hành kèm theo Thông tư này 02 quy chuẩn."].join("\n");

  it("takes the number from the page's title when it names the document's type", () => {
    expect(parseDocumentText(page("Thông tư số 57/2025/TT-BNNMT Ban hành 02 quy chuẩn kỹ thuật quốc gia về tàu cá")).record.number).toMatchObject({ seq: "57", year: 2025 });
    expect(parseDocumentText(page("Nghị định số 57/2025/NĐ-CP quy định chi tiết")).record.number).toBeNull();
  });
});
