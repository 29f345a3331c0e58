// Where the installed package is, found from this module's own location (src/kb in development,
// dist/src/kb once built), so that the shipped corpus is found whatever the working directory.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DocumentRecord } from "../model/record.js";

let root: string | null | undefined;

/** The directory of vanban's package.json, or null when it cannot be found. */
export function packageRoot(): string | null {
  if (root !== undefined) return root;
  root = null;
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (!existsSync(file)) continue;
    try {
      if ((JSON.parse(readFileSync(file, "utf8")) as { name?: string }).name === "vanban") {
        root = dir;
        break;
      }
    } catch {
      // not ours; keep looking upwards
    }
  }
  return root;
}

/** vanban's version, from its package.json. */
export function packageVersion(): string {
  const dir = packageRoot();
  if (!dir) return "unknown";
  return (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version?: string }).version ?? "unknown";
}

/**
 * The corpus shipped with the package (`corpus/` next to its package.json).
 * @example
 * await indexFolder(shippedCorpusDir());
 */
export function shippedCorpusDir(): string {
  const dir = packageRoot();
  if (!dir) throw new Error("cannot find the vanban package, hence its corpus/");
  return join(dir, "corpus");
}

/** Names the parser that made a store's records: another one re-reads every file. */
export function parserVersion(): string {
  return `vanban ${packageVersion()} record ${DocumentRecord.shape.schemaVersion.value}`;
}
