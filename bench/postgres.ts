// `npm run bench -- --postgres [--sizes 1000,10000] [--jobs N]`: the PostgreSQL store beside the
// embedded store on the same generated collections, in one run: `vanban index` rate (the real
// CLI, a fresh process), single-word and phrase search p50/p99, `cites` p99, and size on disk per
// document (the store directory; the database's vanban tables with their indexes). The server is
// Debian's postgresql-15 on a temporary data directory (test/pg/postgres-server.ts), with fsync
// off, as the tests run it: the index rate is the upper bound of a durable server's.
import { spawnSync } from "node:child_process";
import { cpus, tmpdir } from "node:os";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { builtUrl } from "./built.js";
import { gatherParts, writeCollection } from "./generate-collection.js";
import { postgresUnavailable, startPostgres } from "../test/pg/postgres-server.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const sizes = option("sizes")?.split(",").map(Number) ?? [1_000, 10_000];
const jobs = option("jobs") ?? String(Math.min(4, cpus().length));
const seed = Number(option("seed") ?? 7);

const unavailable = postgresUnavailable();
if (unavailable) {
  console.log(`bench --postgres: ${unavailable}`);
  process.exit(0);
}
const { openCollectionAt } = (await import(builtUrl("src/index.js"))) as typeof import("../src/index.js");

const WORDS = ["giáo", "huyện", "trường", "hoạch", "nhân", "tỉnh", "đào", "hiện", "ủy", "xã", "học", "sinh"];
const PHRASES = ['"giáo dục"', '"kế hoạch"', '"ủy ban nhân dân"', '"đào tạo"', '"thực hiện"', '"học sinh"'];
const CITES = ["29-NQ/TW", "91-KL/TW", "Nghị quyết 29", "Kết luận 51", "Luật Giáo dục", "253-KH/HU"];
const ROUNDS = 5;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function latencies(run: (q: string) => Promise<unknown>, queries: readonly string[]): Promise<{ p50: number; p99: number }> {
  for (const q of queries) await run(q); // warm: the first question loads the index or plans the statements
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of queries) {
      const t = performance.now();
      await run(q);
      times.push(performance.now() - t);
    }
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

function directorySize(path: string): number {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const p = join(path, entry.name);
    total += entry.isDirectory() ? directorySize(p) : statSync(p).size;
  }
  return total;
}

function indexSeconds(dir: string, store: string): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, [join(root, "dist/src/cli/main.js"), "index", dir, "--store", store, "--jobs", jobs], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`vanban index failed: ${r.stderr.slice(-800)}`);
  return (performance.now() - t) / 1000;
}

const parts = gatherParts([join(root, "corpus"), join(root, "../shared/corpus")]);
const server = await startPostgres();
const work = mkdtempSync(join(tmpdir(), "vanban-bench-pg-"));
const results: Record<string, unknown>[] = [];
try {
  for (const docs of sizes) {
    const dir = join(work, `docs-${docs}`);
    writeCollection(parts, dir, docs, seed);
    const storeDir = join(work, `store-${docs}`);
    const database = `bench_${docs}`;
    server.createDatabase(database);
    const url = server.urlOf(database);
    const row: Record<string, unknown> = { docs };
    for (const [name, store] of [["embedded", storeDir], ["postgres", url]] as const) {
      const seconds = indexSeconds(dir, store);
      const collection = await openCollectionAt(store);
      const single = await latencies((q) => collection.search(q, { limit: 10 }), WORDS);
      const phrase = await latencies((q) => collection.search(q, { limit: 10 }), PHRASES);
      const cites = await latencies((q) => collection.cites(q), CITES);
      const stats = (await collection.stats()) as { bytes?: number };
      await collection.close();
      const bytes = name === "embedded" ? directorySize(storeDir) : stats.bytes!;
      row[name] = { indexDocsPerSec: docs / seconds, single, phrase, cites, bytesPerDoc: bytes / docs };
      console.log(
        `${String(docs).padStart(7)} docs, ${name.padEnd(8)}: index ${(docs / seconds).toFixed(0)} docs/s; search p50/p99 ms: word ${single.p50.toFixed(1)}/${single.p99.toFixed(1)}, ` +
          `phrase ${phrase.p50.toFixed(1)}/${phrase.p99.toFixed(1)}; cites ${cites.p50.toFixed(1)}/${cites.p99.toFixed(1)}; ${(bytes / docs / 1024).toFixed(1)} KB/doc on disk`,
      );
    }
    results.push(row);
    rmSync(dir, { recursive: true, force: true });
    rmSync(storeDir, { recursive: true, force: true });
  }
} finally {
  server.stop();
  rmSync(work, { recursive: true, force: true });
}
const out = join(root, "bench/results");
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "postgres-latest.json"), JSON.stringify({ date: new Date().toISOString(), machine: { cpus: cpus().length, node: process.version }, seed, sizes: results }, null, 2) + "\n");
console.log("wrote bench/results/postgres-latest.json");
