// A saved index read in place (disk-shard.ts) answers exactly as the index it was saved from, held
// in MiniSearch in memory: same results, same order, same scores and snippets, for queries of
// every kind written from the documents themselves (words as typed, without diacritics, prefixes,
// typos, numbers, references, phrases, filters, listing), over the shipped corpus and
// ../shared/corpus parsed for real.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocumentText } from "../../src/document/parse-document.js";
import type { DocumentRecord } from "../../src/model/record.js";
import { loadIndex, saveIndex } from "../../src/search/index-store.js";
import { search, type SearchOptions } from "../../src/search/search.js";
import { SearchIndex } from "../../src/search/search-index.js";
import { foldText } from "../../grammars/text/fold.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FOLDERS = [resolve(ROOT, "corpus"), resolve(ROOT, "../shared/corpus")].filter(existsSync);

function records(): DocumentRecord[] {
  return FOLDERS.flatMap((folder) =>
    readdirSync(folder)
      .filter((file) => /\.(txt|md)$/.test(file) && !/^README/i.test(file))
      .sort()
      .map((file) => {
        const text = readFileSync(join(folder, file), "utf8");
        const record = parseDocumentText(text, { path: join(folder, file) }).record;
        return { ...record, id: `${folder === FOLDERS[0] ? "shipped" : "shared"}-${record.id}` };
      }),
  );
}

const WORD = /\p{L}+/gu;

// Queries written from each document: deterministic, so a failure names a query to replay.
function queriesOf(record: DocumentRecord, n: number): [string, SearchOptions][] {
  const words = (record.title ?? "").match(WORD) ?? [];
  const body = record.sections.flatMap((s) => s.text).join(" ").match(WORD) ?? [];
  const all = [...words, ...body];
  const long = all.filter((w) => w.length >= 6);
  const queries: [string, SearchOptions][] = [];
  if (words.length >= 2) {
    const two = words.slice(0, 2).join(" ").toLowerCase();
    queries.push([two, {}], [foldText(two), {}], [two, { limit: 3 }]);
  }
  if (all.length > 8) queries.push([`"${all.slice(4, 7).join(" ")}"`, {}], [all.slice(n % 5, (n % 5) + 3).join(" "), {}]);
  const word = long[n % Math.max(1, long.length)];
  if (word) {
    const folded = foldText(word.toLowerCase());
    queries.push([folded.slice(0, 5), {}], [`${folded.slice(0, 2)}${folded[3]}${folded[2]}${folded.slice(4)}`, {}]);
  }
  if (record.number) {
    queries.push([record.number.raw ?? "", {}]);
    const digits = /\d+/.exec(record.number.raw ?? "")?.[0];
    if (digits && record.docType) queries.push([`${record.docType.name} ${digits}`, {}], [digits, {}]);
  }
  if (record.docType) queries.push([words[0] ?? "", { type: record.docType.code }], ["", { type: record.docType.code }]);
  if (record.date?.iso) queries.push([foldText((words[1] ?? "").toLowerCase()), { yearFrom: Number(record.date.iso.slice(0, 4)) - 1 }]);
  return queries.filter(([q, o]) => q.trim() !== "" || Object.keys(o).length > 0);
}

describe.skipIf(FOLDERS.length === 0)("a saved index read in place", () => {
  let dir: string;
  let memory: SearchIndex;
  let loaded: SearchIndex;
  let all: DocumentRecord[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "vanban-parity-"));
    all = records();
    // Small shards: corpus-wide statistics and merging across shards are exercised too.
    memory = new SearchIndex({ shardSize: 12 });
    memory.addAll(all);
    await saveIndex(memory, dir);
    const result = await loadIndex(dir);
    if (result.status !== "ok") throw new Error(result.status);
    loaded = result.index;
    // The index saved from is searched in memory: its shards were never read back.
    memory = new SearchIndex({ shardSize: 12 });
    memory.addAll(all);
  }, 120_000);

  afterAll(() => {
    loaded?.close();
    memory?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers every query as the index in memory does", { timeout: 600_000 }, () => {
    // Every third document's queries: each query costs ~0.2 s on this corpus's long texts.
    const queries = all.flatMap((record, n) => (n % 3 === 0 ? queriesOf(record, n) : []));
    queries.push(["hoa giai", {}], ["bao", {}], ["nghị quyết 29", {}], ["giáo dục đào tạo", { system: "party" }], ["xa hoi hoa", {}], ["", {}]);
    expect(queries.length).toBeGreaterThan(60);
    let nonEmpty = 0;
    for (const [query, options] of queries) {
      const expected = search(memory, query, options);
      if (expected.length > 0) nonEmpty++;
      expect(search(loaded, query, options), `${query} ${JSON.stringify(options)}`).toEqual(expected);
    }
    // The queries find things: the comparison is not of empty lists.
    expect(nonEmpty / queries.length).toBeGreaterThan(0.8);
  });

  it("holds the same documents, summaries and texts", () => {
    expect(loaded.size).toBe(memory.size);
    expect([...loaded.ids()].sort()).toEqual([...memory.ids()].sort());
    for (const id of memory.ids()) {
      expect(loaded.summary(id)).toEqual(memory.summary(id));
      expect(loaded.text(id)).toBe(memory.text(id));
    }
  });
});
