// The documents a command is given, read one by one: folders listed by the collection's one lister
// (kb/list-source-files.ts), each file read with the checks of read-document-file.ts, and every
// path that gives no bytes reported once with its reason while the others are still read
// (vanban parse, vanban text). PDFs pass: both commands parse with parseDocumentAsync.
import { listSourceFiles } from "../kb/list-source-files.js";
import { readDocumentFile } from "../input/read-document-file.js";

/** Yields the bytes of each document `paths` name; a path that cannot be read goes to `report`. */
export function* readListedDocuments(paths: string[], report: (path: string, reason: string) => void): Generator<{ file: string; bytes: Uint8Array }> {
  const { files, skipped } = listSourceFiles(paths);
  for (const s of skipped) report(s.path, s.reason);
  for (const file of files) {
    const read = readDocumentFile(file, { acceptPdf: true });
    if ("problem" in read) report(file, read.problem);
    else yield { file, bytes: read.bytes };
  }
}
