// Gives the segments of a number token their roles (type code, issuer code) with the type word
// that stands before it. The code inside the number names the type when it has one, whatever the
// type word says (`Thông tư số 60/2003/TTLT-BNV-BTC` is a TTLT, `Công văn số 7886/HD-BNV` a HD),
// with one exception: Party Quy định are numbered with `QĐ` (`Quy định số 339-QĐ/TW` is a QĐi).
// A number without a type code (a công văn's `3280/UBND-VX`, a law's `43/2019/QH14`, the old
// `50/CP`) takes its type from the type word, and its whole symbol is the issuer code.
import type { NumberShape } from "../../grammars/reference-tokens.js";
import type { ReferenceDocType } from "../../grammars/vocabulary/reference-doc-types.js";
import { impliedTypeCode, isPartyBody } from "../../grammars/vocabulary/issuer-codes.js";
import { typesByCode, typesByName } from "../../grammars/vocabulary/doc-type-lookup.js";

/** A number read with its type word: the document type, sequence, year and issuer code. */
export interface NumberReading {
  type: ReferenceDocType;
  seq: string;
  year: number | null;
  issuerCode: string | null;
  /** Party document (Party-style number, or a Party body after the type code). */
  party: boolean;
}

const CONG_VAN = typesByName("Công văn")[0]!;

/** The entry a code stands for, given the type word's entries and whether the number is Party. */
function typeForCode(code: string, party: boolean, wordTypes: readonly ReferenceDocType[]): ReferenceDocType | null {
  const upper = code.toUpperCase();
  const written = wordTypes.find((w) => (w.party ? party : true) && w.writtenAs?.some((c) => c.toUpperCase() === upper));
  if (written) return written;
  const candidates = typesByCode(code);
  if (candidates.length === 0) return null;
  return (
    candidates.find((c) => wordTypes.includes(c)) ??
    candidates.find((c) => Boolean(c.party) === party) ??
    candidates[0]!
  );
}

/** Reads `shape` with the entries of the type word before it (none for a bare number). */
export function readNumber(shape: NumberShape, wordTypes: readonly ReferenceDocType[]): NumberReading {
  const segs = shape.segments;
  const base = { seq: shape.seq, year: shape.year };
  const join = (parts: readonly string[]): string | null => (parts.length ? parts.join("-") : null);

  if (shape.style === "party") {
    const type = typeForCode(segs[0]!, true, wordTypes) ?? { code: segs[0]!, name: segs[0]! };
    return { ...base, type, issuerCode: join(segs.slice(1)), party: true };
  }
  const party = segs.length > 1 && isPartyBody(segs[1]!);
  const first = typeForCode(segs[0]!, party, wordTypes);
  if (first) return { ...base, type: first, issuerCode: join(segs.slice(1)), party };
  // `24/LB-TT`: issuer and type swapped; only trusted when the type word agrees.
  for (let i = 1; i < segs.length; i++) {
    const t = typeForCode(segs[i]!, false, wordTypes);
    if (t && wordTypes.includes(t)) return { ...base, type: t, issuerCode: join(segs.filter((_, j) => j !== i)), party };
  }
  const implied = impliedTypeCode(segs[0]!);
  const type =
    wordTypes[0] ?? (implied ? typesByCode(implied)[0] : undefined) ?? CONG_VAN;
  return { ...base, type, issuerCode: join(segs), party };
}
