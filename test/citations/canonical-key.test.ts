// Canonical keys: one per document whatever the spelling, different for different documents.
import { describe, expect, it } from "vitest";
import { citationKey, findCitations, keyMatches, parseReferenceQuery } from "../../src/citations/index.js";
import { parseKey } from "../../src/citations/canonical-key.js";

/** The keys of the numbered or known citations in `text`. */
const keysOf = (text: string): (string | null)[] =>
  findCitations(text, [{ start: 0, end: text.length, context: "body" }])
    .filter((c) => c.context !== "self")
    .map((c) => c.key);

describe("one key for every spelling", () => {
  it.each<[string, string]>([
    ["Nghị quyết số 29-NQ/TW ngày 04/11/2013 của Ban Chấp hành Trung ương Đảng", "number and date"],
    ["Nghị quyết số 29-NQ/TW", "number alone (the year from the known documents)"],
    ["Nghị quyết số 29/NQ-TW ngày 04/11/2013", "written state-style"],
    ["Nghị quyết 29-NQ/TW", "without số"],
    ["NGHỊ QUYẾT SỐ 29-NQ/TW NGÀY 04/11/2013", "upper case"],
    ["Nghị quyết số 29 - NQ/TW, ngày 4-11-2013", "stray spaces, Party-style date"],
    ["nghi quyet so 29-NQ/TW", "no marks"],
    ["Nghị quyết Hội nghị Trung ương 8 khóa XI về đổi mới căn bản, toàn diện giáo dục và đào tạo", "its name"],
    ["Nghị quyết Hội nghị Trung ương 8 khoá XI về đổi mới căn bản, toàn diện giáo dục và đào tạo", "its name, other tone placement"],
    ["Nghị quyết Hội nghị lần thứ 8 Ban Chấp hành Trung ương Đảng khóa XI về đổi mới căn bản, toàn diện giáo dục", "its long name"],
  ])("%s (%s) → NQ:29:TW@2013", (text) => {
    expect(keysOf(text)).toEqual(["NQ:29:TW@2013"]);
  });

  it.each<[string, string, string]>([
    ["Nghị định số 30/2020/NĐ-CP", "Nghị định 30/2020/ND-CP ngày 05/3/2020", "OCR ND, date or not: the year is in the number"],
    ["Quyết định số 1899/QĐ-TTg ngày 04/9/2025", "QUYẾT ĐỊNH SỐ 1899/QĐ-TTG NGÀY 04/9/2025", "TTg and TTG"],
    ["Kế hoạch số 0125/KH-UBND ngày 18/11/2025", "Kế hoạch số 125/KH-UBND ngày 18/11/2025", "zero padding"],
    ["Quyết định số 4210/QĐ-BYT ngày 20/9/2017", "Quyết định số 4210/QD-BYT ngày 20/9/2017", "OCR QD"],
    ["Công văn số 2553/BGDĐT-GDTX ngày 18/4/2013", "công văn số 2553/BGDDT-GDTX ngày 18/4/2013", "an issuer code that lost its Đ"],
  ])("%s = %s (%s)", (a, b) => {
    expect(keysOf(a)).toEqual(keysOf(b));
  });
});

describe("different documents, different keys", () => {
  it.each<[string, string, string]>([
    ["Kết luận số 51-KL/TW ngày 30/5/2019", "Chương trình số 51-CTr/TU ngày 23/7/2014", "same sequence, other type and issuer"],
    [
      "Kế hoạch số 158/KH-UBND ngày 16/12/2019 của UBND tỉnh Quảng Ngãi",
      "Kế hoạch số 158/KH-UBND ngày 29/7/2019 của UBND huyện",
      "a province's and a district's plan: same symbol and year, the date tells them apart",
    ],
    ["Kết luận số 51-KL/TW ngày 30/5/2019", "Kết luận số 51-KL/TW ngày 12/3/2023", "a Party sequence restarted in a later term"],
    ["Hợp đồng số 12/HĐ-UBND ngày 2/1/2024", "Hướng dẫn số 12/HD-UBND ngày 2/1/2024", "HĐ (Hợp đồng) is not HD (Hướng dẫn)"],
    ["Đề án số 23/ĐA-UBND ngày 22/9/2022", "Dự án số 23/DA-UBND ngày 22/9/2022", "ĐA (Đề án) is not DA (Dự án)"],
    ["Quyết định số 522/QĐ-TTg ngày 14/5/2019", "Quyết định số 522/QĐ-TTg ngày 14/5/2018", "two dates of one number: kept apart, not guessed"],
  ])("%s ≠ %s (%s)", (a, b) => {
    const [ka] = keysOf(a);
    const [kb] = keysOf(b);
    expect(ka).toBeTruthy();
    expect(kb).toBeTruthy();
    expect(ka).not.toBe(kb);
  });

  it("keys the shared-code plans with their dates", () => {
    expect(keysOf("Kế hoạch số 158/KH-UBND ngày 16/12/2019")).toEqual(["KH:158:UBND@2019-12-16"]);
    expect(keysOf("Kế hoạch số 158/KH-UBND ngày 29/7/2019")).toEqual(["KH:158:UBND@2019-07-29"]);
  });
});

describe("citationKey", () => {
  it.each<[Parameters<typeof citationKey>[0], string | null, string]>([
    [{ docType: { code: "NQ", name: "Nghị quyết" }, number: "29", issuerCode: "TW", year: null, date: "2013-11-04" }, "NQ:29:TW@2013", "year of the date"],
    [{ docType: { code: "NĐ", name: "Nghị định" }, number: "30", issuerCode: "CP", year: 2020, date: "2020-03-05" }, "NĐ:30:CP@2020", "year of the number"],
    [{ docType: { code: "qđ", name: "Quyết định" }, number: "007", issuerCode: "ubnd", year: null, date: null }, "QĐ:7:UBND", "vocabulary spelling, no padding, no date"],
    [{ docType: { code: "PLYK", name: "Phiếu lấy ý kiến" }, number: "1025", issuerCode: null, year: 2025, date: "2025-11-23" }, "PLYK:1025:@2025", "no issuer code"],
    [{ docType: { code: "QĐ", name: "Quyết định" }, number: "1330", issuerCode: "CT.UB", year: null, date: null }, "QĐ:1330:CT-UB", "separators folded"],
    [{ docType: { code: "Luật", name: "Luật" }, number: null, issuerCode: null, year: null, date: null, name: "Tài nguyên nước" }, "Luật:~tai-nguyen-nuoc", "a name"],
    [{ docType: null, number: "12", issuerCode: null, year: null, date: null }, null, "no type, no key"],
    [{ docType: { code: "QĐ", name: "Quyết định" }, number: null, issuerCode: null, year: null, date: null }, null, "neither number nor name"],
  ])("%j → %s (%s)", (input, key) => {
    expect(citationKey(input)).toBe(key);
  });

  it("reads its keys back", () => {
    expect(parseKey("KH:158:UBND@2019-12-16")).toEqual({ type: "KH", number: "158", issuer: "UBND", name: null, year: 2019, date: "2019-12-16" });
    expect(parseKey("Luật:~giao-duc@2019")).toEqual({ type: "Luật", number: null, issuer: null, name: "giao-duc", year: 2019, date: null });
    expect(parseKey("not a key")).toBeNull();
  });
});

describe("parseReferenceQuery and keyMatches", () => {
  it.each<[string, string, boolean, string]>([
    ["29-NQ/TW", "NQ:29:TW@2013", true, "Party spelling, no year: any year"],
    ["29/NQ-TW", "NQ:29:TW@2013", true, "state-style spelling"],
    ["NQ 29", "NQ:29:TW@2013", true, "code and sequence"],
    ["Nghị quyết 29", "NQ:29:TW@2013", true, "type word and sequence"],
    ["nghi quyet so 29/NQ-TW", "NQ:29:TW@2013", true, "no marks"],
    ["Nghị quyết Hội nghị Trung ương 8 khóa XI về đổi mới căn bản, toàn diện giáo dục và đào tạo", "NQ:29:TW@2013", true, "the known name"],
    ["Nghị quyết số 29-NQ/TW ngày 04/11/2013", "NQ:29:TW@2013", true, "with its date"],
    ["Nghị quyết số 29-NQ/TW ngày 04/11/2020", "NQ:29:TW@2013", false, "another year"],
    ["29-NQ/TW", "NQ:29:CP@2013", false, "another issuer"],
    ["NQ 29", "KL:29:TW@2013", false, "another type"],
    ["Quy định 339", "QĐi:339:TW@2025", true, "the type word Quy định covers the Party QĐi"],
    ["339-QĐ/TW", "QĐi:339:TW@2025", true, "a Party QĐ number may be a Quy định"],
    ["Kế hoạch số 158/KH-UBND ngày 29/7/2019", "KH:158:UBND@2019-12-16", false, "the other 158/KH-UBND"],
    ["Kế hoạch số 158/KH-UBND", "KH:158:UBND@2019-12-16", true, "either 158/KH-UBND"],
    ["Luật Giáo dục năm 2019", "Luật:43:QH14@2019", true, "a known law by name"],
    ["Luật Tài nguyên nước", "Luật:~tai-nguyen-nuoc@2023", true, "a law known by name only"],
    ["0125", "KH:125:UBND@2025-11-18", true, "a bare sequence, padded"],
  ])("%s ~ %s → %s (%s)", (query, key, expected) => {
    expect(keyMatches(parseReferenceQuery(query), key)).toBe(expected);
  });

  it.each(["", "   ", "hello", "theo quy định"])("reads no document in %j", (query) => {
    expect(parseReferenceQuery(query)).toBeNull();
  });

  it("matches nothing without a query or a key", () => {
    expect(keyMatches(null, "NQ:29:TW@2013")).toBe(false);
    expect(keyMatches(parseReferenceQuery("29-NQ/TW"), null)).toBe(false);
  });
});
