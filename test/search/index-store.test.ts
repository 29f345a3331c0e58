import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { hostname } from "node:os";
import { manifestChecksum } from "../../src/store/checksummed-manifest.js";
import { processStartTime } from "../../src/store/write-lock.js";
import { checkIndex, loadIndex, saveIndex, INDEX_FORMAT_VERSION, MANIFEST_FILE, IndexLockedError, type LoadIndexResult } from "../../src/search/index-store.js";
import { search } from "../../src/search/search.js";
import { checksumOf, ShardHeader, TERM_ROW } from "../../src/search/shard-file-format.js";
import { SearchIndex } from "../../src/search/search-index.js";
import { makeRecord } from "./record-fixture.js";
import { syntheticSpecs } from "./synthetic-records.js";

const SPECS = syntheticSpecs(30, 11);
const RECORDS = SPECS.map(makeRecord);
const QUERIES = ["giáo dục", '"nâng cao chất lượng"', "hoà giải", "Huyện uỷ", "kế hoạch 2021"];

let dir: string;
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), "vanban-search-")), "store");
});
afterEach(() => {
  rmSync(join(dir, ".."), { recursive: true, force: true });
});

function build(): SearchIndex {
  const index = new SearchIndex({ shardSize: 8 });
  index.addAll(RECORDS);
  return index;
}

function ok(result: LoadIndexResult): SearchIndex {
  if (result.status !== "ok") throw new Error(`expected ok, got ${result.status}: ${"message" in result ? result.message : ""}`);
  return result.index;
}

const shardFiles = () => readdirSync(dir).filter((f) => f.startsWith("shard-")).sort();

describe("saveIndex / loadIndex", () => {
  it("round-trips: the loaded index answers like the saved one", async () => {
    const index = build();
    const before = QUERIES.map((q) => search(index, q));
    const report = await saveIndex(index, dir);
    expect(report.written).toHaveLength(4);
    const loaded = ok(await loadIndex(dir));
    expect(loaded.size).toBe(index.size);
    expect(QUERIES.map((q) => search(loaded, q))).toEqual(before);
    // Searching the index that was saved still works: its texts now come from the saved files.
    expect(QUERIES.map((q) => search(index, q))).toEqual(before);
    loaded.close();
    index.close();
  });

  it("writes a manifest with the version, checksums and content hashes; private modes", async () => {
    await saveIndex(build(), dir);
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), "utf8"));
    expect(manifest.formatVersion).toBe(INDEX_FORMAT_VERSION);
    expect(manifest.body.documentCount).toBe(30);
    expect(manifest.body.shards[0].index.sha256).toMatch(/^[0-9a-f]{64}$/);
    const hashes = manifest.body.shards.flatMap((s: { documents: [string, string][] }) => s.documents.map(([, sha]) => sha));
    expect(hashes.sort()).toEqual(RECORDS.map((r) => r.source.sha256).sort());
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const file of readdirSync(dir)) expect(statSync(join(dir, file)).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).some((f) => f.includes(".tmp-") || f === "lock")).toBe(false);
  });

  it("reports a missing index", async () => {
    expect((await loadIndex(dir)).status).toBe("missing");
    expect((await checkIndex(dir)).status).toBe("missing");
  });

  it("checks freshness from the manifest alone", async () => {
    await saveIndex(build(), dir);
    const hashes = RECORDS.map((r) => r.source.sha256);
    expect(await checkIndex(dir, { expectedHashes: hashes })).toMatchObject({ status: "ok", manifest: { documentCount: 30 } });
    const check = await checkIndex(dir, { expectedHashes: [...hashes.slice(1), "f".repeat(64)] });
    expect(check).toMatchObject({ status: "stale", added: ["f".repeat(64)], removed: [{ id: RECORDS[0]!.id }] });
    // Shard files are not read: a damaged one goes unnoticed until loadIndex.
    flip(shardFiles().find((f) => f.endsWith(".json"))!);
    expect((await checkIndex(dir)).status).toBe("ok");
    expect((await loadIndex(dir)).status).toBe("corrupt");
  });

  it("reports postings that match their checksums but not their layout as corrupt, naming the file", async () => {
    await saveIndex(build(), dir);
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), "utf8"));
    const shard = manifest.body.shards[0];
    const header = ShardHeader.parse(JSON.parse(readFileSync(join(dir, shard.index.file), "utf8")));
    const path = join(dir, shard.postings.file);
    const data = readFileSync(path);
    // The last term's first posting moved past the last document, its CRC-32 written to match.
    const t = header.termCount - 1;
    const row = header.sections.terms[0] + t * TERM_ROW * 4;
    const start = data.readUInt32LE(row);
    const end = data.readUInt32LE(row + 4);
    const term = data.subarray(header.sections.postings[0] + start * 4, header.sections.postings[0] + end * 4);
    term.writeInt32LE(1_000_000, 8);
    data.writeUInt32LE(checksumOf(term), row + 8);
    writeFileSync(path, data);
    // A quick load opens it; the query that reads the term fails, naming the file.
    const loaded = ok(await loadIndex(dir));
    const terms = [...loaded.shards[0]!.mini.termsWithPrefix("")];
    expect(terms).toHaveLength(header.termCount);
    expect(loaded.shards[0]!.mini.postings(terms[0]!)).toBeDefined();
    expect(() => loaded.shards[0]!.mini.postings(terms.at(-1)!)).toThrow(`${shard.postings.file} holds bad postings for "${terms.at(-1)}"`);
    loaded.close();
    const full = await loadIndex(dir, { verify: "full" });
    expect(full.status).toBe("corrupt");
    expect(full.status === "corrupt" && full.file).toBe(shard.postings.file);
  });

  it("finds a damaged text or record when it reads it, and every damage when verifying in full", async () => {
    const index = build();
    await saveIndex(index, dir);
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), "utf8"));
    const shard = manifest.body.shards[0];
    const path = join(dir, shard.text.file);
    const data = readFileSync(path);
    data[0] = data[0]! ^ 0x20; // inside the first document's text
    writeFileSync(path, data);
    const loaded = ok(await loadIndex(dir));
    const [first, second] = [...loaded.shards[0]!.ids()];
    expect(() => loaded.text(first!)).toThrow(/does not match the checksum of the text/);
    expect(loaded.text(second!)).toBe(index.text(second!));
    expect(loaded.summary(second!)).toEqual(index.summary(second!));
    loaded.close();
    index.close();
    expect((await loadIndex(dir, { verify: "full" })).status).toBe("corrupt");
  });

  it("reports another format version without reading the shards", async () => {
    await saveIndex(build(), dir);
    const path = join(dir, MANIFEST_FILE);
    writeFileSync(path, JSON.stringify({ ...JSON.parse(readFileSync(path, "utf8")), formatVersion: 99 }));
    const result = await loadIndex(dir);
    expect(result).toMatchObject({ status: "other-version", found: 99, expected: INDEX_FORMAT_VERSION });
  });

  it.each([
    ["a flipped byte in a shard index", (files: string[]) => flip(files.find((f) => f.endsWith(".json"))!)],
    ["a truncated shard index", (files: string[]) => truncate(files.find((f) => f.endsWith(".json"))!)],
    ["a flipped byte in a shard text", (files: string[]) => flip(files.find((f) => f.endsWith(".txt"))!)],
    ["a missing shard text", (files: string[]) => rmSync(join(dir, files.find((f) => f.endsWith(".txt"))!))],
    ["a flipped byte in a shard's postings", (files: string[]) => flip(files.find((f) => f.endsWith(".bin"))!)],
    ["a truncated shard's postings", (files: string[]) => truncate(files.find((f) => f.endsWith(".bin"))!)],
    ["a missing shard's postings", (files: string[]) => rmSync(join(dir, files.find((f) => f.endsWith(".bin"))!))],
    ["a truncated manifest", () => truncate(MANIFEST_FILE)],
  ])("reports %s as corrupt (verifying in full)", async (_what, damage) => {
    await saveIndex(build(), dir);
    damage(shardFiles());
    const result = await loadIndex(dir, { verify: "full" });
    expect(result.status).toBe("corrupt");
    expect(result.status === "corrupt" && result.message).toMatch(/must be rebuilt/);
  });

  it("reports a stale index with what to add and remove, and updates it incrementally", async () => {
    const index = build();
    await saveIndex(index, dir);
    const filesBefore = shardFiles();

    // One document changed (new content hash), one deleted, one new.
    const changed = makeRecord({ ...SPECS[3]!, body: "Nội dung đã sửa đổi về phòng cháy chữa cháy.", content: "changed" });
    const added = makeRecord({ id: "new-doc", body: "Văn bản mới về chuyển đổi số trong trường học." });
    const current = [...RECORDS.filter((r) => r.id !== SPECS[3]!.id && r.id !== SPECS[5]!.id), changed, added];
    const result = await loadIndex(dir, { expectedHashes: current.map((r) => r.source.sha256) });
    if (result.status !== "stale") throw new Error(`expected stale, got ${result.status}`);
    expect(result.added.sort()).toEqual([changed.source.sha256, added.source.sha256].sort());
    expect(result.removed.map((r) => r.id).sort()).toEqual([SPECS[3]!.id, SPECS[5]!.id].sort());

    const stale = result.index;
    const byHash = new Map(current.map((r) => [r.source.sha256, r]));
    for (const { id } of result.removed) if (!result.added.some((h) => byHash.get(h)!.id === id)) stale.remove(id);
    for (const hash of result.added) stale.replace(byHash.get(hash)!);
    const report = await saveIndex(stale, dir);
    // Documents 3 and 5 are in the first shard, the new one goes to the last: two shards rewritten.
    expect(report.written.sort()).toEqual(["shard-0000", "shard-0003"]);
    expect(report.unchanged.sort()).toEqual(["shard-0001", "shard-0002"]);
    expect(report.deleted.sort()).toEqual(filesBefore.filter((f) => f.startsWith("shard-0000.") || f.startsWith("shard-0003.")).sort());

    const reloaded = ok(await loadIndex(dir, { expectedHashes: current.map((r) => r.source.sha256) }));
    expect(search(reloaded, "phòng cháy chữa cháy").map((r) => r.id)).toEqual([SPECS[3]!.id]);
    expect(search(reloaded, "chuyển đổi số").map((r) => r.id)).toContain("new-doc");
    expect(reloaded.has(SPECS[5]!.id)).toBe(false);

    // The incrementally updated store answers exactly like a store built from scratch.
    const fresh = new SearchIndex({ shardSize: 8 });
    fresh.addAll(current);
    for (const q of QUERIES) {
      const a = search(fresh, q);
      const b = search(reloaded, q);
      expect(b.map((r) => r.id)).toEqual(a.map((r) => r.id));
      b.forEach((r, i) => expect(r.relevance).toBeCloseTo(a[i]!.relevance, 9));
    }
    reloaded.close();
    stale.close();
  });

  it("rewrites nothing when nothing changed, and everything when saved elsewhere", async () => {
    const index = build();
    await saveIndex(index, dir);
    expect((await saveIndex(index, dir)).written).toEqual([]);
    const elsewhere = join(dir, "..", "copy");
    expect((await saveIndex(index, elsewhere)).written).toHaveLength(4);
    expect(ok(await loadIndex(elsewhere)).size).toBe(30);
  });

  it("refuses to write while another live process holds the lock", async () => {
    await saveIndex(build(), dir);
    // Our parent process is alive and is not us.
    const holder = (pid: number) => JSON.stringify({ pid, startTime: processStartTime(pid), host: hostname(), since: new Date().toISOString(), command: "vanban index" });
    writeFileSync(join(dir, "lock"), holder(process.ppid));
    await expect(saveIndex(build(), dir)).rejects.toBeInstanceOf(IndexLockedError);
    // A lock left by a dead process is taken over.
    writeFileSync(join(dir, "lock"), holder(999999999));
    await expect(saveIndex(build(), dir)).resolves.toBeDefined();
  });

  it("keeps the index from changing while it is being saved", async () => {
    const index = build();
    const saving = saveIndex(index, dir);
    expect(() => index.remove(RECORDS[0]!.id)).toThrow(/being saved/);
    await saving;
    expect(index.remove(RECORDS[0]!.id)).toBe(true);
  });

  it("cleans up temporary files left by an interrupted save", async () => {
    await saveIndex(build(), dir);
    writeFileSync(join(dir, "shard-0000.7.json.tmp-123-abcd"), "partial");
    const report = await saveIndex(build(), dir);
    expect(report.deleted).toContain("shard-0000.7.json.tmp-123-abcd");
  });
});

function flip(file: string): void {
  const path = join(dir, file);
  const data = readFileSync(path);
  const middle = Math.floor(data.length / 2);
  data[middle] = data[middle]! ^ 0x20;
  writeFileSync(path, data);
}

function truncate(file: string): void {
  const path = join(dir, file);
  truncateSync(path, Math.floor(statSync(path).size / 2));
}
