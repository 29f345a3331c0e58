// A collection document's own canonical key: the key its citations in other documents get, so a
// citation is matched to the document by comparing keys (see citations/canonical-key.ts).
import { citationKey } from "../citations/canonical-key.js";
import type { DocumentRecord } from "../model/record.js";

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
