// The table of well-known documents (grammars/known-documents.json): documents cited by name as
// well as by number. A reference by one of their names resolves to them (`via: "alias"`), and an
// undated mention of their number gets their year in its key.
import { z } from "zod";
import table from "../../grammars/known-documents.json" with { type: "json" };
import { scanNumber } from "../../grammars/reference-tokens.js";
import type { DocType } from "../model/record.js";
import { citationKey, unpaddedSeq } from "./canonical-key.js";
import { foldIssuerCode } from "../../grammars/vocabulary/issuer-codes.js";
import { toDocType, typesByCode } from "../../grammars/vocabulary/doc-type-lookup.js";
import { foldDiacritics } from "../../grammars/text/fold.js";
import { readNumber } from "./read-number.js";

/** One row of the table as written in the JSON file. */
export const KnownDocumentRow = z.object({
  type: z.string().describe("type code from the vocabulary (NQ, KL, Luật ...)"),
  number: z.string().describe("number and symbol as printed (29-NQ/TW, 43/2019/QH14)"),
  date: z.iso.date(),
  issuer: z.string(),
  title: z.string().describe("the trích yếu"),
  names: z.array(z.string()).describe("names it is cited by, type word first"),
  nameNeedsDate: z.boolean().optional().describe("a name reference must state a year that agrees"),
  relations: z.array(z.object({ relation: z.enum(["continues", "implements", "amends", "replaces"]), target: z.string() })),
});
export type KnownDocumentRow = z.infer<typeof KnownDocumentRow>;

/** A known document with what the table lets the code derive: its key and the parts of its number. */
export interface KnownDocument extends KnownDocumentRow {
  key: string;
  docType: DocType;
  seq: string;
  issuerCode: string | null;
  year: number;
}

/** A known document with its names and title folded once for matching. */
interface Matchable {
  doc: KnownDocument;
  names: Set<string>;
  titleStart: string;
}

/** What a reference by name says, for matching against the table. */
export interface NameReference {
  /** Type word, name and term as one phrase (`Nghị quyết Hội nghị Trung ương 8 khóa XI`). */
  phrase: string;
  /** The year the reference states (date or `năm`), if any. */
  year: number | null;
  /** Its `về` subject, if any. */
  subject: string | null;
}

let loaded: readonly KnownDocument[] | null = null;
let matchable: readonly Matchable[] | null = null;

function load(): readonly KnownDocument[] {
  const rows = z.object({ documents: z.array(KnownDocumentRow) }).parse(table).documents;
  return rows.map((row): KnownDocument => {
    const type = typesByCode(row.type)[0];
    const found = scanNumber(row.number, 0);
    if (!type || !found) throw new Error(`known-documents.json: cannot read ${row.type} ${row.number}`);
    const reading = readNumber(found.shape, [type]);
    const year = Number(row.date.slice(0, 4));
    const docType = toDocType(reading.type);
    const key = citationKey({ docType, number: reading.seq, issuerCode: reading.issuerCode, year: reading.year ?? year, date: row.date })!;
    return { ...row, key, docType, seq: reading.seq, issuerCode: reading.issuerCode, year: reading.year ?? year };
  });
}

/**
 * The well-known documents, read once from grammars/known-documents.json.
 * @example
 * knownDocuments().find((d) => d.number === "29-NQ/TW")?.key // → "NQ:29:TW@2013"
 */
export function knownDocuments(): readonly KnownDocument[] {
  loaded ??= load();
  return loaded;
}

/** The known documents with this type code, sequence and issuer code (any year). */
export function knownDocumentsByNumber(typeCode: string, seq: string, issuerCode: string | null): KnownDocument[] {
  const s = unpaddedSeq(seq);
  const i = foldIssuerCode(issuerCode ?? "");
  return knownDocuments().filter((d) => d.docType.code === typeCode && unpaddedSeq(d.seq) === s && foldIssuerCode(d.issuerCode ?? "") === i);
}

const firstWords = (text: string, n: number): string =>
  foldDiacritics(text.replace(/^\s*về\s+(?:việc\s+)?/iu, "")).split(" ").slice(0, n).join(" ");
/** How many words of a subject and of a title must agree. */
const SUBJECT_WORDS = 4;

/**
 * Every known document a name may stand for: the name must be one of the document's names, and a
 * stated year and subject must agree. A name reused over the years (three laws of one name) gives
 * all of them when no year says which.
 * @example
 * knownDocumentsNamed({ phrase: "Luật Tổ chức chính quyền địa phương", year: null, subject: null }).map((d) => d.number)
 * // → ["77/2015/QH13", "72/2025/QH15"]
 */
export function knownDocumentsNamed(ref: NameReference): KnownDocument[] {
  return namedFits(ref).map((m) => m.doc);
}

// The table's documents of the reference's name whose year (when stated) and subject agree.
function namedFits(ref: NameReference): Matchable[] {
  matchable ??= knownDocuments().map((doc) => ({
    doc,
    names: new Set(doc.names.map(foldDiacritics)),
    titleStart: firstWords(doc.title, SUBJECT_WORDS),
  }));
  const phrase = foldDiacritics(ref.phrase);
  const subject = ref.subject ? firstWords(ref.subject, SUBJECT_WORDS) : null;
  return matchable.filter(
    (m) =>
      m.names.has(phrase) &&
      (ref.year === null || ref.year === Number(m.doc.date.slice(0, 4))) &&
      (subject === null || m.titleStart === subject),
  );
}

/**
 * The one known document a reference by name points at, or null when none or several fit. The
 * name must be one of the document's names; a stated year must agree (and is required when the
 * name is reused over the years); a stated subject must begin like the document's title.
 */
export function matchKnownName(ref: NameReference): KnownDocument | null {
  const fits = namedFits(ref).filter((m) => ref.year !== null || !m.doc.nameNeedsDate);
  return fits.length === 1 ? fits[0]!.doc : null;
}
