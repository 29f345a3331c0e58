// One document cited with two dates in one text: one key, no date, a diagnostic.
import { describe, expect, it } from "vitest";
import { parseDocumentText } from "../../src/document/parse-document.js";

describe("conflicting dates of one cited document", () => {
  it("gives the mentions one key and the record a diagnostic", () => {
    const text = [
      "KẾ HOẠCH",
      "Thực hiện Quyết định số 522/QĐ-TTg ngày 14/5/2019 của Thủ tướng Chính phủ;",
      "I. NỘI DUNG",
      "Tiếp tục thực hiện Quyết định số 522/QĐ-TTg ngày 14/5/2018 của Thủ tướng Chính phủ.",
    ].join("\n");
    const { record } = parseDocumentText(text);
    const mentions = record.citations.filter((c) => c.number === "522");
    expect(mentions).toHaveLength(2);
    expect(new Set(mentions.map((c) => c.key)).size).toBe(1);
    expect(mentions.every((c) => c.date === null)).toBe(true);
    const d = record.diagnostics.find((x) => x.code === "citation-date-conflict");
    expect(d?.line).toBe(4);
  });

  it("keeps apart two documents sharing a symbol, whose dates differ in more than one part", () => {
    const text = "KẾ HOẠCH\nThực hiện Nghị quyết số 01/NQ-CP ngày 06/01/2023 của Chính phủ và Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ;\nI. NỘI DUNG";
    const { record } = parseDocumentText(text);
    const mentions = record.citations.filter((c) => c.number === "01");
    expect(mentions.map((c) => c.date)).toEqual(["2023-01-06", "2024-01-05"]);
    expect(new Set(mentions.map((c) => c.key)).size).toBe(2);
    expect(record.diagnostics.some((x) => x.code === "citation-date-conflict")).toBe(false);
  });

  it("leaves agreeing mentions alone", () => {
    const { record } = parseDocumentText("KẾ HOẠCH\nThực hiện Kế hoạch số 5/KH-UBND ngày 1/2/2020;\nI. NỘI DUNG\nKế hoạch số 5/KH-UBND nêu trên.");
    expect(record.diagnostics.some((x) => x.code === "citation-date-conflict")).toBe(false);
    expect(record.citations[0]?.date).toBe("2020-02-01");
  });
});
