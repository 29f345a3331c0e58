// `vanban list`, `vanban stats`, the list filters on `cites`, and `--format csv` on list, search,
// cites and refs, through the CLI as a user runs it.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./cli-io.js";

const scratch = mkdtempSync(join(tmpdir(), "vanban-cli-list-"));
const folder = join(scratch, "docs");
const store = join(scratch, "store");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
beforeAll(async () => {
  cpSync(new URL("../kb/fixtures/collection/", import.meta.url).pathname, folder, { recursive: true });
  cpSync(new URL("../../corpus/", import.meta.url).pathname, folder, { recursive: true });
  expect((await runCli(["index", folder, "--store", store, "--jobs", "1"], { cwd: scratch })).code).toBe(0);
});

const cli = (...args: string[]) => runCli([...args, "--store", store], { cwd: scratch });
const ids = (out: string) => out.trim().split("\n").filter(Boolean).map((l) => (JSON.parse(l) as { id: string }).id).sort();
const csvRows = (out: string) => out.replace(/^\uFEFF/, "").split("\r\n").filter(Boolean);

describe("vanban list", () => {
  it("lists every document with no filter, and narrows by place, level, year and cited document", async () => {
    expect(ids((await cli("list", "--json")).out)).toHaveLength(14);
    const plans = ids((await cli("list", "--type", "KH", "--place", "Bình Sơn", "--year", "2019", "--json")).out);
    expect(plans).toEqual(["158-KH-UBND-2019-07-29"]);
    expect(ids((await cli("list", "--cites", "Nghị quyết 29", "--level", "huyen", "--json")).out)).toEqual(["doc-79a97184a5d5e355", "doc-be518803efeaac80"]);
    expect(ids((await cli("list", "--system", "party", "--json")).out)).toEqual(["253-KH-HU-2024-11-20"]);
    expect(ids((await cli("list", "--place", "tỉnh Quảng Ngãi", "--json")).out)).toEqual(ids((await cli("list", "--place", "Quang Ngai", "--json")).out));
  });

  it("shows type, number, date, issuer, province and level on a terminal, and the count", async () => {
    const { code, out } = await cli("list", "--level", "tỉnh", "--type", "KH");
    expect(code).toBe(0);
    expect(out).toContain("Kế hoạch 158/KH-UBND · 2019-12-16 · Ủy ban nhân dân tỉnh Quảng Ngãi · Quảng Ngãi, tỉnh");
    expect(out).toMatch(/\n\d+ documents?\n$/);
  });

  it("--format csv: a header and one row per document, UTF-8 with a byte-order mark", async () => {
    const { code, out } = await cli("list", "--level", "xã", "--format", "csv");
    expect(code).toBe(0);
    expect(out.startsWith("\uFEFFid,type,number,date,issuer,title,path,place,province,former_province,level,system\r\n")).toBe(true);
    expect(csvRows(out)).toHaveLength(3);
    expect(out).toContain("Ủy ban nhân dân xã Bình Hòa");
  });

  it.each([
    [["list", "--level", "county"], /level is one of trung ương, tỉnh, huyện, xã/],
    [["list", "--province", "Atlantis"], /not one of the 63 former or 34 current provinces/],
    [["list", "--format", "xml"], /--format is text, json or csv/],
    [["list", "--cites", "xin chào"], /--cites: cannot read/],
    [["list", "words"], /list takes no QUERY/],
  ])("exits 2 on bad usage: %j", async (args, message) => {
    const { code, err } = await cli(...args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});

describe("vanban stats", () => {
  it("counts by type, issuer and year and names the most cited documents", async () => {
    const { code, out } = await cli("stats");
    expect(code).toBe(0);
    expect(out).toMatch(/^14 documents \(14 files\)/);
    expect(out).toMatch(/by type:\n\s+9 {2}Kế hoạch/);
    expect(out).toContain("most cited:");
    expect(out).toContain("Nghị quyết 29-NQ/TW");
    const json = JSON.parse((await cli("stats", "--json")).out) as { documents: number; byYear: unknown[]; mostCited: unknown[] };
    expect(json.documents).toBe(14);
    expect(json.mostCited.length).toBeGreaterThan(0);
  });
});

describe("cites with filters, and CSV from cites, refs and search", () => {
  it("cites takes the list filters", async () => {
    expect(ids((await cli("cites", "Nghị quyết 29", "--year", "2024", "--json")).out)).toEqual(["doc-79a97184a5d5e355"]);
    expect(ids((await cli("cites", "Nghị quyết 29", "--transitive", "--level", "xã", "--json")).out).length).toBeGreaterThan(0);
  });

  it("cites --format csv: one row per citing document, with the chain of one through others", async () => {
    const { out } = await cli("cites", "Nghị quyết 29", "--transitive", "--format", "csv");
    const rows = csvRows(out);
    expect(rows[0]).toBe("cited,id,type,number,date,issuer,title,path,direct,via,context,sentence");
    expect(rows.some((r) => r.includes(",false,") && r.includes("→"))).toBe(true);
  });

  it("refs and search --format csv", async () => {
    const refs = csvRows((await cli("refs", "253-KH-HU-2024-11-20", "--format", "csv")).out);
    expect(refs[0]).toBe("index,status,context,cited,raw,resolved_id,resolved_path,candidates,note,sentence");
    expect(refs.length).toBeGreaterThan(1);
    const search = csvRows((await cli("search", "thiên tai", "--format", "csv", "--limit", "2")).out);
    expect(search[0]).toBe("rank,score,id,type,number,date,issuer,title,path,passage");
    expect(search).toHaveLength(3);
  });

  it("search narrows by level and by a place in any spelling", async () => {
    const found = ids((await cli("search", "kế hoạch", "--level", "tỉnh", "--json")).out);
    expect(found.length).toBeGreaterThan(0);
    const listed = new Set(ids((await cli("list", "--level", "tỉnh", "--json")).out));
    expect(found.every((id) => listed.has(id))).toBe(true);
    expect(ids((await cli("search", "kế hoạch", "--place", "TP. Bình Sơn", "--json")).out)).toEqual(ids((await cli("search", "kế hoạch", "--place", "Bình Sơn", "--json")).out));
  });
});
