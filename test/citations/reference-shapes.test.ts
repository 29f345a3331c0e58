// Every shape of a reference in ../shared/notes/formats.md ("Shapes of a reference"), as tables of
// [input, expected citations, why]. Expected citations list only the fields the row is about.
import { describe, expect, it } from "vitest";
import { findCitations } from "../../src/citations/index.js";
import type { Citation } from "../../src/model/record.js";

type Expected = Partial<Omit<Citation, "docType" | "span">> & { type?: string | null };

/** The citations of `text` read as one body region, each checked against its span. */
function cite(text: string, selfNumber?: string): Citation[] {
  const found = findCitations(text, [{ start: 0, end: text.length, context: "body" }], { selfNumber });
  for (const c of found) expect(text.slice(c.span.offset, c.span.offset + c.span.length)).toBe(c.raw);
  return found;
}

/** A citation reduced to the fields `expected` names. */
function pick(c: Citation, expected: Expected): Expected {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(expected)) out[k] = k === "type" ? (c.docType?.code ?? null) : (c as Record<string, unknown>)[k];
  return out as Expected;
}

function check(text: string, expected: Expected[], selfNumber?: string): void {
  const found = cite(text, selfNumber);
  expect(found.map((c, i) => pick(c, expected[i] ?? {}))).toEqual(expected);
}

describe("numbers and symbols", () => {
  it.each<[string, Expected[], string]>([
    [
      "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;",
      [{ raw: "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ", type: "NĐ", number: "30", year: 2020, issuerCode: "CP", date: "2020-03-05", issuer: "Chính phủ", subject: "công tác văn thư", key: "NĐ:30:CP@2020", via: "number" }],
      "n/yyyy/TYPE-ISSUER with date, body and subject",
    ],
    ["Kế hoạch số 113/KH-UBND ngày 08/5/2024", [{ type: "KH", number: "113", year: null, issuerCode: "UBND", date: "2024-05-08" }], "n/TYPE-ISSUER"],
    ["Công văn số 3280/UBND-VX ngày 28/10/2025", [{ type: "CV", number: "3280", issuerCode: "UBND-VX" }], "a công văn's n/ISSUER-UNIT: type CV, the whole symbol is the issuer code"],
    ["Kế hoạch số 253-KH/HU ngày 20/11/2024 của Huyện uỷ Bình Sơn", [{ type: "KH", number: "253", issuerCode: "HU", issuer: "Huyện uỷ Bình Sơn" }], "Party n-TYPE/BODY"],
    ["Công văn số 12-CV/TU-BTC ngày 02/01/2025", [{ type: "CV", number: "12", issuerCode: "TU-BTC" }], "Party n-TYPE/BODY-BODY"],
    ["Luật Giáo dục số 43/2019/QH14;", [{ type: "Luật", number: "43", year: 2019, issuerCode: "QH14", key: "Luật:43:QH14@2019" }], "a law n/yyyy/QHxx takes its type from the type word"],
    ["bổ sung Nghị quyết số 66.4/2025/NQ-CP đối với", [{ type: "NQ", number: "66.4", year: 2025, issuerCode: "CP" }], "a decimal sequence"],
    [
      "tại Phiếu lấy ý kiến Thành viên Chính phủ số 1025/PLYK/2025 ngày 23 tháng 11 năm 2025",
      [{ type: "PLYK", number: "1025", year: 2025, issuerCode: null, date: "2025-11-23" }],
      "n/TYPE/yyyy: the year after the code, no issuer",
    ],
    ["Nghị định số 50/CP ngày 26 tháng 7 năm 1995", [{ type: "NĐ", number: "50", issuerCode: "CP" }], "an old n/ISSUER number: type from the type word"],
    ["Quyết định số 1330/QĐ-CT.UB ngày 27/4/2004", [{ type: "QĐ", number: "1330", issuerCode: "CT.UB" }], "a dotted issuer code"],
    ["Công văn số 4236/SXD-QLN&CS ngày 22 tháng 5 năm 2014", [{ type: "CV", issuerCode: "SXD-QLN&CS" }], "& inside a unit code"],
    ["Lệnh số 05/2019/L-CTN", [{ type: "L", number: "05", issuerCode: "CTN" }], "a one-letter type code that is not last"],
  ])("%s", (text, expected) => check(text, expected));
});

describe("damage seen in the wild", () => {
  it.each<[string, Expected[], string]>([
    ["Quyết định số 773 /QĐ-TTg ngày 12/6/2019", [{ raw: "Quyết định số 773 /QĐ-TTg ngày 12/6/2019", number: "773", issuerCode: "TTg" }], "a space before the slash"],
    ["Số : 837 / QĐ - BKH", [{ raw: "Số : 837 / QĐ - BKH", type: "QĐ", number: "837", issuerCode: "BKH" }], "spaces everywhere, no type word"],
    ["thực hiện Kế hoạch số 119- KH/TU ngày 18/12/2019", [{ type: "KH", number: "119", issuerCode: "TU" }], "a space after the Party dash"],
    ["theo Nghị định số 135/2020/NĐ -CP ngày 18/11/2020", [{ type: "NĐ", number: "135", year: 2020, issuerCode: "CP" }], "a space before the issuer dash"],
    ["Kế hoạch số 0125/KH-UBND", [{ number: "0125", key: "KH:125:UBND" }], "zero padding kept in number, dropped in the key"],
    ["Quyết định số 15/QĐ–UBND ngày 3/1/2024", [{ type: "QĐ", number: "15", issuerCode: "UBND" }], "an en dash"],
    ["Quyết định số 4210/QD-BYT ngày 20/9/2017", [{ type: "QĐ", issuerCode: "BYT", key: "QĐ:4210:BYT@2017" }], "OCR QD for QĐ"],
    ["Nghị định số 24/2021/ND-CP", [{ type: "NĐ", key: "NĐ:24:CP@2021" }], "OCR ND for NĐ"],
    [
      "KẾ HOẠCH THỰC HIỆN QUYẾT ĐỊNH SỐ 1899/QĐ-TTG NGÀY 04/9/2025 CỦA THỦ TƯỚNG CHÍNH PHỦ",
      [{ type: "QĐ", number: "1899", issuerCode: "TTG", date: "2025-09-04", key: "QĐ:1899:TTG@2025" }],
      "all upper case, TTG for TTg",
    ],
    ["theo Nghị quyết số 29/NQ-TW ngày 04/11/2013", [{ type: "NQ", number: "29", issuerCode: "TW", key: "NQ:29:TW@2013" }], "a Party number written state-style"],
    ["Quyết định số  1927/QĐ-UBND ngày 17/9/2007", [{ number: "1927", issuerCode: "UBND" }], "a double space after số"],
    ["Tờ trình số 215/TTr- NHNN ngày 28 tháng 11 năm 2025", [{ type: "TTr", issuerCode: "NHNN" }], "a space after the dash"],
  ])("%s", (text, expected) => check(text, expected));
});

describe("dates, bodies, terms and subjects", () => {
  it.each<[string, Expected[], string]>([
    ["Kế hoạch số 224-KH/TU ngày 30/9/2019", [{ date: "2019-09-30" }], "dd/m/yyyy"],
    ["Kết luận số 51-KL/TW ngày 4/11/2019", [{ date: "2019-11-04" }], "d/mm/yyyy"],
    ["Chương trình số 53-CTr/TU ngày 21-02-2018 của Ban Chấp hành", [{ date: "2018-02-21" }], "dashes (Party style)"],
    ["Chỉ thị số 18/CT-TTg ngày 13 tháng 4 năm 2020 của Thủ tướng Chính phủ", [{ date: "2020-04-13", issuer: "Thủ tướng Chính phủ" }], "a date in words"],
    ["Quyết định số:  256/2004/QĐ-UB ngày 01/ 7 /2004", [{ date: "2004-07-01" }], "spaces inside a numeric date"],
    ["Quyết định số 11/2007/QĐ-UBND ngày 19/3/2007 của UBND tỉnh ngày tháng5", [{ date: "2007-03-19", issuer: "UBND tỉnh" }], "the first date counts"],
    ["Kế hoạch số 158/KH-UBND của UBND tỉnh Quảng Ngãi trước ngày 30/6/2020", [{ date: null, issuer: "UBND tỉnh Quảng Ngãi" }], "a deadline after the body is not the document's date"],
    [
      "Nghị quyết số 29-NQ/TW ngày 04/11/2013 của Ban Chấp hành Trung ương Đảng khóa XI về đổi mới căn bản, toàn diện giáo dục và đào tạo;",
      [{ issuer: "Ban Chấp hành Trung ương Đảng", subject: "đổi mới căn bản, toàn diện giáo dục và đào tạo" }],
      "của <body> khóa X về <subject>",
    ],
    ["Nghị quyết số 29-NQ/TW của Ban Chấp hành Trung ương Đảng (khóa XI); Kế hoạch", [{ issuer: "Ban Chấp hành Trung ương Đảng", subject: null }], "a bracketed term"],
    [
      "Báo cáo thẩm tra số 103/BC-BVHXH ngày 23 tháng 11 năm 2025 của Ban Văn hóa - Xã hội Hội đồng nhân dân Thành phố;",
      [{ type: "BC", issuer: "Ban Văn hóa - Xã hội Hội đồng nhân dân Thành phố" }],
      "a qualifier between type word and số; a dash inside a body",
    ],
    [
      "Quyết định của Bộ Chính trị số 31-QĐ/TW, ngày 01-10-1997 về việc ban hành quy chế",
      [{ raw: "Quyết định của Bộ Chính trị số 31-QĐ/TW, ngày 01-10-1997", type: "QĐ", number: "31", issuer: "Bộ Chính trị", date: "1997-10-01", subject: "ban hành quy chế" }],
      "the Party's issuer-first order",
    ],
    ["Chỉ thị số 50-CT/TW, ngày 23/7/2025 của Ban Bí thư “Về nâng cao chất lượng sinh hoạt chi bộ”; Quy định", [{ subject: "nâng cao chất lượng sinh hoạt chi bộ" }], "a quoted subject"],
    ["Công văn số 1144/GDĐT-GDTX ngày 10 tháng 4 năm 2019 của Sở Giáo dục và Đào tạo về", [{ issuer: "Sở Giáo dục và Đào tạo" }], "và inside a body's name"],
    [
      "Căn cứ Quyết định số 30/2024/QĐ-UBND ngày 12/4/2024 của Ủy ban nhân dân tỉnh Quảng Ngãi ban hành Quy định phân cấp;",
      [{ issuer: "Ủy ban nhân dân tỉnh Quảng Ngãi" }],
      "a body ends before its verb (ban hành), not at the ban of Ủy ban",
    ],
    [
      "Nghị quyết số 21-NQ/TW, ngày 16/6/2022 của Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa XIII về tăng cường củng cố;",
      [{ issuer: "Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng", subject: "tăng cường củng cố" }],
      "năm as an ordinal (the fifth plenum), not before a year",
    ],
    ["Theo Công văn số 1234/BTC-NSNN ngày 5/3/2024 của Bộ Tài chính V/v hướng dẫn", [{ issuer: "Bộ Tài chính" }], "a body ends before V/v"],
  ])("%s", (text, expected) => check(text, expected));
});

describe("lists and nesting", () => {
  it.each<[string, Expected[], string]>([
    [
      "các Quyết định của Thủ tướng Chính phủ số 142/2008/QĐ-TTg ngày 27/10/2008, số 53/2010/QĐ-TTg ngày 20/8/2010 và số 62/2011/QĐ-TTg ngày 09/11/2011",
      [
        { type: "QĐ", number: "142", date: "2008-10-27", issuer: "Thủ tướng Chính phủ" },
        { raw: "số 53/2010/QĐ-TTg ngày 20/8/2010", type: "QĐ", number: "53", date: "2010-08-20", issuer: "Thủ tướng Chính phủ" },
        { raw: "số 62/2011/QĐ-TTg ngày 09/11/2011", type: "QĐ", number: "62", date: "2011-11-09" },
      ],
      "members after commas and và share the type word and the body",
    ],
    [
      "các Kết luận số 187, 188- KL/TW ngày 29/8/2025 của Bộ Chính trị",
      [
        { raw: "Kết luận số 187", type: "KL", number: "187", issuerCode: "TW", date: "2025-08-29" },
        { raw: "188- KL/TW ngày 29/8/2025 của Bộ Chính trị", type: "KL", number: "188", issuerCode: "TW" },
      ],
      "bare sequences share the symbol of the number closing the list",
    ],
    [
      "Tiếp theo các Công điện số 217/CĐ-TTg ngày 16/11/2025 và số 218/CĐ-TTg ngày 17/11/2025, để",
      [
        { type: "CĐ", number: "217", date: "2025-11-16" },
        { raw: "số 218/CĐ-TTg ngày 17/11/2025", type: "CĐ", number: "218", date: "2025-11-17" },
      ],
      "the second number has no type word",
    ],
    [
      "Tờ trình số: 421/TTr-STC ngày 29/10/2025, 501/TTr-STC ngày 20/11/2025 và ý kiến",
      [{ number: "421" }, { raw: "501/TTr-STC ngày 20/11/2025", type: "TTr", number: "501" }],
      "a member without số",
    ],
    [
      "Luật Giáo dục số 43/2019/QH14 về A, số 44/2019/QH14 về B;",
      [
        { type: "Luật", number: "43", subject: "A" },
        { type: "Luật", number: "44", subject: "B" },
      ],
      "a member after a subject keeps the list's type word",
    ],
    [
      "Thực hiện Kế hoạch số 253-KH/HU ngày 20/11/2024 của Huyện uỷ Bình Sơn về việc thực hiện Kết luận số 91-KL/TW ngày 12/8/2024 của Bộ Chính trị về tiếp tục thực hiện Nghị quyết số 29-NQ/TW ngày 04/11/2013 của Ban Chấp hành Trung ương Đảng khóa XI về đổi mới căn bản, toàn diện giáo dục và đào tạo;",
      [
        {
          number: "253",
          subject:
            "thực hiện Kết luận số 91-KL/TW ngày 12/8/2024 của Bộ Chính trị về tiếp tục thực hiện Nghị quyết số 29-NQ/TW ngày 04/11/2013 của Ban Chấp hành Trung ương Đảng khóa XI về đổi mới căn bản, toàn diện giáo dục và đào tạo",
          nested: undefined,
        },
        { number: "91", subject: "tiếp tục thực hiện Nghị quyết số 29-NQ/TW ngày 04/11/2013 của Ban Chấp hành Trung ương Đảng khóa XI về đổi mới căn bản, toàn diện giáo dục và đào tạo", nested: true },
        { number: "29", subject: "đổi mới căn bản, toàn diện giáo dục và đào tạo", nested: true },
      ],
      "references nested in another's subject; the outer subject is the whole clause",
    ],
    [
      "Kế hoạch số 5447/KH-UBND ngày 24/11/2014 của UBND tỉnh về A, Kế hoạch số 697/KH-SGDĐT ngày 17/12/2014 về B",
      [
        { number: "5447", subject: "A", nested: undefined },
        { number: "697", subject: "B", nested: undefined },
      ],
      "a capitalised type word after a comma starts the next member, not a nested reference",
    ],
  ])("%s", (text, expected) => check(text, expected));
});

describe("types from the number's code", () => {
  it.each<[string, Expected[], string]>([
    ["Thông tư số 60/2003/TTLT-BNV-BTC ngày 25/4/2003", [{ type: "TTLT", issuerCode: "BNV-BTC" }], "the code wins over the type word"],
    ["Quy định số 339-QĐ/TW, ngày 10/7/2025 của Ban Bí thư", [{ type: "QĐi", issuerCode: "TW" }], "a Party Quy định numbered QĐ is a QĐi"],
    ["Quy định số 11-QĐi/TW, ngày 18/02/2019", [{ type: "QĐi" }], "QĐi written as such"],
    ["Quyết định của Bộ Chính trị số 31-QĐ/TW", [{ type: "QĐ" }], "a Party Quyết định stays QĐ"],
    ["Công văn số 7886/HD-BNV ngày 14/9/2025", [{ type: "HD", issuerCode: "BNV" }], "a Hướng dẫn called Công văn"],
    ["Thông tư số 24/LB-TT ngày 19/9/1994", [{ type: "TT", issuerCode: "LB" }], "type and issuer swapped, the type word agreeing"],
    ["Thông tư liên tịch số: 17/2006/TTLT-BLĐTBXH-BTC-BYT", [{ type: "TTLT", issuerCode: "BLĐTBXH-BTC-BYT" }], "a colon after số"],
    ["Quyết định số 113/KH-UBND huyện", [{ type: "KH", number: "113" }], "the type word disagrees with the code: the code wins"],
    ["theo 501/TTr-STC ngày 20/11/2025", [{ type: "TTr", number: "501" }], "a bare number takes its type from its code"],
    ["gửi kèm 627/BYT-BH ngày 27/01/2021", [{ type: "CV", issuerCode: "BYT-BH" }], "a bare number without a type code is a công văn"],
    ["theo 72/2025/QH15 đã", [{ type: "Luật", issuerCode: "QH15" }], "a bare QH number is a law"],
    ["Chỉ thị số 46-CT/TW và Thông tri số 05-TT/TW", [{ type: "CT" }, { type: "TT", docType: { code: "TT", name: "Thông tri" } } as Expected], "Party TT is Thông tri"],
  ])("%s", (text, expected) => {
    const found = cite(text);
    expect(found.map((c, i) => pick(c, expected[i] ?? {}))).toEqual(expected);
  });
});

describe("short forms and later mentions", () => {
  it.each<[string, Expected[], string]>([
    [
      "Thực hiện Quy định số 377-QĐ/TW ngày 08/10/2025 của Bộ Chính trị. Lưu ý: Căn cứ Quy định 377 của Bộ Chính trị",
      [
        { type: "QĐi", number: "377", key: "QĐi:377:TW@2025" },
        { raw: "Quy định 377 của Bộ Chính trị", type: "QĐi", number: "377", issuerCode: "TW", date: null, key: "QĐi:377:TW@2025" },
      ],
      "a short form resolves to the full citation before it",
    ],
    [
      "tại Chỉ thị số 45-CT/TW ngày 14/4/2025 của Bộ Chính trị. Theo Chỉ thị số 45, các",
      [{ number: "45", key: "CT:45:TW@2025" }, { raw: "Chỉ thị số 45", number: "45", issuerCode: "TW", key: "CT:45:TW@2025" }],
      "số + bare sequence",
    ],
    [
      "Thực hiện TT 32, QĐ 16. Thực hiện Thông tư số 32/2018/TT-BGDĐT ngày 26/12/2018",
      [
        { raw: "TT 32", type: "TT", number: "32", issuerCode: "BGDĐT" },
        { raw: "Thông tư số 32/2018/TT-BGDĐT ngày 26/12/2018", number: "32" },
      ],
      "a type code as a word resolves to the full citation after it; QĐ 16 has none and is dropped",
    ],
    ["Theo Chỉ thị số 45, các", [], "a short form with nothing to abbreviate is not a citation"],
    ["Các thành phần theo GM 186 ;", [], "a code and a figure that abbreviate nothing"],
    [
      "Quyết định số 62/2011/QĐ-TTg ngày 09/11/2011 ... Quyết định số 62/QĐ-TTg,",
      [{ key: "QĐ:62:TTG@2011" }, { year: null, date: null, key: "QĐ:62:TTG@2011" }],
      "an undated mention takes the year the document gives the same number",
    ],
    ["Nghị quyết số 57-NQ/TW và", [{ key: "NQ:57:TW@2024" }], "an undated well-known number takes its year from the known documents"],
    [
      "Căn cứ Thông tư số 98/2013/TT-BXD ngày 24 tháng 7 năm 2013 của Bộ Tài chính; theo Thông tư số 98/2013/TT-BTC ngày 24 tháng 7 năm 2013 của Bộ Tài chính.",
      [{ issuerCode: "BTC" }, { issuerCode: "BTC" }],
      "an issuer code contradicting its body is a slip when the document cites the body's code too",
    ],
    [
      "Thông tư số 98/2013/TT-BXD ngày 24/7/2013 của Bộ Xây dựng; Thông tư số 98/2013/TT-BTC ngày 24/7/2013 của Bộ Tài chính.",
      [{ issuerCode: "BXD" }, { issuerCode: "BTC" }],
      "two ministries' documents of the same number stay apart",
    ],
    ["Thông tư số 98/2013/TT-BXD ngày 24/7/2013 của Bộ Tài chính.", [{ issuerCode: "BXD" }], "no correction in the document: the code stands as written"],
  ])("%s", (text, expected) => check(text, expected));
});

describe("named references and the document itself", () => {
  it.each<[string, Expected[], string]>([
    ["Luật Giáo dục năm 2019", [{ type: "Luật", number: null, via: "alias", key: "Luật:43:QH14@2019" }], "a known law by name and year"],
    ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", [{ via: "alias", key: "Luật:72:QH15@2025", date: "2025-06-16" }], "a known law by name and date"],
    ["Luật Tài nguyên nước năm 2023", [{ type: "Luật", number: null, via: "name", key: "Luật:~tai-nguyen-nuoc@2023" }], "an unknown law by name"],
    ["theo quy định của Luật Bảo hiểm xã hội và được hưởng", [{ raw: "Luật Bảo hiểm xã hội", via: "name", key: "Luật:~bao-hiem-xa-hoi" }], "a name ends before words no name holds"],
    [
      "thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Quảng Ngãi lần thứ XX, nhiệm kỳ 2020-2025;",
      [{ type: "NQ", via: "name", raw: "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Quảng Ngãi lần thứ XX" }],
      "a Party congress resolution by name",
    ],
    ["Căn cứ Điều lệ Đảng;", [{ type: "Điều lệ", via: "name", key: "Điều lệ:~dang" }], "the Party statute"],
    ["Căn cứ Hiến pháp năm 2013;", [{ type: "Hiến pháp", via: "name", key: "Hiến pháp:~@2013" }], "a type that is its own name, with a year"],
    ["theo Hiến pháp và pháp luật", [], "without a year, a bare Hiến pháp names nothing"],
    ["Quyết định này có hiệu lực kể từ ngày ký.", [{ raw: "Quyết định này", type: "QĐ", number: null, key: null, context: "self" }], "the document itself"],
    ["thi hành Kế hoạch này.", [{ raw: "Kế hoạch này", context: "self" }], "the document itself, lower case"],
    [
      "(Ban hành kèm theo Quyết định số 986/QĐ-UBND ngày 18/6/2024 của UBND huyện)",
      [{ number: "986", context: "self" }],
      "the document's own number (selfNumber given)",
    ],
  ])("%s", (text, expected) => check(text, expected, "986/QĐ-UBND"));
});

describe("what is not a reference", () => {
  it.each<[string, string]>([
    ["giai đoạn 2021-2025 và năm học 2022 - 2023", "year ranges"],
    ["ngày 04/11/2013 và ngày 12/8/2024", "dates alone"],
    ["theo quy định của pháp luật hiện hành", "a type word in prose"],
    ["Trường THPT số 3 và lớp 10/2", "a school's number"],
    ["một Quyết định số...../QĐ-UBND mẫu", "a blank template number"],
    ["Số: /KH-UBND", "a draft's unfilled number"],
    ["(Tiểu dự án 1- Dự án 5)", "a sub-project list"],
    ["- Lưu: VT, K1, K9, K15.", "filing codes"],
    ["tỷ lệ 99,5%; 0,03%/ngày", "percentages"],
    ["thực hiện Pháp lệnh ưu đãi 2020", "hiện Pháp is not Hiến pháp"],
    ["https://thuvienphapluat.vn/van-ban/Quyet-dinh-518-QD-UBND-2023-phan-bo.aspx", "a URL slug"],
    ["kê khai theo Mẫu số 05/KK-TNCN và mẫu 01/GTGT", "form numbers"],
    ["lập Biểu số 02/BC-TH gửi về Sở", "a table's number"],
    ["kê khai tại tờ khai số 01/TK-TNCN và Phụ lục số 02/PL-TNCN", "a tax return and its schedule"],
  ])("%s (%s)", (text) => {
    expect(cite(text).filter((c) => c.number !== null)).toEqual([]);
  });

  it("keeps pinpoints out of the reference: điểm a khoản 1 Điều 5 Nghị định số 09/1998/NĐ-CP", () => {
    const found = cite("theo điểm a khoản 1 Điều 5 Nghị định số 09/1998/NĐ-CP ngày 23/01/1998");
    expect(found.map((c) => c.raw)).toEqual(["Nghị định số 09/1998/NĐ-CP ngày 23/01/1998"]);
  });
});

describe("regions", () => {
  it("gives each citation the context of the smallest region holding it, once", () => {
    const text = "Căn cứ Nghị định số 30/2020/NĐ-CP; Điều 1. Theo Quyết định số 12/QĐ-UBND ngày 2/1/2024.";
    const basisEnd = text.indexOf(";") + 1;
    const found = findCitations(text, [
      { start: 0, end: text.length, context: "body" },
      { start: 0, end: basisEnd, context: "basis" },
    ]);
    expect(found.map((c) => [c.number, c.context])).toEqual([
      ["30", "basis"],
      ["12", "body"],
    ]);
  });

  it("takes the smallest of nested regions and the first of equal ones", () => {
    const text = "Quyết định số 1/QĐ-UBND. Quyết định số 2/QĐ-UBND. Quyết định số 3/QĐ-UBND.";
    const second = text.indexOf("Quyết định số 2");
    const third = text.indexOf("Quyết định số 3");
    const found = findCitations(text, [
      { start: 0, end: text.length, context: "body" },
      { start: second, end: text.length, context: "annex" },
      { start: third, end: text.length, context: "footnote" },
      { start: third, end: text.length, context: "title" },
    ]);
    expect(found.map((c) => [c.number, c.context])).toEqual([
      ["1", "body"],
      ["2", "annex"],
      ["3", "footnote"],
    ]);
  });

  it("reads nothing outside the regions and survives regions past the text's end", () => {
    const text = "Quyết định số 12/QĐ-UBND. Quyết định số 13/QĐ-UBND.";
    const found = findCitations(text, [{ start: 26, end: 10_000, context: "annex" }]);
    expect(found.map((c) => [c.number, c.context])).toEqual([["13", "annex"]]);
  });
});
