import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocumentBytes } from "../../src/document/parse-document.js";
import { citationLabel, readCitationFacts } from "../../src/kb/citation-facts.js";
import { citingSentence } from "../../src/kb/citing-sentence.js";
import { relationBefore } from "../../src/kb/relation-words.js";

describe("relations stated before a cited document", () => {
  it.each<[string, string, string | null]>([
    ["a follow-up", "Kết luận số 91-KL/TW ngày 12/8/2024 của Bộ Chính trị về tiếp tục thực hiện ", "continues"],
    ["a follow-up, without marks (as users and OCR write)", "ve tiep tuc thuc hien ", "continues"],
    ["implementing", "Kế hoạch số 253-KH/HU của Huyện ủy Bình Sơn về thực hiện ", "implements"],
    ["implementing, old tone placement", "về việc triển khai thực hiện ", "implements"],
    ["guidance", "Hướng dẫn thi hành ", "implements"],
    ["amending", "Nghị định số 09/2025/NĐ-CP về sửa đổi, bổ sung một số điều của ", "amends"],
    ["replacing", "Quyết định này thay thế ", "replaces"],
    ["a mere mention", "Báo cáo kết quả thực hiện các nhiệm vụ theo ", null],
    ["the verb must end the text: an earlier one does not count", "thực hiện nhiệm vụ năm 2024 và ", null],
  ])("%s", (_why, before, expected) => {
    expect(relationBefore(before)).toBe(expected);
  });
});

describe("labels of cited documents", () => {
  it.each<[string, Parameters<typeof citationLabel>[0], string]>([
    ["Party number as printed", { raw: "Kết luận số 91-KL/TW ngày 12/8/2024 của Bộ Chính trị", number: "91", docType: { code: "KL", name: "Kết luận" } }, "Kết luận 91-KL/TW"],
    ["state number with year", { raw: "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020", number: "30", docType: { code: "NĐ", name: "Nghị định" } }, "Nghị định 30/2020/NĐ-CP"],
    ["zero padding kept as printed", { raw: "Kế hoạch số 0125/KH-UBND", number: "125", docType: { code: "KH", name: "Kế hoạch" } }, "Kế hoạch 0125/KH-UBND"],
    ["the number, not a date's digits", { raw: "Quyết định ngày 29/3/2024 số 29/QĐ-UBND", number: "29", docType: { code: "QĐ", name: "Quyết định" } }, "Quyết định 29/3/2024"],
    ["a short mention", { raw: "Quy định 377", number: "377", docType: { code: "QĐi", name: "Quy định" } }, "Quy định 377"],
    ["a name without number", { raw: "Luật   Giáo dục", number: null, docType: { code: "Luật", name: "Luật" } }, "Luật Giáo dục"],
  ])("%s", (_why, citation, expected) => {
    expect(citationLabel(citation)).toBe(expected);
  });
});

describe("the sentence a citation stands in", () => {
  const text = "Mở đầu văn bản.\nCăn cứ Luật A; căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ; xét đề nghị.\nĐoạn sau.";
  const at = (s: string) => ({ offset: text.indexOf(s), length: s.length });

  it.each<[string, string, string]>([
    ["a basis statement ends at ';'", "Nghị định số 30/2020/NĐ-CP", "căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;"],
    ["the first statement of a paragraph", "Luật A", "Căn cứ Luật A;"],
    ["a number's dots and slashes do not end it", "05/3/2020", "căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;"],
  ])("%s", (_why, cited, expected) => {
    expect(citingSentence(text, at(cited))).toBe(expected);
  });

  it("cuts a long sentence around the citation, at spaces", () => {
    const long = `${"từ ngữ ".repeat(100)}theo Quyết định số 12/QĐ-UBND về việc ${"nội dung ".repeat(100)}.`;
    const s = citingSentence(long, { offset: long.indexOf("Quyết định"), length: "Quyết định số 12/QĐ-UBND".length });
    expect(s).toMatch(/^….*theo Quyết định số 12\/QĐ-UBND về việc .*…$/);
    expect(s.length).toBeLessThan(360);
    // What is shown is whole words of the sentence: it starts after a space and ends before one.
    const shown = s.slice(1, -1);
    const at = long.indexOf(shown);
    expect(at).toBeGreaterThan(0);
    expect(long[at - 1]).toBe(" ");
    expect(long[at + shown.length]).toBe(" ");
  });
});

describe("facts of a real document's citations", () => {
  const file = new URL("../../corpus/000_d5494e9567b7496d.txt", import.meta.url);
  const { record, text } = parseDocumentBytes(readFileSync(file), { path: file.pathname });
  const { facts, sentences } = readCitationFacts(record, text);
  const byLabel = (label: string) => facts.findIndex((f) => f.label === label);

  it("keeps one fact and one sentence per citation", () => {
    expect(facts).toHaveLength(record.citations.length);
    expect(sentences).toHaveLength(record.citations.length);
    sentences.forEach((s, i) => expect(s.replace(/\s+/g, " ")).toContain(record.citations[i]!.raw.replace(/\s+/g, " ")));
  });

  it("finds the chain of subjects: Kế hoạch 253 implements Kết luận 91, which continues Nghị quyết 29", () => {
    const kh253 = byLabel("Kế hoạch 253-KH/HU");
    const kl91 = byLabel("Kết luận 91-KL/TW");
    const nq29 = byLabel("Nghị quyết 29-NQ/TW");
    expect([kh253, kl91, nq29].every((i) => i >= 0)).toBe(true);
    expect(facts[kl91]).toMatchObject({ parent: kh253, relation: "implements" });
    expect(facts[nq29]).toMatchObject({ parent: kl91, relation: "continues", key: "NQ:29:TW@2013", date: "2013-11-04" });
    expect(facts[kh253]!.parent).toBeNull();
  });
});

describe("holders of nested citations in a subject without a `về` of their own", () => {
  const file = new URL("../../corpus/003_793e23e02999985a.txt", import.meta.url);
  const { record, text } = parseDocumentBytes(readFileSync(file), { path: file.pathname });
  const { facts } = readCitationFacts(record, text);

  it("Kế hoạch 158 implements Kết luận 51, and Kết luận 51 (not the plan) continues the Nghị quyết", () => {
    const kh158 = facts.findIndex((f) => f.label === "Kế hoạch 158/KH-UBND");
    expect(kh158).toBeGreaterThanOrEqual(0);
    const [kl51, nq29] = [facts[kh158 + 1]!, facts[kh158 + 2]!];
    expect([kl51.label, kl51.parent, kl51.relation]).toEqual(["Kết luận 51-KL/TW", kh158, "implements"]);
    expect([nq29.key, nq29.parent, nq29.relation]).toEqual(["NQ:29:TW@2013", kh158 + 1, "continues"]);
  });
});
