// Which files of the folders given to `indexFolder` are documents: text and markdown files, found
// recursively, in a stable order. A folder's own notes (README, LICENSE ...) and hidden entries
// are left out; symbolic links are followed once (a link loop is reported, not walked forever);
// what cannot be listed is reported with the reason, and the rest is still listed.
import { readdirSync, realpathSync, statSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { describeReadError } from "./read-source.js";

/** Extensions of the files read as documents. */
export const SOURCE_EXTENSIONS: ReadonlySet<string> = new Set([".txt", ".md", ".markdown", ".text"]);

// A folder's notes are not documents of the collection (corpus/README.md describes the corpus).
const NOT_DOCUMENTS = /^(?:README|CHANGELOG|CHANGES|LICENSE|LICENCE|CONTRIBUTING|NOTICE|SOURCES)(?:\.|$)/i;

/** A path that was not indexed, with the reason in a few words. */
export interface SkippedFile {
  path: string;
  reason: string;
}

/** The files of a listing (absolute, sorted) and what could not be listed. */
export interface SourceListing {
  files: string[];
  skipped: SkippedFile[];
}

/**
 * Expands files and folders into the absolute paths of the documents they hold, sorted. A file
 * named explicitly is taken whatever its extension.
 * @example
 * listSourceFiles(["documents"]).files // → ["/…/documents/plan.txt", …]
 */
export function listSourceFiles(paths: readonly string[]): SourceListing {
  const files = new Set<string>();
  const skipped: SkippedFile[] = [];
  const visitedDirs = new Set<string>();
  const visit = (path: string, explicit: boolean) => {
    let info;
    try {
      info = statSync(path);
    } catch (error) {
      skipped.push({ path, reason: (error as NodeJS.ErrnoException).code === "ENOENT" ? (explicit ? "no such file or directory" : "dangling symbolic link") : describeReadError(error) });
      return;
    }
    if (info.isDirectory()) {
      let real: string;
      let entries: string[];
      try {
        real = realpathSync(path);
        entries = readdirSync(path).sort();
      } catch (error) {
        skipped.push({ path, reason: `cannot list (${describeReadError(error)})` });
        return;
      }
      if (visitedDirs.has(real)) {
        if (!explicit) skipped.push({ path, reason: "symbolic link loop (folder already listed)" });
        return;
      }
      visitedDirs.add(real);
      for (const name of entries) {
        if (name.startsWith(".") || NOT_DOCUMENTS.test(name)) continue;
        visit(join(path, name), false);
      }
      return;
    }
    if (!info.isFile()) {
      if (explicit) skipped.push({ path, reason: "not a regular file" });
      return;
    }
    if (!explicit && !SOURCE_EXTENSIONS.has(extname(path).toLowerCase())) return;
    files.add(path);
  };
  for (const p of paths) visit(resolve(p), true);
  return { files: [...files].sort(), skipped };
}
