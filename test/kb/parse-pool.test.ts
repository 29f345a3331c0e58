import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { readSources } from "../../src/kb/parse-pool.js";
import type { SourceResult } from "../../src/kb/read-source.js";
import { writeGeneratedDocuments } from "./generate-documents.js";

const scratch = mkdtempSync(join(tmpdir(), "vanban-kb-pool-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const files = writeGeneratedDocuments(join(scratch, "docs"), [0, 1, 2, 3, 4, 5, 6, 7]);
const missing = join(scratch, "docs", "gone.txt");
const knownFile = files[3]!;
const known = new Set([createHash("sha256").update(readFileSync(knownFile)).digest("hex")]);

async function readAll(jobs: number): Promise<{ results: Map<string, SourceResult>; workers: number }> {
  const results = new Map<string, SourceResult>();
  const { workers } = await readSources([...files, missing], known, jobs, async (r) => void results.set(r.kind === "parsed" ? r.fields.path : r.path, r), { minFilesPerWorker: 1 });
  return { results, workers };
}

describe("reading sources on several threads", () => {
  it("gives what reading them in this thread gives: records, known contents not parsed again, failures as skipped", async () => {
    const [inline, threads] = [await readAll(1), await readAll(2)];
    expect([inline.workers, threads.workers]).toEqual([0, 2]);
    const [one, two] = [inline.results, threads.results];
    expect(two.size).toBe(files.length + 1);
    expect(two).toEqual(one);
    expect(two.get(knownFile)?.kind).toBe("known");
    expect(two.get(missing)).toEqual({ kind: "skipped", path: missing, reason: "no such file or directory" });
    const parsed = two.get(files[0]!);
    expect(parsed?.kind === "parsed" && (JSON.parse(Buffer.from(parsed.line).toString("utf8")) as { record: { number: { raw: string } } }).record.number.raw).toBe("100/KH-UBND");
  });

  it("loses only the file that kills its worker: a new worker reads the rest", async () => {
    // A document far too large for a worker held to a small heap: its worker runs out of memory.
    const big = join(scratch, "docs", "big.txt");
    writeFileSync(big, readFileSync(files[0]!, "utf8").repeat(4_000));
    const order = [...files.slice(0, 4), big, ...files.slice(4)];
    const results = new Map<string, SourceResult>();
    const { workers } = await readSources(order, new Set(), 2, async (r) => void results.set(r.kind === "parsed" ? r.fields.path : r.path, r), { minFilesPerWorker: 1, workerHeapMb: 64 });
    expect(workers).toBeGreaterThanOrEqual(2);
    expect(results.size).toBe(order.length);
    expect(results.get(big)).toMatchObject({ kind: "skipped", reason: expect.stringMatching(/^the parser failed on it/) });
    for (const file of files) expect(results.get(file)?.kind, file).toBe("parsed");
  }, 60_000);
});
