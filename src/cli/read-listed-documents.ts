// The documents a command is given, read one by one: folders listed, each file read with the
// checks of read-document-file.ts, and every path that gives no bytes reported once with its
// reason while the others are still read (vanban parse, vanban text).
import { listDocuments } from "./list-documents.js";
import { readDocumentFile } from "../input/read-document-file.js";

/** Yields the bytes of each document `paths` name; a path that cannot be read goes to `report`. */
export function* readListedDocuments(paths: string[], report: (path: string, reason: string) => void): Generator<{ file: string; bytes: Uint8Array }> {
  const { files, skipped } = listDocuments(paths);
  for (const s of skipped) report(s.path, s.reason);
  for (const file of files) {
    const read = readDocumentFile(file);
    if ("problem" in read) report(file, read.problem);
    else yield { file, bytes: read.bytes };
  }
}
