// Plausibility checks that need no gold: fields that read but do not agree with each other (the
// number's type code and the type, the issuer code and the issuer, the signing office and the
// issuer's kind), words of the national motto caught in the issuer or the title, and a header
// that was there but gave no number, date, issuer, type or title. Each failure becomes a
// diagnostic of severity `suspect`, so a user knows which records to verify by eye.
import type { Diagnostic, DocumentRecord } from "../model/record.js";
import { docTypeByCode } from "../../grammars/vocabulary/doc-type-lookup.js";
import { foldUpper } from "../../grammars/document/document-tokens.js";
import type { LineIndex } from "../input/line-index.js";

/** The names of the checks, as the diagnostics' codes write them (`suspect-<name>`). */
export const RECORD_CHECKS = ["incomplete-header", "motto-in-issuer", "motto-in-title", "type-code", "issuer-code", "signature-office", "date"] as const;
export type RecordCheck = (typeof RECORD_CHECKS)[number];

/** What the parse knows beyond the record: whether the page had a header block at all. */
export interface CheckContext {
  hasHeader: boolean;
  /** The year the parse runs in: a document dated later than next year is implausible. */
  currentYear?: number;
  /** The clean text the record was read from, to place each diagnostic at the field it suspects. */
  text?: string;
  lineIndex?: LineIndex;
}

// Where a field's words stand in the clean text: header fields are sought from the top, the
// signature from the bottom, case-insensitively, by their first words (a title may be cut over
// lines the record joined). Null when the record's spelling is not the text's (`UBND` read out).
function locate(text: string, needle: string | null | undefined, fromEnd = false): number | null {
  const words = needle?.trim().split(/\s+/).slice(0, 4).join(" ");
  if (!words) return null;
  const hay = text.toLowerCase();
  const sought = words.toLowerCase();
  // Lower-casing keeps the length of Vietnamese text, so offsets carry over; not of every script.
  if (hay.length !== text.length) return fromEnd ? nonNegative(text.lastIndexOf(words)) : nonNegative(text.indexOf(words));
  return nonNegative(fromEnd ? hay.lastIndexOf(sought) : hay.indexOf(sought));
}

function nonNegative(n: number): number | null {
  return n >= 0 ? n : null;
}

// The motto and the Quốc hiệu: any of these inside an issuer or a title is the other header
// column read into it. A lone `Cộng` at either end is the Quốc hiệu's first word. Tones are kept
// (lower-cased, not folded): `công` (public, `hành chính công`) is not `cộng`.
const MOTTO_PHRASES = /cộng hòa|cộng hoà|xã hội chủ nghĩa việt|độc lập\s*[-–—]|tự do\s*[-–—]\s*hạnh|hạnh phúc$|^hạnh phúc/u;
const LONE_CONG = /(?:^|\s)cộng$|^cộng\s/u;

/** True when a name or title holds words of the national motto or Quốc hiệu. */
export function holdsMottoWords(text: string): boolean {
  const lower = text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
  return MOTTO_PHRASES.test(lower) || LONE_CONG.test(lower);
}

// Type codes that stand for one another: the Party writes its Quy định `QĐ`, Thông tri `TT`.
const SAME_TYPE: readonly (readonly string[])[] = [["QĐ", "QĐi", "QyĐ"], ["TT", "Thông tri"], ["CTr", "CT"]];

function typesAgree(codeInNumber: string, docTypeCode: string): boolean {
  const entry = docTypeByCode(codeInNumber);
  if (!entry) return true;
  if (entry.code === docTypeCode) return true;
  return SAME_TYPE.some((group) => group.includes(entry.code) && group.includes(docTypeCode));
}

/** The capital letters of a code, folded (`TTg` → `TT`, `QH15` → `QH`, `TW` → `TU` for Trung ương). */
function codeLetters(code: string): string {
  return foldUpper(code.replace(/[^\p{Lu}]/gu, "")).replace(/W/g, "U");
}

/** The first letters of a name's words, folded (`Sở Giáo dục và Đào tạo` → `SGDVDT`). */
function initialsOf(name: string): string {
  return foldUpper(name)
    .split(/[^A-Z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0))
    .join("");
}

function isSubsequence(needle: string, hay: string): boolean {
  let i = 0;
  for (const ch of hay) if (ch === needle[i]) i++;
  return i === needle.length;
}

/** True when an issuer code can abbreviate the issuer (its letters are initials of the issuer's or its parent's words, in order). */
export function issuerCodeFits(issuerCode: string, issuer: { name: string; parent: string | null }): boolean {
  const first = issuerCode.split(/[-/.–]/)[0] ?? "";
  const letters = codeLetters(first);
  if (letters.length < 2) return true;
  // The parent's words may stand before the body's or after (`BTCTW`: Ban Tổ chức Trung ương).
  return [`${issuer.parent ?? ""} ${issuer.name}`, `${issuer.name} ${issuer.parent ?? ""}`].some((n) => isSubsequence(letters, initialsOf(n)));
}

// The kinds of body an issuer is and a signing office serves, from the first words of each.
type BodyKind = "committee" | "council" | "government" | "ministry" | "department" | "party";
const ISSUER_KINDS: readonly [RegExp, BodyKind][] = [
  [/^(?:UY BAN NHAN DAN|UBND)\b/u, "committee"],
  [/^(?:HOI DONG NHAN DAN|HDND)\b/u, "council"],
  [/^(?:CHINH PHU|THU TUONG)\b/u, "government"],
  [/^BO (?!CHINH TRI|CHI HUY|DOI)\S/u, "ministry"],
  [/^SO \S/u, "department"],
  [/^(?:TINH UY|THANH UY|HUYEN UY|QUAN UY|THI UY|DANG UY|BAN THUONG VU|BAN CHAP HANH|BO CHINH TRI|BAN BI THU)\b/u, "party"],
];
const OFFICE_KINDS: readonly [RegExp, readonly BodyKind[]][] = [
  [/^(?:UY BAN NHAN DAN|UBND)\b/u, ["committee"]],
  [/^(?:HOI DONG NHAN DAN|HDND|THUONG TRUC HOI DONG)\b/u, ["council"]],
  [/^(?:CHINH PHU|THU TUONG)\b/u, ["government"]],
  [/^BO TRUONG\b/u, ["ministry"]],
  [/^GIAM DOC\b/u, ["department"]],
  [/^(?:BAN THUONG VU|BAN CHAP HANH|BI THU|BO CHINH TRI|BAN BI THU|TINH UY|THANH UY|HUYEN UY|DANG UY)\b/u, ["party"]],
];

function kindOf(table: readonly [RegExp, BodyKind][], name: string): BodyKind | null {
  const folded = foldUpper(name).trim();
  return table.find(([re]) => re.test(folded))?.[1] ?? null;
}

/** True when the office a signature serves cannot be the issuer's (`TM. ỦY BAN NHÂN DÂN` on a Sở's paper). */
export function signatureFitsIssuer(principal: string, issuer: { name: string; parent: string | null }): boolean {
  const folded = foldUpper(principal).trim();
  const serves = OFFICE_KINDS.find(([re]) => re.test(folded))?.[1];
  if (!serves) return true;
  // Only the issuer's own kind counts: a centre under a committee signs as its director.
  const kind = kindOf(ISSUER_KINDS, issuer.name);
  return kind === null || serves.includes(kind);
}

/** The checks a record fails, each as a `suspect` diagnostic naming the check and what disagrees. */
export function checkRecord(record: DocumentRecord, context: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { text, lineIndex } = context;
  // Each diagnostic stands where the field it suspects was read; the header's first field, or
  // the text's first line, when that field's words cannot be found as the record spells them.
  const headerStart = () => locate(text ?? "", record.number?.raw) ?? locate(text ?? "", record.date?.raw) ?? 0;
  const flag = (check: RecordCheck, message: string, at?: number | null) => {
    const place = text !== undefined && lineIndex ? lineIndex.position(at ?? headerStart()) : { line: 0, column: 0 };
    out.push({ severity: "suspect", code: `suspect-${check}`, message, line: place.line, column: place.column });
  };
  const find = (needle: string | null | undefined, fromEnd = false) => (text === undefined ? null : locate(text, needle, fromEnd));

  if (context.hasHeader) {
    const missing = [
      record.number ? null : "number",
      record.date ? null : "date",
      record.issuer ? null : "issuer",
      record.docType ? null : "type",
      record.title ? null : "title",
    ].filter((f): f is string => f !== null);
    if (missing.length) flag("incomplete-header", `the page has a header but no ${missing.join(", ")} was read from it`);
  }
  const issuer = record.issuer;
  if (issuer && (holdsMottoWords(issuer.name) || (issuer.parent && holdsMottoWords(issuer.parent)))) flag("motto-in-issuer", `the issuer "${issuer.name}" holds words of the national motto`, find(issuer.name) ?? find(issuer.parent));
  if (record.title && holdsMottoWords(record.title)) flag("motto-in-title", "the title holds words of the national motto", find(record.title));
  const number = record.number;
  if (number?.typeCode && record.docType && !typesAgree(number.typeCode, record.docType.code)) {
    flag("type-code", `the number's type code ${number.typeCode} is not the type ${record.docType.name}`, find(number.raw));
  }
  if (number?.issuerCode && issuer && !issuer.inferred && !issuerCodeFits(number.issuerCode, issuer)) {
    flag("issuer-code", `the issuer code ${number.issuerCode} does not abbreviate "${issuer.name}"`, find(number.raw));
  }
  const office = record.signature?.principal ?? record.signature?.title;
  if (office && issuer && !signatureFitsIssuer(office, issuer)) flag("signature-office", `the signature's office "${office}" does not serve "${issuer.name}"`, find(office, true));
  const year = record.date?.iso ? Number(record.date.iso.slice(0, 4)) : null;
  const latest = (context.currentYear ?? new Date().getUTCFullYear()) + 1;
  if (record.date && (year === null || year < 1945 || year > latest)) flag("date", `the date "${record.date.raw}" is not a plausible date of issue`, find(record.date.raw));
  else if (year !== null && number?.year && number.year !== year) flag("date", `the number's year ${number.year} is not the date's year ${year}`, find(number.raw));
  return out;
}
