// The defects of issue 14, each as a user met it: documents lost by the collection side between
// the library and the CLI. Each test reproduces one as it was reported.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findCitations } from "../../src/citations/find-citations.js";
import { indexFolder, loadStoreSearchIndex, openStore } from "../../src/kb/index.js";
import { saveIndex, search, SearchIndex } from "../../src/search/index.js";
import { runCli } from "../cli/cli-io.js";

const fixtures = new URL("./fixtures/collection/", import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), "vanban-defects-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let counter = 0;
const fresh = (name: string) => join(scratch, `${name}-${counter++}`);

// Two schools' notices that share number and date (12/TB-THCS of 10/3/2020): local bodies reuse symbols.
const NOTICE = readFileSync(join(fixtures, "truong-thcs-tb-12-2020.txt"), "utf8");
const OTHER_NOTICE = NOTICE.replace("TRƯỜNG THCS BÌNH AN", "TRƯỜNG THCS BÌNH MINH").replace("Bình An, ngày", "Bình Minh, ngày").replace("Đỗ Thị An", "Trần Văn Khải");

function twinFolder(): string {
  const folder = fresh("twins");
  mkdirSync(folder);
  writeFileSync(join(folder, "binh-an.txt"), NOTICE);
  writeFileSync(join(folder, "binh-minh.txt"), OTHER_NOTICE);
  return folder;
}

const basis = (law: string) => `UBND XÃ BÌNH AN
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: ${law.length}/QĐ-UBND
Bình An, ngày 5 tháng 3 năm 2026

QUYẾT ĐỊNH
Về việc kiện toàn tổ hòa giải

CHỦ TỊCH UỶ BAN NHÂN DÂN XÃ BÌNH AN

Căn cứ ${law};

QUYẾT ĐỊNH:

Điều 1. Kiện toàn tổ hòa giải ở cơ sở.

Nơi nhận:
- Như Điều 1;
- Lưu: VT.

CHỦ TỊCH
Lê Văn Bình
`;

describe("issue 14: documents lost between the library and the CLI", () => {
  it("keeps two different documents that share number and date, both searchable", async () => {
    const folder = twinFolder();
    const store = fresh("store");
    const run = await runCli(["index", folder, "--store", store, "--jobs", "1"]);
    expect(run.code).toBe(0);
    expect(run.out).toContain("search index: built (2 documents)");
    const kb = await openStore(store);
    const ids = kb.documents().map((d) => d.id);
    expect(new Set(ids).size).toBe(2);
    // The readable id stays, and the second content gets a short suffix of its hash.
    expect(ids).toContain("12-TB-THCS-2020-03-10");
    const found = await runCli(["search", "Trần Văn Khải", "--store", store, "--json"]);
    expect(found.code).toBe(0);
    const hits = found.out.trim().split("\n").map((l) => JSON.parse(l) as { path: string });
    expect(hits[0]!.path).toBe(join(folder, "binh-minh.txt"));
  });

  it("makes identical files at two paths one document, and says which is the duplicate", async () => {
    const folder = twinFolder();
    writeFileSync(join(folder, "binh-an-copy.txt"), NOTICE);
    const store = fresh("store");
    const report = await indexFolder(folder, { store, jobs: 1 });
    expect(report.duplicates).toEqual([{ path: join(folder, "binh-an.txt"), of: join(folder, "binh-an-copy.txt") }]);
    const kb = await openStore(store);
    expect(kb.find(join(folder, "binh-an.txt"))[0]!.id).toBe(kb.find(join(folder, "binh-an-copy.txt"))[0]!.id);
    const run = await runCli(["index", folder, "--store", store]);
    expect(run.out).toContain("search index: up to date (2 documents)");
  });

  it("refuses to index when a named folder is missing, and removes nothing", async () => {
    const folder = fresh("docs");
    cpSync(fixtures, folder, { recursive: true });
    const store = fresh("store");
    expect((await runCli(["index", folder, "--store", store, "--jobs", "1"])).code).toBe(0);
    const typo = `${folder}s`;
    const run = await runCli(["index", folder, typo, "--store", store]);
    expect(run.code).toBe(1);
    expect(run.err).toContain(typo);
    expect(run.err).toMatch(/no such file or directory/);
    expect((await openStore(store)).documents()).toHaveLength(9);
  });

  it("says that a --store given to a reading command does not exist, and creates nothing", async () => {
    const store = join(fresh("nowhere"), "dir");
    for (const args of [["cites", "29-NQ/TW"], ["refs", "x"], ["graph"], ["search", "giáo dục"]]) {
      const run = await runCli([...args, "--store", store]);
      expect(run.code, args[0]).toBe(1);
      expect(run.err).toMatch(/no store in .*dir/);
      expect(existsSync(store)).toBe(false);
    }
  });

  it("answers for every law of one name, grouped, and says how to pick one", async () => {
    const folder = fresh("laws");
    mkdirSync(folder);
    writeFileSync(join(folder, "a.txt"), basis("Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"));
    writeFileSync(join(folder, "b.txt"), basis("Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025 của Quốc hội"));
    const store = fresh("store");
    await indexFolder(folder, { store, jobs: 1 });
    const run = await runCli(["cites", "Luật Tổ chức chính quyền địa phương", "--store", store]);
    expect(run.code).toBe(0);
    expect(run.out).toContain("77/2015/QH13");
    expect(run.out).toContain("72/2025/QH15");
    expect(run.out).toContain(join(folder, "a.txt"));
    expect(run.out).toContain(join(folder, "b.txt"));
    expect(run.out).toMatch(/several documents/);
  });

  it("builds the search index from the library, as the CLI does", async () => {
    const folder = twinFolder();
    const store = fresh("store");
    await indexFolder(folder, { store, jobs: 1 });
    const { loaded } = await loadStoreSearchIndex(store);
    expect(loaded.status).toBe("ok");
    if (loaded.status === "ok") expect(search(loaded.index, "Trần Văn Khải")[0]!.path).toBe(join(folder, "binh-minh.txt"));
  });

  it("lets a library user index every record into a SearchIndex and save it as the store's", async () => {
    const folder = twinFolder();
    writeFileSync(join(folder, "binh-an-copy.txt"), NOTICE);
    const store = fresh("store");
    await indexFolder(folder, { store, jobs: 1 });
    const kb = await openStore(store);
    const index = new SearchIndex();
    for await (const { record } of kb.records()) index.add(record);
    await saveIndex(index, kb.searchDir);
    const { loaded } = await loadStoreSearchIndex(store);
    expect(loaded.status).toBe("ok");
  });

  it("finds citations in a text given alone", () => {
    const citations = findCitations("Căn cứ Nghị quyết số 29-NQ/TW ngày 04/11/2013 của Ban Chấp hành Trung ương;");
    expect(citations.map((c) => c.key)).toEqual(["NQ:29:TW@2013"]);
  });
});
