// `npx tsx bench/workbench-api.ts [--docs 10000] [--store DIR] [--seed 7]`: the latency of
// `vanban serve`'s JSON API from a warm process, over HTTP on 127.0.0.1, on a generated collection
// (indexed first, unless --store names one already built): a search as the page asks it (results,
// facets over the first results), a bare search of 20 results, "cited by" (direct and
// transitive) of the most cited documents, a filtered list with facets, a document. Prints p50
// and p99 per kind; the numbers belong in the README, never in a test.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gatherParts, writeCollection } from "./generate-collection.js";

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const docs = Number(option("docs") ?? 10_000);
const seed = Number(option("seed") ?? 7);
const root = join(import.meta.dirname, "..");
// The built CLI, run as users run it (no TypeScript loader hooks in the server's process).
const cli = join(root, "dist/src/cli/main.js");
if (!existsSync(cli)) throw new Error(`bench: ${cli} is missing: run \`npm run build\` first`);

let work: string | null = null;
let store = option("store");
if (!store) {
  work = mkdtempSync(join(tmpdir(), "vanban-bench-serve-"));
  const dir = join(work, "docs");
  writeCollection(gatherParts([join(root, "corpus"), join(root, "../shared/corpus")]), dir, docs, seed);
  store = join(work, "store");
  const t0 = performance.now();
  execFileSync(process.execPath, [cli, "index", dir, "--store", store], { stdio: "ignore" });
  console.log(`indexed ${docs} generated documents in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

const t0 = performance.now();
const child = spawn(process.execPath, [cli, "serve", "--store", store, "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
const url = await new Promise<string>((resolve, reject) => {
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    const m = /at (http:\/\/[^ ]+\/)/.exec(out);
    if (m) resolve(m[1]!);
  });
  child.on("exit", (code) => reject(new Error(`vanban serve exited ${code}`)));
});
console.log(`vanban serve ready (catalog and search index loaded) in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
const server = { url };
const getJson = async <T>(path: string): Promise<T> => (await (await fetch(new URL(path, url))).json()) as T;
const stats = await getJson<{ documents: number; mostCited: { node: string }[] }>("/api/stats");
const cited = stats.mostCited.slice(0, 5).map((c) => c.node);
const docIds = (await getJson<{ documents: { id: string }[] }>("/api/documents?type=KH&limit=20")).documents.map((d) => d.id);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(kind: string, paths: string[], rounds: number): Promise<void> {
  for (const path of paths) await (await fetch(new URL(path, server.url))).arrayBuffer(); // warm each once
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const path of paths) {
      const start = performance.now();
      const response = await fetch(new URL(path, server.url));
      await response.arrayBuffer();
      times.push(performance.now() - start);
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
    }
  }
  times.sort((a, b) => a - b);
  console.log(`  ${kind.padEnd(34)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms   p99 ${percentile(times, 99).toFixed(1).padStart(6)} ms   (${times.length} requests)`);
}

const queries = ["giáo dục", "kế hoạch", "học sinh", "giao duc", "thiên tai", "cơ sở vật chất", '"trên địa bàn"', "huyện"];
const q = (s: string) => encodeURIComponent(s);
console.log(`workbench API on ${stats.documents} documents, sequential requests over HTTP from a warm process:`);
await measure("search, 20 results (limit=20)", queries.map((s) => `/api/documents?q=${q(s)}&limit=20&facets=0`), 10);
await measure("search as the page asks (facets)", queries.map((s) => `/api/documents?q=${q(s)}&limit=50`), 5);
await measure("cited by (direct)", cited.map((c) => `/api/cites?ref=${q(c)}`), 10);
await measure("cited by (transitive)", cited.map((c) => `/api/cites?ref=${q(c)}&transitive=1`), 5);
await measure("list, filtered, with facets", ["/api/documents?type=KH&year=2019..2022", "/api/documents?level=huy%E1%BB%87n", "/api/documents?system=party"], 10);
await measure("a document", docIds.map((id) => `/api/documents/${q(id)}`), 5);
child.kill("SIGTERM");
if (work) rmSync(work, { recursive: true, force: true });
