// Which files of a folder are documents, and how to name them safely on a terminal. Folders are
// what people have: broken links, links that lead back to a folder above (a walk that followed
// them would never end), folders named like documents (`x.md/`), FIFOs, folders that cannot be
// listed. Each problem is reported once, with its reason, and the rest is still listed.
import { readdirSync, realpathSync, statSync } from "node:fs";
import { join, extname } from "node:path";
import { describeFileError, MAX_DOCUMENT_BYTES, tooLarge } from "../input/read-document-file.js";
import { UNREAD_DOCUMENT_EXTENSIONS, describeBinaryFile } from "../input/binary-formats.js";
import { DOCUMENT_EXTENSIONS } from "../input/document-formats.js";


// A folder's own notes are not documents of the collection (corpus/README.md describes the corpus).
const NOT_DOCUMENTS = /^(?:README|CHANGELOG|CHANGES|LICENSE|LICENCE|CONTRIBUTING|NOTICE|SOURCES)(?:\.|$)/i;

/** A path that could not be listed or read, with the reason in a few words. */
export interface Skipped {
  path: string;
  reason: string;
}

/**
 * Expands files and folders into document files (folders recursively, sorted); what cannot be
 * listed is reported. A file named explicitly is taken whatever its extension.
 */
export function listDocuments(paths: string[]): { files: string[]; skipped: Skipped[] } {
  const files: string[] = [];
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  const listed = new Set<string>();
  // The real paths of the folders being walked, outermost first: a link to one of them is a loop.
  const open: string[] = [];
  const visit = (p: string, explicit: boolean) => {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      skipped.push({ path: p, reason: describeFileError(e, p) });
      return;
    }
    if (st.isDirectory()) {
      let real: string;
      let entries: string[];
      try {
        real = realpathSync(p);
        entries = readdirSync(p).sort();
      } catch (e) {
        skipped.push({ path: p, reason: `cannot list (${describeFileError(e, p)})` });
        return;
      }
      if (open.includes(real)) {
        skipped.push({ path: p, reason: "symbolic link loop (leads back to a folder above it)" });
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
      if (explicit) skipped.push({ path: p, reason: "not a regular file" });
      return;
    }
    const extension = extname(p).toLowerCase();
    if (!explicit && !DOCUMENT_EXTENSIONS.has(extension)) {
      // A PDF among the texts is a document the user expects read: say how to get its text.
      const unread = UNREAD_DOCUMENT_EXTENSIONS.get(extension);
      if (unread) skipped.push({ path: p, reason: describeBinaryFile(unread, p) });
      return;
    }
    if (seen.has(p)) return;
    seen.add(p);
    // Refused here already, so that no command that lists through this (vanban index too) ever
    // reads a 200 MB file into memory.
    if (st.size > MAX_DOCUMENT_BYTES) {
      skipped.push({ path: p, reason: tooLarge(st.size) });
      return;
    }
    files.push(p);
  };
  for (const p of paths) visit(p, true);
  return { files, skipped };
}

// Controls (C0, DEL, C1), zero-width and bidirectional formatting characters, and the line and
// paragraph separators: what could move the cursor, recolour the terminal or disguise a name.
const UNSAFE_IN_NAMES = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/gu;

/** A file name with control characters escaped (`\u001b`), so a hostile name cannot drive the terminal. */
export function safeName(name: string): string {
  return name.replace(UNSAFE_IN_NAMES, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
