// Which files of a folder are documents, and how to name them safely on a terminal.
import { readdirSync, statSync } from "node:fs";
import { join, extname } from "node:path";

/** Extensions of the files vanban reads as documents. */
export const DOCUMENT_EXTENSIONS = new Set([".txt", ".md", ".markdown", ".text"]);

// A folder's own notes are not documents of the collection (corpus/README.md describes the corpus).
const NOT_DOCUMENTS = /^(?:README|CHANGELOG|CHANGES|LICENSE|LICENCE|CONTRIBUTING|NOTICE|SOURCES)(?:\.|$)/i;

/** A path that could not be listed or read, with the reason in a few words. */
export interface Skipped {
  path: string;
  reason: string;
}

/** Expands files and folders into document files (folders recursively, sorted); unreadable ones are reported. */
export function listDocuments(paths: string[]): { files: string[]; skipped: Skipped[] } {
  const files: string[] = [];
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  const visit = (p: string, explicit: boolean) => {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      skipped.push({ path: p, reason: (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or directory" : `cannot read (${(e as NodeJS.ErrnoException).code ?? "error"})` });
      return;
    }
    if (st.isDirectory()) {
      let entries: string[];
      try {
        entries = readdirSync(p).sort();
      } catch (e) {
        skipped.push({ path: p, reason: `cannot list (${(e as NodeJS.ErrnoException).code ?? "error"})` });
        return;
      }
      for (const e of entries) {
        if (e.startsWith(".") || NOT_DOCUMENTS.test(e)) continue;
        visit(join(p, e), false);
      }
      return;
    }
    if (!st.isFile()) return;
    if (!explicit && !DOCUMENT_EXTENSIONS.has(extname(p).toLowerCase())) return;
    if (seen.has(p)) return;
    seen.add(p);
    files.push(p);
  };
  for (const p of paths) visit(p, true);
  return { files, skipped };
}

/** A file name with control characters escaped, so a hostile name cannot drive the terminal. */
export function safeName(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
