// One source file → what the store keeps of it: the record line for a chunk, the catalog fields
// and the citation facts. Runs in the indexing process or in a parse worker (parse-worker.ts), so
// it takes and returns plain data only.
import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { describeFileError, readDocumentFile } from "../input/read-document-file.js";
import { parseDocumentAsync } from "../document/parse-document.js";
import { UNREADABLE_CODES } from "../input/decode-document.js";
import { readCitationFacts } from "./citation-facts.js";
import { documentKey } from "./document-identity.js";
import type { CatalogEntry, CitationFact } from "./store-format.js";

const encoder = new TextEncoder();

/** The catalog fields of a parsed file that do not depend on where its record is stored. */
export type SourceFields = Omit<CatalogEntry, "chunk" | "offset" | "length" | "lineSha256">;

/** What reading one source file gave: a parsed document, a file whose content the store already holds, or a reason it was skipped. */
export type SourceResult =
  | { kind: "parsed"; fields: SourceFields; line: Uint8Array; lineSha256: string; facts: CitationFact[] }
  | { kind: "known"; path: string; size: number; mtimeMs: number; sha256: string }
  | { kind: "skipped"; path: string; reason: string };

/**
 * Reads and parses one file. When its content hash is in `known` (the store already holds a
 * record of these bytes) it is not parsed. Never throws: failures come back as `skipped`.
 */
export async function readSource(path: string, known: ReadonlySet<string>): Promise<SourceResult> {
  let info;
  try {
    // Synchronous, as the read below: a parse worker has nothing else to do meanwhile, and an
    // asynchronous stat left it idle for a round trip to the thread pool on every file.
    info = statSync(path);
  } catch (error) {
    return { kind: "skipped", path, reason: describeFileError(error, path) };
  }
  // The same reading as `vanban parse`: empty, too large and binary files (a PDF renamed .txt, a
  // scan, an archive) are skipped with the reason; the parse reads every format vanban reads.
  const read = readDocumentFile(path, { acceptPdf: true });
  if ("problem" in read) return { kind: "skipped", path, reason: read.problem };
  const bytes = Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (known.has(sha256)) return { kind: "known", path, size: bytes.length, mtimeMs: info.mtimeMs, sha256 };
  try {
    const { record, text } = await parseDocumentAsync(bytes, { path, sha256 });
    // A file whose text could not be read (a damaged PDF or .docx) is no document: skipped with
    // the reason, as vanban parse reports it, not kept as an empty record.
    const unreadable = record.diagnostics.find((d) => UNREADABLE_CODES.has(d.code));
    if (unreadable) return { kind: "skipped", path, reason: unreadable.message };
    const { facts, sentences } = readCitationFacts(record, text);
    const fields: SourceFields = {
      path,
      size: bytes.length,
      mtimeMs: info.mtimeMs,
      sha256,
      id: record.id,
      recordId: record.id,
      key: documentKey(record),
      docType: record.docType,
      number: record.number?.raw ?? null,
      date: record.date,
      issuer: record.issuer,
      title: record.title,
      system: record.system,
      place: record.place,
    };
    // The record's line as the chunk stores it, encoded and hashed here: in a parse worker, not
    // in the thread that writes every worker's lines (and its bytes move to that thread whole,
    // where a string would be copied).
    const line = encoder.encode(JSON.stringify({ record, sentences }));
    return { kind: "parsed", fields, line, lineSha256: createHash("sha256").update(line).digest("hex"), facts };
  } catch (error) {
    // The parser is meant never to throw; if it does, this file is skipped and the rest indexed.
    return { kind: "skipped", path, reason: `could not be parsed (${(error as Error)?.message ?? String(error)})` };
  }
}
