// The audit of the collections nobody tuned for (../shared/collections): every file parsed, every
// record's `suspect` diagnostics counted by check, and on the pages that are not documents any
// type or number counted as found. Shared by the budget test and `npx tsx test/audit/print-audit.ts`.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseDocumentBytes } from "../../src/document/parse-document.js";
import type { DocumentRecord } from "../../src/model/record.js";

const repoRoot = resolve(fileURLToPath(new URL("../..", import.meta.url)));
/** The shared collections, or null when ../shared is absent (a bare clone). */
export const collectionsDir: string | null = existsSync(resolve(repoRoot, "../shared/collections/tvpl-2025")) ? resolve(repoRoot, "../shared/collections") : null;

/** One audited file: its name, its record and the checks it failed. */
export interface AuditedFile {
  name: string;
  record: DocumentRecord;
  failed: string[];
}

/** Failures per check, and the files behind each. */
export interface AuditResult {
  files: number;
  /** Documents with number, date, issuer, type and title all read. */
  complete: number;
  counts: Record<string, number>;
  flagged: AuditedFile[];
}

function parseFolder(dir: string): AuditedFile[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith(".md"))
    .sort()
    .map((name) => {
      const record = parseDocumentBytes(readFileSync(join(dir, name)), { path: name }).record;
      return { name, record, failed: [] as string[] };
    });
}

/** Audits the documents of `tvpl-2025`: each `suspect` diagnostic is a failed check. */
export function auditDocuments(root: string): AuditResult {
  const files = parseFolder(join(root, "tvpl-2025"));
  const counts: Record<string, number> = {};
  let complete = 0;
  for (const f of files) {
    const r = f.record;
    if (r.number && r.date && r.issuer && r.docType && r.title) complete++;
    f.failed = [...new Set(f.record.diagnostics.filter((d) => d.severity === "suspect").map((d) => d.code.replace(/^suspect-/, "")))];
    for (const c of f.failed) counts[c] = (counts[c] ?? 0) + 1;
  }
  return { files: files.length, complete, counts, flagged: files.filter((f) => f.failed.length) };
}

/** Audits the pages of `not-documents`: any type or number read there is a failure. */
export function auditNotDocuments(root: string): AuditResult {
  const files = parseFolder(join(root, "not-documents"));
  const counts: Record<string, number> = { "type-found": 0, "number-found": 0 };
  for (const f of files) {
    if (f.record.docType) f.failed.push("type-found");
    if (f.record.number) f.failed.push("number-found");
    for (const c of f.failed) counts[c]! += 1;
  }
  return { files: files.length, complete: 0, counts, flagged: files.filter((f) => f.failed.length) };
}
