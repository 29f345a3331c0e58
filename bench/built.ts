// The code the bench times is the code users run: the compiled `dist/` that `npm run bench`
// builds first, not the TypeScript sources loaded through tsx (which parsed ~20% slower here,
// alternating stretches in one process). Types come from the sources the build compiles.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");

/** The URL of a compiled module (`src/text/fold.js`), for a thread that loads it itself. */
export function builtUrl(module: string): string {
  const file = join(dist, module);
  if (!existsSync(file)) throw new Error(`bench: ${file} is missing: run \`npm run build\` first (npm run bench does)`);
  return pathToFileURL(file).href;
}

async function built<T>(module: string): Promise<T> {
  return (await import(builtUrl(module))) as T;
}

export const { parseDocumentBytes } = await built<typeof import("../src/document/parse-document.js")>("src/document/parse-document.js");
export const { loadStoreSearchIndex } = await built<typeof import("../src/kb/index.js")>("src/kb/index.js");
export const { search } = await built<typeof import("../src/search/index.js")>("src/search/index.js");
