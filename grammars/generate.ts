// Writes the grammars' railroad diagrams and CST types (see generated-artifacts.ts).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generatedArtifacts } from "./generated-artifacts.js";

const here = dirname(fileURLToPath(import.meta.url));
for (const file of await generatedArtifacts()) {
  const path = join(here, file.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file.content);
  console.log(`wrote grammars/${file.path}`);
}
