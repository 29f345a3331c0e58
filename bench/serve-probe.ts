// Child process of bench/run.ts: opens a store's search index cold, as `vanban search` does, and measures memory
// per document and query latency by kind. Prints one JSON object. Run with --expose-gc.
import type { SearchOptions } from "../src/search/index.js";
import { loadStoreSearchIndex, search } from "./built.js";

const [store, docsArg] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (!store || !gc) throw new Error("usage: node --expose-gc --import tsx bench/serve-probe.ts STORE DOCS");
const settle = () => {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage();
};

const before = settle();
const t0 = performance.now();
// What `vanban search` reads before it can answer: the store's catalog and its search index.
const { loaded } = await loadStoreSearchIndex(store);
const coldLoadMs = performance.now() - t0;
if (loaded.status !== "ok") throw new Error(`search index: ${loaded.status}`);
const index = loaded.index;
const after = settle();
const docs = Number(docsArg) || index.size;

const KINDS: Record<string, { queries: string[]; options?: SearchOptions }> = {
  single: { queries: ["giáo", "huyện", "thực", "chất", "năm", "trường", "kinh", "đề", "hoạch", "dân"] },
  twoTerm: { queries: ["giáo dục", "kế hoạch", "cơ sở", "an toàn", "học sinh", "cán bộ"] },
  phrase: { queries: ['"nâng cao chất lượng"', '"trên địa bàn"', '"giáo dục và đào tạo"', '"cơ sở vật chất"'] },
  folded: { queries: ["giao duc", "huyen uy", "chat luong", "hoc sinh", "can bo"] },
  prefix: { queries: ["trườn", "nghiê", "chuyể", "khuyế", "phươn"] },
  filtered: { queries: ["giáo dục", "kế hoạch", "học sinh"], options: { type: "KH", yearFrom: 2018, yearTo: 2022 } },
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0;
const query: Record<string, { p50: number; p99: number; runs: number }> = {};
for (const [kind, { queries, options }] of Object.entries(KINDS)) {
  for (const q of queries) search(index, q, { ...options, limit: 10 }); // warm-up
  const times: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const q of queries) {
      const t = performance.now();
      search(index, q, { ...options, limit: 10 });
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  query[kind] = { p50: percentile(times, 0.5), p99: percentile(times, 0.99), runs: times.length };
}
console.log(
  JSON.stringify({
    coldLoadMs,
    // Typed arrays (the packed postings) live outside the V8 heap: counted with it.
    heapBytesPerDoc: (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / docs,
    rssBytesPerDoc: (after.rss - before.rss) / docs,
    indexed: index.size,
    query,
  }),
);
index.close();
