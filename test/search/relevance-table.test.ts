// Search that prefers what was typed, as a table of [query, options, expected top results, why]
// over a made-up collection built like a real one: for every query the words it means are rare and
// the words that only fold the same (or stand apart, or are dates) are many times more frequent,
// so that scoring the folded terms alone fills the top with what was not meant.
import { describe, expect, it } from "vitest";
import { search, type SearchOptions } from "../../src/search/search.js";
import { SearchIndex } from "../../src/search/search-index.js";
import { makeRecord, type RecordSpec } from "./record-fixture.js";

const KH = { code: "KH", name: "Kế hoạch" };
const TB = { code: "TB", name: "Thông báo" };
const ND = { code: "NĐ", name: "Nghị định" };

// `count` documents from a template, numbered `${prefix}-N`, with a few neutral sentences so that
// their lengths differ.
function family(prefix: string, count: number, make: (i: number) => Omit<RecordSpec, "id">): RecordSpec[] {
  const filler = [
    "Các cơ quan, đơn vị triển khai thực hiện nghiêm túc.",
    "Ủy ban nhân dân các xã, thị trấn tổ chức thực hiện.",
    "Kinh phí thực hiện từ nguồn ngân sách nhà nước.",
  ];
  return Array.from({ length: count }, (_, i) => {
    const spec = make(i);
    const extra = filler.slice(0, i % filler.length).join(" ");
    const body = Array.isArray(spec.body) ? spec.body : [spec.body ?? ""];
    return { ...spec, id: `${prefix}-${String(i).padStart(2, "0")}`, body: [...body, extra].filter(Boolean) };
  });
}

const DOCUMENTS: RecordSpec[] = [
  // "hòa giải" (mediation): a few plans that say it once in a long body.
  ...family("hoa-giai", 4, (i) => ({
    docType: KH,
    title: "Kế hoạch tuyên truyền pháp luật năm 2024",
    body: [
      "Tăng cường công tác hòa giải ở cơ sở, bảo đảm an ninh trật tự tại khu dân cư.",
      "Tổ chức tập huấn kỹ năng cho đội ngũ cán bộ làm công tác tư pháp, phổ biến giáo dục pháp luật đến người dân.",
      ...(i % 2 === 0 ? ["Kiện toàn các tổ hoà giải trên địa bàn."] : []),
    ],
  })),
  // Plans full of "…hóa" and "giải pháp": the same folded terms, many times, never the word meant.
  ...family("hoa-apart", 40, () => ({
    docType: KH,
    title: "Kế hoạch chuyển đổi số và hiện đại hóa hành chính",
    body: [
      "Đẩy mạnh hiện đại hóa, giải quyết thủ tục; chuẩn hóa, tin học hóa, xã hội hóa; đề ra giải pháp, giải ngân vốn.",
      "Văn hóa công sở; số hóa hồ sơ; các giải pháp đồng bộ để giải quyết dứt điểm.",
    ],
  })),
  // "bão" (storm) in a few pages; "bảo" and "báo" (bảo hiểm, cảnh báo, báo cáo) in many.
  ...family("bao-storm", 3, () => ({
    docType: TB,
    title: "Thông báo về công tác phòng chống thiên tai",
    body: ["Chủ động ứng phó với cơn bão số 3 đổ bộ vào đất liền."],
  })),
  ...family("bao-other", 40, () => ({
    docType: TB,
    title: "Thông báo về bảo hiểm xã hội và cảnh báo lừa đảo",
    body: ["Chăm lo con người; bảo hiểm xã hội, bảo hiểm y tế; cảnh báo, báo cáo kết quả bảo đảm an toàn, bảo vệ môi trường, báo cáo định kỳ."],
  })),
  // "an toàn giao thông" side by side in a few; the three words apart, more often, in many.
  ...family("atgt-adjacent", 3, () => ({
    docType: KH,
    title: "Kế hoạch năm học",
    body: ["Tổ chức tuyên truyền an toàn giao thông cho học sinh trước kỳ nghỉ hè."],
  })),
  ...family("atgt-apart", 40, () => ({
    docType: KH,
    title: "Kế hoạch năm học",
    body: [
      "Bảo đảm an ninh, an toàn trường học; giao nhiệm vụ cho các trường; giao chỉ tiêu, bảo đảm an toàn thực phẩm.",
      "Giao Phòng Giáo dục chủ trì; an toàn, an ninh mạng; thông tin, thông báo kịp thời; giao ban định kỳ.",
    ],
  })),
  // Documents that cite Nghị quyết 29-NQ/TW; decrees that mention resolutions and the 29th of a month.
  ...family("nq29-cites", 3, () => ({
    docType: KH,
    title: "Kế hoạch đổi mới giáo dục",
    body: ["Thực hiện Nghị quyết số 29-NQ/TW ngày 04/11/2013 về đổi mới căn bản, toàn diện giáo dục và đào tạo."],
    citations: [{ raw: "Nghị quyết số 29-NQ/TW ngày 04/11/2013", key: "NQ:29:TW@2013" }],
  })),
  ...family("nq29-date", 40, () => ({
    docType: ND,
    title: "Nghị định quy định chi tiết một số điều",
    body: [
      "Căn cứ các nghị quyết của Quốc hội; Nghị định này có hiệu lực từ ngày 29 tháng 6 năm 2024.",
      "Các nghị quyết, quyết định trái với Nghị định này hết hiệu lực kể từ ngày 29 tháng 6; báo cáo trước ngày 29.",
    ],
  })),
];

// [query, options, the ids that must fill the top places (in any order), why]
const TABLE: [string, SearchOptions, string[], string][] = [
  ["hoa giai", {}, ["hoa-giai-00", "hoa-giai-01", "hoa-giai-02", "hoa-giai-03"], "without diacritics: the toned words standing together, not …hóa and giải pháp"],
  ["hoa giai", { type: "KH" }, ["hoa-giai-00", "hoa-giai-01", "hoa-giai-02", "hoa-giai-03"], "the same under a filter"],
  ["hoà giải", {}, ["hoa-giai-00", "hoa-giai-01", "hoa-giai-02", "hoa-giai-03"], "typed with diacritics in the new tone placement"],
  ["bão", {}, ["bao-storm-00", "bao-storm-01", "bao-storm-02"], "with diacritics: bão first, never bảo hiểm or cảnh báo"],
  ["cơn bão", {}, ["bao-storm-00", "bao-storm-01", "bao-storm-02"], "two words typed with diacritics"],
  ["con bao", {}, ["bao-storm-00", "bao-storm-01", "bao-storm-02"], "the same without diacritics: the words that stand together decide the reading"],
  ["an toàn giao thông", {}, ["atgt-adjacent-00", "atgt-adjacent-01", "atgt-adjacent-02"], "adjacent words far above the same words apart"],
  ["an toan giao thong", {}, ["atgt-adjacent-00", "atgt-adjacent-01", "atgt-adjacent-02"], "adjacency without diacritics"],
  ["nghị quyết 29", {}, ["nq29-cites-00", "nq29-cites-01", "nq29-cites-02"], "a number that is part of a document reference, not a day of the month"],
  ["nghi quyet 29", {}, ["nq29-cites-00", "nq29-cites-01", "nq29-cites-02"], "the same without diacritics"],
];

describe("relevance: search prefers what was typed", () => {
  const index = new SearchIndex({ shardSize: 64 });
  index.addAll(DOCUMENTS.map(makeRecord));

  it.each(TABLE)("%s %o → %j first (%s)", (query, options, expected) => {
    const top = search(index, query, { ...options, limit: expected.length }).map((r) => r.id);
    expect(top.sort()).toEqual([...expected].sort());
  });

  it("reads a lone word without diacritics in its commonest reading when most documents with it have that one", () => {
    // Every Thông báo has báo; bảo is in most of them, bão in three.
    const results = search(index, "bao", { limit: 10 });
    expect(results[0]!.readings).toEqual([{ word: "bao", reading: "báo" }]);
    expect(results.every((r) => r.id.startsWith("bao-other-"))).toBe(true);
  });

  it("leaves a lone word plain when no reading holds most of its documents", () => {
    // `an` stands plain in an toàn, an ninh; `án` only in dự án: no reading is taken.
    expect(search(index, "an", { limit: 1 })[0]!.readings).toEqual([]);
  });

  it("says which words a result matched only without their diacritics", () => {
    const results = search(index, "bão", { limit: 10 });
    expect(results[0]!.foldedWords).toEqual([]);
    expect(results.at(-1)!.foldedWords).toEqual(["bão"]);
  });

  it("says which reading a query typed without diacritics was taken for", () => {
    const [first] = search(index, "hoa giai", { limit: 1 });
    expect(first!.readings).toEqual([{ word: "hoa", reading: "hòa" }, { word: "giai", reading: "giải" }]);
  });
});
