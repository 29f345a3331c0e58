// One spelling for document numbers, references and dates, so that `29-NQ/TW`, `29/NQ-TW` and
// `29 - NQ / TW` are one term and `01779/QĐ-UBND` is found by `1779`. The canonical form is the
// tokenizer's identifier term: parts without zero padding, folded, joined by `/`.
import { analyzeText, type Token } from "./analyze-text.js";

// Spaces around a connector are a typing variant (`Số: 203 /TB-UBND`), not a word boundary.
const SPACED_CONNECTOR = /\s*([/\-–&])\s*/g;

/**
 * The canonical form of a written number, reference or date in any spelling, or null when it
 * holds no letters or digits.
 * @example normalizeIdentifier("29/NQ-TW") === normalizeIdentifier("29-NQ/TW") // "29/nq/tw"
 */
export function normalizeIdentifier(written: string): string | null {
  const tokens = analyzeText(written.replace(SPACED_CONNECTOR, "$1"));
  const parts: string[] = [];
  for (const token of tokens) {
    if (token.parts) parts.push(...token.parts);
    else parts.push(token.term);
  }
  return parts.length > 0 ? parts.join("/") : null;
}

/** True for an identifier token that names a document (digits and letters: `113/KH-UBND`), not a date or a range. */
export function isDocumentIdentifier(token: Token): boolean {
  if (token.kind !== "identifier" || !token.parts) return false;
  let digits = false;
  let letters = false;
  for (const part of token.parts) {
    if (/^\d+$/.test(part)) digits = true;
    else letters = true;
  }
  return digits && letters;
}

/** The canonical form of an ISO date (`2013-11-04` → `4/11/2013`, `2024-02` → `2/2024`), as dates are written in the text. */
export function dateTerm(iso: string): string | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!match) return null;
  const [, year, month, day] = match;
  return [day, month, year]
    .filter((part): part is string => part !== undefined)
    .map((part) => String(Number(part)))
    .join("/");
}
