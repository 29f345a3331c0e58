// `npm run bench`: parse throughput against the floor any parser pays (read + decode + NFC + fold),
// then, for collections of growing size, index build rate, memory per document, store size,
// cold start and query latency by kind — so the growth of every cost is visible. Prints a table
// and writes bench/results/latest.json plus a dated copy.
//   npm run bench -- [--quick | --large] [--sizes 1000,5000] [--jobs N] [--seed 7]
import { execFileSync, spawnSync } from "node:child_process";
import { cpus } from "node:os";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseDocumentBytes } from "../src/citations/parse-with-citations.js";
import { decodeBytes } from "../src/input/decode-bytes.js";
import { foldText } from "../src/search/index.js";
import { gatherParts, writeCollection } from "./generate-collection.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const sizes = option("sizes")?.split(",").map(Number) ?? (flag("quick") ? [1_000, 10_000] : flag("large") ? [1_000, 10_000, 100_000, 1_000_000] : [1_000, 10_000, 100_000]);
const seed = Number(option("seed") ?? 7);
const jobs = option("jobs") ?? String(Math.min(4, cpus().length));

// 1. Parse throughput on one core, against the floor, on the same bytes (the real documents).
const parts = gatherParts([join(root, "corpus"), join(root, "../shared/corpus")]);
const sources = parts.sources.map((s) => s.bytes);
const totalBytes = sources.reduce((a, b) => a + b.length, 0);

// One timed stretch of rounds of `work`: rounds per second.
function roundsPerSecond(work: () => void, minMs: number): number {
  let rounds = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    work();
    rounds++;
  }
  return (rounds * 1000) / (performance.now() - start);
}

let sink = 0;
const floorWork = () => {
  for (const bytes of sources) sink += foldText(decodeBytes(bytes).text.normalize("NFC")).length;
};
const parseWork = () => {
  for (const bytes of sources) sink += parseDocumentBytes(bytes).record.citations.length;
};
// Warm-up (compile the paths measured), then the floor and the parse in alternating stretches,
// each taken at its best: a figure is then what the code can do on this machine, not the noise
// of a virtual machine's neighbours during one stretch, and both see the same conditions.
floorWork();
parseWork();
let floorRounds = 0;
let parseRounds = 0;
for (let stretch = 0; stretch < 6; stretch++) {
  floorRounds = Math.max(floorRounds, roundsPerSecond(floorWork, 500));
  parseRounds = Math.max(parseRounds, roundsPerSecond(parseWork, 1000));
}
const mbPerSec = (totalBytes * parseRounds) / 1e6;
const floorMbPerSec = (totalBytes * floorRounds) / 1e6;
const parseResult = {
  documents: sources.length,
  bytes: totalBytes,
  mbPerSec,
  docsPerSec: sources.length * parseRounds,
  floorMbPerSec,
  ratioToFloor: floorMbPerSec / mbPerSec,
};
console.log(`parse, one core, ${sources.length} real documents (${(totalBytes / 1e6).toFixed(2)} MB):`);
console.log(`  parse ${mbPerSec.toFixed(2)} MB/s, ${parseResult.docsPerSec.toFixed(0)} documents/s; floor (read+decode+NFC+fold) ${floorMbPerSec.toFixed(1)} MB/s; parse is ${parseResult.ratioToFloor.toFixed(1)}× the floor`);

// 2. Collections of growing size through the real CLI (a fresh process each, as users run it).
const cli = join(root, "dist/src/cli/main.js");
const results: Record<string, unknown>[] = [];
const work = mkdtempSync(join(tmpdir(), "vanban-bench-"));
try {
  for (const docs of sizes) {
    const dir = join(work, `docs-${docs}`);
    const store = join(work, `store-${docs}`);
    const bytes = writeCollection(parts, dir, docs, seed);
    // /usr/bin/time reports the indexing process's peak resident memory.
    const timed = spawnSync("/usr/bin/time", ["-f", "%M %e", process.execPath, cli, "index", dir, "--store", store, "--jobs", jobs], { encoding: "utf8", maxBuffer: 1 << 26 });
    if (timed.status !== 0) throw new Error(`vanban index failed: ${timed.stderr.slice(-800)}`);
    const [peakKb, wallSeconds] = timed.stderr.trim().split("\n").at(-1)!.split(" ").map(Number) as [number, number];
    // The CLI says how long the search index took; the rest of the run read, parsed and stored.
    const searchSeconds = Number(/search index: built \(\d+ documents\) in ([\d.]+) s/.exec(timed.stdout)?.[1] ?? Number.NaN);
    const probe = JSON.parse(
      execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", join(root, "bench/serve-probe.ts"), store, String(docs)], { encoding: "utf8", maxBuffer: 1 << 26 }).trim().split("\n").at(-1)!,
    ) as { coldLoadMs: number; heapBytesPerDoc: number; rssBytesPerDoc: number; query: Record<string, { p50: number; p99: number }> };
    const size = {
      docs,
      bytes,
      indexSeconds: wallSeconds,
      // the whole `vanban index` run, process start to exit
      indexDocsPerSec: docs / wallSeconds,
      // its phases: reading, parsing and storing the records; building the search index from them
      parseStoreDocsPerSec: docs / (wallSeconds - searchSeconds),
      searchBuildDocsPerSec: docs / searchSeconds,
      indexPeakRssBytesPerDoc: (peakKb * 1024) / docs,
      heapBytesPerDoc: probe.heapBytesPerDoc,
      rssBytesPerDoc: probe.rssBytesPerDoc,
      storeBytes: directorySize(store),
      coldLoadMs: probe.coldLoadMs,
      query: probe.query,
    };
    results.push(size);
    console.log(
      `${String(docs).padStart(8)} docs: index ${size.indexDocsPerSec.toFixed(0)} docs/s (${wallSeconds.toFixed(1)} s: parse and store ${size.parseStoreDocsPerSec.toFixed(0)} docs/s, search index ${size.searchBuildDocsPerSec.toFixed(0)} docs/s; peak RSS ${(size.indexPeakRssBytesPerDoc / 1024).toFixed(1)} KB/doc), ` +
        `loaded heap ${(size.heapBytesPerDoc / 1024).toFixed(1)} KB/doc, RSS ${(size.rssBytesPerDoc / 1024).toFixed(1)} KB/doc, store ${(size.storeBytes / 1e6).toFixed(1)} MB, cold load ${size.coldLoadMs.toFixed(0)} ms`,
    );
    console.log(`           query p50/p99 ms: ${Object.entries(probe.query).map(([k, q]) => `${k} ${q.p50.toFixed(1)}/${q.p99.toFixed(1)}`).join(", ")}`);
    rmSync(dir, { recursive: true, force: true });
    rmSync(store, { recursive: true, force: true });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

// Growth between sizes: how each cost scales with the collection.
for (let i = 1; i < results.length; i++) {
  const a = results[i - 1] as { docs: number; coldLoadMs: number; query: Record<string, { p99: number }> };
  const b = results[i] as typeof a;
  console.log(`  ×${(b.docs / a.docs).toFixed(0)} documents: cold load ×${(b.coldLoadMs / a.coldLoadMs).toFixed(1)}, single-term p99 ×${((b.query.single?.p99 ?? 0) / (a.query.single?.p99 || 1)).toFixed(1)}`);
}

const report = { date: new Date().toISOString(), machine: { cpus: cpus().length, node: process.version }, seed, parse: parseResult, sizes: results, sink };
const out = join(root, "bench/results");
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "latest.json"), JSON.stringify(report, null, 2) + "\n");
copyFileSync(join(out, "latest.json"), join(out, `${report.date.slice(0, 19).replace(/[:T]/g, "-")}.json`));
console.log(`wrote bench/results/latest.json`);

function directorySize(path: string): number {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const p = join(path, entry.name);
    total += entry.isDirectory() ? directorySize(p) : statSync(p).size;
  }
  return total;
}
