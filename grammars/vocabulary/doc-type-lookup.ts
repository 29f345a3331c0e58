// The one place a type word or a type code is looked up: the document grammar's (a document's own
// type-name line and number, over the shared table of doc-types.ts) and the reference grammar's
// (a type word in running text and the code in a cited number, over reference-doc-types.ts).
import { DOC_TYPES, PARTY_THONG_TRI, type DocTypeEntry } from "./doc-types.js";
import { REFERENCE_DOC_TYPES, type ReferenceDocType } from "./reference-doc-types.js";
import { foldDiacritics } from "../text/fold.js";

/**
 * Entries by the code written in a number. Codes compare case-insensitively with `Đ` kept (`HD`
 * Hướng dẫn ≠ `HĐ` Hợp đồng, `DA` ≠ `ĐA`); a code that matches none exactly but exactly one once
 * `Đ` and `D` are identified is that one (OCR and keyboards lose Đ: `QD` → `QĐ`, `ND` → `NĐ`).
 */
function codeIndex<T extends DocTypeEntry>(entries: readonly T[], alsoWritten: Readonly<Record<string, string>> = {}): (code: string) => T[] {
  const byUpper = new Map<string, T[]>();
  const byStrokeless = new Map<string, Set<string>>();
  for (const t of entries) {
    const upper = t.code.toUpperCase();
    byUpper.set(upper, [...(byUpper.get(upper) ?? []), t]);
    const strokeless = upper.replace(/Đ/g, "D");
    byStrokeless.set(strokeless, (byStrokeless.get(strokeless) ?? new Set()).add(upper));
  }
  return (code) => {
    const upper = code.toUpperCase();
    const exact = byUpper.get(upper);
    if (exact) return exact;
    const folded = byStrokeless.get(upper.replace(/Đ/g, "D"));
    if (folded && folded.size === 1) return byUpper.get([...folded][0]!)!;
    const other = alsoWritten[upper];
    return other ? (byUpper.get(other.toUpperCase()) ?? []) : [];
  };
}

// A Pháp lệnh's code inside its own number is `PL` (`15/2004/PL-UBTVQH11`).
const sharedByCode = codeIndex(DOC_TYPES, { PL: "Pháp lệnh" });

/** The entry of the shared table for a code as written in a number (`QĐ`, `qđ`, OCR `QD`), or undefined. */
export function docTypeByCode(code: string): DocTypeEntry | undefined {
  return sharedByCode(code)[0];
}

// Every name and alias, lower case, with its entries (a name may be the State's and the Party's).
// Lower case as Vietnamese writes it: Unicode has no Vietnamese-specific case mapping (only
// Lithuanian, Turkish and Azeri have one), so `toLowerCase` is `toLocaleLowerCase("vi")` on every
// string, at a seventh of its cost; building these per call was most of a short document's typing.
const byName = new Map<string, DocTypeEntry[]>();
for (const t of [...DOC_TYPES, PARTY_THONG_TRI]) {
  for (const n of new Set([t.name, ...(t.aliases ?? [])].map((n) => n.toLowerCase()))) {
    const list = byName.get(n);
    if (list) list.push(t);
    else byName.set(n, [t]);
  }
}

/**
 * The entry of the shared table whose name (or alias) equals a document's type-name line,
 * case-insensitively (marks kept: a type line is written in full); Party entries preferred when `party`.
 */
export function docTypeByName(name: string, party = false): DocTypeEntry | undefined {
  const key = name.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
  let found: DocTypeEntry | undefined;
  for (const t of byName.get(key) ?? []) {
    if (!found || (party && t.party && !found.party) || (!party && found.party && !t.party)) found = t;
  }
  return found;
}

const referenceByCode = codeIndex(REFERENCE_DOC_TYPES);

const byFoldedName = new Map<string, ReferenceDocType[]>();
for (const t of REFERENCE_DOC_TYPES)
  for (const n of [t.name, ...(t.aliases ?? [])]) {
    const k = foldDiacritics(n);
    const list = byFoldedName.get(k) ?? [];
    if (!list.includes(t)) list.push(t);
    byFoldedName.set(k, list);
  }

// Type words recur (a document writes `Quyết định` hundreds of times): remember each spelling.
const byWrittenName = new Map<string, ReferenceDocType[]>();

/** The entries a type word in running text names (`Quy định` → QyĐ and QĐi), whatever its case and marks. */
export function typesByName(word: string): ReferenceDocType[] {
  let types = byWrittenName.get(word);
  if (!types) {
    types = byFoldedName.get(foldDiacritics(word)) ?? [];
    if (byWrittenName.size < 4096) byWrittenName.set(word, types);
  }
  return types;
}

/** The entries a code written in a cited number stands for (see `codeIndex` for how codes compare). */
export function typesByCode(code: string): ReferenceDocType[] {
  return referenceByCode(code);
}

/** The vocabulary's own spelling of a code (`qđ`, `QD` → `QĐ`), or the code upper-cased when unknown. */
export function canonicalTypeCode(code: string): string {
  return typesByCode(code)[0]?.code ?? code.toUpperCase();
}

/** The record's `{ code, name }` for an entry. */
export function toDocType(entry: DocTypeEntry): { code: string; name: string } {
  return { code: entry.code, name: entry.name };
}
