// The store's search index built in parallel: shards built and written by worker threads, the
// manifest written last. It must be the index an in-memory build of the same records gives.
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSearchIndex } from "../../src/kb/build-search-index.js";
import { indexFolder } from "../../src/kb/index-folder.js";
import { openStore } from "../../src/kb/open-store.js";
import type { KnowledgeBase } from "../../src/kb/knowledge-base.js";
import { loadIndex, stampIndexSource } from "../../src/search/index-store.js";
import { search } from "../../src/search/search.js";
import { SearchIndex } from "../../src/search/search-index.js";
import { StoreError } from "../../src/store/store-errors.js";
import { loadStoreSearchIndex } from "../../src/kb/open-search-index.js";
import { writeGeneratedDocuments } from "./generate-documents.js";

const scratch = mkdtempSync(join(tmpdir(), "vanban-kb-search-build-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const QUERIES = ["giáo dục", "giao duc", "29-NQ/TW", "xã thử nghiệm 7", '"kế hoạch"', "103/KH-UBND", "thử"];

let kb: KnowledgeBase;
let memory: SearchIndex;
beforeAll(async () => {
  writeGeneratedDocuments(join(scratch, "docs"), Array.from({ length: 30 }, (_, i) => i));
  await indexFolder([join(scratch, "docs")], { store: join(scratch, "store"), jobs: 1 });
  kb = await openStore(join(scratch, "store"));
  memory = new SearchIndex();
  for await (const { record } of kb.records()) memory.add(record);
});

async function loaded(dir: string): Promise<SearchIndex> {
  const result = await loadIndex(dir, { expectedHashes: kb.documents().map((e) => e.sha256) });
  if (result.status !== "ok") throw new Error(`index not ok: ${result.status}`);
  return result.index;
}

function ranked(index: SearchIndex, query: string) {
  return search(index, query, { limit: 50 }).map((r) => [r.id, Number(r.score.toFixed(6)), Number(r.relevance.toFixed(6))]);
}

describe("building the search index on worker threads", () => {
  it("writes one shard per job, built by workers, and loads as a whole, up-to-date index", async () => {
    const dir = join(scratch, "parallel");
    const report = await buildSearchIndex(kb, dir, { jobs: 3, minDocumentsPerWorker: 5 });
    expect(report).toEqual({ documents: 30, shards: 3, workers: 3 });
    const index = await loaded(dir);
    try {
      expect(index.size).toBe(30);
      expect(index.shards.map((s) => s.size)).toEqual([10, 10, 10]);
    } finally {
      index.close();
    }
  });

  it("cuts the documents into whole rounds of shards for the jobs, none over the shard size", async () => {
    // 30 documents at most 7 a shard need 5 shards; 3 jobs build them in rounds of 3, so 6.
    const dir = join(scratch, "rounds");
    const report = await buildSearchIndex(kb, dir, { jobs: 3, minDocumentsPerWorker: 5, shardSize: 7 });
    expect(report).toEqual({ documents: 30, shards: 6, workers: 6 });
    const index = await loaded(dir);
    try {
      expect(index.shards.map((s) => s.size)).toEqual([5, 5, 5, 5, 5, 5]);
    } finally {
      index.close();
    }
  });

  it("answers every query as an index built in memory from the same records does", async () => {
    const parallel = join(scratch, "compare-parallel");
    const inline = join(scratch, "compare-inline");
    await buildSearchIndex(kb, parallel, { jobs: 2, minDocumentsPerWorker: 5 });
    expect(await buildSearchIndex(kb, inline, { jobs: 1 })).toEqual({ documents: 30, shards: 1, workers: 0 });
    const [a, b] = [await loaded(parallel), await loaded(inline)];
    try {
      for (const query of QUERIES) {
        const expected = ranked(memory, query);
        expect(expected.length, query).toBeGreaterThan(0);
        expect(ranked(a, query), query).toEqual(expected);
        expect(ranked(b, query), query).toEqual(expected);
      }
    } finally {
      a.close();
      b.close();
    }
  });

  it("replaces an index already there: new generations, the old files deleted", async () => {
    const dir = join(scratch, "again");
    await buildSearchIndex(kb, dir, { jobs: 2, minDocumentsPerWorker: 5 });
    const before = readdirSync(dir).filter((n) => n.startsWith("shard-")).sort();
    await buildSearchIndex(kb, dir, { jobs: 2, minDocumentsPerWorker: 5 });
    const after = readdirSync(dir).filter((n) => n.startsWith("shard-")).sort();
    const files = (generation: number) => ["shard-0000", "shard-0001"].flatMap((s) => ["bin", "json", "txt"].map((kind) => `${s}.${generation}.${kind}`));
    expect(before).toEqual(files(1));
    expect(after).toEqual(files(2));
    (await loaded(dir)).close();
  });

  it.each([1, 2])("reports a damaged record chunk as a damaged store, with the command that rebuilds it (%i jobs)", async (jobs) => {
    const copy = join(scratch, `damaged-${jobs}`);
    cpSync(join(scratch, "store"), copy, { recursive: true });
    const chunk = join(copy, "records", readdirSync(join(copy, "records"))[0]!);
    const bytes = readFileSync(chunk);
    const middle = bytes.length >> 1;
    bytes[middle] = bytes[middle]! ^ 0x20;
    writeFileSync(chunk, bytes);
    const damaged = await openStore(copy);
    const build = buildSearchIndex(damaged, join(copy, "search"), { jobs, minDocumentsPerWorker: 5 });
    await expect(build).rejects.toBeInstanceOf(StoreError);
    await expect(build).rejects.toMatchObject({ problem: "corrupt", message: expect.stringMatching(/damaged.*does not match its checksum/) });
  });

  it("is loaded for searching from the store's catalog alone, not the citation graph", async () => {
    const copy = join(scratch, "search-only");
    cpSync(join(scratch, "store"), copy, { recursive: true });
    await buildSearchIndex(await openStore(copy), join(copy, "search"), { jobs: 1 });
    // A search does not read the citation graph: without it the store cannot open, the index can.
    const graph = readdirSync(copy).find((n) => n.startsWith("graph-"))!;
    rmSync(join(copy, graph));
    await expect(openStore(copy)).rejects.toBeInstanceOf(StoreError);
    // Nor its catalog, while the index names the store's current catalog as what it holds.
    const catalog = readdirSync(copy).find((n) => n.startsWith("catalog-"))!;
    renameSync(join(copy, catalog), join(copy, `${catalog}.away`));
    const { loaded } = await loadStoreSearchIndex(copy);
    expect(loaded.status).toBe("ok");
    if (loaded.status === "ok") {
      expect(ranked(loaded.index, "giáo dục")).toEqual(ranked(memory, "giáo dục"));
      loaded.index.close();
    }
    // An index that names another catalog is compared with the store's, which is then read.
    await stampIndexSource(join(copy, "search"), "0".repeat(64));
    await expect(loadStoreSearchIndex(copy)).rejects.toMatchObject({ problem: "corrupt", message: expect.stringMatching(/catalog-/) });
    renameSync(join(copy, `${catalog}.away`), join(copy, catalog));
    const compared = (await loadStoreSearchIndex(copy)).loaded;
    expect(compared.status).toBe("ok");
    if (compared.status === "ok") compared.index.close();
    // Without its manifest the index is missing, and is reported so rather than read.
    rmSync(join(copy, "search", "manifest.json"));
    expect((await loadStoreSearchIndex(copy)).loaded.status).toBe("missing");
  });
});
