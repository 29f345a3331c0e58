// The table of well-known documents (grammars/known-documents.json): one row here per document,
// a reference that must resolve to it. Adding a document = a data row + a row below.
import { describe, expect, it } from "vitest";
import { findCitations, knownDocuments } from "../../src/citations/index.js";

/** The key of the one citation in `text`. */
function keyOf(text: string): string | null {
  const found = findCitations(text, [{ start: 0, end: text.length, context: "body" }]);
  expect(found).toHaveLength(1);
  return found[0]!.key;
}

const ROWS: [string, string, string][] = [
  ["NQ:29:TW@2013", "Nghị quyết Hội nghị Trung ương 8 khóa XI về đổi mới căn bản, toàn diện giáo dục và đào tạo", "by its plenum and subject"],
  ["NQ:28:TW@2013", "Nghị quyết Trung ương 8 khóa XI về Chiến lược bảo vệ Tổ quốc trong tình hình mới", "the same plenum's other resolution, by subject"],
  ["KL:51:TW@2019", "Kết luận số 51-KL/TW", "an undated mention takes the table's year"],
  ["KL:91:TW@2024", "Kết luận số 91-KL/TW của Bộ Chính trị", "an undated mention takes the table's year"],
  ["NQ:4:TW@2016", "Nghị quyết Trung ương 4 khoá XII", "by its plenum"],
  ["CT:5:TW@2016", "Chỉ thị số 05-CT/TW về đẩy mạnh học tập và làm theo tư tưởng", "an undated mention takes the table's year"],
  ["KL:1:TW@2021", "Kết luận số 01-KL/TW", "an undated mention takes the table's year"],
  ["NQ:57:TW@2024", "Ban Chỉ đạo Nghị quyết số 57-NQ/TW", "an undated mention takes the table's year"],
  ["Luật:43:QH14@2019", "Luật Giáo dục ngày 14 tháng 6 năm 2019", "by name and date"],
  ["Luật:77:QH13@2015", "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015", "by name and date"],
  ["Luật:72:QH15@2025", "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025", "the same name, ten years on"],
  ["Luật:39:QH14@2019", "Luật Đầu tư công ngày 13/6/2019", "by name and date"],
  ["Luật:31:QH15@2024", "Luật Đất đai ngày 18 tháng 01 năm 2024", "by name and date"],
  ["Luật:11:QH11@2003", "Luật Tổ chức HĐND và UBND ngày 26/11/2003", "by its abbreviated name"],
  ["Luật:1:QH11@2002", "Luật Ngân sách nhà nước ngày 16/12/2002", "by name and date"],
  ["Luật:83:QH13@2015", "Luật NSNN 2015", "by abbreviated name and year"],
];

describe("known documents", () => {
  it.each(ROWS)("%s ← %s (%s)", (key, text) => {
    expect(keyOf(text)).toBe(key);
  });

  it("has a row above for every document in the table", () => {
    expect(new Set(knownDocuments().map((d) => d.key))).toEqual(new Set(ROWS.map((r) => r[0])));
  });

  it("relates documents only to documents it holds", () => {
    const keys = new Set(knownDocuments().map((d) => d.key));
    for (const d of knownDocuments()) for (const r of d.relations) expect(keys, `${d.key} → ${r.target}`).toContain(r.target);
  });

  it("records 51-KL/TW and 91-KL/TW as continuing 29-NQ/TW", () => {
    const continues = (key: string) => knownDocuments().find((d) => d.key === key)?.relations.find((r) => r.relation === "continues")?.target;
    expect(continues("KL:51:TW@2019")).toBe("NQ:29:TW@2013");
    expect(continues("KL:91:TW@2024")).toBe("NQ:29:TW@2013");
  });

  it.each<[string, string]>([
    ["Nghị quyết Trung ương 8 khóa XI", "two resolutions of that plenum (28 and 29-NQ/TW): a name alone does not say which"],
    ["Luật Giáo dục", "re-enacted laws need the year"],
    ["Luật Giáo dục năm 2005", "a year the table does not hold"],
    ["Nghị quyết Trung ương 8 khóa XII về đổi mới căn bản, toàn diện giáo dục và đào tạo", "another term"],
  ])("does not resolve %s (%s)", (text) => {
    const found = findCitations(text, [{ start: 0, end: text.length, context: "body" }]);
    expect(found.every((c) => c.via !== "alias")).toBe(true);
  });
});
