// The document lexer's line classes: [line, token, why]. Each line is lexed alone.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { documentLexer, lineInitial, lineTests } from "../../grammars/document/document-tokens.js";
import { parseDocumentBytes } from "../../src/document/parse-document.js";
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

// The lexer runs on a line only the tests its initial allows (testsFor): a test that would accept a
// line must never be skipped for it. Checked on every line of the real documents (the repository's
// corpus, and ../shared when it is beside the checkout) and on generated lines that open with each
// token's words in every case, after punctuation, white space and stray marks.
describe("line test dispatch by initial", () => {
  const tests = lineTests();
  function expectNoneSkipped(lines: readonly string[]): void {
    for (const line of lines) {
      if (line.length === 0) continue;
      const first = lineInitial(line);
      for (const t of tests) {
        if (t.initials !== "any" && !t.initials.has(first) && t.accepts(line)) {
          expect.fail(`${t.name} accepts ${JSON.stringify(line)} (initial ${JSON.stringify(first)}) but does not declare that initial`);
        }
      }
    }
  }

  const folders = [new URL("../../corpus/", import.meta.url).pathname, new URL("../../../shared/corpus/", import.meta.url).pathname, new URL("../../../shared/seeds/", import.meta.url).pathname];
  it("skips no test that accepts a line of the real documents", () => {
    let files = 0;
    for (const folder of folders.filter((f) => existsSync(f))) {
      for (const name of readdirSync(folder).filter((n) => /\.(?:md|txt)$/u.test(n) && !/^README/iu.test(n))) {
        expectNoneSkipped(parseDocumentBytes(readFileSync(join(folder, name))).text.split("\n"));
        files++;
      }
    }
    expect(files).toBeGreaterThan(0);
  });

  it("skips no test that accepts a generated line", () => {
    const openings = [
      "CỘNG HÒA", "Cộng hòa", "HỘI CHỦ NGHĨA VIỆT NAM", "VIỆT NAM", "Độc lập - Tự do", "ĐẢNG", "ĐẢNG CỘNG SẢN", "CỘNG SẢN VIỆT NAM",
      "Số:", "số", "SỐ ", "Căn cứ", "- Căn cứ", "Thực hiện", "Xét đề nghị", "Dựa trên", "Hà Nội, ngày 1 tháng 2 năm 2024", "QUYẾT ĐỊNH", "Quyết định",
      "KẾ HOẠCH", "QUYẾT ĐỊNH CỦA", "V/v", "v/V", "Kính gửi", "Nơi nhận", "KT.", "tm.", "T/M", "(Đã ký)", "[đã ký]", "ký tên", "Chữ ký", "SIGNED",
      "[1]", "PHỤ LỤC", "Phụ lục", "ĐỀ CƯƠNG", "PHẦN THỨ", "Chương", "MỤC 1", "Điều 1.", "1.1.", "IV.", "A.", "đ)", "a)", "(2)", "3.", "-", "+", "•",
      "*", "---", "___", "===", "...", "|", "·", "–", "—", "ỦY BAN", "Ủy ban", "ubnd",
    ];
    const pads = ["", " ", "  ", "\t", "\u00a0", "\u0301", "(", "[", "*"];
    const tails = ["", " ", ":", ".", " 5", " II", " THỨ NHẤT", " của Bộ", " CỦA CHỦ TỊCH", " Nội dung", " - ", " ngày 5 tháng 6 năm 2020", "*"];
    fc.assert(
      fc.property(fc.constantFrom(...pads), fc.constantFrom(...openings), fc.constantFrom(...tails), fc.boolean(), (pad, opening, tail, upper) => {
        const line = pad + (upper ? opening.toUpperCase() : opening) + tail;
        expectNoneSkipped([line]);
      }),
      { numRuns: 3000 },
    );
  });
});
