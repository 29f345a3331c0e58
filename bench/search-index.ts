// Measures the search index at a synthetic collection of ~9 KB documents: build rate, heap per
// document (built in memory, and loaded from disk), store size, cold load, and query latency per
// query kind. Run: node --expose-gc --import tsx bench/search-index.ts [--docs 10000] [--json]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadIndex, saveIndex, search, SearchIndex, type SearchOptions } from "../src/search/index.js";
import { makeRecord } from "../test/search/record-fixture.js";
import { sourceParagraphs, syntheticSpecs } from "../test/search/synthetic-records.js";

const args = process.argv.slice(2);
const docs = Number(args[args.indexOf("--docs") + 1] ?? 10_000) || 10_000;
const asJson = args.includes("--json");
const shardSize = Number(args.includes("--shard-size") ? args[args.indexOf("--shard-size") + 1] : 20_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");

function settle(): NodeJS.MemoryUsage {
  for (let i = 0; i < 4; i++) gc!();
  return process.memoryUsage();
}

const paragraphs = sourceParagraphs(["/work/shared/seeds", "/work/shared/corpus"]);
const BATCH = 500;

// Records are made and dropped batch by batch so that the heap measured is the index's, not the input's.
const baseline = settle();
let utf8Bytes = 0;
let buildMs = 0;
let buildCpuMs = 0;
const index = new SearchIndex({ shardSize });
const sampleNumbers: string[] = [];
for (let start = 0; start < docs; start += BATCH) {
  const specs = syntheticSpecs(Math.min(BATCH, docs - start), 1000 + start, { bodyChars: 7000, paragraphs });
  const records = specs.map(makeRecord);
  for (const spec of specs) if (sampleNumbers.length < 200 && spec.number) sampleNumbers.push(spec.number);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const record of records) index.add(record);
  buildMs += performance.now() - t0;
  const c = process.cpuUsage(c0);
  buildCpuMs += (c.user + c.system) / 1000;
  for (const record of records) utf8Bytes += Buffer.byteLength(index.text(record.id) ?? "", "utf8");
}
const built = settle();

const QUERIES: Record<string, { queries: string[]; options?: SearchOptions }> = {
  singleCommon: { queries: ["giáo", "huyện", "thực", "năm", "các"] },
  singleRare: { queries: ["đuối", "mũi nhọn", "bán trú", "khuyến", "thuỷ"].map((q) => q.split(" ")[0]!) },
  twoTerms: { queries: ["giáo dục", "kế hoạch", "hòa giải", "cơ sở", "an toàn"] },
  phrase: { queries: ['"nâng cao chất lượng"', '"trên địa bàn huyện"', '"giáo dục và đào tạo"', '"cơ sở vật chất"'] },
  folded: { queries: ["giao duc", "huyen uy", "chat luong", "hoa giai"] },
  prefix: { queries: ["trườn", "nghiê", "chuyể", "khuyế"] },
  filtered: { queries: ["giáo dục", "kế hoạch", "học sinh"], options: { type: "KH", yearFrom: 2020, yearTo: 2023 } },
  identifier: { queries: sampleNumbers.slice(0, 50) },
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]!;
}

interface Latency {
  p50: number;
  p99: number;
  /** CPU time of the process per query: on a shared machine wall time includes waiting for a core */
  cpuP50: number;
  cpuP99: number;
  results: number;
}

function measureQueries(target: SearchIndex, rounds: number): Record<string, Latency> {
  const out: Record<string, Latency> = {};
  for (const [kind, { queries, options }] of Object.entries(QUERIES)) {
    for (const q of queries) search(target, q, { limit: 10, ...options }); // warm-up
    const times: number[] = [];
    const cpu: number[] = [];
    let results = 0;
    for (let r = 0; r < rounds; r++) {
      for (const q of queries) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        results += search(target, q, { limit: 10, ...options }).length;
        times.push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        cpu.push((c.user + c.system) / 1000);
      }
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    out[kind] = {
      p50: round(percentile(times, 0.5)),
      p99: round(percentile(times, 0.99)),
      cpuP50: round(percentile(cpu, 0.5)),
      cpuP99: round(percentile(cpu, 0.99)),
      results: results / times.length,
    };
  }
  return out;
}

const round = (n: number, digits = 2) => Number(n.toFixed(digits));

const queryInMemory = measureQueries(index, 20);

const dir = join(mkdtempSync(join(tmpdir(), "vanban-bench-")), "store");
let t0 = performance.now();
const report = await saveIndex(index, dir);
const saveMs = performance.now() - t0;
const { statSync, readdirSync } = await import("node:fs");
const storeBytes = readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
index.close();

const beforeLoad = settle();
t0 = performance.now();
const loadedResult = await loadIndex(dir);
const coldLoadMs = performance.now() - t0;
if (loadedResult.status !== "ok") throw new Error(loadedResult.message);
const loaded = loadedResult.index;
const afterLoad = settle();
const queryLoaded = measureQueries(loaded, 20);
loaded.close();
rmSync(join(dir, ".."), { recursive: true, force: true });

const figures = {
  docs,
  shards: report.written.length,
  avgDocUtf8Bytes: Math.round(utf8Bytes / docs),
  indexDocsPerSec: Math.round(docs / (buildMs / 1000)),
  indexDocsPerCpuSec: Math.round(docs / (buildCpuMs / 1000)),
  heapBytesPerDoc: Math.round((built.heapUsed - baseline.heapUsed) / docs),
  externalBytesPerDoc: Math.round((built.external - baseline.external) / docs),
  loadedHeapBytesPerDoc: Math.round((afterLoad.heapUsed - beforeLoad.heapUsed) / docs),
  rssAfterLoadBytesPerDoc: Math.round((afterLoad.rss - beforeLoad.rss) / docs),
  storeBytes,
  saveMs: Math.round(saveMs),
  coldLoadMs: Math.round(coldLoadMs),
  query: queryInMemory,
  queryLoaded,
};

if (asJson) {
  console.log(JSON.stringify(figures, null, 2));
} else {
  console.log(`documents            ${docs} (~${figures.avgDocUtf8Bytes} B UTF-8 each), ${figures.shards} shard(s)`);
  console.log(`index build          ${figures.indexDocsPerSec} docs/s wall, ${figures.indexDocsPerCpuSec} docs per CPU second`);
  console.log(`heap per doc         ${figures.heapBytesPerDoc} B built in memory (+${figures.externalBytesPerDoc} B off-heap text buffers), ${figures.loadedHeapBytesPerDoc} B loaded from disk`);
  console.log(`store                ${(storeBytes / 1e6).toFixed(1)} MB, save ${figures.saveMs} ms, cold load ${figures.coldLoadMs} ms`);
  console.log(`query (ms, limit 10)  in memory: wall p50/p99   cpu p50/p99  | loaded: wall p50/p99   cpu p50/p99`);
  const cell = (a: number, b: number) => `${a.toFixed(2).padStart(6)} /${b.toFixed(2).padStart(6)}`;
  for (const kind of Object.keys(queryInMemory)) {
    const a = queryInMemory[kind]!;
    const b = queryLoaded[kind]!;
    console.log(`  ${kind.padEnd(14)} ${cell(a.p50, a.p99)}  ${cell(a.cpuP50, a.cpuP99)}  |  ${cell(b.p50, b.p99)}  ${cell(b.cpuP50, b.cpuP99)}`);
  }
}
