import fc from "fast-check";
import { readFileSync } from "node:fs";
import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { INDEX_FIELDS } from "../../src/search/index-document.js";
import { CompactIndex, MINISEARCH_OPTIONS, ShardMiniSearch } from "../../src/search/shard-minisearch.js";
import { CompactIndexBuilder } from "../../src/search/compact-builder.js";

const DOCS: [string, string[][]][] = [
  ["a", [["ke", "hoach"], ["uy", "ban"], [], [], ["giao", "duc", "giao", "duc", "va", "dao", "tao"], [], ["113/kh/ubnd", "113", "kh", "ubnd"], []]],
  ["b", [["thong", "bao"], [], ["nguyen"], ["can", "cu"], ["giao", "duc", "huyen", "huyen"], ["luu"], [], ["29/nq/tw"]]],
  ["c", [["ke", "hoach"], ["huyen", "uy"], [], [], ["duc", "tao", "tao", "tao"], [], ["253/kh/hu", "253", "kh", "hu"], ["29/nq/tw", "29/nq/tw"]]],
];

// A term's postings in one field as [document, frequency] pairs.
function documentsOf(mini: ShardMiniSearch, term: string, fieldId: number): [number, number][] {
  const pairs: [number, number][] = [];
  mini.postings(term)?.forEachDocument(fieldId, (frequency, doc) => pairs.push([doc, frequency]));
  return pairs;
}

function viaMiniSearch(docs: typeof DOCS, removed: string[] = []): unknown {
  const mini = new MiniSearch<Record<string, string>>(MINISEARCH_OPTIONS);
  const asDocument = ([id, fields]: (typeof DOCS)[number]) =>
    Object.fromEntries([["id", id], ...INDEX_FIELDS.map((field, i) => [field, fields[i]!.join(" ")])]);
  for (const doc of docs) mini.add(asDocument(doc));
  for (const id of removed) mini.remove(asDocument(docs.find(([d]) => d === id)!));
  return mini.toJSON();
}

describe("ShardMiniSearch", () => {
  it("adds documents into exactly the state MiniSearch's own add builds", () => {
    const shard = new ShardMiniSearch();
    for (const [id, fields] of DOCS) shard.addTerms(id, fields);
    expect(shard.toJSON()).toEqual(viaMiniSearch(DOCS));
  });

  it("removes documents into exactly the state MiniSearch's own remove leaves", () => {
    const shard = new ShardMiniSearch();
    for (const [id, fields] of DOCS) shard.addTerms(id, fields);
    expect(shard.removeTerms("b", DOCS[1]![1])).toBe(true);
    expect(shard.removeTerms("b", DOCS[1]![1])).toBe(false);
    const json = shard.toJSON();
    const expected = viaMiniSearch(DOCS, ["b"]) as typeof json;
    expect({ ...json, averageFieldLength: null }).toEqual({ ...expected, averageFieldLength: null });
    json.averageFieldLength.forEach((avg, i) => expect(avg).toBeCloseTo(expected.averageFieldLength[i]!, 12));
  });

  it("refuses to remove with terms the document was not added with", () => {
    const shard = new ShardMiniSearch();
    shard.addTerms("a", DOCS[0]![1]);
    expect(() => shard.removeTerms("a", [["khac"]])).toThrow(/no longer matches/);
  });

  it("round-trips through its compact form, keeping postings and statistics", () => {
    const shard = new ShardMiniSearch();
    for (const [id, fields] of DOCS) shard.addTerms(id, fields);
    shard.removeTerms("b", DOCS[1]![1]);
    shard.addTerms("b", DOCS[1]![1]);
    const compact = JSON.parse(JSON.stringify(shard.toCompact()));
    expect(CompactIndex.safeParse(compact).success).toBe(true);
    const loaded = ShardMiniSearch.fromCompact(compact);
    // The radix tree may list terms in another order after loading; the content is the same.
    const sorted = (json: ReturnType<ShardMiniSearch["toJSON"]>) => ({ ...json, index: [...json.index].sort(([a], [b]) => (a < b ? -1 : 1)) });
    expect(sorted(loaded.toJSON())).toEqual(sorted(shard.toJSON()));
    expect(documentsOf(loaded, "giao", 4)).toEqual([[0, 2], [3, 1]]);
    expect(documentsOf(shard, "giao", 4)).toEqual([[0, 2], [3, 1]]);
    expect([loaded.postings("giao")!.holds(3), loaded.postings("giao")!.holds(2)]).toEqual([true, false]);
    const fields: number[][] = [];
    loaded.postings("29/nq/tw")!.forEachField((fieldId, documents) => fields.push([fieldId, documents]));
    expect(fields).toEqual([[7, 2]]);
    expect(loaded.hasPrefix("29/nq")).toBe(true);
    expect([...loaded.termsWithPrefix("huy")]).toEqual(["huyen"]);
    expect(loaded.fieldLengths()[2 * INDEX_FIELDS.length + 4]).toBe(2);
    expect(loaded.fieldLengths()[3 * INDEX_FIELDS.length + 4]).toBe(3);
  });

  it("changes a loaded shard (packed postings) exactly as the shard it was saved from", () => {
    const shard = new ShardMiniSearch();
    for (const [id, fields] of DOCS) shard.addTerms(id, fields);
    const loaded = ShardMiniSearch.fromCompact(JSON.parse(JSON.stringify(shard.toCompact())));
    for (const mini of [shard, loaded]) {
      mini.removeTerms("a", DOCS[0]![1]);
      mini.addTerms("d", DOCS[0]![1]);
    }
    const sorted = (json: ReturnType<ShardMiniSearch["toJSON"]>) => ({ ...json, index: [...json.index].sort(([a], [b]) => (a < b ? -1 : 1)) });
    expect(loaded.toCompact().postings.length).toBe(shard.toCompact().postings.length);
    expect(sorted(ShardMiniSearch.fromCompact(loaded.toCompact()).toJSON())).toEqual(sorted(shard.toJSON()));
    expect(documentsOf(loaded, "giao", 4)).toEqual([[1, 1], [3, 2]]);
    expect([...loaded.termsNear("huyne", 2)].map(([t]) => t)).toContain("huyen");
  });

  it.each([
    ["not an object", null],
    ["document ids out of order", { nextId: 2, shortIds: [0, 1], ids: ["a", "b"], fieldLengths: new Array(16).fill(1), averageFieldLength: [], terms: ["x"], postings: [[4, 2, 1, 1, 0, 1]] }],
    ["arrays of different lengths", { nextId: 1, shortIds: [0], ids: [], fieldLengths: [], averageFieldLength: [], terms: [], postings: [] }],
    ["postings past their end", { nextId: 1, shortIds: [0], ids: ["a"], fieldLengths: new Array(8).fill(1), averageFieldLength: [], terms: ["x"], postings: [[4, 3, 0, 1]] }],
    ["a field id out of range", { nextId: 1, shortIds: [0], ids: ["a"], fieldLengths: new Array(8).fill(1), averageFieldLength: [], terms: ["x"], postings: [[99, 1, 0, 1]] }],
  ])("rejects a compact index with %s", (_what, compact) => {
    expect(() => ShardMiniSearch.fromCompact(compact as never)).toThrow();
  });
});

describe("CompactIndexBuilder", () => {
  // Builds `docs` both ways and expects the same saved form and the same loaded state. Terms, and
  // the fields of a term, may come in another order: compared per term and field.
  function expectSameAsShard(docs: readonly (readonly [string, string[][]])[]): void {
    const shard = new ShardMiniSearch();
    const builder = new CompactIndexBuilder();
    for (const [id, fields] of docs) {
      expect(builder.addTerms(id, fields)).toBe(shard.addTerms(id, fields));
    }
    const perField = (flat: number[]) => {
      const fields: [number, number[]][] = [];
      for (let i = 0; i < flat.length; i += 2 + 2 * flat[i + 1]!) fields.push([flat[i]!, flat.slice(i + 2, i + 2 + 2 * flat[i + 1]!)]);
      return fields.sort(([a], [b]) => a - b);
    };
    const byTerm = (c: CompactIndex) => ({ ...c, terms: null, postings: Object.fromEntries(c.terms.map((t, i) => [t, perField(c.postings[i]!)])) });
    expect(byTerm(builder.toCompact())).toEqual(byTerm(shard.toCompact()));
    const sorted = (json: ReturnType<ShardMiniSearch["toJSON"]>) => ({ ...json, index: [...json.index].sort(([a], [b]) => (a < b ? -1 : 1)) });
    expect(sorted(ShardMiniSearch.fromCompact(builder.toCompact()).toJSON())).toEqual(sorted(shard.toJSON()));
  }

  it("gives the saved form ShardMiniSearch gives for the same documents (terms in any order)", () => {
    expectSameAsShard(DOCS);
  });

  it("gives ShardMiniSearch's saved form for any documents: terms repeated within a field, across fields and across documents", () => {
    // A vocabulary of four terms makes repeats (the case the builder counts up in place) common.
    const fields = fc.array(fc.array(fc.constantFrom("a", "b", "c", "d"), { maxLength: 6 }), { minLength: INDEX_FIELDS.length, maxLength: INDEX_FIELDS.length });
    fc.assert(
      fc.property(fc.array(fields, { maxLength: 6 }), (docs) => {
        expectSameAsShard(docs.map((f, i) => [`doc${i}`, f] as const));
      }),
    );
  });
});

// ShardMiniSearch works on MiniSearch's protected members, which a minor version may change: the
// version is pinned exactly, and these fail when the installed one is not that version or its
// state is not the shape ShardMiniSearch reads and writes.
describe("the MiniSearch ShardMiniSearch is built on", () => {
  const packageJson = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8")) as { version?: string; dependencies?: Record<string, string> };

  it("is the version package.json pins exactly", () => {
    const pinned = packageJson("../../package.json").dependencies?.minisearch;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(packageJson("../../node_modules/minisearch/package.json").version).toBe(pinned);
  });

  it("has the protected state ShardMiniSearch reads and writes, of the types it expects", () => {
    const mini = new MiniSearch<Record<string, string>>(MINISEARCH_OPTIONS) as unknown as Record<string, unknown>;
    for (const map of ["_idToShortId", "_documentIds", "_fieldLength", "_storedFields"]) expect(mini[map], map).toBeInstanceOf(Map);
    // The radix tree is MiniSearch's SearchableMap, read through its public methods.
    expect((mini._index as object).constructor.name).toBe("SearchableMap");
    for (const method of ["get", "fetch", "atPrefix", "entries"]) expect(typeof (mini._index as Record<string, unknown>)[method], method).toBe("function");
    for (const count of ["_nextId", "_documentCount"]) expect(mini[count], count).toBe(0);
    expect(mini._avgFieldLength).toEqual([]);
  });
});
