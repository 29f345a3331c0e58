// The `vanban` command itself: what it does with no command, and the styles it prints on a
// terminal unless NO_COLOR asks for none, in every command that styles its output.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DOCUMENT_EXTENSIONS } from "../../src/input/document-formats.js";
import { runCli } from "./cli-io.js";

const fixtures = new URL("../kb/fixtures/collection/", import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), "vanban-main-"));
const store = join(scratch, "store");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
beforeAll(async () => {
  cpSync(fixtures, join(scratch, "docs"), { recursive: true });
  expect((await runCli(["index", join(scratch, "docs"), "--store", store, "--jobs", "1"])).code).toBe(0);
});

const ESCAPE = "\u001b[";

describe("vanban", () => {
  it("prints the help and exits 0 when given no command", async () => {
    const { code, out } = await runCli([]);
    expect(code).toBe(0);
    expect(out).toMatch(/^vanban: read Vietnamese administrative documents/);
    expect(out).toContain("Commands:");
  });

  it("lists every format it reads in the help of index", async () => {
    const { code, out } = await runCli(["index", "--help"]);
    expect(code).toBe(0);
    for (const extension of DOCUMENT_EXTENSIONS) expect(out).toContain(extension);
  });

  describe.each([
    ["parse", () => ["parse", join(fixtures, "so-gddt-cv-201-2020.txt")]],
    ["cites", () => ["cites", "158/KH-UBND", "--store", store]],
    ["refs", () => ["refs", join(scratch, "docs", "so-gddt-cv-201-2020.txt"), "--store", store]],
    ["search", () => ["search", "kế hoạch", "--store", store]],
  ])("%s on a terminal", (_name, args) => {
    afterEach(() => {
      delete process.env.NO_COLOR;
    });

    it("styles its output", async () => {
      const { code, out } = await runCli(args(), { isTTY: true });
      expect(code).toBe(0);
      expect(out).toContain(ESCAPE);
    });

    it("prints no escape sequence when NO_COLOR is set", async () => {
      process.env.NO_COLOR = "1";
      const { code, out } = await runCli(args(), { isTTY: true });
      expect(code).toBe(0);
      expect(out).not.toContain(ESCAPE);
    });
  });
});
