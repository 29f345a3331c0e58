// Which listed files an index run must read again: each one's size and modification time against
// what the store holds of it (the embedded store and PostgreSQL keep that differently, so the
// caller says whether a file is unchanged). A file gone between listing and reading is skipped
// with its reason, never an error.
import { stat } from "node:fs/promises";
import type { Stats } from "node:fs";
import { describeFileError } from "../input/read-document-file.js";
import type { SkippedFile } from "./list-source-files.js";

/** The files to read and their bytes, and how many were unchanged. */
export interface ChangedFiles {
  toRead: string[];
  bytesTotal: number;
  unchanged: number;
}

/** Sorts `files` into those to read and those `isUnchanged` keeps; files that cannot be stat'ed go to `skipped`. */
export async function findChangedFiles(files: readonly string[], isUnchanged: (path: string, info: Stats) => boolean, skipped: SkippedFile[]): Promise<ChangedFiles> {
  const toRead: string[] = [];
  let bytesTotal = 0;
  let unchanged = 0;
  for (const path of files) {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      skipped.push({ path, reason: (error as NodeJS.ErrnoException).code === "ENOENT" ? "removed while indexing" : describeFileError(error, path), root: false });
      continue;
    }
    if (isUnchanged(path, info)) unchanged++;
    else {
      toRead.push(path);
      bytesTotal += info.size;
    }
  }
  return { toRead, bytesTotal, unchanged };
}
