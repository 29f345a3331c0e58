// The sentence a citation stands in, for `vanban cites` to show why a document is listed. The
// clean text holds one paragraph per line; inside a paragraph a sentence or a basis statement ends
// at `.`, `;`, `!` or `?` before a space (the preamble's `Căn cứ ...;` statements end with `;`).
import type { Span } from "../model/record.js";

/** The longest sentence kept whole; longer ones are cut around the citation. */
const MAX_SENTENCE = 360;
/** How much text is kept on each side of the citation when a sentence is cut. */
const KEEP_AROUND = 150;

const END = /[.;!?](?=\s)|\n/g;
const SENTENCE_MARKS = new Set([".", ";", "!", "?"].map((c) => c.charCodeAt(0)));
const SPACE = /\s/;

/**
 * The sentence of `text` that holds `span`, with runs of white space collapsed and long
 * sentences cut around the citation with `…`.
 * @example
 * const text = "Mở đầu. Căn cứ Luật A; căn cứ Luật B.";
 * citingSentence(text, { offset: text.indexOf("Luật B"), length: 6 }) // → "căn cứ Luật B."
 */
export function citingSentence(text: string, span: Pick<Span, "offset" | "length">): string {
  const start = Math.max(0, Math.min(span.offset, text.length));
  const end = Math.max(start, Math.min(span.offset + span.length, text.length));
  // The sentence starts after the last end mark before the citation: looked for backwards, as a
  // scan from the text's start for every citation made a document's facts quadratic.
  let from = 0;
  for (let i = start - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || (SENTENCE_MARKS.has(c) && i + 1 < text.length && SPACE.test(text[i + 1]!))) {
      from = i + 1;
      break;
    }
  }
  END.lastIndex = end;
  const stop = END.exec(text);
  const to = stop ? stop.index + (stop[0] === "\n" ? 0 : 1) : text.length;
  const sentence = text.slice(from, to);
  if (sentence.length <= MAX_SENTENCE) return collapse(sentence);
  // Cut at spaces, so no word is shown in part.
  let cutFrom = Math.max(from, start - KEEP_AROUND);
  if (cutFrom > from) cutFrom = Math.min(start, text.indexOf(" ", cutFrom) + 1 || start);
  let cutTo = Math.min(to, end + KEEP_AROUND);
  if (cutTo < to) cutTo = Math.max(end, text.lastIndexOf(" ", cutTo));
  return `${cutFrom > from ? "…" : ""}${collapse(text.slice(cutFrom, cutTo))}${cutTo < to ? "…" : ""}`;
}

function collapse(s: string): string {
  return s.replace(/\s+/gu, " ").trim();
}
