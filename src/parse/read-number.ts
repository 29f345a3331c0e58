// The number and symbol (số, ký hiệu; NĐ 30/2020 Điều 8.3 and Phụ lục I; Party numbers per
// HD 36-HD/VPTW): `203/TB-UBND`, `30/2020/NĐ-CP`, Party `253-KH/HU`, công văn `123/UBND-VX`.
import type { DocNumber } from "../model/record.js";
import { docTypeByCode } from "../../grammars/vocabulary/doc-type-lookup.js";

const SYMBOL = /^(\d[\d.]*)?\s*(?:\/\s*((?:19|20)\d{2})\s*)?([/-])\s*([\p{L}\d][\p{L}\d\s.&]*?(?:\s*[-–/]\s*[\p{L}\d][\p{L}\d\s.&]*?)*)\s*$/u;

/** Splits a number as written after `Số:` into its parts; `raw` keeps the writing. */
export function readNumber(written: string): DocNumber | null {
  const raw = written.replace(/\s+/g, " ").trim();
  if (!raw) return null;
  const m = SYMBOL.exec(raw);
  if (!m) return null;
  const seq = m[1] ? m[1].replace(/\.$/, "") : null;
  const year = m[2] ? Number(m[2]) : null;
  const sep = m[3]!;
  // Letter-spaced extractions put spaces inside codes (`QĐ - U B ND`): codes never hold spaces.
  const symbol = m[4]!.replace(/\s+/g, "").replace(/–/g, "-");
  if (sep === "-" && symbol.includes("/")) {
    // Party order: sequence-TYPE/BODY (`253-KH/HU`).
    const [type, ...body] = symbol.split("/");
    return { raw, seq, year, typeCode: normaliseCode(type!), issuerCode: body.join("/") || null };
  }
  // Older state numbers use slashes only (`57/2001/QĐ/BYT`): type code, then issuer.
  if (sep === "/" && /^[^-]+\/[^-]+$/u.test(symbol)) {
    const [type, ...body] = symbol.split("/");
    if (docTypeByCode(type!)) return { raw, seq, year, typeCode: normaliseCode(type!), issuerCode: body.join("/") || null };
  }
  const parts = symbol.split("-");
  const head = parts[0]!;
  if (parts.length > 1 && docTypeByCode(head)) return { raw, seq, year, typeCode: normaliseCode(head), issuerCode: parts.slice(1).join("-") || null };
  if (parts.length === 1 && docTypeByCode(head) && seq === null) return { raw, seq, year, typeCode: normaliseCode(head), issuerCode: null };
  // A công văn: issuer then unit, no type code.
  return { raw, seq, year, typeCode: null, issuerCode: symbol || null };
}

function normaliseCode(code: string): string {
  const entry = docTypeByCode(code);
  // Keep the document's own writing when it is the table's code in another case (`QĐ-TTG`).
  return entry && entry.code.toUpperCase() === code.toUpperCase() ? entry.code : code;
}
