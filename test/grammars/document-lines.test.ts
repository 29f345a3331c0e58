// The document lexer's line classes: [line, token, why]. Each line is lexed alone.
import { describe, expect, it } from "vitest";
import { documentLexer } from "../../grammars/document/document-tokens.js";
import { findLayoutZones } from "../../grammars/document/layout-zones.js";

const classOf = (line: string) => documentLexer.tokenize(line).tokens.map((t) => t.tokenType.name);

describe("line classes", () => {
  it.each([
    ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "NationalTitle", "Quốc hiệu"],
    ["CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "NationalTitle", "new tone placement"],
    ["HỘI CHỦ NGHĨA VIỆT NAM", "NationalTitle", "the second half of a wrapped Quốc hiệu"],
    ["Độc lập - Tự do - Hạnh phúc", "Motto", "tiêu ngữ"],
    ["ĐẢNG CỘNG SẢN VIỆT NAM", "PartyTitle", "the Party line"],
    ["Số: 203 /TB-UBND", "NumberLine", "number with a stray space"],
    ["Số 253-KH/HU", "NumberLine", "Party number without a colon"],
    ["Số:           /KH-UBND", "NumberLine", "a draft's blank number"],
    ["Bình Sơn, ngày 18 tháng 6 năm 2024", "PlaceDate", "place and date"],
    ["Hà Nội ngày 01 tháng 12 năm 2025", "PlaceDate", "no comma after the place"],
    ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", "BasisLine", "a basis holding a date is not a place-date line"],
    ["KẾ HOẠCH", "DocTypeLine", "type name"],
    ["QUYẾT ĐỊNH CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "DocTypeLine", "old form: the type name with its authority"],
    ["QUYẾT ĐỊNH:", "EnactingLine", "the enacting word"],
    ["V/v thành lập Mạng lưới quan trắc", "SubjectLine", "a công văn's trích yếu"],
    ["Kính gửi: Bộ trưởng Bộ Khoa học và Công nghệ.", "AddresseesLabel", "addressees"],
    ["Nơi nhận:", "RecipientsLine", "recipients"],
    ["KT. CHỦ TỊCH", "AuthorityLine", "signature prefix"],
    ["T/M BAN BÍ THƯ", "AuthorityLine", "Party prefix"],
    ["(Đã ký)", "PlaceholderLine", "placeholder"],
    ["PHỤ LỤC I", "AnnexLine", "annex"],
    ["[1] Mầm non 18 trường", "FootnoteLine", "footnote body"],
    ["PHẦN THỨ NHẤT", "PartLine", "part"],
    ["Chương II", "ChapterLine", "chapter"],
    ["Điều 1. Vị trí và chức năng", "ArticleLine", "article"],
    ["I. MỤC ĐÍCH, YÊU CẦU", "RomanLine", "roman"],
    ["I- QUY ĐỊNH CHUNG", "RomanLine", "Party roman"],
    ["A. MỤC ĐÍCH, YÊU CẦU", "LetterPartLine", "lettered part"],
    ["3.3.1. Nội dung", "DecimalLine", "decimal"],
    ["1. Mục đích", "ArabicLine", "arabic"],
    ["(1) Nội dung", "ArabicLine", "parenthesised arabic"],
    ["a) Công khai kịp thời", "LetterLine", "letter"],
    ["đ) Tiếp nhận", "LetterLine", "the letter đ"],
    ["- Mời Ban Thường vụ Huyện ủy;", "BulletLine", "dash bullet"],
    ["+ Ý kiến", "BulletLine", "plus bullet"],
    ["ỦY BAN NHÂN DÂN", "CapsLine", "an issuer line"],
    ["“2. Số lượng dự án dự thi", "TextLine", "a quoted amendment is not a section"],
    ["Sáng ngày 11/6/2024, tại Hội trường UBND huyện", "TextLine", "prose"],
  ])("%s → %s (%s)", (line, expected) => {
    expect(classOf(line)).toEqual([expected]);
  });
});

describe("layout zones", () => {
  it("finds header, title, preamble, body, closing and annex of a small decision", () => {
    const text = [
      "Trang chủ > Văn bản",
      "ỦY BAN NHÂN DÂN",
      "TỈNH A",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Số: 1/QĐ-UBND",
      "A, ngày 1 tháng 2 năm 2024",
      "QUYẾT ĐỊNH",
      "Về việc thử",
      "Căn cứ Luật A;",
      "QUYẾT ĐỊNH:",
      "Điều 1. Nội dung",
      "Nơi nhận:",
      "- Lưu: VT.",
      "KT. CHỦ TỊCH",
      "PHÓ CHỦ TỊCH",
      "Nguyễn Văn A",
      "PHỤ LỤC",
      "DANH MỤC",
      "Văn bản liên quan",
    ].join("\n");
    const zones = findLayoutZones(documentLexer.tokenize(text).tokens);
    expect(zones).toEqual({ headerStart: 1, titleStart: 6, frontStart: 6, bodyStart: 10, closingStart: 11, signerLine: 15, annexStarts: [16], trailerStart: 18 });
  });
});
