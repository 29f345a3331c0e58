// The on-disk cites index answers `cites` (direct and --transitive) exactly as the citation graph
// in memory does, for every node of the graph, every record id and spellings a user types, over
// the fixture collection, the shipped corpus and ../shared/corpus (when present); a damaged index
// file is reported, never used.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexFolder, openCollection, openStore, StoreError, type KnowledgeBase } from "../../src/kb/index.js";
import { describeReference, findCiting, readingsOf, type CitingContext } from "../../src/kb/citing-query.js";
import { CitesIndex, indexedCitingContext } from "../../src/kb/read-cites-index.js";
import { readCatalog, readManifest } from "../../src/kb/read-store.js";

const shared = new URL("../../../shared/corpus/", import.meta.url).pathname;
const seeds = new URL("../../corpus/", import.meta.url).pathname;
const fixtures = new URL("./fixtures/collection/", import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), "vanban-cites-index-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Spellings a researcher types, beside the graph's own node names.
const TYPED = ["29-NQ/TW", "Nghị quyết 29", "nghi quyet so 29/NQ-TW", "NQ 29", "Kết luận 91", "91-KL/TW", "Luật Giáo dục", "Luật Tổ chức chính quyền địa phương", "Chỉ thị 05", "253-KH/HU", "Kế hoạch 158", "Quy định 383"];

async function indexedContext(store: string): Promise<{ context: CitingContext; index: CitesIndex }> {
  const catalog = await readCatalog(store);
  const index = await CitesIndex.open(catalog);
  return { context: indexedCitingContext(catalog, index), index };
}

// Every reference worth asking of a store: each graph node (record ids and keys), and the typed spellings.
function referencesOf(kb: KnowledgeBase): string[] {
  return [...new Set([...kb.graph().nodes.map((n) => n.id), ...kb.documents().map((d) => d.id), ...TYPED])];
}

async function expectParity(store: string): Promise<number> {
  const kb = await openStore(store);
  const { context, index } = await indexedContext(store);
  let compared = 0;
  try {
    for (const ref of referencesOf(kb)) {
      let graphAnswer: unknown;
      try {
        graphAnswer = { direct: await kb.citing(ref), transitive: await kb.citing(ref, { transitive: true }), target: kb.describe(ref), readings: kb.readings(ref) };
      } catch (error) {
        graphAnswer = { error: String(error) };
      }
      let indexAnswer: unknown;
      try {
        indexAnswer = { direct: await findCiting(context, ref), transitive: await findCiting(context, ref, { transitive: true }), target: await describeReference(context, ref), readings: await readingsOf(context, ref) };
      } catch (error) {
        indexAnswer = { error: String(error) };
      }
      expect(indexAnswer, ref).toEqual(graphAnswer);
      compared++;
    }
    // The index answered by reading blocks, not the whole file, when it is more than a few blocks.
    expect(index.bytesRead).toBeGreaterThan(0);
  } finally {
    await index.close();
  }
  return compared;
}

describe("the cites index answers as the graph does", () => {
  it("over the fixture collection (chains through Kết luận 91 and a plan) and the shipped corpus", async () => {
    const folder = join(scratch, "docs");
    cpSync(fixtures, join(folder, "fixtures"), { recursive: true });
    cpSync(seeds, join(folder, "seeds"), { recursive: true });
    const store = join(scratch, "store");
    await indexFolder(folder, { store, jobs: 1 });
    const kb = await openStore(store);
    // Not an empty comparison: the fixtures have direct and chained citing documents.
    expect((await kb.citing("29-NQ/TW", { transitive: true })).length).toBeGreaterThan(0);
    expect(await expectParity(store)).toBeGreaterThan(20);
  });

  it.skipIf(!existsSync(shared))("over ../shared/corpus with the shipped corpus", async () => {
    const store = join(scratch, "shared-store");
    await indexFolder([seeds, shared], { store, jobs: 1 });
    expect(await expectParity(store)).toBeGreaterThan(100);
  });
});

describe("a damaged cites index", () => {
  let store: string;
  let folder: string;
  beforeAll(async () => {
    folder = join(scratch, "damage-docs");
    cpSync(fixtures, folder, { recursive: true });
    store = join(scratch, "damage-store");
    await indexFolder(folder, { store, jobs: 1 });
  });

  async function citesError(): Promise<StoreError> {
    const collection = await openCollection(store);
    try {
      await collection.cites("29-NQ/TW", { transitive: true });
    } catch (error) {
      return error as StoreError;
    } finally {
      await collection.close();
    }
    throw new Error("cites answered from a damaged index");
  }

  it("is answered from when whole: the collection's cites matches the graph's", async () => {
    const collection = await openCollection(store);
    const kb = await openStore(store);
    const answer = await collection.cites("29-NQ/TW", { transitive: true });
    expect(answer.groups[0]!.documents).toEqual(await kb.citing("29-NQ/TW", { transitive: true }));
    await collection.close();
  });

  it("a changed byte in a block is reported with the file and the rebuild command", async () => {
    const { cites } = await readManifest(store);
    const path = join(store, cites.data.file);
    const original = readFileSync(path);
    const damaged = Buffer.from(original);
    // A digit inside the data (a catalog position or citation index), so the JSON stays valid.
    const at = damaged.indexOf(Buffer.from('"c":[')) + 5;
    damaged[at] = damaged[at] === 0x30 ? 0x31 : 0x30;
    writeFileSync(path, damaged);
    try {
      const error = await citesError();
      expect(error).toBeInstanceOf(StoreError);
      expect(error.problem).toBe("corrupt");
      expect(error.message).toContain(`${cites.data.file} block at byte`);
      expect(error.message).toContain("rebuild it with: vanban index");
    } finally {
      writeFileSync(path, original);
    }
  });

  it("a truncated data file or block table is reported before any lookup", async () => {
    const { cites } = await readManifest(store);
    for (const file of [cites.data.file, cites.blocks.file]) {
      const path = join(store, file);
      const original = readFileSync(path);
      truncateSync(path, original.length - 1);
      try {
        const error = await citesError();
        expect(error.problem, file).toBe("corrupt");
        expect(error.message, file).toContain(`${file} is ${original.length - 1} bytes, the manifest says ${original.length}`);
      } finally {
        writeFileSync(path, original);
      }
    }
  });

  it("a block table that does not match its checksum is reported", async () => {
    const { cites } = await readManifest(store);
    const path = join(store, cites.blocks.file);
    const original = readFileSync(path);
    const damaged = Buffer.from(original);
    const at = damaged.indexOf(Buffer.from("["), 12);
    damaged[at + 1] = damaged[at + 1] === 0x20 ? 0x09 : 0x20;
    writeFileSync(path, damaged);
    try {
      const error = await citesError();
      expect(error.problem).toBe("corrupt");
      expect(error.message).toContain(`${cites.blocks.file} does not match its checksum`);
    } finally {
      writeFileSync(path, original);
    }
  });
});
