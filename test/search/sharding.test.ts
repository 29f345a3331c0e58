import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { search, type SearchOptions } from "../../src/search/search.js";
import { SearchIndex } from "../../src/search/search-index.js";
import { makeRecord, type RecordSpec } from "./record-fixture.js";
import { syntheticSpecs } from "./synthetic-records.js";

const SEEDS = "/work/shared/seeds";

function specs(): RecordSpec[] {
  const all = syntheticSpecs(60, 7);
  if (existsSync(SEEDS)) {
    for (const file of readdirSync(SEEDS).sort()) all.push({ id: `seed-${file}`, body: readFileSync(`${SEEDS}/${file}`, "utf8").normalize("NFC") });
  }
  return all;
}

function build(shardSize: number): SearchIndex {
  const index = new SearchIndex({ shardSize });
  index.addAll(specs().map(makeRecord));
  return index;
}

const QUERIES: [string, SearchOptions][] = [
  ["giáo dục", {}],
  ["giao duc dao tao", {}],
  ["Huyện ủy", { limit: 50 }],
  ['"nâng cao chất lượng"', {}],
  ["kế hoạch", { type: "KH", yearFrom: 2021 }],
  ["29-NQ/TW", {}],
  ["trườn", {}],
  ["quyết định phê duyệt", { limit: 5 }],
  ["", { system: "party" }],
];

describe("sharding", () => {
  const single = build(100_000);
  const sharded = build(7);

  it("spreads the documents over shards of the given size", () => {
    expect(single.shards).toHaveLength(1);
    expect(sharded.shards.length).toBeGreaterThan(5);
    expect(sharded.shards.every((shard) => shard.size <= 7)).toBe(true);
    expect(sharded.size).toBe(single.size);
  });

  it.each(QUERIES)("%s %o: merged shard results equal the single-index results", (query, options) => {
    const a = search(single, query, options);
    const b = search(sharded, query, options);
    expect(a.length).toBeGreaterThan(0);
    expect(b.map((r) => r.id)).toEqual(a.map((r) => r.id));
    b.forEach((r, i) => {
      expect(r.relevance).toBeCloseTo(a[i]!.relevance, 9);
      expect(r.snippet).toEqual(a[i]!.snippet);
    });
  });
});
