// Every input the fuzz run (or a hostile test) ever failed on, run through the same checks on every
// `npm test`. Large inputs are kept gzipped (`.gz`): a 750 KB file of one repeated line is 2 KB.
import { readdirSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { checkPipeline } from "./check-pipeline.js";

const dir = new URL("./regressions/", import.meta.url);
const files = readdirSync(dir).filter((f) => !f.startsWith(".") && f !== "README.md").sort();

describe("fuzz regressions", () => {
  it("are checked in", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)("%s", (file) => {
    const bytes = readFileSync(new URL(file, dir));
    checkPipeline(new Uint8Array(file.endsWith(".gz") ? gunzipSync(bytes) : bytes));
  });
});
