// Finds the entries of the reference vocabulary (grammars/vocabulary) for a type word as written
// in the text and for a type code as written in a number.
import { REFERENCE_DOC_TYPES, type ReferenceDocType } from "../../grammars/vocabulary/reference-doc-types.js";
import type { DocType } from "../model/record.js";
import { foldDiacritics } from "./fold-diacritics.js";

const byFoldedName = new Map<string, ReferenceDocType[]>();
for (const t of REFERENCE_DOC_TYPES)
  for (const n of [t.name, ...(t.aliases ?? [])]) {
    const k = foldDiacritics(n);
    const list = byFoldedName.get(k) ?? [];
    if (!list.includes(t)) list.push(t);
    byFoldedName.set(k, list);
  }

const byUpperCode = new Map<string, ReferenceDocType[]>();
const byStrokelessCode = new Map<string, Set<string>>();
for (const t of REFERENCE_DOC_TYPES) {
  const upper = t.code.toUpperCase();
  byUpperCode.set(upper, [...(byUpperCode.get(upper) ?? []), t]);
  const strokeless = upper.replace(/Đ/g, "D");
  byStrokelessCode.set(strokeless, (byStrokelessCode.get(strokeless) ?? new Set()).add(upper));
}

// Type words recur (a document writes `Quyết định` hundreds of times): remember each spelling.
const byWrittenName = new Map<string, ReferenceDocType[]>();

/** The entries a type word names (`Quy định` → QyĐ and QĐi), whatever its case and marks. */
export function typesByName(word: string): ReferenceDocType[] {
  let types = byWrittenName.get(word);
  if (!types) {
    types = byFoldedName.get(foldDiacritics(word)) ?? [];
    if (byWrittenName.size < 4096) byWrittenName.set(word, types);
  }
  return types;
}

/**
 * The entries a code written in a number stands for. Codes compare case-insensitively with `Đ`
 * kept (`HD` Hướng dẫn ≠ `HĐ` Hợp đồng, `DA` ≠ `ĐA`); a code that matches none exactly but exactly
 * one once `Đ` and `D` are identified is that one (OCR `QD` → `QĐ`, `ND` → `NĐ`).
 */
export function typesByCode(code: string): ReferenceDocType[] {
  const upper = code.toUpperCase();
  const exact = byUpperCode.get(upper);
  if (exact) return exact;
  const folded = byStrokelessCode.get(upper.replace(/Đ/g, "D"));
  return folded && folded.size === 1 ? byUpperCode.get([...folded][0]!)! : [];
}

/** The vocabulary's own spelling of a code (`qđ`, `QD` → `QĐ`), or the code upper-cased when unknown. */
export function canonicalTypeCode(code: string): string {
  return typesByCode(code)[0]?.code ?? code.toUpperCase();
}

/** The record's `{ code, name }` for an entry. */
export function toDocType(entry: ReferenceDocType): DocType {
  return { code: entry.code, name: entry.name };
}
