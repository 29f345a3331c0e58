import { describe, expect, it } from "vitest";
import { buildTimeline } from "../../src/kb/citing-timeline.js";
import type { ListedDocument } from "../../src/kb/collection-results.js";

const doc = (id: string, date: string | null, level: ListedDocument["level"], province: string | null): ListedDocument => ({
  id, path: `/${id}.txt`, title: null, docType: null, number: null, date, issuer: null, system: "state", place: null, province, formerProvince: null, level,
});

describe("the timeline of citing documents", () => {
  const docs = [doc("a", "2024-11-20", "huyện", "Quảng Ngãi"), doc("b", "2025-02-01", "xã", "Quảng Ngãi"), doc("c", "2024-12-03", "trung ương", null), doc("d", "2025", "tỉnh", "Cần Thơ"), doc("e", null, "xã", null)];

  it("has every month from the first to the last, across the turn of a year, a year-only date left out", () => {
    const t = buildTimeline("Nghị quyết 29-NQ/TW", docs, { by: "month" });
    expect(t.bins.map((b) => b.period)).toEqual(["2024-11", "2024-12", "2025-01", "2025-02"]);
    expect(t.bins.map((b) => b.total)).toEqual([1, 1, 0, 1]);
    expect(t.undated).toBe(2);
  });

  it("splits by level in the order of the administration, and by province with — for none", () => {
    const byLevel = buildTimeline("x", docs, { split: "level" });
    expect(byLevel.series).toEqual(["trung ương", "tỉnh", "huyện", "xã"]);
    expect(byLevel.bins.find((b) => b.period === "2025")?.counts).toEqual({ "xã": 1, "tỉnh": 1 });
    const byProvince = buildTimeline("x", docs, { split: "province" });
    expect(byProvince.series).toEqual(["Quảng Ngãi", "Cần Thơ", "—"]);
    expect(byProvince.undated).toBe(1);
  });

  it("is empty when no citing document has a date", () => {
    expect(buildTimeline("x", [doc("e", null, null, null)]).bins).toEqual([]);
  });
});
