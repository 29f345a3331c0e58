// Which files of the paths given are documents: the one lister of `vanban parse`, `vanban index`
// and `indexFolder`, by the one list of extensions (DOCUMENT_EXTENSIONS). Folders are what people
// have: broken links, links that lead back to a folder above (a walk that followed them would
// never end), folders named like documents (`x.md/`), FIFOs, folders that cannot be listed. Each
// problem is reported once, with its reason, and the rest is still listed.
import { readdirSync, realpathSync, statSync } from "node:fs";
import { join, extname } from "node:path";
import { describeFileError, maxDocumentBytes, tooLarge } from "../input/read-document-file.js";
import { UNREAD_DOCUMENT_EXTENSIONS, describeBinaryFile } from "../input/binary-formats.js";
import { DOCUMENT_EXTENSIONS } from "../input/document-formats.js";

// A folder's own notes are not documents of the collection (corpus/README.md describes the corpus).
const NOT_DOCUMENTS = /^(?:README|CHANGELOG|CHANGES|LICENSE|LICENCE|CONTRIBUTING|NOTICE|SOURCES)(?:\.|$)/i;

/** Extensions of the files read as documents when a folder is listed: `DOCUMENT_EXTENSIONS`, under the name the library has exported. */
export const SOURCE_EXTENSIONS: ReadonlySet<string> = DOCUMENT_EXTENSIONS;

/** A path that could not be listed or read, with the reason in a few words. */
export interface SkippedFile {
  path: string;
  reason: string;
  /** a path given (not one found in a folder) that could not be read or listed at all: an index run refuses rather than drop what it held */
  root: boolean;
}

/** The document files of a listing (in the order walked, each folder's entries sorted) and what could not be listed. */
export interface SourceListing {
  files: string[];
  skipped: SkippedFile[];
}

/**
 * Expands files and folders into document files (folders recursively, sorted); what cannot be
 * listed is reported. A file named explicitly is taken whatever its extension.
 * @example
 * listSourceFiles(["documents"]).files // → ["documents/plan.txt", …]
 */
export function listSourceFiles(paths: readonly string[]): SourceListing {
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  const seen = new Set<string>();
  const listed = new Set<string>();
  // The real paths of the folders being walked, outermost first: a link to one of them is a loop.
  const open: string[] = [];
  const visit = (p: string, explicit: boolean) => {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      skipped.push({ path: p, reason: describeFileError(e, p), root: explicit });
      return;
    }
    if (st.isDirectory()) {
      let real: string;
      let entries: string[];
      try {
        real = realpathSync(p);
        entries = readdirSync(p).sort();
      } catch (e) {
        skipped.push({ path: p, reason: `cannot list (${describeFileError(e, p)})`, root: explicit });
        return;
      }
      if (open.includes(real)) {
        skipped.push({ path: p, reason: "symbolic link loop (leads back to a folder above it)", root: false });
        return;
      }
      // The same folder reached again by another link: its files are listed once.
      if (listed.has(real)) return;
      listed.add(real);
      open.push(real);
      for (const e of entries) {
        if (e.startsWith(".") || NOT_DOCUMENTS.test(e)) continue;
        visit(join(p, e), false);
      }
      open.pop();
      return;
    }
    if (!st.isFile()) {
      if (explicit) skipped.push({ path: p, reason: "not a regular file", root: false });
      return;
    }
    const extension = extname(p).toLowerCase();
    if (!explicit && !DOCUMENT_EXTENSIONS.has(extension)) {
      // A PDF among the texts is a document the user expects read: say how to get its text.
      const unread = UNREAD_DOCUMENT_EXTENSIONS.get(extension);
      if (unread) skipped.push({ path: p, reason: describeBinaryFile(unread, p), root: false });
      return;
    }
    if (seen.has(p)) return;
    seen.add(p);
    // Refused here already, so that no command that lists through this (vanban index too) ever
    // reads a 200 MB file into memory.
    const limit = maxDocumentBytes(extname(p));
    if (st.size > limit) {
      skipped.push({ path: p, reason: tooLarge(st.size, limit), root: false });
      return;
    }
    files.push(p);
  };
  for (const p of paths) visit(p, true);
  return { files, skipped };
}
