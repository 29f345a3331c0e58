// The document's type (NĐ 30/2020 Phụ lục III: the names and their codes), from the type-name line,
// else the form of the document, else its number's type code.
import type { IToken } from "chevrotain";
import type { DocNumber, DocType, DocumentRecord } from "../model/record.js";
import { docTypeByCode, docTypeByName } from "../../grammars/vocabulary/doc-types.js";
import { impliedTypeCode } from "../../grammars/vocabulary/issuer-codes.js";
import { SubjectLine } from "../../grammars/document/document-tokens.js";

/** What the type is decided from. */
export interface TypeEvidence {
  system: DocumentRecord["system"];
  /** The type name as written (`QUYẾT ĐỊNH`). */
  docTypeName: string | null;
  number: DocNumber | null;
  titleLines: readonly IToken[];
  subjectInNumber: string | null;
  addressees: readonly string[];
}

/** The type, and the number as the type reads it (a công văn's symbol has no type code). */
export function readDocType(e: TypeEvidence): { docType: DocType | null; number: DocNumber | null; party: boolean } {
  let { number } = e;
  const { docTypeName, addressees } = e;
  let docType: DocType | null = null;
  const party = e.system === "party" || (number !== null && /^\d*-/u.test(number.raw.replace(/\s+/g, "")) && (number.raw.includes("/") ?? false));
  if (docTypeName) {
    const entry = docTypeByName(sentenceName(docTypeName), party);
    if (entry) docType = { code: entry.code, name: entry.name };
    // A Party `QUY ĐỊNH` numbered `QĐ/TW` is a Quy định (QĐi), not a Quyết định.
    if (docType?.code === "QyĐ" && party) docType = { code: "QĐi", name: "Quy định" };
  }
  // A văn bản hợp nhất carries the type name of the text it consolidates (`QUYẾT ĐỊNH`) over a
  // number of its own (`92/VBHN-BQP`): the number says what the document is.
  if ((!docType || docTypeByCode(number?.typeCode ?? "")?.code === "VBHN") && number?.typeCode) {
    const entry = docTypeByCode(number.typeCode);
    if (entry) docType = { code: entry.code, name: entry.name };
  }
  // A law's number has no type code (`41/2024/QH15`): its issuer's code says what it is.
  if (!docType && number && !number.typeCode && number.issuerCode) {
    const implied = impliedTypeCode(number.issuerCode);
    const entry = implied ? docTypeByCode(implied) : undefined;
    if (entry) docType = { code: entry.code, name: entry.name };
  }
  // The form: V/v or Kính gửi without a type name is a công văn.
  const hasSubject = e.titleLines.some((t) => t.tokenType === SubjectLine) || e.subjectInNumber !== null;
  if (!docTypeName && hasSubject) docType = null;
  if (!docType && (number || addressees.length || hasSubject) && (addressees.length || hasSubject || (number && !number.typeCode))) {
    docType = { code: "CV", name: "Công văn" };
  }
  // A công văn's symbol is issuer-unit (`5348/CT-CS` of the Cục Thuế): no type code in it.
  if (docType?.code === "CV" && number?.typeCode && !docTypeName && number.typeCode !== "CV") {
    number = { ...number, typeCode: null, issuerCode: `${number.typeCode}-${number.issuerCode ?? ""}`.replace(/-$/, "") };
  }
  return { docType, number, party };
}

/** A type name in capitals (`QUYẾT ĐỊNH`) as the vocabulary writes it (`Quyết định`). */
export function sentenceName(name: string): string {
  const lower = name.toLowerCase();
  return lower[0]!.toUpperCase() + lower.slice(1);
}
