// An unexpected failure (a defect of ours) costs the user one file, is named in one line, and
// shows its stack trace only with --debug. The parse is made to fail on purpose here.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../cli/cli-io.js";

vi.mock("../../src/document/parse-document.js", async (original) => {
  const real = await original<typeof import("../../src/document/parse-document.js")>();
  return {
    ...real,
    // What `vanban parse` reads every file through.
    parseDocumentAsync: async (input: Uint8Array | string, options: { path?: string | null }) => {
      if (options.path?.endsWith("boom.txt")) throw new Error("simulated defect");
      return real.parseDocumentAsync(input, options);
    },
  };
});

const dir = mkdtempSync(join(tmpdir(), "vanban-debug-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, "a-boom.txt"), "KẾ HOẠCH\nI. MỤC ĐÍCH");
writeFileSync(join(dir, "b-fine.txt"), "KẾ HOẠCH\nI. MỤC ĐÍCH");

describe("an unexpected failure", () => {
  it("is one line without --debug, and the other files are parsed", async () => {
    const { code, out, err } = await runCli(["parse", "--json", dir]);
    expect(err).toBe(`vanban parse: ${dir}/a-boom.txt: could not be parsed: simulated defect (--debug shows details)\n`);
    expect(out.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(out).source.path).toBe(`${dir}/b-fine.txt`);
    expect(code).toBe(1);
  });

  it("shows its stack trace with --debug", async () => {
    const { code, err } = await runCli(["parse", "--debug", "--json", dir]);
    const lines = err.trim().split("\n");
    expect(lines[0]).toBe(`vanban parse: ${dir}/a-boom.txt: could not be parsed: simulated defect`);
    expect(lines[1]).toBe("Error: simulated defect");
    expect(lines[2]).toMatch(/^\s+at /);
    expect(code).toBe(1);
  });
});
