import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CitingDocument, DocumentReference } from "../../src/kb/index.js";
import { runCli } from "./cli-io.js";

// The knowledge-base fixture collection (test/kb/fixtures/collection/README.md says what each
// document is there for), indexed once into a store that the reading commands share.
const fixtures = new URL("../kb/fixtures/collection/", import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), "vanban-cli-kb-"));
const folder = join(scratch, "docs");
const store = join(scratch, "store");
let counter = 0;
const fresh = (name: string) => join(scratch, `${name}-${counter++}`);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let indexRun: Awaited<ReturnType<typeof runCli>>;
beforeAll(async () => {
  cpSync(fixtures, folder, { recursive: true });
  indexRun = await runCli(["index", folder, "--store", store, "--jobs", "1"], { cwd: scratch });
});

const lines = (text: string) => text.trim().split("\n").filter(Boolean);

describe("vanban index", () => {
  it("says what it indexed, with plain progress lines when not on a terminal", () => {
    expect(indexRun.code).toBe(0);
    expect(lines(indexRun.out)).toEqual([
      "indexed 9 documents in store (9 read, 0 unchanged, 0 removed) in " + indexRun.out.match(/in ([\d.]+ s)\n/)![1],
      "citations: 11: 4 resolved, 1 ambiguous, 2 not in the collection, 1 in conflict, 3 to the document itself",
      "search index: built (9 documents) in " + indexRun.out.match(/built \(9 documents\) in ([\d.]+ s)/)![1],
    ]);
    expect(indexRun.err).toMatch(/^vanban index: reading 9 files \(0\.0 MB\)\n/);
    expect(indexRun.err).toMatch(/vanban index: 9\/9 files, [\d.]+ MB\/s\n$/);
  });

  it("does nothing the second time, and says so", async () => {
    const { code, out } = await runCli(["index", folder, "--store", store], { cwd: scratch });
    expect(code).toBe(0);
    expect(out).toMatch(/^unchanged: 9 documents in store \(0 read, 9 unchanged, 0 removed\)/);
    expect(out).toContain("search index: up to date (9 documents)");
  });

  it("updates the search index for a few changed files, and builds it again when most changed", async () => {
    const docs = fresh("changing");
    const own = fresh("changing-store");
    cpSync(fixtures, docs, { recursive: true });
    await runCli(["index", docs, "--store", own, "--jobs", "1"], { cwd: scratch });
    const files = readdirSync(docs).filter((n) => n.endsWith(".txt")).sort();
    const touch = (name: string) => writeFileSync(join(docs, name), `${readFileSync(join(docs, name), "utf8")}\nGhi chú thêm.\n`);
    touch(files[0]!);
    const few = await runCli(["index", docs, "--store", own, "--jobs", "1"], { cwd: scratch });
    expect(few.out).toMatch(/search index: updated \(1 added, 1 removed\) in [\d.]+ s/);
    for (const name of files.slice(1)) touch(name);
    const most = await runCli(["index", docs, "--store", own, "--jobs", "1"], { cwd: scratch });
    expect(most.out).toMatch(/search index: built \(9 documents\) in [\d.]+ s/);
    const again = await runCli(["index", docs, "--store", own, "--jobs", "1"], { cwd: scratch });
    expect(again.out).toContain("search index: up to date (9 documents)");
  });

  it("shows a progress bar with files, MB/s and time left on a terminal", async () => {
    const { code, err } = await runCli(["index", folder, "--store", fresh("store"), "--jobs", "1"], { isTTY: true, cwd: scratch });
    expect(code).toBe(0);
    expect(err).toMatch(/indexing [█░]+ \d\/9 files \| [\d.]+ MB\/s \| [^|]+ left/);
  });

  it("skips what it cannot read, indexes the rest, lists the skipped files at the end, exit 0", async () => {
    const docs = fresh("docs");
    cpSync(fixtures, docs, { recursive: true });
    symlinkSync(join(docs, "gone.txt"), join(docs, "dangling.txt"));
    const { code, out, err } = await runCli(["index", docs, "--store", fresh("store")], { cwd: scratch });
    expect(code).toBe(0);
    expect(out).toMatch(/^indexed 9 documents/);
    expect(err).toMatch(/vanban index: skipped 1 file:\n {2}.*dangling\.txt: .+\n/);
  });

  it("exits 1 when there is nothing to index, and leaves an existing store as it was (a mistyped folder must not empty it)", async () => {
    const empty = fresh("empty");
    mkdirSync(empty);
    const fresh1 = await runCli(["index", empty, "--store", fresh("store")], { cwd: scratch });
    expect(fresh1.code).toBe(1);
    expect(fresh1.err).toMatch(/no documents found in empty-\d+\n$/);
    const kept = await runCli(["index", empty, "--store", store], { cwd: scratch });
    expect(kept.code).toBe(1);
    expect(kept.err).toMatch(/no documents found in empty-\d+; the store was left as it was\n$/);
    expect((await runCli(["cites", "253-KH/HU", "--json", "--store", store], { cwd: scratch })).out).toContain("12-KH-UBND-2025-01-15");
  });

  it("refuses a store folder that holds other files, in one line, exit 1", async () => {
    const notStore = fresh("mine");
    mkdirSync(notStore);
    writeFileSync(join(notStore, "thesis.docx"), "x");
    const { code, err } = await runCli(["index", folder, "--store", notStore], { cwd: scratch });
    expect(code).toBe(1);
    expect(lines(err)).toEqual([`vanban index: ${notStore} is not a vanban store and is not empty (it holds thesis.docx); give an empty or new directory with --store`]);
    expect(readdirSync(notStore)).toEqual(["thesis.docx"]);
  });

  it.each([
    [["index", "--jobs", "0"], /--jobs needs a whole number/],
    [["index", "--jobs"], /--jobs needs a value/],
    [["index", "--frobnicate"], /unknown option/],
  ])("exits 2 on bad usage: %j", async (args, message) => {
    const { code, err } = await runCli(args, { cwd: scratch });
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});

describe("vanban cites", () => {
  it("says when no document cites it directly, and how to look further", async () => {
    const { code, out, err } = await runCli(["cites", "29-NQ/TW", "--store", store], { cwd: scratch });
    expect(code).toBe(0);
    expect(out).toBe("");
    expect(err).toBe("vanban cites: no document in store cites Nghị quyết 29-NQ/TW (--transitive also looks for citations through other documents)\n");
  });

  it("--transitive prints each chain and the citing sentence", async () => {
    const { code, out } = await runCli(["cites", "Nghị", "quyết", "29", "--transitive", "--store", store], { cwd: scratch });
    expect(code).toBe(0);
    expect(out).toContain("0 documents cite Nghị quyết 29-NQ/TW\n\n3 more cite it through other documents\n");
    expect(out).toContain(
      "docs/xa-binh-chanh-kh-12-2025.txt  Tổ chức các hoạt động giáo dục hè năm 2025 (12-KH-UBND-2025-01-15)\n" +
        "  via  this document → Kế hoạch 253-KH/HU → implements Kết luận 91-KL/TW → continues Nghị quyết 29-NQ/TW\n" +
        "  basis     Căn cứ Kế hoạch số 253-KH/HU ngày 20/11/2024 của Huyện ủy Bình Sơn;\n",
    );
    expect(out).toContain("docs/xa-binh-hoa-kh-45-2024.txt");
  });

  it("--json prints one object per citing document with id, path, title, spans and chain", async () => {
    const { code, out } = await runCli(["cites", "29-NQ/TW", "--transitive", "--json", "--store", store], { cwd: scratch });
    expect(code).toBe(0);
    const found = lines(out).map((l) => CitingDocument.parse(JSON.parse(l)));
    expect(found.map((d) => [d.id, d.chain?.length])).toEqual([
      ["253-KH-HU-2024-11-20", 3],
      ["45-KH-UBND-2024-10-10", 3],
      ["12-KH-UBND-2025-01-15", 4],
    ]);
    expect(found[1]).toMatchObject({ path: join(folder, "xa-binh-hoa-kh-45-2024.txt"), title: "Nâng cao chất lượng giáo dục trên địa bàn xã năm học 2024 - 2025", direct: false });
    expect(found[1]!.citations[0]).toMatchObject({ raw: "Kết luận số 91-KL/TW ngày 12/8/2024 của Bộ Chính trị", span: { line: expect.any(Number), offset: expect.any(Number) } });
  });

  it("never lets a document's escape sequences reach the terminal", async () => {
    const docs = fresh("docs");
    mkdirSync(docs);
    writeFileSync(join(docs, "hostile.txt"), "KẾ HOẠCH\nVề việc \u001b[31mđỏ\u001b[0m\n\nCăn cứ Kết luận số 91-KL/TW ngày 12/8/2024 của Bộ Chính trị \u001b]0;pwned\u0007 và \u001b[2J;\n");
    const hostileStore = fresh("store");
    expect((await runCli(["index", docs, "--store", hostileStore], { cwd: scratch })).code).toBe(0);
    const { code, out } = await runCli(["cites", "91-KL/TW", "--store", hostileStore], { isTTY: true, cwd: scratch });
    expect(code).toBe(0);
    expect(out).toContain("Kết luận số 91-KL/TW");
    expect(out).not.toMatch(/\u001b\[31m|\u001b\[2J|\u001b\]|\u0007/);
  });

  it("exits 2 for a reference that names no document", async () => {
    const { code, err } = await runCli(["cites", "xin chào", "--store", store], { cwd: scratch });
    expect(code).toBe(2);
    expect(err).toMatch(/^vanban cites: cannot read "xin chào" as a reference to a document/);
  });

  it("builds a store from the shipped corpus when there is none, and says so", async () => {
    const cwd = fresh("cwd");
    mkdirSync(cwd);
    const { code, out, err } = await runCli(["cites", "29-NQ/TW", "--json"], { cwd });
    expect(code).toBe(0);
    expect(err).toBe("vanban cites: no store in .vanban yet; building one from the corpus shipped with vanban (vanban index)\n");
    expect(lines(out).map((l) => (JSON.parse(l) as { path: string }).path.replace(/.*\//, ""))).toEqual(["000_d5494e9567b7496d.txt", "003_793e23e02999985a.txt", "004_eb04ff3914c6f1ad.txt"]);
    expect(readdirSync(join(cwd, ".vanban"))).toContain("manifest.json");
  });

  it("reports a damaged store in one line with the command that rebuilds it, exit 1", async () => {
    const damaged = fresh("store");
    await runCli(["index", folder, "--store", damaged], { cwd: scratch });
    const chunk = join(damaged, "records", readdirSync(join(damaged, "records"))[0]!);
    truncateSync(chunk, 100);
    const { code, out, err } = await runCli(["cites", "29-NQ/TW", "--store", damaged], { cwd: scratch });
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(lines(err)).toHaveLength(1);
    expect(err).toMatch(new RegExp(`^vanban cites: the store ${damaged} is damaged: records/chunk-\\d+\\.ndjson is 100 bytes, the manifest says \\d+ \\(truncated\\?\\); rebuild it with: vanban index ${folder} --store ${damaged}\\n$`));
  });
});

describe("vanban refs", () => {
  it("lists a document's citations with their statuses", async () => {
    const refs = async (id: string) => (await runCli(["refs", id, "--store", store], { cwd: scratch })).out;
    const resolved = await refs("45-PGDDT-2019-08-05");
    expect(resolved).toMatch(/^docs\/phong-gddt-binh-son-cv-45-2019\.txt {2}phòng, chống thiên tai trong trường học \(45-PGDDT-2019-08-05\)\n {2}resolved {10}basis {5}Kế hoạch 158\/KH-UBND {2}“Kế hoạch số 158\/KH-UBND ngày 29\/7\/2019 của UBND huyện Bình Sơn”\n/);
    expect(resolved).toContain("→ docs/huyen-binh-son-kh-158-2019.txt  Phòng, chống thiên tai trên địa bàn huyện năm 2019");
    expect(await refs("12-TB-THCS-2020-03-10")).toContain("  ambiguous  ");
    expect(await refs("12-TB-THCS-2020-03-10")).toContain("may be: 158-KH-UBND-2019-07-29, 158-KH-UBND-2019-12-16");
    const conflict = await refs("77-STC-HCSN-2020-02-20");
    expect(conflict).toContain("  conflict  ");
    expect(conflict).toContain("cited as of 2019-12-20, but 158-KH-UBND-2019-12-16 is dated 2019-12-16");
  });

  it("--json, by file, one reference per line including mentions of the document itself", async () => {
    const { code, out } = await runCli(["refs", "docs/xa-binh-hoa-kh-45-2024.txt", "--json", "--store", store], { cwd: scratch });
    expect(code).toBe(0);
    expect(lines(out).map((l) => DocumentReference.parse(JSON.parse(l))).map((r) => [r.label, r.status])).toEqual([
      ["Kết luận 91-KL/TW", "not-in-collection"],
      ["Kế hoạch này", "self"],
    ]);
  });

  it("resolves a file the store does not hold against the collection", async () => {
    const outside = join(fresh("outside"), "new.txt");
    mkdirSync(join(outside, ".."), { recursive: true });
    writeFileSync(outside, "KẾ HOẠCH\nVề việc mới\n\nCăn cứ Kế hoạch số 253-KH/HU ngày 20/11/2024 của Huyện ủy Bình Sơn;\n");
    const { code, out, err } = await runCli(["refs", outside, "--store", store], { cwd: scratch });
    expect(code).toBe(0);
    expect(err).toContain("is not in the store; its citations are resolved against it");
    expect(out).toMatch(/resolved +basis +Kế hoạch 253-KH\/HU/);
  });

  it("exits 1 for a document that is neither in the store nor a file", async () => {
    const { code, err } = await runCli(["refs", "no-such-id", "--store", store], { cwd: scratch });
    expect(code).toBe(1);
    expect(err).toMatch(/no-such-id: no such document in store and no such file/);
  });
});

describe("vanban graph", () => {
  it.each([
    ["dot", /^digraph citations \{[\s\S]*"KL:91:TW@2024" -> "NQ:29:TW@2013" \[label="continues", style=bold\];/],
    ["mermaid", /^flowchart LR\n[\s\S]*==>\|continues\|/],
    ["graphml", /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<graphml [\s\S]*<data key="relation">implements<\/data>/],
  ])("--format %s", async (format, shape) => {
    const { code, out } = await runCli(["graph", "--format", format, "--store", store], { cwd: scratch });
    expect(code).toBe(0);
    expect(out).toMatch(shape);
  });

  it("--around REF --depth N keeps only what is near it", async () => {
    const { code, out } = await runCli(["graph", "--around", "91-KL/TW", "--depth", "1", "--format", "json", "--store", store], { cwd: scratch });
    expect(code).toBe(0);
    const graph = JSON.parse(out) as { nodes: { label: string }[] };
    expect(graph.nodes.map((n) => n.label).sort()).toEqual(["Kế hoạch 253-KH/HU", "Kế hoạch 45/KH-UBND", "Kết luận 91-KL/TW", "Nghị quyết 29-NQ/TW"]);
  });

  it.each([
    [["graph", "--format", "svg"], /--format is one of dot, json, graphml, mermaid/],
    [["graph", "--depth", "2"], /--depth goes with --around/],
    [["graph", "29-NQ/TW"], /did you mean --around 29-NQ\/TW/],
  ])("exits 2 on bad usage: %j", async (args, message) => {
    const { code, err } = await runCli([...args, "--store", store], { cwd: scratch });
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});
