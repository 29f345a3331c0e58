// The Collection's lists without a query, facets, statistics, timelines and documents, on the
// fixture collection with the shipped corpus: what `vanban list`, `vanban stats` and `vanban
// serve` ask.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocumentNotFoundError, Facets, ListFilterError, ListedDocument, Timeline, openCollection, type Collection } from "../../src/kb/index.js";

const scratch = mkdtempSync(join(tmpdir(), "vanban-collection-lists-"));
const folder = join(scratch, "docs");
let collection: Collection;
beforeAll(async () => {
  cpSync(new URL("./fixtures/collection/", import.meta.url).pathname, folder, { recursive: true });
  cpSync(new URL("../../corpus/", import.meta.url).pathname, folder, { recursive: true });
  collection = await openCollection(join(scratch, "store"));
  await collection.index(folder, { jobs: 1 });
});
afterAll(async () => {
  await collection.close();
  rmSync(scratch, { recursive: true, force: true });
});

const ids = (docs: { id: string }[]) => docs.map((d) => d.id).sort();

describe("lists without a query", () => {
  it("gives every document with its province, level and system, in the list schema", async () => {
    const all = await collection.list();
    expect(all).toHaveLength(14);
    for (const doc of all) expect(ListedDocument.parse(doc)).toEqual(doc);
    expect(all.find((d) => d.id === "158-KH-UBND-2019-12-16")).toMatchObject({ province: "Quảng Ngãi", formerProvince: null, level: "tỉnh", system: "state", place: "Quảng Ngãi" });
    expect(all.find((d) => d.id === "253-KH-HU-2024-11-20")).toMatchObject({ level: "huyện", system: "party" });
  });

  it("narrows by place in any spelling, level, system, year and cited document", async () => {
    const quangNgai = ids(await collection.list({ place: "tỉnh Quảng Ngãi" }));
    expect(quangNgai).toEqual(ids(await collection.list({ place: "quang ngai" })));
    expect(quangNgai).toContain("158-KH-UBND-2019-12-16");
    expect(ids(await collection.list({ place: "TP. Bình Sơn" }))).toEqual(ids(await collection.list({ place: "Bình Sơn" })));
    expect((await collection.list({ level: "xa" })).map((d) => d.level)).toEqual(["xã", "xã"]);
    expect(ids(await collection.list({ system: "party" }))).toEqual(["253-KH-HU-2024-11-20"]);
    expect(ids(await collection.list({ cites: "Nghị quyết 29", yearFrom: 2024 }))).toEqual(["doc-79a97184a5d5e355"]);
    expect(ids(await collection.list({ cites: "Nghị quyết 29" }))).toEqual(["doc-0355ced8a7ab7aad", "doc-79a97184a5d5e355", "doc-be518803efeaac80"]);
    expect(await collection.list({ province: "Sóc Trăng" })).toEqual([]);
  });

  it("refuses a level or a province that is none", async () => {
    await expect(collection.list({ level: "county" })).rejects.toBeInstanceOf(ListFilterError);
    await expect(collection.list({ province: "Atlantis" })).rejects.toBeInstanceOf(ListFilterError);
  });
});

describe("facets", () => {
  it("count each value over a list, most first, and add up to the documents that have one", async () => {
    const facets = Facets.parse(await collection.facets());
    expect(facets.total).toBe(14);
    expect(facets.type[0]).toEqual({ value: "Kế hoạch", count: 9 });
    expect(facets.level.reduce((n, f) => n + f.count, 0)).toBe(14);
    expect(facets.system).toEqual([{ value: "state", count: 13 }, { value: "party", count: 1 }]);
    expect((await collection.facets({ level: "tỉnh" })).total).toBe(4);
  });

  it("count over what a search finds", async () => {
    const facets = await collection.facets({}, "thiên tai");
    const found = await collection.search("thiên tai", { limit: 1000 });
    expect(facets.total).toBe(found.length);
    expect(facets.total).toBeLessThan(14);
  });
});

describe("statistics", () => {
  it("count by type, issuer and year and name the most cited documents", async () => {
    const stats = await collection.stats();
    expect(stats.documents).toBe(14);
    expect(stats.byType.map((f) => f.value)).toEqual(["Kế hoạch", "Công văn", "Thông báo"]);
    expect(stats.byYear.find((f) => f.value === "2024")?.count).toBe(5);
    expect(stats.mostCited.map((c) => c.label)).toContain("Nghị quyết 29-NQ/TW");
    expect(stats.mostCited[0]!.citedBy).toBeGreaterThanOrEqual(stats.mostCited.at(-1)!.citedBy);
  });
});

describe("timeline of the documents citing one", () => {
  it("counts them by year, every year between present, split by level", async () => {
    const timeline = Timeline.parse(await collection.timeline("Nghị quyết 29", { split: "level", transitive: true }));
    expect(timeline.bins.map((b) => b.period)).toEqual(["2019", "2020", "2021", "2022", "2023", "2024", "2025"]);
    expect(timeline.bins.find((b) => b.period === "2024")?.counts).toMatchObject({ "huyện": 2 });
    const direct = await collection.cites("Nghị quyết 29", { transitive: true });
    const citing = new Set(direct.groups.flatMap((g) => g.documents.map((d) => d.id))).size;
    expect(timeline.bins.reduce((n, b) => n + b.total, 0) + timeline.undated).toBe(citing);
  });

  it("by month from the first month to the last, a year-only date left out", async () => {
    const timeline = await collection.timeline("Nghị quyết 29", { by: "month" });
    expect(timeline.bins[0]!.period).toMatch(/^\d{4}-\d{2}$/);
    expect(timeline.series).toEqual(["all"]);
    expect(timeline.undated).toBeGreaterThan(0);
  });
});

describe("who cites, narrowed", () => {
  it("takes the list filters", async () => {
    const answer = await collection.cites("Nghị quyết 29", { level: "huyện" });
    expect(answer.groups[0]!.documents.map((d) => d.id).sort()).toEqual(["doc-79a97184a5d5e355", "doc-be518803efeaac80"]);
  });
});

describe("a document whole", () => {
  it("has its list fields and its record, citations resolved", async () => {
    const { document, record } = await collection.document("253-KH-HU-2024-11-20");
    expect(document.id).toBe(record.id);
    expect(record.citations.length).toBeGreaterThan(0);
    await expect(collection.document("no-such-id")).rejects.toBeInstanceOf(DocumentNotFoundError);
  });
});
