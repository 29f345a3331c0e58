import { readFileSync, existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generatedArtifacts } from "../../grammars/generated-artifacts.js";

describe("generated grammar files", async () => {
  const files = await generatedArtifacts();
  it.each(files.map((f) => [f.path, f] as const))("grammars/%s is up to date (npm run grammar:generate)", (_path, file) => {
    const url = new URL(`../../grammars/${file.path}`, import.meta.url);
    expect(existsSync(url)).toBe(true);
    expect(readFileSync(url, "utf8")).toBe(file.content);
  });
});
