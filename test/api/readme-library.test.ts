// The README's library example, run as written (on a copy of the shipped corpus, in a store of its
// own): what it promises a library user — a searchable store from `openCollection` alone — holds.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, expect, it } from "vitest";

const repoRoot = resolve(import.meta.dirname, "../..");
const scratch = mkdtempSync(join(tmpdir(), "vanban-readme-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The README's first TypeScript block that uses `openCollection`. */
function collectionExample(): string {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const block = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!).find((code) => code.includes("openCollection"));
  if (!block) throw new Error("README.md has no example of openCollection");
  return block;
}

it("builds a searchable store and answers who cites what, as the README's example says", async () => {
  cpSync(join(repoRoot, "corpus"), join(scratch, "corpus"), { recursive: true });
  const logged: unknown[][] = [];
  const code = collectionExample()
    .replace(`from "vanban"`, `from ${JSON.stringify(pathToFileURL(join(repoRoot, "src/index.ts")).href)}`)
    .replace(`".vanban"`, JSON.stringify(join(scratch, "store")))
    .replace(`["corpus"]`, JSON.stringify([join(scratch, "corpus")]))
    .replaceAll("console.log(", "log(");
  const file = join(scratch, "example.ts");
  writeFileSync(file, `export async function run(log: (...args: unknown[]) => void) {\n${code.replace(/^import .*$/m, "")}}\n${code.match(/^import .*$/m)![0]}\n`);
  const example = (await import(pathToFileURL(file).href)) as { run: (log: (...args: unknown[]) => void) => Promise<void> };
  await example.run((...args) => logged.push(args));
  expect(logged[0]).toEqual(["5 documents, search index built"]);
  // The best match for "xã hội hóa giáo dục" is a document of the corpus, with its title.
  expect(String(logged[1]![0])).toContain(join(scratch, "corpus"));
  expect(logged[1]![1]).toEqual(expect.any(String));
  // Nghị quyết 29-NQ/TW is cited, directly or through Kết luận 91, by documents of the corpus.
  const [label, paths] = logged[2]!;
  expect(label).toMatch(/29-NQ\/TW/);
  expect((paths as string[]).length).toBeGreaterThan(0);
});
