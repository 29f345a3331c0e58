// NĐ 30/2020 Điều 8.7–8.8: the signature (office, signer's name) of the closing, beside or under
// Nơi nhận.
import type { IToken } from "chevrotain";
import type { Diagnostic, Signature } from "../model/record.js";
import { readSignature } from "./read-signature.js";
import { AuthorityLine, CapsLine, TextLine } from "../../grammars/document/document-tokens.js";
import { trailingName } from "../../grammars/document/layout-zones.js";
import { isAllCaps } from "../../grammars/document/line-patterns.js";

const SIGNING_OFFICE_START = /^(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|TỔNG GIÁM ĐỐC|THỦ TƯỚNG|BỘ TRƯỞNG|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|CỤC TRƯỞNG|VỤ TRƯỞNG|HIỆU TRƯỞNG|VIỆN TRƯỞNG|CHỦ NHIỆM|BÍ THƯ|THỨ TRƯỞNG|TRƯỞNG PHÒNG)(?![\p{L}])/u;

/** Reads the signature from the closing's lines that are neither Nơi nhận nor footnotes. */
export function readClosingSignature(closingRest: readonly IToken[], diagnostics: Diagnostic[]): Signature | null {
  // The signature is the run that starts at the first office line of the closing.
  // A signature cell flattened onto one line reads as prose: offices in capitals, then the name
  // (`TRƯỞNG BAN PHÓ THỦ TƯỚNG Nguyễn Văn A`).
  const officeAt = closingRest.findIndex((t) => t.tokenType === AuthorityLine || (t.tokenType === CapsLine && t.image.length < 80) || (t.tokenType === TextLine && t.image.length < 120 && isSignatureCell(t.image)));
  const signatureLines = officeAt >= 0 ? closingRest.slice(officeAt).map((t) => t.image) : [];
  const signature = readSignature(signatureLines);
  if (!signature && closingRest.length) diagnostics.push({ severity: "info", code: "no-signature", message: "the closing holds no recognisable signature", line: closingRest[0]!.startLine ?? 0, column: 1 });
  return signature;
}

/** True when a line is a signature's offices in capitals followed by the signer's name. */
function isSignatureCell(line: string): boolean {
  const name = trailingName(line.trim());
  const offices = name ? line.trim().slice(0, -name.length).trim() : "";
  return offices.length > 0 && isAllCaps(offices) && SIGNING_OFFICE_START.test(offices);
}
