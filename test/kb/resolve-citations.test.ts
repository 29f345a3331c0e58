import { describe, expect, it } from "vitest";
import { CollectionIndex, datesAgree, findDateConflicts, type CollectionDocument, type PlacedFact } from "../../src/kb/resolve-citations.js";
import { issuerCompatible, issuerLocality } from "../../src/kb/issuer-match.js";
import type { CitationFact, Resolution } from "../../src/kb/store-format.js";

// A collection with the traps resolution must get through: one symbol used by a province and a
// district in the same year, a Party document, and the same document in two files (one id).
const collection: CollectionDocument[] = [
  { id: "158-province", key: "KH:158:UBND@2019-12-16", date: "2019-12-16", issuer: { name: "Ủy ban nhân dân tỉnh Quảng Ngãi", parent: null } },
  { id: "158-district", key: "KH:158:UBND@2019-07-29", date: "2019-07-29", issuer: { name: "Ủy ban nhân dân huyện Bình Sơn", parent: "UBND TỈNH QUẢNG NGÃI" } },
  { id: "nq29", key: "NQ:29:TW@2013", date: "2013-11-04", issuer: { name: "Ban Chấp hành Trung ương", parent: null } },
  { id: "991-qd", key: "QĐ:991:UBND@2008-05-14", date: "2008-05-14", issuer: { name: "Ủy ban nhân dân tỉnh Bình Phước", parent: null } },
  { id: "991-qd", key: "QĐ:991:UBND@2008-05-14", date: "2008-05-14", issuer: { name: "Ủy ban nhân dân tỉnh Bình Phước", parent: null } },
  { id: "draft", key: null, date: "2024-01", issuer: null },
];
const index = new CollectionIndex(collection);

const fact = (key: string | null, date: string | null = null, issuer: string | null = null, context: CitationFact["context"] = "body"): CitationFact => ({
  key,
  date,
  issuer,
  context,
  parent: null,
  relation: null,
  label: key ?? "?",
});

describe("resolving a citation against the collection", () => {
  it.each<[string, CitationFact, string, Pick<Resolution, "status" | "target" | "candidates">]>([
    ["the province's 158 by its date", fact("KH:158:UBND@2019-12-16", "2019-12-16"), "x", { status: "resolved", target: "158-province", candidates: [] }],
    ["the district's 158 by its date", fact("KH:158:UBND@2019-07-29", "2019-07-29"), "x", { status: "resolved", target: "158-district", candidates: [] }],
    ["no date, but the issuer names the province", fact("KH:158:UBND@2019", null, "UBND tỉnh Quảng Ngãi"), "x", { status: "resolved", target: "158-province", candidates: [] }],
    ["no date, the district named with its province after it", fact("KH:158:UBND", null, "Ủy ban nhân dân huyện Bình Sơn tỉnh Quảng Ngãi"), "x", { status: "resolved", target: "158-district", candidates: [] }],
    ["neither date nor issuer: both fit", fact("KH:158:UBND@2019"), "x", { status: "ambiguous", target: null, candidates: ["158-district", "158-province"] }],
    ["no year at all: both fit", fact("KH:158:UBND"), "x", { status: "ambiguous", target: null, candidates: ["158-district", "158-province"] }],
    ["the province named with a date it does not bear: the same document cited with a wrong date", fact("KH:158:UBND@2019-12-20", "2019-12-20", "UBND tỉnh Quảng Ngãi"), "x", { status: "conflict", target: null, candidates: ["158-province"] }],
    ["a date neither bears and no issuer: maybe another body's 158", fact("KH:158:UBND@2019-03-01", "2019-03-01"), "x", { status: "not-in-collection", target: null, candidates: [] }],
    ["another province's 158", fact("KH:158:UBND@2019", null, "UBND tỉnh Bình Định"), "x", { status: "not-in-collection", target: null, candidates: [] }],
    ["another year's 158", fact("KH:158:UBND@2021-02-01", "2021-02-01"), "x", { status: "not-in-collection", target: null, candidates: [] }],
    ["a Party resolution without date, by number alone", fact("NQ:29:TW"), "x", { status: "resolved", target: "nq29", candidates: [] }],
    ["a Party resolution named by another central body", fact("NQ:29:TW@2013", "2013-11-04", "Bộ Chính trị"), "x", { status: "resolved", target: "nq29", candidates: [] }],
    ["the same document in two files is one document", fact("QĐ:991:UBND@2008-05-14", "2008-05-14"), "x", { status: "resolved", target: "991-qd", candidates: [] }],
    ["a partial date agrees with the full one", fact("NQ:29:TW@2013", "2013-11"), "x", { status: "resolved", target: "nq29", candidates: [] }],
    ["not held", fact("KL:91:TW@2024", "2024-08-12"), "x", { status: "not-in-collection", target: null, candidates: [] }],
    ["no key (a reference without number or known name)", fact(null), "x", { status: "not-in-collection", target: null, candidates: [] }],
    ["`Kế hoạch này`", fact(null, null, null, "self"), "x", { status: "self", target: "x", candidates: [] }],
    ["its own number quoted in its body", fact("NQ:29:TW@2013"), "nq29", { status: "self", target: "nq29", candidates: [] }],
    ["a district citing the province's plan with the same number as its own", fact("KH:158:UBND@2019-12-16", "2019-12-16"), "158-district", { status: "resolved", target: "158-province", candidates: [] }],
  ])("%s", (_why, f, citing, expected) => {
    expect(index.resolve(f, citing)).toMatchObject(expected);
  });

  it("says why a citation is ambiguous or in conflict", () => {
    expect(index.resolve(fact("KH:158:UBND@2019"), "x").note).toMatch(/2 documents/);
    expect(index.resolve(fact("KH:158:UBND@2019-12-20", "2019-12-20", "UBND tỉnh Quảng Ngãi"), "x").note).toBe("cited as of 2019-12-20, but 158-province is dated 2019-12-16");
  });
});

describe("documents cited with two dates", () => {
  const place = (id: string, citation: number, f: CitationFact): PlacedFact => ({ id, citation, fact: f, resolution: { status: "not-in-collection", target: null, candidates: [], note: null } });

  it.each<[string, PlacedFact[], number]>([
    ["one document giving one number two dates", [place("a", 0, fact("NĐ:51:CP@2013", "2013-05-14")), place("a", 4, fact("NĐ:51:CP@2013", "2015-05-14"))], 2],
    ["two documents naming one central body", [place("a", 0, fact("NQ:5:TW@2020", "2020-01-01", "Bộ Chính trị")), place("b", 1, fact("NQ:5:TW@2020", "2020-01-02", "Ban Bí thư"))], 2],
    ["two documents naming no body: maybe two local documents with one symbol", [place("a", 0, fact("KH:7:UBND@2020", "2020-01-01")), place("b", 0, fact("KH:7:UBND@2020", "2020-03-01"))], 0],
    ["two documents naming two districts", [place("a", 0, fact("KH:7:UBND@2020", "2020-01-01", "UBND huyện Tư Nghĩa")), place("b", 0, fact("KH:7:UBND@2020", "2020-03-01", "UBND huyện Bình Sơn"))], 0],
    ["the same date twice", [place("a", 0, fact("NĐ:51:CP@2013", "2013-05-14")), place("b", 0, fact("NĐ:51:CP@2013", "2013-05-14", "Chính phủ"))], 0],
    ["a month without the day is not a second date", [place("a", 0, fact("NĐ:51:CP@2013", "2013-05-14")), place("a", 1, fact("NĐ:51:CP@2013", "2013-05"))], 0],
  ])("%s", (_why, placed, inConflict) => {
    const conflicts = findDateConflicts(placed);
    expect(placed.filter((p) => p.resolution.status === "conflict")).toHaveLength(inConflict);
    expect(conflicts).toHaveLength(inConflict > 0 ? 1 : 0);
    if (inConflict) expect(conflicts[0]!.message).toMatch(/cited with 2 dates/);
  });
});

describe("issuing bodies", () => {
  it.each<[string, string, { level: string; place: string } | null]>([
    ["a district", "Ủy ban nhân dân huyện Bình Sơn", { level: "huyện", place: "binh son" }],
    ["abbreviated, upper case", "UBND TỈNH QUẢNG NGÃI", { level: "tỉnh", place: "quang ngai" }],
    ["the body's own level comes first", "UBND huyện Bình Sơn tỉnh Quảng Ngãi", { level: "huyện", place: "binh son" }],
    ["TP. for thành phố", "UBND TP. Hồ Chí Minh", { level: "thành phố", place: "ho chi minh" }],
    ["xã hội is not a commune", "Bộ Lao động - Thương binh và Xã hội", null],
    ["cơ quan is not a quận, địa phương not a phường", "cơ quan chính quyền địa phương", null],
    ["a central body", "Ban Chấp hành Trung ương Đảng khóa XI", null],
    ["a clause after a comma is not the place", "UBND tỉnh Quảng Ngãi, Sở Giáo dục và Đào tạo", { level: "tỉnh", place: "quang ngai" }],
    ["a place ending in Nam keeps it", "UBND tỉnh Quảng Nam", { level: "tỉnh", place: "quang nam" }],
    ["a term after the place is not part of it", "Đảng bộ tỉnh Quảng Ngãi khóa XX", { level: "tỉnh", place: "quang ngai" }],
  ])("%s", (_why, name, expected) => {
    expect(issuerLocality(name)).toEqual(expected);
  });

  it.each<[string, string | null, string, boolean]>([
    ["same district", "UBND huyện Bình Sơn", "Ủy ban nhân dân huyện Bình Sơn", true],
    ["province against district", "UBND tỉnh Quảng Ngãi", "Ủy ban nhân dân huyện Bình Sơn", false],
    ["two districts", "UBND huyện Tư Nghĩa", "Ủy ban nhân dân huyện Bình Sơn", false],
    ["central bodies are named many ways", "Ban Bí thư", "Bộ Chính trị", true],
    ["no body named", null, "Ủy ban nhân dân huyện Bình Sơn", true],
    ["a header line run into the name", "UBND huyện Bình Sơn", "Ủy ban nhân dân huyện Bình Sơn -------cộng Hòa Xã Hội Chủ Nghĩa Việt Nam", true],
  ])("%s", (_why, cited, issuer, expected) => {
    expect(issuerCompatible(cited, { name: issuer, parent: null })).toBe(expected);
  });

  it.each<[string, string, boolean]>([
    ["2019-12-16", "2019-12-16", true],
    ["2019-12", "2019-12-16", true],
    ["2019", "2019-07-29", true],
    ["2019-12-16", "2019-12-20", false],
    ["2019-07", "2019-12-16", false],
  ])("dates %s and %s agree: %s", (a, b, expected) => {
    expect(datesAgree(a, b)).toBe(expected);
  });
});

describe("documents of a shared issuer code cited with two dates", () => {
  it("are compared by number and year, since their keys carry the date", () => {
    const p = (id: string, key: string, date: string, issuer: string | null): PlacedFact => ({ id, citation: 0, fact: fact(key, date, issuer), resolution: { status: "not-in-collection", target: null, candidates: [], note: null } });
    const placed = [p("a", "KH:7:UBND@2020-01-06", "2020-01-06", "UBND huyện Bình Sơn"), p("b", "KH:7:UBND@2020-01-09", "2020-01-09", "UBND huyện Bình Sơn")];
    const conflicts = findDateConflicts(placed);
    expect(conflicts.map((c) => c.key)).toEqual(["KH:7:UBND@2020"]);
    expect(placed.map((x) => x.resolution.status)).toEqual(["conflict", "conflict"]);
  });

  it("count a reference repeated many times in one document once per date", () => {
    const many = Array.from({ length: 5000 }, (_, i): PlacedFact => ({ id: `d${i % 50}`, citation: i, fact: fact("NĐ:9:CP@1998", "1998-01-23", "Chính phủ"), resolution: { status: "not-in-collection", target: null, candidates: [], note: null } }));
    many.push({ id: "d0", citation: 9999, fact: fact("NĐ:9:CP@1998", "1998-01-25", "Chính phủ"), resolution: { status: "not-in-collection", target: null, candidates: [], note: null } });
    const conflicts = findDateConflicts(many);
    expect(conflicts).toHaveLength(1);
    expect(many.filter((x) => x.resolution.status === "conflict")).toHaveLength(5001);
  });
});
