// Files of the store are written whole or not at all; JSON lines are written a batch at a time,
// so a file may be larger than any one string.
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FILE_MODE, writeFileAtomic, writeJsonLinesAtomic } from "../../src/store/atomic-write.js";

const scratch = mkdtempSync(join(tmpdir(), "vanban-atomic-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("writeJsonLinesAtomic", () => {
  it("writes one JSON value per line, from any iterable, with the size and SHA-256 of what it wrote", async () => {
    function* lines() {
      for (let i = 0; i < 5_000; i++) yield { i, text: `Căn cứ Nghị quyết số ${i}-NQ/TW; ${"x".repeat(i % 50)}` };
    }
    const path = join(scratch, "lines.ndjson");
    const written = await writeJsonLinesAtomic(path, lines());
    const data = readFileSync(path);
    const expected = [...lines()].map((l) => `${JSON.stringify(l)}\n`).join("");
    expect(data.toString("utf8")).toBe(expected);
    expect(written).toEqual({ bytes: data.length, sha256: createHash("sha256").update(data).digest("hex") });
    expect(statSync(path).mode & 0o777).toBe(FILE_MODE);
    expect(readdirSync(scratch)).toEqual(["lines.ndjson"]);
  });

  it("leaves the file before it in place, and no temporary file, when a line cannot be written", async () => {
    const path = join(scratch, "kept.ndjson");
    await writeFileAtomic(path, "old\n");
    function* failing() {
      yield { ok: true };
      throw new Error("the source failed");
    }
    await expect(writeJsonLinesAtomic(path, failing())).rejects.toThrow("the source failed");
    expect(readFileSync(path, "utf8")).toBe("old\n");
    expect(readdirSync(scratch).filter((n) => n.startsWith("kept"))).toEqual(["kept.ndjson"]);
  });
});
