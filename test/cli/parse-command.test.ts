import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DocumentRecord } from "../../src/model/record.js";
import { runCli } from "./cli-io.js";

const corpus = new URL("../../corpus/", import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), "vanban-cli-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("vanban parse", () => {
  it("prints one valid JSON record per document for a folder, each with its path", async () => {
    const { code, out, err } = await runCli(["parse", "--json", corpus]);
    expect(err).toBe("");
    expect(code).toBe(0);
    const records = out.trim().split("\n").map((l) => DocumentRecord.parse(JSON.parse(l)));
    expect(records).toHaveLength(5);
    expect(records.map((r) => r.source.path?.replace(/.*\//, ""))).toEqual(["000_d5494e9567b7496d.txt", "001_18e35584e7dafd68.txt", "002_31f9272833264e9e.txt", "003_793e23e02999985a.txt", "004_eb04ff3914c6f1ad.txt"]);
  });

  it("shows a readable view on a terminal, with the document's control characters stripped", async () => {
    const hostile = join(scratch, "hostile.txt");
    writeFileSync(hostile, "THÔNG BÁO\nVề việc \u001b[31mđỏ\u001b[0m và \u0007chuông\n");
    const { code, out } = await runCli(["parse", hostile], { isTTY: true });
    expect(code).toBe(0);
    expect(out).toContain("Thông báo (TB)");
    expect(out).not.toContain("\u001b[31m");
    expect(out).not.toContain("\u0007");
  });

  it("exits 1 with a one-line message naming a file it cannot read, and still parses the rest", async () => {
    const missing = join(scratch, "missing.txt");
    const dangling = join(scratch, "dangling.md");
    symlinkSync(join(scratch, "nowhere"), dangling);
    const { code, out, err } = await runCli(["parse", "--json", missing, join(corpus, "001_18e35584e7dafd68.txt")]);
    expect(code).toBe(1);
    expect(err.trim().split("\n")).toEqual([`vanban parse: ${missing}: no such file or directory`]);
    expect(out.trim().split("\n")).toHaveLength(1);
    const folder = await runCli(["parse", "--json", scratch]);
    expect(folder.err).toContain("dangling.md");
  });

  it("exits 2 on bad usage", async () => {
    expect((await runCli(["parse"])).code).toBe(2);
    expect((await runCli(["parse", "--frobnicate", corpus])).code).toBe(2);
    expect((await runCli(["no-such-command"])).code).toBe(2);
  });

  it("prints the record's JSON Schema", async () => {
    const { code, out } = await runCli(["schema"]);
    expect(code).toBe(0);
    const schema = JSON.parse(out) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["schemaVersion", "id", "source", "citations", "diagnostics"]));
  });
});

const bin = new URL("../../dist/src/cli/main.js", import.meta.url).pathname;
describe.skipIf(!existsSync(bin))("the built vanban binary", () => {
  it("answers --version and --help", () => {
    expect(execFileSync(process.execPath, [bin, "--version"], { encoding: "utf8" }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(execFileSync(process.execPath, [bin, "--help"], { encoding: "utf8" })).toContain("parse");
  });

  it("sets the exit status", () => {
    expect(spawnSync(process.execPath, [bin, "parse"], { encoding: "utf8" }).status).toBe(2);
    expect(spawnSync(process.execPath, [bin, "parse", join(scratch, "none.txt")], { encoding: "utf8" }).status).toBe(1);
  });
});
