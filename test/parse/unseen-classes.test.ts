// The failure classes seen on documents nobody tuned the parser for (issue 13), each on made-up
// text in the shape of the class: tables of [input, expected, why].
import { describe, expect, it } from "vitest";
import { parseDocumentBytes, parseDocumentText } from "../../src/document/parse-document.js";
import { readNumber } from "../../src/parse/read-number.js";
import { readSignature } from "../../src/parse/read-signature.js";
import { readIssuer } from "../../src/parse/read-issuer.js";
import { isUnlabelledRecipients } from "../../grammars/document/line-patterns.js";
import type { DocumentRecord } from "../../src/model/record.js";

const parse = (text: string): DocumentRecord => parseDocumentText(text, { format: "text" }).record;
const lines = (...l: string[]) => `${l.join("\n")}\n`;

// A decision's body and closing, appended to each header under test.
const DECISION_REST = ["QUYẾT ĐỊNH", "Về việc thành lập Tổ công tác liên ngành", "Căn cứ Luật Tổ chức chính quyền địa phương;", "QUYẾT ĐỊNH:", "Điều 1. Thành lập Tổ công tác.", "Nơi nhận:", "- Như Điều 1;", "- Lưu: VT.", "CHỦ TỊCH", "Đỗ Văn Nam"];

describe("the two-column header, flattened", () => {
  it.each<[string, string[], string, string]>([
    [
      "a Quốc hiệu wrapped after its first word, the word on a line of its own",
      ["ỦY BAN NHÂN DÂN", "TỈNH LÂM SƠN", "CỘNG", "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 7/QĐ-UBND", "Lâm Sơn, ngày 1 tháng 1 năm 2025"],
      "Ủy ban nhân dân tỉnh Lâm Sơn",
      "the lone CỘNG belongs to the right column, not to the issuer",
    ],
    [
      "a Quốc hiệu's first word run onto the issuer's last line",
      ["ỦY BAN NHÂN DÂN", "TỈNH LÂM SƠN CỘNG", "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 7/QĐ-UBND", "Lâm Sơn, ngày 1 tháng 1 năm 2025"],
      "Ủy ban nhân dân tỉnh Lâm Sơn",
      "the words the next line's Quốc hiệu lacks are cut from the issuer",
    ],
    [
      "a bold issuer wrapped after its first word",
      ["ỦY", "BAN NHÂN DÂN TỈNH LÂM SƠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 7/QĐ-UBND", "Lâm Sơn, ngày 1 tháng 1 năm 2025"],
      "Ủy ban nhân dân tỉnh Lâm Sơn",
      "a single word is never a whole name: it joins the next line",
    ],
    [
      "the chairman's decision, wrapped inside ỦY BAN",
      ["CHỦ TỊCH ỦY", "BAN NHÂN DÂN TỈNH LÂM SƠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 8/QĐ-UBND", "Lâm Sơn, ngày 1 tháng 1 năm 2025"],
      "Chủ tịch Ủy ban nhân dân tỉnh Lâm Sơn",
      "an ỦY that is no Party committee's (TỈNH ỦY) opens ỦY BAN",
    ],
    [
      "a Quốc hiệu wrapped before VIỆT NAM, after the issuer",
      ["BỘ NÔNG NGHIỆP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 9/QĐ-BNN", "Hà Nội, ngày 1 tháng 1 năm 2025"],
      "Bộ Nông nghiệp",
      "VIỆT NAM under CHỦ NGHĨA ends the Quốc hiệu, not the issuer's name",
    ],
  ])("%s", (_, header, issuer) => {
    const r = parse(lines(...header, ...DECISION_REST));
    expect(r.issuer?.name).toBe(issuer);
    expect(r.diagnostics.filter((d) => d.severity === "suspect")).toEqual([]);
  });
});

describe("parent and child bodies", () => {
  it.each<[string[], { name: string; parent: string | null }, string]>([
    [["BỘ TÀI CHÍNH", "CỤC THUẾ"], { name: "Cục Thuế", parent: "BỘ TÀI CHÍNH" }, "the lower line is the issuer, the upper its parent"],
    [["BỘ TÀI CHÍNH CỤC", "KIỂM TRA NỘI BỘ"], { name: "Cục Kiểm tra nội bộ", parent: "BỘ TÀI CHÍNH" }, "parent and child on one line are split at the child's head"],
    [["BAN CHẤP HÀNH TRUNG ƯƠNG", "BAN TỔ CHỨC"], { name: "Ban Tổ chức", parent: "BAN CHẤP HÀNH TRUNG ƯƠNG" }, "a Party board under the Central Committee"],
    [["UBND TỈNH LÂM SƠN", "SỞ Y TẾ"], { name: "Sở Y tế", parent: "UBND TỈNH LÂM SƠN" }, "a department under its province"],
    [["VĂN PHÒNG", "CHÍNH PHỦ"], { name: "Văn phòng Chính phủ", parent: null }, "VĂN PHÒNG is always of something: one name wrapped"],
    [["BAN THƯỜNG VỤ", "TỈNH ỦY LÂM SƠN"], { name: "Ban Thường vụ Tỉnh ủy Lâm Sơn", parent: null }, "a committee's standing board is one name"],
  ])("%j", (input, expected) => {
    expect(readIssuer(input)).toMatchObject(expected);
  });
});

describe("numbers in older and looser spellings", () => {
  it.each<[string, { seq: string | null; year: number | null; typeCode: string | null; issuerCode: string | null }, string]>([
    ["57/2001/QĐ/BYT", { seq: "57", year: 2001, typeCode: "QĐ", issuerCode: "BYT" }, "slashes only: type code, then issuer"],
    ["15/2004/PL-UBTVQH11", { seq: "15", year: 2004, typeCode: "PL", issuerCode: "UBTVQH11" }, "PL is a Pháp lệnh's code"],
    ["73/ND-CP", { seq: "73", year: null, typeCode: "ND", issuerCode: "CP" }, "a code without its Đ still names the type"],
    ["318 /NQ-CP", { seq: "318", year: null, typeCode: "NQ", issuerCode: "CP" }, "a space before the slash"],
    ["/QĐ", { seq: null, year: null, typeCode: "QĐ", issuerCode: null }, "a draft's blank number"],
    ["5/VBHN-BTC", { seq: "5", year: null, typeCode: "VBHN", issuerCode: "BTC" }, "a văn bản hợp nhất"],
    ["41/2024/QH15", { seq: "41", year: 2024, typeCode: null, issuerCode: "QH15" }, "a law's number has no type code"],
  ])("%s", (written, expected) => {
    expect(readNumber(written)).toMatchObject(expected);
  });

  it.each<[string, string[], string, string]>([
    ["Số: 41/2024/QH15", [], "Luật", "the National Assembly's number implies a law"],
    ["Số: 15/2004/PL-UBTVQH11", [], "Pháp lệnh", "the type code inside the symbol"],
    ["Số: 5/VBHN-BTC", ["NGHỊ ĐỊNH", "Quy định chi tiết một số điều"], "Văn bản hợp nhất", "a consolidated text is typed by its number, not by the type name it carries"],
  ])("%s %j types the document as %s", (numberLine, typeLines, typeName) => {
    const r = parse(lines("QUỐC HỘI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", numberLine, "Hà Nội, ngày 1 tháng 1 năm 2025", ...typeLines, "Căn cứ Hiến pháp;", "Điều 1. Phạm vi"));
    expect(r.docType?.name).toBe(typeName);
  });

  it.each<[string, string]>([
    ["| Trụ sở | Số 12-14, phố Hàng Bài, Hà Nội |", "an address in a table: digits after the dash"],
    ["Số 268 - 270 Đường Trần Phú, phường Hà Đông", "a street address with a range of house numbers"],
    ["Số 26/1C đường Lê Lợi, quận Một", "a house number with a letter"],
    ["Số 349/GP-BTTTT do Bộ Thông tin và Truyền thông cấp ngày 22/09/2023", "a licence named in a sentence is no header's number"],
  ])("%s is not a document's number", (line) => {
    const r = parse(lines("# Nhà hát Thành phố", "Thông tin chung", line.replace(/^\| Trụ sở \| /u, "").replace(/ \|$/u, ""), "Nhà hát được xây dựng năm 1911 và trùng tu năm 1997."));
    expect(r.number).toBeNull();
    expect(r.docType).toBeNull();
  });
});

describe("signatures", () => {
  it.each<[string[], Record<string, string | null>, string]>([
    [["KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Văn An"], { authority: "KT", principal: "BỘ TRƯỞNG", title: "THỨ TRƯỞNG", signer: "Nguyễn Văn An" }, "one table cell on one line"],
    [["TM. HỘI ĐỒNG NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Thị Lan"], { authority: "TM", principal: "HỘI ĐỒNG NHÂN DÂN", title: "CHỦ TỊCH", signer: "Nguyễn Thị Lan" }, "stacked TM.: the body, then the office"],
    [["KT.BỘ TRƯỞNG", "THỨ TRƯỞNG", "Lê Văn Bình"], { authority: "KT", principal: "BỘ TRƯỞNG", title: "THỨ TRƯỞNG", signer: "Lê Văn Bình" }, "the prefix's dot touching the office"],
    [["TL.", "CỤC TRƯỞNG", "KT. TRƯỞNG BAN QUẢN LÝ RỦI RO", "PHÓ TRƯỞNG BAN", "Trần Thị Hoa"], { onBehalfOf: "CỤC TRƯỞNG", authority: "KT", principal: "TRƯỞNG BAN QUẢN LÝ RỦI RO", title: "PHÓ TRƯỞNG BAN", signer: "Trần Thị Hoa" }, "a bare TL. above the office it is for"],
    [["KT. TRƯỞNG BAN KIỂM SOÁT PHÓ TRƯỞNG BAN", "Phạm Văn Đức"], { authority: "KT", principal: "TRƯỞNG BAN KIỂM SOÁT", title: "PHÓ TRƯỞNG BAN", signer: "Phạm Văn Đức" }, "the deputy's office after the principal's on one line"],
    [["TH, KTTH, NN;", "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Vũ Thị Mai"], { principal: "BỘ TRƯỞNG", title: "THỨ TRƯỞNG" }, "the recipients' unit codes set beside the signature are no office"],
  ])("%j", (input, expected) => {
    expect(readSignature(input)).toMatchObject(expected);
  });

  it("reads a signature cell flattened onto one prose line beside the recipients", () => {
    const r = parse(lines("BAN CHỈ ĐẠO QUỐC GIA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 25/KH-BCĐ", "Hà Nội, ngày 1 tháng 3 năm 2025", "KẾ HOẠCH", "Hoạt động năm 2025", "I. MỤC TIÊU", "1. Hoàn thành nhiệm vụ.", "Nơi nhận: - Thủ tướng, các Phó Thủ tướng; - Lưu: VT.", "TRƯỞNG BAN PHÓ THỦ TƯỚNG Nguyễn Văn Tâm"));
    expect(r.signature).toMatchObject({ authority: null, title: "TRƯỞNG BAN", signer: "Nguyễn Văn Tâm" });
  });

  it("reads a signature that comes after the Nơi nhận", () => {
    const r = parse(lines(...["ỦY BAN NHÂN DÂN", "TỈNH LÂM SƠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 7/QĐ-UBND", "Lâm Sơn, ngày 1 tháng 1 năm 2025"], ...DECISION_REST.slice(0, 5), "Nơi nhận:", "- Như Điều 1;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hà Văn Tâm"));
    expect(r.signature).toMatchObject({ onBehalfOf: "ỦY BAN NHÂN DÂN", authority: "KT", principal: "CHỦ TỊCH", title: "PHÓ CHỦ TỊCH", signer: "Hà Văn Tâm" });
  });
});

describe("titles", () => {
  const plan = (...titleLines: string[]) =>
    parse(lines("UBND TỈNH LÂM SƠN", "SỞ Y TẾ", "Số: 45/KH-SYT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Lâm Sơn, ngày 5 tháng 3 năm 2025", ...titleLines, "I. MỤC ĐÍCH", "1. Bảo đảm tiêm chủng đầy đủ.", "Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT.", "GIÁM ĐỐC", "Trần Văn Bình"));
  it.each<[string[], string, string]>([
    [["KẾ HOẠCH", "Triển khai công tác tiêm chủng mở rộng năm 2025"], "Triển khai công tác tiêm chủng mở rộng năm 2025", "a title that opens with a basis verb but ends without punctuation"],
    [["KẾ HOẠCH", "Thực hiện Nghị quyết số 29-NQ/TW ngày 17/11/2022 của Ban Chấp hành Trung ương"], "Thực hiện Nghị quyết số 29-NQ/TW ngày 17/11/2022 của Ban Chấp hành Trung ương", "a plan implementing a resolution"],
    [["KẾ HOẠCHTriển khai tiêm chủng năm 2025"], "Triển khai tiêm chủng năm 2025", "a type name glued to its title by a converter"],
  ])("%j", (titleLines, title) => {
    expect(plan(...titleLines).title).toBe(title);
  });

  it("keeps a basis under the type name a basis when it ends as a sentence", () => {
    const r = plan("KẾ HOẠCH", "Thực hiện Quyết định số 12/QĐ-UBND ngày 2/1/2025 của UBND tỉnh;");
    expect(r.title).toBeNull();
    expect(r.bases).toHaveLength(1);
  });

  it.each<[string[], string, string]>([
    [["Số: 1234/BYT-KH", "V/V TĂNG CƯỜNG PHÒNG CHỐNG DỊCH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], "TĂNG CƯỜNG PHÒNG CHỐNG DỊCH", "V/V in capitals under the number, before the right column"],
    [["Số: 1234/BYT-KH v/v tăng cường phòng chống dịch", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], "tăng cường phòng chống dịch", "a lower-case v/v in the number's cell"],
    [["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 1234/BYT-KH", "V/v:", "Tăng cường phòng chống dịch"], "Tăng cường phòng chống dịch", "a bare V/v: with its subject on the next line"],
  ])("%j", (header, title) => {
    const r = parse(lines("BỘ Y TẾ", ...header, "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 1 tháng 2 năm 2025", "Kính gửi: Sở Y tế các tỉnh.", "Bộ Y tế đề nghị các Sở thực hiện nghiêm.", "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Nguyễn Văn An"));
    expect(r.docType?.code).toBe("CV");
    expect(r.title).toBe(title);
    expect(r.issuer?.name).toBe("Bộ Y tế");
  });

  it("reads a công điện's title", () => {
    const r = parse(lines("THỦ TƯỚNG CHÍNH PHỦ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 99/CĐ-TTg", "Hà Nội, ngày 3 tháng 10 năm 2025", "CÔNG ĐIỆN", "Về việc tập trung ứng phó bão số 10", "THỦ TƯỚNG CHÍNH PHỦ điện:", "- Chủ tịch Ủy ban nhân dân các tỉnh ven biển.", "1. Theo dõi chặt chẽ diễn biến bão.", "Nơi nhận:", "- Như trên;", "- Lưu: VT, NN (3b).", "KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "Lê Văn Cường"));
    expect(r).toMatchObject({ docType: { code: "CĐ" }, title: "Về việc tập trung ứng phó bão số 10", issuer: { name: "Thủ tướng Chính phủ" } });
  });

  it("drops a công điện's V/V label and reads its addressees from the `… điện:` line", () => {
    const r = parse(lines("THỦ TƯỚNG CHÍNH PHỦ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 98/CĐ-TTg", "Hà Nội, ngày 2 tháng 10 năm 2025", "CÔNG ĐIỆN", "V/V CHỦ ĐỘNG ỨNG PHÓ MƯA LŨ", "THỦ TƯỚNG CHÍNH PHỦ điện:", "- Chủ tịch Ủy ban nhân dân các tỉnh miền Trung;", "- Bộ trưởng các Bộ: Quốc phòng, Công an.", "Để chủ động ứng phó mưa lũ, Thủ tướng yêu cầu:", "1. Theo dõi chặt chẽ diễn biến.", "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "THỦ TƯỚNG", "Lê Văn Cường"));
    expect(r.title).toBe("CHỦ ĐỘNG ỨNG PHÓ MƯA LŨ");
    expect(r.addressees).toEqual(["Chủ tịch Ủy ban nhân dân các tỉnh miền Trung", "Bộ trưởng các Bộ: Quốc phòng, Công an"]);
  });

  it.each<[string, string, string]>([
    ["VỀ VIỆC BAN HÀNH QUY CHẾ PHỐI HỢP ỦY BAN NHÂN DÂN TỈNH LÂM SƠN", "VỀ VIỆC BAN HÀNH QUY CHẾ PHỐI HỢP", "the enacting authority run onto the title's end"],
    ["VỀ VIỆC GIAO NHIỆM VỤ CHO ỦY BAN NHÂN DÂN TỈNH LÂM SƠN", "VỀ VIỆC GIAO NHIỆM VỤ CHO ỦY BAN NHÂN DÂN TỈNH LÂM SƠN", "after a word that governs it the name is the title's own"],
    ["QUY ĐỊNH NHIỆM VỤ CỦA TRUNG TÂM THUỘC VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH LÂM SƠN", "QUY ĐỊNH NHIỆM VỤ CỦA TRUNG TÂM THUỘC VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH LÂM SƠN", "after a body's head the name completes a name"],
  ])("%s", (titleLine, title) => {
    const r = parse(lines("ỦY BAN NHÂN DÂN", "TỈNH LÂM SƠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 7/QĐ-UBND", "Lâm Sơn, ngày 1 tháng 1 năm 2025", "QUYẾT ĐỊNH", titleLine, "Căn cứ Luật Tổ chức chính quyền địa phương;", "QUYẾT ĐỊNH:", "Điều 1. Ban hành kèm theo."));
    expect(r.title).toBe(title);
  });

  it("takes a caps title out of the sentence the line joiner ran it into", () => {
    const r = parse(lines("BỘ QUỐC PHÒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 92/VBHN-BQP", "Hà Nội, ngày 24 tháng 11 năm 2025", "QUYẾT ĐỊNH", `VỀ CHẾ ĐỘ ĐỐI VỚI QUÂN NHÂN ĐÃ PHỤC VIÊN Quyết định số 142/2008/QĐ-TTg ngày 27 tháng 10 năm 2008 ${"của Thủ tướng Chính phủ, được sửa đổi, bổ sung bởi văn bản sau đây ".repeat(5)}`, "Căn cứ Luật Tổ chức Chính phủ;", "Điều 1. Phạm vi"));
    expect(r.title).toBe("VỀ CHẾ ĐỘ ĐỐI VỚI QUÂN NHÂN ĐÃ PHỤC VIÊN");
  });
});

describe("pages whose header was lost", () => {
  it("reads number, date and issuer from its own annex's caption, marks the issuer inferred and the reference self", () => {
    const r = parse(lines("HƯỚNG DẪN", "Tuyên truyền kỷ niệm 80 năm Ngày thành lập ngành", "I. MỤC ĐÍCH", "1. Nâng cao nhận thức.", "II. NỘI DUNG", "1. Tuyên truyền sâu rộng.", "BAN TUYÊN GIÁO TRUNG ƯƠNG", "PHỤ LỤC", "ĐỀ CƯƠNG TUYÊN TRUYỀN", "(Kèm theo Hướng dẫn số 12-HD/BTGTW, ngày 03/5/2025 của Ban Tuyên giáo Trung ương)", "1. Lịch sử hình thành."));
    expect(r.number).toMatchObject({ seq: "12", typeCode: "HD", issuerCode: "BTGTW" });
    expect(r.date?.iso).toBe("2025-05-03");
    expect(r.issuer).toEqual({ name: "Ban Tuyên giáo Trung ương", parent: null, inferred: true, locality: null });
    expect(r.annexes).toHaveLength(1);
    expect(r.citations.filter((c) => c.number === "12").map((c) => c.context)).toEqual(["self"]);
  });

  it("takes the issuer from the enacting line and the date from the adoption clause", () => {
    const r = parse(lines("Số: 1234/NQ-UBTVQH15", "NGHỊ QUYẾT", "Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Lâm Sơn năm 2025", "ỦY BAN THƯỜNG VỤ QUỐC HỘI", "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;", "QUYẾT NGHỊ:", "Điều 1. Sắp xếp các đơn vị hành chính cấp xã.", "Nghị quyết này được Ủy ban Thường vụ Quốc hội khóa XVthông qua ngày 16 tháng 6 năm 2025."));
    expect(r.issuer).toEqual({ name: "Ủy ban Thường vụ Quốc hội", parent: null, inferred: true, locality: null });
    expect(r.date?.iso).toBe("2025-06-16");
  });

  it("takes a decree's issuer from its promulgation sentence", () => {
    const r = parse(lines("Độc lập - Tự do - Hạnh phúc", "Số: 25/2025/NĐ-CP", "Hà Nội, ngày 21 tháng 02 năm 2025", "NGHỊ ĐỊNH", "Quy định chức năng, nhiệm vụ của Bộ Lâm nghiệp", "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;", "Theo đề nghị của Bộ trưởng Bộ Lâm nghiệp;", "Chính phủ ban hành Nghị định quy định chức năng, nhiệm vụ của Bộ Lâm nghiệp.", "Điều 1. Vị trí và chức năng"));
    expect(r.issuer?.name).toBe("Chính phủ");
  });
});

describe("preamble statements", () => {
  it.each<[string, number, string]>([
    ["Dựa trên các quy định hiện hành, theo đề nghị của Trưởng phòng Đào tạo, Giám đốc quyết định", 2, "a second ground after a comma, in lower case"],
    ["Thực hiện Thông tư số 32/2018/TT-BGDĐT ngày 26/12/2018. Thông tư số 28/2020/TT-BGDĐT ngày 04/9/2020 của Bộ Giáo dục và Đào tạo;", 2, "a full stop standing for a semicolon before the next numbered document"],
    ["Thực hiện Kế hoạch số 12/KH-UBND ngày 2/1/2025. Kế hoạch này được triển khai trong toàn tỉnh;", 1, "a sentence naming no numbered document continues the statement"],
  ])("%s", (preamble, count) => {
    const r = parse(lines("ỦY BAN NHÂN DÂN", "TỈNH LÂM SƠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 7/QĐ-UBND", "Lâm Sơn, ngày 1 tháng 1 năm 2025", "QUYẾT ĐỊNH", "Về việc ban hành quy chế", preamble, "QUYẾT ĐỊNH:", "Điều 1. Ban hành kèm theo."));
    expect(r.bases).toHaveLength(count);
  });
});

describe("recipients with codes", () => {
  it.each<[string, { name: string; note: string | null }, string]>([
    ["- Bộ Y tế (02);", { name: "Bộ Y tế", note: "02" }, "a copy count is a note on the copy, not part of the name"],
    ["- VP UBND tỉnh (3E);", { name: "VP UBND tỉnh", note: "3E" }, "a unit's filing code likewise"],
    ["- Lưu: VT, P.KT (A12b).", { name: "Lưu: VT, P.KT (A12b)", note: null }, "the Lưu line keeps its file's code"],
    ["- Bộ trưởng (để b/c);", { name: "Bộ trưởng", note: "để b/c" }, "a purpose in brackets is the note"],
    ["- Sở Tư pháp; (Đã ký)", { name: "Sở Tư pháp", note: null }, "the signature column's placeholder beside an item is not part of it"],
  ])("%s", (item, expected) => {
    const r = parse(lines("BỘ Y TẾ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 1234/BYT-KH", "V/v tăng cường phòng chống dịch", "Hà Nội, ngày 1 tháng 2 năm 2025", "Kính gửi: Sở Y tế các tỉnh.", "Bộ Y tế đề nghị các Sở thực hiện nghiêm.", "Nơi nhận:", "- Như trên;", item, "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Nguyễn Văn An"));
    expect(r.recipients).toContainEqual(expected);
  });
});

describe("collapsed tables (a portal's markdown that lost the table's line breaks)", () => {
  const collapsed = [
    "| BỘ LÂM NGHIỆP------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc--------------- |",
    "Số: 12/2025/TT-BLN |",
    "|",
    "",
    "**THÔNG TƯ**",
    "",
    "**Quy định về quản lý giống cây trồng lâm nghiệp**",
    "",
    "*Căn cứ Luật Lâm nghiệp ngày 15 tháng 11 năm 2017;*",
    "",
    "**Điều 1. Phạm vi điều chỉnh**",
    "",
    "Thông tư này quy định về quản lý giống cây trồng lâm nghiệp./.",
    "",
    "- Văn phòng Chính phủ; - Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương; - Sở Nông nghiệp và Môi trường các tỉnh, thành phố trực thuộc trung ương; - Lưu: VT, PC(02) | KT. BỘ TRƯỞNGTHỨ TRƯỞNG(Đã ký)Trần Văn Bình |",
    "",
    "**DANH MỤC GIỐNG**",
    "",
    "*(Kèm theo Thông t*",
    "",
    "*ư số 12/2025/TT-BLN*",
    "",
    "*ng*",
    "",
    "*ày 4 tháng 3 năm 2025 c*",
    "",
    "*ủa Bộ Lâm nghiệp)*",
    "",
    "1. Giống keo lai.",
    "",
    "**DANH MỤC BIỂU MẪU**",
    "",
    "*(Kèm theo Thông tư số 12/2025/TT-BLN ngày 4 tháng 3 năm 2025 của Bộ Lâm nghiệp)*",
    "",
    "1. Mẫu số 01: Tờ khai.",
  ].join("\n");
  // As a file is read: bytes decoded and repaired (glued capitals) before the markdown is read.
  const readCollapsed = () => parseDocumentBytes(Buffer.from(collapsed, "utf8"), { path: "collapsed.md" }).record;

  it("reads the signature from a closing row whose cell lost its line breaks (THỨ TRƯỞNG glued to BỘ TRƯỞNG)", () => {
    const r = readCollapsed();
    expect(r.signature).toMatchObject({ authority: "KT", principal: "BỘ TRƯỞNG", title: "THỨ TRƯỞNG", signer: "Trần Văn Bình" });
  });

  it("reads the Nơi nhận that lost its label: dash items on one line, the last the file copy", () => {
    expect(readCollapsed().recipients.map((x) => x.name)).toEqual(["Văn phòng Chính phủ", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", "Sở Nông nghiệp và Môi trường các tỉnh, thành phố trực thuộc trung ương", "Lưu: VT, PC(02)"]);
  });

  it("opens an annex at a heading in capitals over its own (Kèm theo …) caption, with no PHỤ LỤC label", () => {
    expect(readCollapsed().annexes.map((a) => a.title?.slice(0, 17))).toEqual(["DANH MỤC GIỐNG (K", "DANH MỤC BIỂU MẪU"]);
  });

  it("takes the date from the annex caption whose syllables emphasis cut over paragraphs when the header cell is empty", () => {
    const r = readCollapsed();
    expect(r.number).toMatchObject({ seq: "12", typeCode: "TT", issuerCode: "BLN" });
    expect(r.date?.iso).toBe("2025-03-04");
  });
});

describe("pages that are not documents", () => {
  it("infers no issuer from a sentence telling what the Prime Minister once decided", () => {
    const r = parse(lines("Trường Sĩ quan Lâm Sơn", "Trường Sĩ quan Lâm Sơn là một trường đại học.", "Ngày 6 tháng 5 năm 1991, Thủ tướng Chính phủ quyết định thành lập Trường trên cơ sở Phân hiệu 2.", "Trường có 12 khoa và 3 viện."));
    expect(r.issuer).toBeNull();
  });

  it("still infers the Prime Minister from a công điện's opening line", () => {
    const r = parse(lines("CÔNG ĐIỆN", "Về việc tập trung ứng phó bão số 5", "THỦ TƯỚNG CHÍNH PHỦ điện:", "- Chủ tịch Ủy ban nhân dân các tỉnh ven biển.", "Bão số 5 đang mạnh lên."));
    expect(r.issuer?.name).toBe("Thủ tướng Chính phủ");
  });
});

describe("a Nơi nhận without its label", () => {
  it.each<[string, boolean, string]>([
    ["- Bộ Y tế; - Sở Y tế các tỉnh; - Lưu: VT, KH.", true, "dash items run together, the last the file copy"],
    ["- Nâng cao nhận thức; - Tăng cường kiểm tra; - Tổng kết cuối năm.", false, "a list of tasks run together has no file copy"],
    ["- Lưu: VT.", false, "one item alone is no collapsed list"],
  ])("%s → %s", (line, expected) => {
    expect(isUnlabelledRecipients(line)).toBe(expected);
  });
});

describe("a Kính gửi flattened with the letter's first sentence", () => {
  it("ends the addressee where the first sentence opens", () => {
    const r = parse(lines("BỘ Y TẾ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc", "Số: 55/BYT-KH V/v tăng cường phòng chống dịch bệnh mùa mưa", `Hà Nội, ngày 3 tháng 4 năm 2025 Kính gửi: Sở Y tế các tỉnh, thành phố trực thuộc Trung ương Trong thời gian qua, ${"các địa phương đã chủ động triển khai nhiều biện pháp phòng chống dịch bệnh, ".repeat(2)}song tình hình vẫn diễn biến phức tạp.`, "Bộ Y tế đề nghị các Sở thực hiện nghiêm.", "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Nguyễn Văn An"));
    expect(r.addressees[0]).toBe("Sở Y tế các tỉnh, thành phố trực thuộc Trung ương");
  });

  it("keeps a long addressee list whole when no sentence opens in it", () => {
    const long = "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương, Sở Y tế các tỉnh, thành phố trực thuộc Trung ương, Bảo hiểm xã hội các tỉnh, thành phố trực thuộc Trung ương";
    const r = parse(lines("BỘ Y TẾ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 56/BYT-KH", "V/v phòng chống dịch", "Hà Nội, ngày 3 tháng 4 năm 2025", `Kính gửi: ${long}.`, "Bộ Y tế đề nghị thực hiện nghiêm."));
    expect(r.addressees[0]).toBe(long);
  });
});
