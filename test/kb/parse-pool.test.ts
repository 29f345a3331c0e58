import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
  const { workers } = await readSources([...files, missing], known, jobs, async (r) => void results.set(r.kind === "parsed" ? r.fields.path : r.path, r), 1);
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
    expect(two.get(missing)).toEqual({ kind: "skipped", path: missing, reason: "no such file (removed while indexing?)" });
    const parsed = two.get(files[0]!);
    expect(parsed?.kind === "parsed" && (JSON.parse(parsed.line) as { record: { number: { raw: string } } }).record.number.raw).toBe("100/KH-UBND");
  });
});
