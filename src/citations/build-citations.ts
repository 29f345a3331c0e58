// The "resolve" step: turns the references the grammar found in a document into the record's
// citations. The vocabulary gives numbers their type and issuer codes; a slip in an issuer code is
// mended when the document itself corrects it; undated mentions of a number take the year (or date)
// the document gives it elsewhere (or the known-documents table does); short forms
// (`Quy định 377`, `Chỉ thị số 45`, `TT 32`) become the full citation they abbreviate; names resolve
// through the known-documents table; the document's own number is marked `self`.
import type { LineIndex } from "../input/line-index.js";
import type { Citation, CitationContext, DocType } from "../model/record.js";
import { scanNumber, type NumberShape } from "../../grammars/reference-tokens.js";
import type { ReferenceDocType } from "../../grammars/vocabulary/reference-doc-types.js";
import { citationKey, unpaddedSeq } from "./canonical-key.js";
import { foldIssuerCode } from "../../grammars/vocabulary/issuer-codes.js";
import { canonicalTypeCode, toDocType, typesByCode, typesByName } from "../../grammars/vocabulary/doc-type-lookup.js";
import { foldDiacritics } from "../../grammars/text/fold.js";
import { knownDocumentsByNumber, matchKnownName } from "./known-documents.js";
import { readNumber } from "./read-number.js";
import type { FoundReference } from "./reference-visitor.js";

/** A reference found in the document: offsets and parent index are the document's own. */
export type LocatedReference = FoundReference & {
  context: CitationContext;
};

/** A citation on its way: the record's fields plus what resolution needs. */
interface Draft {
  ref: LocatedReference;
  docType: DocType | null;
  number: string | null;
  year: number | null;
  issuerCode: string | null;
  date: string | null;
  via: Citation["via"];
  context: CitationContext;
  /** Fixed by the known-documents table (aliases). */
  key: string | null;
  /** The name of a reference without a number. */
  name: string | null;
  /** The year the key carries: the number's, the date's, or one the document or table supplies. */
  keyYear: number | null;
  /** The date the key carries: the citation's, or the one the document gives the same number. */
  keyDate: string | null;
  /** A short form still to resolve, with the types its word or code allows. */
  shortTypes: ReferenceDocType[] | null;
  /** The written number, for comparing with the document's own. */
  shape: NumberShape | null;
}

const startsUpper = (s: string): boolean => s.charAt(0) !== s.charAt(0).toLowerCase();
const yearOfDate = (date: string | null): number | null => (date ? Number(date.slice(0, 4)) : null);
const identityKey = (d: Draft): string =>
  `${canonicalTypeCode(d.docType?.code ?? "")}:${unpaddedSeq(d.number ?? "")}:${foldIssuerCode(d.issuerCode ?? "")}`;

/** Whether a reference without a number is a citation by name (`Luật Giáo dục năm 2019`). */
function isNamed(types: readonly ReferenceDocType[], name: string, dated: boolean): boolean {
  if (!(startsUpper(name) || dated)) return false;
  const folded = foldDiacritics(name);
  return types.some((t) => t.named || t.namedPrefixes?.some((p) => folded.startsWith(foldDiacritics(p))));
}

function draftOf(ref: LocatedReference): Draft | null {
  const wordTypes = ref.typeWord ? typesByName(ref.typeWord) : [];
  const base: Draft = {
    ref,
    docType: wordTypes[0] ? toDocType(wordTypes[0]) : null,
    number: null,
    year: null,
    issuerCode: null,
    date: ref.date,
    via: "number",
    context: ref.context,
    key: null,
    name: null,
    keyYear: null,
    keyDate: null,
    shortTypes: null,
    shape: null,
  };
  switch (ref.kind) {
    case "self":
      return base.docType ? { ...base, via: "name", context: "self" } : null;
    case "number": {
      const shape = ref.seq ? { ...ref.number, seq: ref.seq } : ref.number;
      const reading = readNumber(shape, wordTypes);
      return { ...base, docType: toDocType(reading.type), number: reading.seq, year: reading.year, issuerCode: reading.issuerCode, shape };
    }
    case "short": {
      const types = ref.codeWord ? typesByCode(ref.codeWord) : wordTypes;
      return types.length ? { ...base, docType: toDocType(types[0]!), number: ref.seq, shortTypes: types } : null;
    }
    case "named": {
      if (!base.docType) return null;
      const year = ref.year ?? yearOfDate(ref.date);
      const phrase = [ref.typeWord, ref.name, ref.term && `khóa ${ref.term}`].filter(Boolean).join(" ");
      const known = ref.name ? matchKnownName({ phrase, year, subject: ref.subject }) : null;
      if (known) return { ...base, via: "alias", key: known.key };
      // `Hiến pháp năm 2013` needs no name; other types need one (`Luật Giáo dục`).
      const bare = !ref.name && year !== null && wordTypes.some((t) => t.named && t.code === t.name);
      if (!bare && !(ref.name && isNamed(wordTypes, ref.name, year !== null))) return null;
      return { ...base, via: "name", name: [ref.name, ref.term && `khóa ${ref.term}`].filter(Boolean).join(" "), keyYear: year };
    }
  }
}

/** The one value of a list, when there is exactly one. */
function single<T>(values: (T | null)[]): T | null {
  const set = new Set(values.filter((v): v is T => v !== null));
  return set.size === 1 ? [...set][0]! : null;
}

/** Gives undated mentions of a number the one date (or year) the document — or the table of known
 * documents — gives it elsewhere. */
function fillDates(drafts: Draft[]): void {
  const groups = new Map<string, Draft[]>();
  for (const d of drafts) {
    if (d.number === null || d.shortTypes) continue;
    d.keyYear = d.year ?? yearOfDate(d.date);
    d.keyDate = d.date;
    const k = identityKey(d);
    const group = groups.get(k);
    if (group) group.push(d);
    else groups.set(k, [d]);
  }
  for (const group of groups.values()) {
    let year = single(group.map((d) => d.keyYear));
    const date = single(group.map((d) => d.keyDate));
    if (year === null && group.every((d) => d.keyYear === null)) {
      const g = group[0]!;
      const known = knownDocumentsByNumber(g.docType!.code, g.number!, g.issuerCode);
      if (known.length === 1) year = known[0]!.year;
    }
    for (const d of group) {
      if (d.keyYear === null) d.keyYear = year;
      if (d.keyDate === null && date !== null && (d.keyYear === null || date.startsWith(String(d.keyYear)))) d.keyDate = date;
    }
  }
}

/** The initials of a body's name as issuer codes are made of them (`Bộ Tài chính` → `BTC`). */
function initials(body: string): string {
  return foldDiacritics(body)
    .split(" ")
    .filter((w) => w && w !== "va")
    .map((w) => w[0])
    .join("")
    .toUpperCase();
}

/**
 * Repairs a slip in an issuer code: when one citation's code contradicts the body it names
 * (`98/2013/TT-BXD ... của Bộ Tài chính`) and the document cites the same type, sequence and year
 * under the code of that body elsewhere (`98/2013/TT-BTC`), the code is the slip.
 */
function repairIssuerSlips(drafts: Draft[]): void {
  const groups = new Map<string, Draft[]>();
  for (const d of drafts) {
    if (d.number === null || d.year === null || d.shortTypes) continue;
    const k = `${d.docType?.code}:${unpaddedSeq(d.number)}:${d.year}`;
    const group = groups.get(k);
    if (group) group.push(d);
    else groups.set(k, [d]);
  }
  for (const group of groups.values()) {
    // The first citation under each code, looked up rather than searched for: a search per
    // citation made a document citing one number thousands of times quadratic.
    const byCode = new Map<string, Draft>();
    for (const d of group) {
      const code = foldIssuerCode(d.issuerCode ?? "");
      if (!byCode.has(code)) byCode.set(code, d);
    }
    if (byCode.size < 2) continue;
    for (const d of group) {
      if (!d.ref.issuer) continue;
      const named = initials(d.ref.issuer);
      if (named === foldIssuerCode(d.issuerCode ?? "")) continue;
      const right = byCode.get(named);
      if (right) d.issuerCode = right.issuerCode;
    }
  }
}

/** Turns each short form into the full citation with its sequence nearest before it (else after). */
function resolveShortForms(drafts: Draft[]): void {
  if (!drafts.some((d) => d.shortTypes)) return;
  const word = (d: Draft): string | null => (d.ref.typeWord ? foldDiacritics(d.ref.typeWord) : null);
  // The full citations a short form may stand for, by sequence and type code or type word, each
  // list in text order: the nearest is found by binary search, where a scan of every full
  // citation per short form made thousands of `Chỉ thị 45` take minutes.
  const byKey = new Map<string, Draft[]>();
  const add = (key: string, f: Draft): void => {
    const list = byKey.get(key);
    if (list) list.push(f);
    else byKey.set(key, [f]);
  };
  for (const f of drafts) {
    if (f.number === null || f.shortTypes) continue;
    const seq = unpaddedSeq(f.number);
    if (f.docType) add(`${seq} code:${f.docType.code}`, f);
    const w = word(f);
    if (w !== null) add(`${seq} word:${w}`, f);
  }
  for (const list of byKey.values()) list.sort((a, b) => a.ref.start - b.ref.start);
  for (const d of drafts) {
    if (!d.shortTypes) continue;
    const seq = unpaddedSeq(d.number!);
    const own = word(d);
    const keys = new Set(d.shortTypes.map((t) => `${seq} code:${t.code}`));
    if (own !== null) keys.add(`${seq} word:${own}`);
    let before: Draft | undefined;
    let after: Draft | undefined;
    for (const key of keys) {
      const list = byKey.get(key);
      if (!list) continue;
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid]!.ref.start < d.ref.start) lo = mid + 1;
        else hi = mid;
      }
      const b = list[lo - 1];
      if (b && (!before || b.ref.start > before.ref.start)) before = b;
      while (lo < list.length && list[lo]!.ref.start === d.ref.start) lo++;
      const a = list[lo];
      if (a && (!after || a.ref.start < after.ref.start)) after = a;
    }
    const target = before ?? after;
    if (!target) continue;
    Object.assign(d, {
      docType: target.docType,
      number: target.number,
      year: target.year,
      issuerCode: target.issuerCode,
      keyYear: target.keyYear,
      keyDate: target.keyDate,
      shape: target.shape,
      shortTypes: null,
    });
  }
}

/** The written identity of a number, for telling the document's own number apart. */
interface NumberIdentity {
  seq: string;
  year: number | null;
  segments: string[];
}

function numberIdentity(shape: NumberShape): NumberIdentity {
  return { seq: unpaddedSeq(shape.seq), year: shape.year, segments: shape.segments.map(foldIssuerCode) };
}

/** The same number as the document's own, or a cut-short copy of it (`3210/QĐ - U B ND` read as `3210/QĐ`). */
function isOwnNumber(own: NumberIdentity, self: NumberIdentity): boolean {
  if (own.seq !== self.seq || (own.year !== null && self.year !== null && own.year !== self.year)) return false;
  return own.segments.length <= self.segments.length && own.segments.every((s, i) => s === self.segments[i]);
}

/** Reads the document's own number (`986/QĐ-UBND`, `Số: 203 /TB-UBND`) into its identity. */
function selfIdentity(selfNumber: string | null | undefined): NumberIdentity | null {
  if (!selfNumber) return null;
  for (let i = 0; i < selfNumber.length; i++) {
    const m = scanNumber(selfNumber, i);
    if (m) return numberIdentity(m.shape);
  }
  return null;
}

/**
 * The citations of a document from the references found in it (in any order), in document order.
 * `selfNumber` is the document's own number: citations of it are marked `context: "self"`.
 */
export function buildCitations(refs: readonly LocatedReference[], text: string, lineIndex: LineIndex, selfNumber?: string | null): Citation[] {
  const drafts = refs.map(draftOf);
  const live = drafts.filter((d): d is Draft => d !== null);
  repairIssuerSlips(live);
  fillDates(live);
  resolveShortForms(live);
  const self = selfIdentity(selfNumber);
  const out: { start: number; citation: Citation }[] = [];
  for (const d of live) {
    if (d.shortTypes) continue; // a short form with nothing to abbreviate
    if (self && d.shape && isOwnNumber(numberIdentity(d.shape), self)) d.context = "self";
    let nested = false;
    for (let p = d.ref.parent; p !== null && !nested; p = refs[p]?.parent ?? null) {
      const parent = drafts[p];
      nested = parent !== null && parent !== undefined && !parent.shortTypes;
    }
    const key = d.key ?? citationKey({ docType: d.docType, number: d.number, issuerCode: d.issuerCode, year: d.keyYear, date: d.keyDate, name: d.name });
    const { start, end } = d.ref;
    out.push({
      start,
      citation: {
        raw: text.slice(start, end),
        docType: d.docType,
        number: d.number,
        year: d.year,
        issuerCode: d.issuerCode,
        date: d.date,
        issuer: d.ref.issuer,
        subject: d.ref.subject,
        key,
        via: d.via,
        span: lineIndex.span(start, end - start),
        context: d.context,
        target: null,
        ...(nested ? { nested: true } : {}),
      },
    });
  }
  return out.sort((a, b) => a.start - b.start).map((o) => o.citation);
}
