import { createHash } from "node:crypto";
import { appendFileSync, chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { indexFolder, openStore, StoreError, type KnowledgeBase } from "../../src/kb/index.js";
import { writeGeneratedDocuments } from "./generate-documents.js";
import { STORE_FORMAT_VERSION } from "../../src/kb/store-format.js";

const fixtures = new URL("./fixtures/collection/", import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), "vanban-kb-store-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let counter = 0;
const fresh = (name: string) => join(scratch, `${name}-${counter++}`);

/** Indexes a copy of the fixture collection into a new store; returns both folders. */
async function fixtureStore(): Promise<{ folder: string; store: string }> {
  const folder = fresh("docs");
  cpSync(fixtures, folder, { recursive: true });
  const store = fresh("store");
  await indexFolder(folder, { store, jobs: 1 });
  return { folder, store };
}

async function storeError(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

const firstChunk = (store: string) => join(store, "records", readdirSync(join(store, "records")).find((n) => n.startsWith("chunk-"))!);

async function allRecordsReadable(kb: KnowledgeBase): Promise<void> {
  let n = 0;
  for await (const { entry, record } of kb.records()) {
    expect(record.source.sha256).toBe(entry.sha256);
    n++;
  }
  expect(n).toBe(kb.documents().length);
}

describe("a store", () => {
  it("holds every document of the folder, its record readable by id and by path", async () => {
    const { folder, store } = await fixtureStore();
    const kb = await openStore(store, { verify: "full" });
    const names = kb.documents().map((d) => d.path.slice(folder.length + 1));
    expect(names).toEqual(readdirSync(folder).filter((n) => n.endsWith(".txt")).sort());
    const plan = kb.find("253-KH-HU-2024-11-20")[0]!;
    expect(plan.path).toBe(join(folder, "huyen-uy-binh-son-kh-253-2024.txt"));
    const record = await kb.record(plan.id);
    expect(record.number?.raw).toBe("253-KH/HU");
    expect(record.source.path).toBe(plan.path);
    expect((await kb.record(join(folder, "huyen-uy-binh-son-kh-253-2024.txt"))).id).toBe(plan.id);
    await allRecordsReadable(kb);
  });

  it("fills the targets of citations it resolves", async () => {
    const { store } = await fixtureStore();
    const kb = await openStore(store);
    const record = await kb.record("12-KH-UBND-2025-01-15");
    expect(record.citations.find((c) => c.raw.includes("253-KH/HU"))?.target).toBe("253-KH-HU-2024-11-20");
  });

  it("re-reads only changed files, keeps moved ones, drops deleted ones, and writes nothing when nothing changed", async () => {
    const folder = fresh("docs");
    writeGeneratedDocuments(folder, [0, 1, 2, 3, 4, 5]);
    const store = fresh("store");
    const first = await indexFolder(folder, { store, jobs: 1 });
    expect(first).toMatchObject({ documents: 6, parsed: 6, unchanged: 0, removed: 0, changed: true, generation: 1 });

    const again = await indexFolder(folder, { store, jobs: 1 });
    expect(again).toMatchObject({ documents: 6, parsed: 0, unchanged: 6, changed: false, generation: 1 });

    appendFileSync(join(folder, "doc-000.txt"), "Thêm một dòng.\n"); // changed
    rmSync(join(folder, "doc-001.txt")); // deleted
    writeGeneratedDocuments(folder, [9]); // added
    renameSync(join(folder, "doc-002.txt"), join(folder, "doc-102.txt")); // moved: same content
    const when = new Date(Date.now() + 5000);
    utimesSync(join(folder, "doc-003.txt"), when, when); // touched: same content, new mtime
    const third = await indexFolder(folder, { store, jobs: 1 });
    expect(third).toMatchObject({ documents: 6, parsed: 2, unchanged: 4, removed: 2, changed: true, generation: 2 });

    const kb = await openStore(store, { verify: "full" });
    expect(kb.documents().map((d) => d.path.slice(folder.length + 1))).toEqual(["doc-000.txt", "doc-003.txt", "doc-004.txt", "doc-005.txt", "doc-009.txt", "doc-102.txt"]);
    expect((await kb.record(join(folder, "doc-102.txt"))).source.path).toBe(join(folder, "doc-102.txt"));
    const changed = join(folder, "doc-000.txt");
    expect((await kb.record(changed)).source.sha256).toBe(createHash("sha256").update(readFileSync(changed)).digest("hex"));
    expect(kb.find(join(folder, "doc-003.txt"))[0]!.mtimeMs).toBe(statSync(join(folder, "doc-003.txt")).mtimeMs);
    await allRecordsReadable(kb);
  });

  it("moves the live records out of chunks that are mostly dead, so the store does not only grow", async () => {
    const folder = fresh("docs");
    writeGeneratedDocuments(folder, [0, 1, 2, 3, 4, 5, 6, 7]);
    const store = fresh("store");
    await indexFolder(folder, { store, jobs: 1 });
    const before = readdirSync(join(store, "records"));
    for (const n of [0, 1, 2, 3, 4, 5]) rmSync(join(folder, `doc-00${n}.txt`));
    await indexFolder(folder, { store, jobs: 1 });
    const after = readdirSync(join(store, "records"));
    expect(after).toHaveLength(1);
    expect(before).not.toContain(after[0]);
    const kb = await openStore(store, { verify: "full" });
    expect(kb.documents()).toHaveLength(2);
    await allRecordsReadable(kb);
  });

  it("is readable by its owner only: the folder 0700, every file 0600", async () => {
    const store = fresh("store");
    mkdirSync(store, { mode: 0o755 });
    chmodSync(store, 0o755);
    const folder = fresh("docs");
    writeGeneratedDocuments(folder, [0, 1]);
    await indexFolder(folder, { store, jobs: 1 });
    const modes: [string, number][] = [];
    const walk = (dir: string) => {
      modes.push([dir, statSync(dir).mode & 0o777]);
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else modes.push([path, statSync(path).mode & 0o777]);
      }
    };
    walk(store);
    expect(modes.length).toBeGreaterThan(5);
    for (const [path, mode] of modes) expect([path, mode]).toEqual([path, statSync(path).isDirectory() ? 0o700 : 0o600]);
  });

  it("refuses a folder that is not a store and not empty, and leaves it untouched", async () => {
    const store = fresh("not-a-store");
    mkdirSync(store);
    writeFileSync(join(store, "notes.txt"), "mine");
    const folder = fresh("docs");
    writeGeneratedDocuments(folder, [0]);
    const error = await storeError(indexFolder(folder, { store, jobs: 1 }));
    expect(error.problem).toBe("not-a-store");
    expect(readdirSync(store)).toEqual(["notes.txt"]);
  });

  it("says there is none yet, and how to make one", async () => {
    const error = await storeError(openStore(fresh("nothing")));
    expect(error.problem).toBe("missing");
    expect(error.message).toMatch(/vanban index FOLDER --store/);
  });
});

describe("a damaged store", () => {
  const rebuild = (folder: string, store: string) => `rebuild it with: vanban index ${folder} --store ${store}`;

  it.each<[string, (store: string) => void, RegExp]>([
    ["a truncated chunk", (store) => truncateSync(firstChunk(store), statSync(firstChunk(store)).size - 10), /records\/chunk-\d+\.ndjson is \d+ bytes, the manifest says \d+/],
    ["a deleted chunk", (store) => rmSync(firstChunk(store)), /records\/chunk-\d+\.ndjson is missing/],
    ["a byte changed in the catalog", (store) => flipByte(join(store, readdirSync(store).find((n) => n.startsWith("catalog-"))!)), /catalog-1\.ndjson does not match its checksum/],
    ["a byte changed in the graph", (store) => flipByte(join(store, readdirSync(store).find((n) => n.startsWith("graph-"))!)), /graph-1\.ndjson does not match its checksum/],
    ["a manifest edited by hand", (store) => editManifest(store, (m) => ((m.body as { documentCount: number }).documentCount = 99)), /manifest\.json does not match its checksum/],
    ["a truncated manifest", (store) => truncateSync(join(store, "manifest.json"), 40), /manifest\.json is not valid JSON/],
  ])("is detected on open: %s", async (_why, damage, reason) => {
    const { folder, store } = await fixtureStore();
    damage(store);
    const error = await storeError(openStore(store));
    expect(error.problem).toBe("corrupt");
    expect(error.message).toMatch(reason);
    if (!/manifest/.test(String(reason))) expect(error.message).toContain(rebuild(folder, store));
    // `vanban index` is the cure: afterwards the store opens whole, with every document.
    const messages: string[] = [];
    const report = await indexFolder(folder, { store, jobs: 1, onMessage: (m) => messages.push(m) });
    expect(messages.join("\n")).toMatch(/damaged/);
    expect(report.documents).toBe(9);
    await allRecordsReadable(await openStore(store, { verify: "full" }));
  });

  it("of another format version is reported as such, with the command that rebuilds it", async () => {
    const { folder, store } = await fixtureStore();
    editManifest(store, (m) => (m.formatVersion = 99));
    const error = await storeError(openStore(store));
    expect(error.problem).toBe("other-version");
    expect(error.message).toBe(`the store ${store} has format version 99, this vanban reads version ${STORE_FORMAT_VERSION}; ${rebuild(folder, store)}`);
    await indexFolder(folder, { store, jobs: 1, onMessage: () => undefined });
    expect((await openStore(store)).documents()).toHaveLength(9);
  });

  it("with a byte changed inside a record: the record is refused when read, a full check finds it on open, and index reads those documents again", async () => {
    const { folder, store } = await fixtureStore();
    const chunk = firstChunk(store);
    flipByte(chunk, Math.floor(statSync(chunk).size / 2));
    const kb = await openStore(store);
    const read = Promise.all(kb.documents().map((d) => kb.record(d)));
    expect((await storeError(read)).message).toMatch(/records\/chunk-\d+\.ndjson does not match its checksum at byte \d+; rebuild it with/);
    expect((await storeError(openStore(store, { verify: "full" }))).message).toMatch(/does not match its checksum/);
    const messages: string[] = [];
    const report = await indexFolder(folder, { store, jobs: 1, onMessage: (m) => messages.push(m) });
    expect(messages.join("\n")).toMatch(/chunk-\d+\.ndjson does not match its checksum; reading its documents again/);
    expect(report.parsed).toBe(9);
    await allRecordsReadable(await openStore(store, { verify: "full" }));
  });
});

function flipByte(path: string, at?: number): void {
  const data = readFileSync(path);
  const i = at ?? Math.floor(data.length / 2);
  // Swap one digit or letter for another, so the file keeps its size and stays text.
  data[i] = data[i] === 0x31 ? 0x32 : data[i] === 0x61 ? 0x62 : 0x31;
  writeFileSync(path, data);
}

function editManifest(store: string, edit: (manifest: Record<string, unknown>) => void): void {
  const path = join(store, "manifest.json");
  const manifest = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  edit(manifest);
  writeFileSync(path, JSON.stringify(manifest));
}
