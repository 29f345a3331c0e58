// The pre-filter: one regular-expression pass finds where a reference may start (a type name in
// any case, with or without its marks, a number shape such as `12/QĐ-`, `29-NQ/`, `43/2019/`, or a type
// code before a figure, `TT 32`), and only the stretches after those places go through the lexer
// and parser. Most of a document is prose the grammar would only skip.
import { spellingSource } from "../../grammars/reference-tokens.js";
import { REFERENCE_DOC_TYPES } from "../../grammars/vocabulary/reference-doc-types.js";

/** How far after its start a reference (type word, name, number, date, body, subject) may reach. */
const REACH = 480;

const names = [...new Set(REFERENCE_DOC_TYPES.flatMap((t) => [t.name, ...(t.aliases ?? [])]))].sort(
  (a, b) => b.length - a.length,
);
const codes = [...new Set(REFERENCE_DOC_TYPES.map((t) => t.code))].filter((c) => !/\s/.test(c));
const ANCHOR = new RegExp(
  [
    `(?:${names.map(spellingSource).join("|")})`,
    // a sequence and a separator, then a code or a year: `12/QĐ`, `29-NQ`, `43/2019/`, `119- KH`
    String.raw`\d[ \t]{0,3}[/\-–][ \t]{0,3}(?:[A-ZĐ]|(?:19|20)\d\d[ \t]{0,3}/)`,
    `(?:${codes.join("|")})[ \\t]+\\d`,
  ].join("|"),
  "g",
);
// `số ` (or `Số: `) right before a number's digits belongs to the reference.
const SO_BEFORE = /[sS][ốỐoO][ \t\u00a0]{0,2}:?[ \t\u00a0]{0,3}$/;
// Where a number's digits begin, scanning back from the separator the anchor found.
const isDigitAt = (text: string, i: number): boolean => i >= 0 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57;

/** A stretch of text to parse. */
export interface CandidateSpan {
  start: number;
  end: number;
}

/**
 * The stretches of `text` between `from` and `to` that may hold references, merged where they
 * touch, each reaching from a possible start to the next `;` or REACH characters on.
 */
export function findCandidateSpans(text: string, from: number, to: number): CandidateSpan[] {
  const spans: CandidateSpan[] = [];
  ANCHOR.lastIndex = from;
  for (let m = ANCHOR.exec(text); m && m.index < to; m = ANCHOR.exec(text)) {
    let start = m.index;
    if (isDigitAt(text, start)) {
      while (isDigitAt(text, start - 1) || (text[start - 1] === "." && isDigitAt(text, start - 2))) start--;
      const before = text.slice(Math.max(from, start - 8), start);
      const so = SO_BEFORE.exec(before);
      if (so) start -= so[0].length;
    }
    start = Math.max(start, from);
    let end = Math.min(to, start + REACH);
    const semicolon = text.indexOf(";", m.index + m[0].length);
    if (semicolon >= 0 && semicolon < end) end = semicolon;
    const last = spans[spans.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else spans.push({ start, end });
    // Do not look for anchors inside the number that was just found.
    ANCHOR.lastIndex = Math.max(m.index + 1, m.index + m[0].length - 1);
  }
  return spans;
}
