// Who a document of a collection is, in one place: its key (what citations of it are keyed by) and
// its id in the collection, which the catalog, the citation graph and the search index all use.
//
// The id. The parser's id is readable (`12-TB-THCS-2020-03-10`) and the same bytes always give
// the same one, but local bodies reuse numbers: two schools' notices can share number and date,
// and so the id. In a collection the id must name one document, so:
// files of identical content are one document (one id, several paths), and among different
// contents with one record id the first by path keeps it while each other gets a short suffix of
// its content hash. Assigned afresh on every index run, from the record ids, so it never depends
// on what an earlier run assigned.
import { citationKey } from "../citations/canonical-key.js";
import type { DocumentRecord } from "../model/record.js";
import type { CatalogEntry } from "./store-format.js";

/** Hex digits of the content hash added to an id that another content already has. */
const SUFFIX_LENGTH = 8;

/** A file whose content another file of the collection has too: one document, several paths. */
export interface DuplicateFile {
  /** the file */
  path: string;
  /** the first file (by path) with the same content */
  of: string;
}

/**
 * Sets `id` on every entry (sorted by path) from its `recordId` and content, so that an id names
 * one content; returns the files that repeat another's content.
 * @example
 * assignCollectionIds(entries) // two contents of "12-TB-THCS-2020-03-10": the second is "12-TB-THCS-2020-03-10-9f86d081"
 */
export function assignCollectionIds(entries: CatalogEntry[]): DuplicateFile[] {
  const firstPathOf = new Map<string, string>();
  const contentsOf = new Map<string, string>();
  const duplicates: DuplicateFile[] = [];
  for (const entry of entries) {
    const first = firstPathOf.get(entry.sha256);
    if (first !== undefined) duplicates.push({ path: entry.path, of: first });
    else firstPathOf.set(entry.sha256, entry.path);
    const owner = contentsOf.get(entry.recordId);
    if (owner === undefined) contentsOf.set(entry.recordId, entry.sha256);
    entry.id = owner === undefined || owner === entry.sha256 ? entry.recordId : `${entry.recordId}-${entry.sha256.slice(0, SUFFIX_LENGTH)}`;
  }
  return duplicates;
}

/**
 * The documents of a catalog (sorted by path), each once: of several files with one id (one
 * content at several paths) the first. What the search index holds and `records()` yields.
 */
export function distinctDocuments(catalog: readonly CatalogEntry[]): CatalogEntry[] {
  const seen = new Set<string>();
  return catalog.filter((entry) => {
    if (seen.has(entry.id)) return false;
    seen.add(entry.id);
    return true;
  });
}

/**
 * The key other documents cite this one by (`NQ:29:TW@2013`), or null when its number is not
 * known (an unnumbered draft, a header that could not be read).
 * @example
 * documentKey(record) // → "TB:203:UBND@2024" for 203/TB-UBND of 18/6/2024
 */
export function documentKey(record: Pick<DocumentRecord, "docType" | "number" | "date">): string | null {
  if (!record.docType || !record.number?.seq) return null;
  const iso = record.date?.iso ?? null;
  // A partial date (`2024-01`, the day left blank) gives the year only: keys carry whole dates.
  const full = iso !== null && iso.length === 10 ? iso : null;
  return citationKey({
    docType: record.docType,
    number: record.number.seq,
    issuerCode: record.number.issuerCode,
    year: record.number.year ?? (iso ? Number(iso.slice(0, 4)) : null),
    date: full,
  });
}
