// From the document CST to the record: the structure visitor reads each part of the layout into a
// draft (header, front matter, bases, body, closing, annexes); what needs several parts at once
// — the type, the issuer, a date the header lost — is settled here. Nothing throws on odd input:
// what cannot be placed becomes a diagnostic.
import type { CstNode } from "chevrotain";
import type { Diagnostic, DocumentRecord, Issuer } from "../model/record.js";
import { readDate, readPassageDate } from "./read-date.js";
import { readNumber } from "./read-number.js";
import { dropTrailingAuthority, inferIssuer, issuerFromAuthority, readIssuer, sentenceCase } from "./read-issuer.js";
import { cutRightColumn } from "./header-columns.js";
import { ownAnnexCaption } from "./read-annex.js";
import { readDocType } from "./read-doc-type.js";
import { readLocality } from "./read-locality.js";
import { foldText } from "../../grammars/text/fold.js";
import { readConsolidation } from "./read-consolidation.js";
import { structureVisitor } from "./structure-visitor.js";
import { emptyDraft, type Region } from "./structure-draft.js";
import { Motto, NationalTitle, NumberLine, PartyTitle } from "../../grammars/document/document-tokens.js";
import type { LineIndex } from "../input/line-index.js";

/** The parts of a record that come from the document's structure, with the spans citations need. */
export interface StructureResult {
  fields: Omit<DocumentRecord, "schemaVersion" | "id" | "source" | "citations" | "diagnostics">;
  /** Text regions by where they stand, for the citation finder. */
  regions: Region[];
  /** Each basis's region, in the order of `fields.bases`. */
  basisRegions: { start: number; end: number }[];
  diagnostics: Diagnostic[];
  /** The page has a header block (a Quốc hiệu, a Party line, a tiêu ngữ or a number line). */
  hasHeader: boolean;
}

/** Reads the record's structural fields from the CST of a document. */
export function buildStructure(cst: CstNode, text: string, lineIndex: LineIndex): StructureResult {
  const d = emptyDraft(text, lineIndex);
  structureVisitor.visit(cst, d);
  const h = d.header;
  let { number, date } = h;

  // No header: the document may name itself in its annex's caption (`(Kèm theo Hướng dẫn số
  // 12-HD/BTGTW, ngày 03/5/2024 của Ban …)`): its own number, date and issuer.
  const own = number === null ? ownAnnexCaption(d.annexes, h.docTypeName) : null;
  if (own) {
    number = readNumber(own.number);
    date ??= own.date ? readDate(own.date) : null;
  }

  // A văn bản hợp nhất: its own number and date are those of the block that authenticates it at
  // the end (the header above is the consolidated act's, and any number there is that act's).
  const consolidation = readConsolidation(text);
  if (consolidation) {
    number = consolidation.number;
    date = consolidation.date ?? date;
  }

  // A saved web page whose body has no number line: the page's own title, the first line of the
  // text (`Thông tư số 57/2025/TT-BNNMT Ban hành …`), names the document; taken when the type it
  // names is the one the document's type line says.
  if (!number && h.docTypeName) number = numberFromPageTitle(text, h.docTypeName);

  const typed = readDocType({ system: h.system, docTypeName: h.docTypeName, number, titleLines: h.titleLines, subjectInNumber: h.subjectInNumber, addressees: d.addressees });
  const docType = typed.docType;
  number = typed.number;
  const system = h.system ?? (typed.party ? "party" : docType || number || d.signature ? "state" : null);

  // Issuer: the header's lines, else inferred from the body.
  let issuer: Issuer | null = (consolidation && readIssuer(consolidation.issuerLines)) || readIssuer(h.issuerLines.map(cutRightColumn));
  if (!issuer && own?.issuer) issuer = { name: sentenceCase(own.issuer), parent: null, inferred: true };
  if (!issuer) {
    issuer = (d.authorityLine && issuerFromAuthority(d.authorityLine)) || inferIssuer(text);
    if (!issuer && d.headerLines.length === 0) d.diagnostics.push({ severity: "info", code: "no-header", message: "the document has no header block: issuer, number and date are unknown", line: 1, column: 1 });
  }

  // The locality is read here, once, so that nothing downstream re-derives it from the name.
  if (issuer) issuer = { ...issuer, locality: readLocality(issuer.name) };

  let title = d.title;
  if (title && issuer) title = dropTrailingAuthority(title, issuer);

  // A date only in an annex caption (`Kèm theo Nghị định số ... ngày ...`) when the header lost it.
  if (!date && number?.seq) {
    const attached = new RegExp(`(?:kèm theo|ban hành kèm theo)[^\\n]{0,40}?${number.seq}\\s*/[^\\n]{0,40}?(ngày[^\\n)]{0,40}năm\\s*\\d{4})`, "iu").exec(text);
    if (attached) date = readDate(attached[1]!);
  }
  date ??= readPassageDate(text);

  return {
    fields: {
      system,
      issuer,
      number,
      place: h.place,
      date: date ? { raw: date.raw, iso: date.iso } : null,
      docType,
      title: title || null,
      addressees: d.addressees,
      bases: d.bases,
      sections: d.sections,
      annexes: d.annexes,
      footnotes: d.footnotes,
      recipients: d.recipients,
      signature: d.signature,
      intro: d.intro,
    } as StructureResult["fields"],
    regions: d.regions,
    basisRegions: d.basisRegions,
    diagnostics: d.diagnostics,
    hasHeader: d.headerLines.some((t) => HEADER_EVIDENCE.has(t.tokenType)),
  };
}

// The marks of a header block: a page that has none of them has no header.
const HEADER_EVIDENCE = new Set([NationalTitle, Motto, PartyTitle, NumberLine]);

const PAGE_TITLE = /^(\p{L}[\p{L} ]{1,30}?) số:? (\S+)\s/u;

function numberFromPageTitle(text: string, docTypeName: string): ReturnType<typeof readNumber> {
  const first = text.slice(0, Math.max(0, text.indexOf("\n"))).trim();
  const m = PAGE_TITLE.exec(first);
  if (!m || foldText(m[1]!) !== foldText(docTypeName)) return null;
  const number = readNumber(m[2]!);
  return number?.seq ? number : null;
}
