// What the readers of the document's parts hand each other: the header reading that the front
// matter completes, the regions the citation finder needs, and each part's fields as it is read.
import type { IToken } from "chevrotain";
import type { Annex, Basis, Diagnostic, DocNumber, DocumentRecord, Footnote, Recipient, Section, Signature } from "../model/record.js";
import type { ParsedDate } from "./read-date.js";
import type { LineIndex } from "../input/line-index.js";

/** Where a stretch of the text stands in the document, for the citation finder. */
export type RegionContext = "basis" | "body" | "footnote" | "annex" | "title" | "recipients";

/** A stretch of the clean text by where it stands. */
export interface Region {
  start: number;
  end: number;
  context: RegionContext;
}

/** What the header (and the front matter's type, number and date lines it left out) says. */
export interface HeaderReading {
  system: DocumentRecord["system"];
  number: DocNumber | null;
  place: string | null;
  date: ParsedDate | null;
  /** The type name as written (`QUYẾT ĐỊNH`), before the vocabulary names it. */
  docTypeName: string | null;
  issuerLines: string[];
  titleLines: IToken[];
  /** The part of a title line that is title, where it is not the whole line. */
  titleText: Map<IToken, string>;
  titleIsCaps: boolean;
  /** A công văn's trích yếu written in the number's cell (`Số: 51/SGDĐT V/v …`). */
  subjectInNumber: string | null;
}

/** The record's structure as the part readers fill it in, in document order. */
export interface StructureDraft {
  readonly text: string;
  readonly lineIndex: LineIndex;
  readonly diagnostics: Diagnostic[];
  /** Regions in the order the parts are read (title, bases, footnotes and body, recipients, annexes). */
  readonly regions: Region[];
  headerLines: IToken[];
  header: HeaderReading;
  title: string | null;
  addressees: string[];
  /** The enacting authority between the title and the preamble (`ỦY BAN THƯỜNG VỤ QUỐC HỘI`). */
  authorityLine: string | null;
  /** Front-matter lines that are neither title nor preamble: they open the body. */
  openingLines: IToken[];
  bases: Basis[];
  basisRegions: { start: number; end: number }[];
  footnotes: Footnote[];
  sections: Section[];
  intro: string[];
  recipients: Recipient[];
  signature: Signature | null;
  annexes: Annex[];
}

/** A draft with nothing read yet. */
export function emptyDraft(text: string, lineIndex: LineIndex): StructureDraft {
  return {
    text,
    lineIndex,
    diagnostics: [],
    regions: [],
    headerLines: [],
    header: { system: null, number: null, place: null, date: null, docTypeName: null, issuerLines: [], titleLines: [], titleText: new Map(), titleIsCaps: false, subjectInNumber: null },
    title: null,
    addressees: [],
    authorityLine: null,
    openingLines: [],
    bases: [],
    basisRegions: [],
    footnotes: [],
    sections: [],
    intro: [],
    recipients: [],
    signature: null,
    annexes: [],
  };
}
