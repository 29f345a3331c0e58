// Throughput of findCitations on the shared corpus (cleaned as in corpus-score.ts), one region
// per document: `npx tsx test/citations/measure-throughput.ts [rounds] [prose]`. With `prose`, the
// figures are taken out of the text first, so that almost nothing in it is a reference: that is
// the pre-filter's own speed on ordinary text. A script, not a test: tests never assert on time.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { findCitations } from "../../src/citations/index.js";
import { cleanRawText, SHARED_DIR } from "./corpus-score.js";

const rounds = Number(process.argv[2] ?? 10);
const prose = process.argv[3] === "prose";
const texts: string[] = [];
for (const set of ["seeds", "corpus"])
  for (const f of readdirSync(join(SHARED_DIR, set)).filter((f) => /\.(txt|md)$/.test(f) && f !== "README.md"))
    texts.push(cleanRawText(readFileSync(join(SHARED_DIR, set, f), "utf8")).replace(prose ? /\d/g : /$^/, ""));
const chars = texts.reduce((a, t) => a + t.length, 0);
const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t, "utf8"), 0);

const run = (): number => texts.reduce((a, t) => a + findCitations(t, [{ start: 0, end: t.length, context: "body" }]).length, 0);
run(); // warm up the JIT and the lazy tables
// The best of several trials: on a shared machine, slower trials measure the other processes.
// CPU time is reported too: it leaves out the time other processes held the core.
const trials = 5;
let best = Infinity;
let bestCpu = Infinity;
let found = 0;
for (let t = 0; t < trials; t++) {
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  for (let i = 0; i < rounds; i++) found = run();
  const cpu = process.cpuUsage(cpuStarted);
  best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e9);
  bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1e6);
}
const mb = (bytes * rounds) / 1e6;
console.log(`${texts.length} documents, ${(bytes / 1e6).toFixed(2)} MB UTF-8 (${chars} chars), ${found} citations per round`);
console.log(`best of ${trials} trials of ${rounds} rounds: ${(mb / best).toFixed(1)} MB/s wall, ${(mb / bestCpu).toFixed(1)} MB/s CPU time`);
