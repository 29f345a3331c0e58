// Reading the store's NDJSON files as a stream: lines cut between chunks (inside a multi-byte
// character too) come out whole, and the size and SHA-256 are those of the whole file.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { readJsonLines } from "../../src/kb/json-lines.js";

const scratch = mkdtempSync(join(tmpdir(), "vanban-json-lines-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function readAll(text: string, chunkBytes: number) {
  const path = join(scratch, "lines.ndjson");
  writeFileSync(path, text);
  const values: unknown[] = [];
  const read = await readJsonLines(path, (v) => values.push(v), { chunkBytes });
  return { values, read };
}

describe("readJsonLines", () => {
  it("gives every line whole, however the file is cut into chunks", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ key: fc.string(), note: fc.constantFrom("Nghị quyết", "Đảng bộ", "😀", "") }), { maxLength: 20 }), fc.integer({ min: 1, max: 64 }), async (lines, chunkBytes) => {
        const text = lines.map((l) => `${JSON.stringify(l)}\n`).join("");
        const { values, read } = await readAll(text, chunkBytes);
        expect(values).toEqual(lines);
        expect(read).toEqual({ bytes: Buffer.byteLength(text), sha256: createHash("sha256").update(text).digest("hex"), failure: null });
      }),
      { numRuns: 200 },
    );
  });

  it("reads a last line without its line break, and skips empty lines", async () => {
    expect((await readAll('{"a":1}\n\n{"b":2}', 3)).values).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it("stops at the first line that is not JSON, saying where it starts, and at the first one the reader rejects", async () => {
    const { values, read } = await readAll('{"a":1}\n{"b":\n{"c":3}\n', 4);
    expect(values).toEqual([{ a: 1 }]);
    expect(read.failure).toEqual({ kind: "syntax", offset: 8 });
    const path = join(scratch, "rejected.ndjson");
    writeFileSync(path, '{"a":1}\n{"a":2}\n{"a":3}\n');
    const seen: unknown[] = [];
    const rejected = await readJsonLines(path, (v) => {
      seen.push(v);
      if ((v as { a: number }).a === 2) throw new Error("not a catalog entry");
    });
    expect(seen).toEqual([{ a: 1 }, { a: 2 }]);
    expect(rejected.failure).toMatchObject({ kind: "rejected", error: new Error("not a catalog entry") });
    expect(rejected.bytes).toBe(24);
  });
});
