import { describe, expect, it } from "vitest";
import { foldText } from "../../grammars/text/fold.js";
import { search, type SearchOptions, type SearchResult } from "../../src/search/search.js";
import { SearchIndex } from "../../src/search/search-index.js";
import { makeRecord, type RecordSpec } from "./record-fixture.js";

function indexOf(specs: RecordSpec[], shardSize?: number): SearchIndex {
  const index = new SearchIndex(shardSize ? { shardSize } : {});
  index.addAll(specs.map(makeRecord));
  return index;
}

const ids = (results: SearchResult[]) => results.map((r) => r.id);

const KH = { code: "KH", name: "Kế hoạch" };
const QD = { code: "QĐ", name: "Quyết định" };
const TB = { code: "TB", name: "Thông báo" };

const DOCS: RecordSpec[] = [
  { id: "old-style", title: "Kế hoạch công tác hòa giải ở cơ sở", body: "Tăng cường công tác hòa giải ở cơ sở trên địa bàn huyện.", docType: KH, date: "2023-03-01", issuer: "Ủy ban nhân dân huyện Bình Sơn", place: "Bình Sơn", system: "state" },
  { id: "new-style", title: "Kế hoạch công tác hoà giải năm 2024", body: "Triển khai công tác hoà giải ở cơ sở năm 2024.", docType: KH, date: "2024-05-02", issuer: "Ủy ban nhân dân huyện Tứ Kỳ", place: "Tứ Kỳ", system: "state" },
  { id: "other-tone", title: "Thông báo về hoá giải mâu thuẫn", body: "Công tác hoá giải mâu thuẫn giữa các bên trên địa bàn.", docType: TB, date: "2022-01-10", issuer: "Ủy ban nhân dân tỉnh Quảng Ngãi", place: "Quảng Ngãi", system: "state" },
  { id: "qd-1779", number: "01779/QĐ-UBND", title: "Quyết định phê duyệt danh mục dự án", body: "Phê duyệt danh mục các dự án đầu tư công.", docType: QD, date: "2021-08-19", issuer: "Ủy ban nhân dân tỉnh Quảng Ngãi", place: "Quảng Ngãi", system: "state" },
  { id: "party-253", number: "253-KH/HU", title: "Kế hoạch thực hiện Kết luận số 91-KL/TW", docType: KH, date: "2024-11-20", issuer: "Huyện ủy Bình Sơn", place: "Bình Sơn", system: "party",
    body: "Thực hiện Kết luận số 91-KL/TW ngày 12/8/2024 của Bộ Chính trị về tiếp tục thực hiện Nghị quyết số 29-NQ/TW ngày 04/11/2013 về đổi mới căn bản, toàn diện giáo dục và đào tạo.",
    citations: [{ raw: "Kết luận số 91-KL/TW ngày 12/8/2024", key: "KL-91-TW" }, { raw: "Nghị quyết số 29-NQ/TW ngày 04/11/2013", key: "NQ-29-TW-2013" }] },
  { id: "phrase-adjacent", title: "Kế hoạch nâng cao chất lượng giáo dục", body: "Mục tiêu nâng cao chất lượng giáo dục toàn diện.", docType: KH, date: "2023-09-05", system: "state" },
  { id: "phrase-scattered", title: "Báo cáo chất lượng", body: "Chất lượng đội ngũ được nâng lên; cần cao hơn nữa về giáo dục.", date: "2023-09-06", system: "state" },
  { id: "phrase-broken", title: "Ghi chú", body: ["Cần nâng cao", "chất lượng dạy học"], date: "2023-09-07", system: "state" },
  { id: "dates", title: "Thông báo lịch họp", body: "Cuộc họp ngày 13 tháng 4 năm 2020 tại hội trường; hạn nộp 04/11/2013.", docType: TB, date: "2020-04-13", system: "state" },
  { id: "school", title: "Kế hoạch xây dựng trường học", body: "Xây dựng trường học xanh, sạch, đẹp.", docType: KH, date: "2025-01-02", system: "state" },
];

describe("search: diacritics and tone placement", () => {
  const index = indexOf(DOCS);

  it("finds old and new tone placement alike and ranks them above another tone", () => {
    const results = search(index, "hoà giải");
    expect(ids(results).slice(0, 2).sort()).toEqual(["new-style", "old-style"]);
    expect(ids(results)).toContain("other-tone");
    expect(ids(results).indexOf("other-tone")).toBe(2);
  });

  it("ranks the exact diacritics first for the other tone too", () => {
    expect(ids(search(index, "hoá giải"))[0]).toBe("other-tone");
    expect(ids(search(index, "hóa giải"))[0]).toBe("other-tone");
  });

  it("matches every spelling when typed without diacritics", () => {
    expect(ids(search(index, "hoa giai")).sort()).toEqual(["new-style", "old-style", "other-tone"]);
  });

  it("is case-insensitive", () => {
    expect(ids(search(index, "HOÀ GIẢI")).slice(0, 2).sort()).toEqual(["new-style", "old-style"]);
  });

  it("scores decrease down the list", () => {
    const scores = search(index, "công tác").map((r) => r.score);
    expect(scores.length).toBeGreaterThan(2);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});

describe("search: numbers and identifiers in any spelling", () => {
  const index = indexOf(DOCS);

  it.each([
    ["1779", "the sequence number without its zero padding"],
    ["01779", "the sequence number as written"],
    ["01779/QĐ-UBND", "the number as written"],
    ["1779/QD-UBND", "without padding or diacritics"],
    ["1779/QĐ", "a prefix of the number"],
    ["QĐ 1779", "its parts as words"],
  ])("%s finds 01779/QĐ-UBND (%s)", (query) => {
    expect(ids(search(index, query))[0]).toBe("qd-1779");
  });

  it.each([
    ["29-NQ/TW", "as written"],
    ["29/NQ-TW", "with the connectors swapped"],
    ["NQ 29", "type code and number"],
    ["91-KL/TW", "another reference"],
    ["253-KH/HU", "the document's own Party number"],
    ["253/KH-HU", "its own number, connectors swapped"],
  ])("%s finds the Party plan (%s)", (query) => {
    expect(ids(search(index, query))[0]).toBe("party-253");
  });

  it("finds a date however it is written", () => {
    expect(ids(search(index, "4/11/2013"))).toContain("dates");
    expect(ids(search(index, "13/4/2020"))).toEqual(["dates"]);
    expect(ids(search(index, "13-04-2020"))).toEqual(["dates"]);
  });
});

describe("search: quoted phrases", () => {
  const index = indexOf(DOCS);

  it("requires the words to be adjacent", () => {
    expect(ids(search(index, '"nâng cao chất lượng"'))).toEqual(["phrase-adjacent"]);
    expect(ids(search(index, "nâng cao chất lượng"))).toEqual(expect.arrayContaining(["phrase-adjacent", "phrase-scattered", "phrase-broken"]));
  });

  it("does not match across paragraphs", () => {
    expect(ids(search(index, '"nâng cao chất lượng dạy học"'))).toEqual([]);
  });

  it("matches either tone placement and any identifier spelling inside a phrase", () => {
    const index2 = indexOf([
      { id: "a", body: "Thường trực Huyện uỷ Bình Sơn chỉ đạo thực hiện Nghị quyết số 29-NQ/TW." },
      { id: "b", body: "Bình Sơn và Huyện ủy Tứ Kỳ." },
    ]);
    expect(ids(search(index2, '"Huyện ủy Bình Sơn"'))).toEqual(["a"]);
    expect(ids(search(index2, '"Nghị quyết số 29/NQ-TW"'))).toEqual(["a"]);
    expect(ids(search(index2, "“huyen uy binh son”"))).toEqual(["a"]);
  });

  it("highlights the whole phrase", () => {
    const [result] = search(index, '"nâng cao chất lượng"');
    const { snippet } = result!;
    const marked = snippet.highlights.map((h) => snippet.text.slice(h.start, h.start + h.length));
    expect(marked).toContain("nâng cao chất lượng");
  });
});

describe("search: proximity", () => {
  it("ranks documents with the query words side by side first", () => {
    const index = indexOf([
      { id: "apart", body: "Thanh tra tỉnh. Hóa đơn điện tử. Phạm vi điều chỉnh. Minh bạch. Chính sách. Thanh toán hóa đơn, phạm vi, minh bạch, chính sách, thanh hóa." },
      { id: "together", body: "Thủ tướng Phạm Minh Chính làm việc tại Thanh Hóa." },
    ]);
    expect(ids(search(index, "Thanh Hóa Phạm Minh Chính"))).toEqual(["together", "apart"]);
  });
});

describe("search: prefixes and typos", () => {
  const index = indexOf(DOCS);

  it("completes a longer word the collection does not hold", () => {
    expect(ids(search(index, "trườn"))).toContain("school");
  });

  it("tolerates one typo in a longer word", () => {
    expect(ids(search(index, "truongg"))).toContain("school");
  });

  it("does not expand short words", () => {
    expect(ids(search(index, "tru"))).toEqual([]);
  });

  it("ranks whole-word matches above expansions", () => {
    const index2 = indexOf([
      { id: "expansion", body: "Xây dựng trường học và trường lớp, trường chuẩn." },
      { id: "whole", body: "Trườn qua bờ ruộng." },
    ]);
    expect(ids(search(index2, "trườn"))[0]).toBe("whole");
  });
});

describe("search: filters", () => {
  const index = indexOf(DOCS);

  it.each<[SearchOptions, string[], string]>([
    [{ type: "KH" }, ["new-style", "old-style", "party-253", "phrase-adjacent", "school"], "by type code"],
    [{ type: "Quyết định" }, ["qd-1779"], "by type name"],
    [{ type: "qd" }, ["qd-1779"], "type code without diacritics"],
    [{ issuer: "binh son" }, ["old-style", "party-253"], "issuer words without diacritics"],
    [{ issuer: "Huyện uỷ" }, ["party-253"], "issuer in the other tone placement"],
    [{ system: "party" }, ["party-253"], "Party documents"],
    [{ place: "Quảng Ngãi" }, ["other-tone", "qd-1779"], "place"],
    [{ yearFrom: 2024 }, ["new-style", "party-253", "school"], "from a year"],
    [{ yearFrom: 2021, yearTo: 2022 }, ["other-tone", "qd-1779"], "a year range"],
    [{ cites: "NQ-29-TW-2013" }, ["party-253"], "an exact citation key"],
    [{ citesMatch: (key: string) => key.startsWith("KL-91") }, ["party-253"], "a citation key predicate"],
  ])("%o → %o (%s)", (filters, expected) => {
    // An empty query lists what passes the filters.
    expect(ids(search(index, "", { ...filters, limit: 100 })).sort()).toEqual(expected);
  });

  it("filters a text query", () => {
    expect(ids(search(index, "công tác", { yearFrom: 2024 }))).toEqual(["new-style"]);
    expect(ids(search(index, "công tác", { type: "TB" }))).toEqual(["other-tone"]);
  });

  it("lists newest first when there are no words", () => {
    expect(ids(search(index, "", { limit: 3 }))).toEqual(["school", "party-253", "new-style"]);
  });

  it("finds nothing for a query with nothing searchable in it", () => {
    expect(search(index, " … ;-) ")).toEqual([]);
  });

  it("respects the limit", () => {
    expect(search(index, "", { limit: 2 })).toHaveLength(2);
    expect(search(index, "công tác", { limit: 0 })).toEqual([]);
  });
});

describe("search: result fields and snippets", () => {
  const index = indexOf(DOCS);

  it("returns the summary fields", () => {
    const [result] = search(index, "1779");
    expect(result).toMatchObject({
      id: "qd-1779",
      path: "qd-1779.txt",
      docType: QD,
      number: "01779/QĐ-UBND",
      date: "2021-08-19",
      issuer: "Ủy ban nhân dân tỉnh Quảng Ngãi",
      title: "Quyết định phê duyệt danh mục dự án",
      system: "state",
      place: "Quảng Ngãi",
      year: 2021,
    });
  });

  it("cuts the snippet from the body and marks matched words with offsets into the stored text", () => {
    const results = search(index, "hòa giải cơ sở");
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      const stored = index.text(result.id)!;
      const { snippet } = result;
      expect(stored.slice(snippet.offset, snippet.offset + snippet.text.length)).toBe(snippet.text);
      expect(snippet.highlights.length).toBeGreaterThan(0);
      for (const h of snippet.highlights) {
        const word = snippet.text.slice(h.start, h.start + h.length);
        expect(["hoa", "giai", "co", "so"]).toContain(foldText(word));
      }
    }
    expect(results.find((r) => r.id === "old-style")!.snippet.text).toContain("Tăng cường công tác hòa giải ở cơ sở");
  });

  it("highlights the identifier a number was found in, outside the body when the body lacks it", () => {
    const [result] = search(index, "1779");
    const { snippet } = result!;
    expect(snippet.highlights.map((h) => snippet.text.slice(h.start, h.start + h.length))).toEqual(["01779/QĐ-UBND"]);
  });

  it("falls back to documents with some of the words when none has all", () => {
    expect(ids(search(index, "hoà giải xyzzyqq"))).toEqual(expect.arrayContaining(["old-style", "new-style"]));
  });
});

describe("SearchIndex updates", () => {
  it("adds, replaces and removes documents", () => {
    const index = indexOf(DOCS.slice(0, 3), 2);
    expect(index.size).toBe(3);
    expect(index.shards).toHaveLength(2);
    expect(() => index.add(makeRecord(DOCS[0]!))).toThrow(/already indexed/);

    index.replace(makeRecord({ id: "old-style", body: "Nội dung mới về phòng cháy chữa cháy." }));
    expect(ids(search(index, "phòng cháy"))).toEqual(["old-style"]);
    expect(ids(search(index, "hòa giải"))).not.toContain("old-style");

    expect(index.remove("new-style")).toBe(true);
    expect(index.remove("new-style")).toBe(false);
    expect(ids(search(index, "hoà giải"))).toEqual(["other-tone"]);
    expect(index.size).toBe(2);
  });

  it("scores a rebuilt collection exactly like an updated one", () => {
    const updated = indexOf(DOCS, 3);
    updated.remove("school");
    updated.replace(makeRecord({ ...DOCS[0]!, body: "Công tác hòa giải ở cơ sở năm 2023." }));
    const rebuilt = indexOf([{ ...DOCS[0]!, body: "Công tác hòa giải ở cơ sở năm 2023." }, ...DOCS.slice(1).filter((d) => d.id !== "school")], 3);
    for (const query of ["công tác", "hòa giải", "giáo dục", "2023"]) {
      const a = search(updated, query);
      const b = search(rebuilt, query);
      expect(ids(a)).toEqual(ids(b));
      a.forEach((r, i) => expect(r.relevance).toBeCloseTo(b[i]!.relevance, 9));
    }
  });
});
