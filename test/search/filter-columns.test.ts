import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FilterColumns } from "../../src/search/filter-columns.js";
import type { IndexedSummary } from "../../src/search/index-document.js";
import { compileFilter, type SearchFilters } from "../../src/search/search-filter.js";

const TYPES = [null, { code: "KH", name: "Kế hoạch" }, { code: "QĐ", name: "Quyết định" }, { code: "QĐi", name: "Quy định" }];
const ISSUERS = [null, "Ủy ban nhân dân huyện Bình Sơn", "Huyện uỷ Bình Sơn", "Sở Giáo dục và Đào tạo"];
const PLACES = [null, "Bình Sơn", "Quảng Ngãi"];
const KEYS = ["NQ:29:TW@2013", "KL:91:TW@2024", "KH:253:HU@2024-11-20"];

const summary: fc.Arbitrary<IndexedSummary> = fc.record({
  id: fc.string(),
  path: fc.constant(null),
  sha256: fc.constant("0".repeat(64)),
  docType: fc.constantFrom(...TYPES),
  number: fc.constant(null),
  date: fc.constant(null),
  issuer: fc.constantFrom(...ISSUERS),
  title: fc.constant(null),
  system: fc.constantFrom(null, "state" as const, "party" as const),
  place: fc.constantFrom(...PLACES),
  year: fc.option(fc.integer({ min: 2000, max: 2030 }), { nil: null }),
  cites: fc.subarray(KEYS),
});

const filters: fc.Arbitrary<SearchFilters> = fc.record(
  {
    type: fc.constantFrom("KH", "qd", "Quy định"),
    issuer: fc.constantFrom("binh son", "Huyện ủy", "giáo dục"),
    system: fc.constantFrom("state" as const, "party" as const),
    place: fc.constantFrom("Bình Sơn", "quang ngai"),
    yearFrom: fc.integer({ min: 2000, max: 2030 }),
    yearTo: fc.integer({ min: 2000, max: 2030 }),
    cites: fc.constantFrom(...KEYS),
    citesMatch: fc.constant((key: string) => key.endsWith(":TW@2013")),
  },
  { requiredKeys: [] },
);

describe("FilterColumns", () => {
  it("excludes exactly the documents the filter rejects", () => {
    fc.assert(
      fc.property(fc.array(summary, { maxLength: 30 }), filters, fc.array(fc.nat(29)), (docs, raw, deleted) => {
        const filter = compileFilter(raw);
        fc.pre(filter !== null);
        const columns = new FilterColumns();
        docs.forEach((doc, i) => columns.set(i, doc));
        const gone = new Set(deleted.filter((i) => i < docs.length));
        for (const i of gone) columns.delete(i);
        const excluded = columns.exclusions(filter!, docs.length + 2);
        docs.forEach((doc, i) => expect(excluded[i]).toBe(gone.has(i) || !filter!.test(doc) ? 1 : 0));
        // Short ids never given are excluded.
        expect(excluded[docs.length]).toBe(1);
      }),
    );
  });
});
