import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./cli-io.js";

// `vanban search` reads the search index that `vanban index` keeps in the store.
const scratch = mkdtempSync(join(tmpdir(), "vanban-cli-search-"));
const folder = join(scratch, "docs");
const store = join(scratch, "store");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
beforeAll(async () => {
  cpSync(new URL("../kb/fixtures/collection/", import.meta.url).pathname, folder, { recursive: true });
  cpSync(new URL("../../corpus/", import.meta.url).pathname, folder, { recursive: true });
  expect((await runCli(["index", folder, "--store", store, "--jobs", "1"], { cwd: scratch })).code).toBe(0);
});

const ids = (out: string) => out.trim().split("\n").filter(Boolean).map((l) => (JSON.parse(l) as { id: string }).id);

describe("vanban search", () => {
  it("--json: one object per result with id, path, score, docType, number, date, title, snippet", async () => {
    const { code, out } = await runCli(["search", "phòng chống thiên tai", "--type", "KH", "--json", "--store", store], { cwd: scratch });
    expect(code).toBe(0);
    const first = JSON.parse(out.split("\n")[0]!) as Record<string, unknown>;
    expect(first).toMatchObject({ id: "158-KH-UBND-2019-07-29", path: join(folder, "huyen-binh-son-kh-158-2019.txt"), docType: { code: "KH" }, number: "158/KH-UBND", date: "2019-07-29" });
    expect(Object.keys(first)).toEqual(expect.arrayContaining(["score", "title", "snippet"]));
  });

  it("--cites keeps the documents that cite a reference given in any spelling", async () => {
    const all = ids((await runCli(["search", "giáo dục", "--json", "--limit", "50", "--store", store], { cwd: scratch })).out);
    const citing = ids((await runCli(["search", "giáo dục", "--cites", "Nghị quyết 29", "--json", "--limit", "50", "--store", store], { cwd: scratch })).out);
    expect(citing.sort()).toEqual(["doc-0355ced8a7ab7aad", "doc-79a97184a5d5e355", "doc-be518803efeaac80"]);
    expect(all.length).toBeGreaterThan(citing.length);
  });

  it("--year and --type narrow the results", async () => {
    const found = ids((await runCli(["search", "kế hoạch", "--year", "2019..2019", "--type", "KH", "--json", "--store", store], { cwd: scratch })).out);
    expect(found.sort()).toEqual(["158-KH-UBND-2019-07-29", "158-KH-UBND-2019-12-16"]);
  });

  it("shows type, number, date, issuer, title and the passage on a terminal, the query's words in bold", async () => {
    const { code, out } = await runCli(["search", "thiên tai", "--type", "KH", "--limit", "1", "--store", store], { isTTY: true, cwd: scratch });
    expect(code).toBe(0);
    expect(out).toMatch(/^ 1\. Kế hoạch 158\/KH-UBND · 2019-07-29 · Ủy ban nhân dân huyện Bình Sơn/);
    expect(out).toContain("\u001b[1mthiên\u001b[22m \u001b[1mtai\u001b[22m");
  });

  it("rebuilds a damaged search index, saying so, and answers", async () => {
    const damaged = join(scratch, "damaged");
    cpSync(store, damaged, { recursive: true });
    const manifest = join(damaged, "search", "manifest.json");
    writeFileSync(manifest, "{ not json");
    const { code, out, err } = await runCli(["search", "thiên tai", "--type", "KH", "--json", "--store", damaged], { cwd: scratch });
    expect(code).toBe(0);
    expect(err).toMatch(/^vanban search: the search index in .* is damaged: manifest\.json .*; updating it\n/);
    expect(ids(out)[0]).toBe("158-KH-UBND-2019-07-29");
    expect(readdirSync(join(damaged, "search"))).toContain("manifest.json");
  });

  it.each([
    [["search"], /no QUERY given/],
    [["search", "x", "--year", "2023..20"], /--year is a year or a range/],
    [["search", "x", "--system", "church"], /--system is state or party/],
    [["search", "x", "--cites", "xin chào"], /--cites: cannot read "xin chào"/],
    [["search", "x", "--limit", "0"], /--limit needs a whole number/],
  ])("exits 2 on bad usage: %j", async (args, message) => {
    const { code, err } = await runCli([...args, "--store", store], { cwd: scratch });
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});

// A search of an index that is up to date reads the index and nothing of the indexing pipeline:
// loading the parser, its grammars and the markdown reader (a thousand modules) was ~0.4 s of
// every `vanban search`. Checked on the built binary, with a loader hook that names each package
// module loaded.
const bin = new URL("../../dist/src/cli/main.js", import.meta.url).pathname;
describe.skipIf(!existsSync(bin))("the built vanban search", () => {
  const hook = `export async function load(url, context, next) { if (url.includes("/node_modules/")) process.stderr.write("loaded " + url + "\\n"); return next(url, context); }`;
  const register = `import { register } from "node:module"; register("data:text/javascript," + encodeURIComponent(${JSON.stringify(hook)}));`;
  const packagesLoaded = (args: string[]): Set<string> => {
    const run = spawnSync(process.execPath, ["--import", `data:text/javascript,${encodeURIComponent(register)}`, bin, ...args], { encoding: "utf8", cwd: scratch });
    expect(run.status, run.stderr).toBe(0);
    return new Set([...run.stderr.matchAll(/^loaded .*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)].map((m) => m[1]!));
  };

  it("loads no grammar and no markdown reader, unless --cites asks to read a reference", () => {
    const plain = packagesLoaded(["search", "giáo dục", "--store", store, "--json"]);
    expect(plain.has("zod")).toBe(true);
    for (const heavy of ["chevrotain", "lodash-es", "remark-parse", "micromark", "unified"]) expect(plain.has(heavy), heavy).toBe(false);
    expect(packagesLoaded(["search", "giáo dục", "--store", store, "--cites", "29-NQ/TW", "--json"]).has("chevrotain")).toBe(true);
  });
});
