// `vanban index` killed at random moments (SIGKILL: no cleanup runs) must leave a store that
// opens, checks whole, and holds either the state before the run or the state after it. Each
// round switches the folder between two states A and B (files changed, removed, added) and kills
// the run indexing it; the next round starts from whatever the kill left (a stale lock, temporary
// files), so lock take-over and clean-up are exercised too.
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/kb/index.js";
import { loadIndex } from "../../src/search/index.js";
import { bundleCli, startCli } from "./bundle-cli.js";
import { writeGeneratedDocuments } from "./generate-documents.js";

const ROUNDS = 50;
const scratch = mkdtempSync(join(tmpdir(), "vanban-kb-kill-"));
const folder = join(scratch, "docs");
const store = join(scratch, "store");
let bundle = "";
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
beforeAll(async () => {
  bundle = await bundleCli(scratch);
});

// State A: documents 0–23. State B: 0–7 rewritten, 18–23 gone, 24–29 new.
const numbersA = Array.from({ length: 24 }, (_, i) => i);
const numbersB = [...numbersA.filter((n) => n < 18), 24, 25, 26, 27, 28, 29];
function setFolder(state: "A" | "B"): void {
  rmSync(folder, { recursive: true, force: true });
  writeGeneratedDocuments(folder, state === "A" ? numbersA : numbersB, (n) => (state === "B" && n < 8 ? 1 : 0));
}
// What the store must hold in each state: file name → content hash.
function expectedState(state: "A" | "B"): Record<string, string> {
  setFolder(state);
  return Object.fromEntries(readdirSync(folder).map((name) => [name, createHash("sha256").update(readFileSync(join(folder, name))).digest("hex")]));
}

async function storeState(): Promise<Record<string, string>> {
  const kb = await openStore(store, { verify: "full" });
  let records = 0;
  for await (const { entry, record } of kb.records()) {
    expect(record.source.sha256).toBe(entry.sha256);
    records++;
  }
  expect(records).toBe(kb.documents().length);
  const search = await loadIndex(kb.searchDir);
  expect(["ok", "stale"]).toContain(search.status);
  if (search.status === "ok" || search.status === "stale") search.index.close();
  return Object.fromEntries(kb.documents().map((d) => [d.path.slice(folder.length + 1), d.sha256]));
}

const index = () => startCli(bundle, ["index", folder, "--store", store, "--jobs", "1"], scratch);
// The plain progress lines of `vanban index` (its output is not a terminal) mark its phases.
const READING = /reading \d+ files/;
const READ_ALL = /(\d+)\/\1 files/;

/** Runs `vanban index` to the end and times its phases (ms). */
async function timedRun(): Promise<{ reading: number; writing: number }> {
  const run = index();
  await run.waitFor(READING);
  const t0 = Date.now();
  await run.waitFor(READ_ALL);
  const t1 = Date.now();
  expect((await run.exited).code).toBe(0);
  return { reading: t1 - t0, writing: Date.now() - t1 };
}

describe("vanban index killed at random moments", () => {
  it(`leaves the old store or the new one, whole, every time (${ROUNDS} kills)`, async () => {
    const states = { A: expectedState("A"), B: expectedState("B") };
    setFolder("A");
    expect((await index().exited).code).toBe(0);
    expect(await storeState()).toEqual(states.A);

    // An uninterrupted run from one state to the other, timed in its two phases: reading the
    // changed files (from "reading N files" to "N/N files"), then writing the store and the search
    // index (to the exit). The kills are spread over both.
    setFolder("B");
    const phases = await timedRun();
    expect(await storeState()).toEqual(states.B);

    const outcomes = { old: 0, new: 0 };
    let current: "A" | "B" = "B";
    for (let round = 0; round < ROUNDS; round++) {
      const next: "A" | "B" = current === "A" ? "B" : "A";
      setFolder(next);
      const run = index();
      // A third of the kills land while files are read, a third while the store and then the
      // search index are written, and a third early in the writing, where the store's own files
      // are written and switched (a few ms; the search index takes the rest): u³ puts half of
      // those kills in the first eighth of the phase.
      const kind = round % 3;
      const signal = kind === 0 ? READING : READ_ALL;
      await run.waitFor(signal);
      const u = Math.random();
      const delay = kind === 0 ? u * phases.reading : kind === 1 ? u * phases.writing * 1.1 : u ** 3 * phases.writing;
      await new Promise((resolve) => setTimeout(resolve, delay));
      run.child.kill("SIGKILL");
      await run.exited;
      const found = await storeState();
      if (JSON.stringify(found) === JSON.stringify(states[next])) {
        outcomes.new++;
        current = next;
      } else {
        expect(found, `round ${round}: killed ${Math.round(delay)} ms after ${signal}; output: ${run.output()}`).toEqual(states[current]);
        outcomes.old++;
      }
    }
    // Both outcomes must have happened, or the kills missed the window that matters.
    expect(outcomes.old).toBeGreaterThan(0);
    expect(outcomes.new).toBeGreaterThan(0);

    // A last uninterrupted run cleans up whatever the kills left: no lock, no temporary files.
    setFolder("A");
    const last = index();
    expect((await last.exited).code).toBe(0);
    expect(await storeState()).toEqual(states.A);
    const leftovers = [...readdirSync(store), ...readdirSync(join(store, "records")).map((n) => `records/${n}`)].filter((n) => n.includes(".tmp-") || n === "lock");
    expect(leftovers).toEqual([]);
  }, 180_000);
});
