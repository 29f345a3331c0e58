// The sentence a citation stands in, for `vanban cites` to show why a document is listed. The
// clean text holds one paragraph per line; inside a paragraph a sentence or a basis statement ends
// at `.`, `;`, `!` or `?` before a space (the preamble's `Căn cứ ...;` statements end with `;`).
import type { Span } from "../model/record.js";

/** The longest sentence kept whole; longer ones are cut around the citation. */
const MAX_SENTENCE = 360;
/** How much text is kept on each side of the citation when a sentence is cut. */
const KEEP_AROUND = 150;

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
  // The sentence's ends are looked for at most a longest whole sentence away from the citation:
  // past that the sentence is cut around it anyway, and a search without bound, for every
  // citation of a line that has no end mark, made a document's facts quadratic.
  const reach = MAX_SENTENCE + 1;
  // After the last end mark before the citation (−∞: further than the reach).
  let from = start - reach <= 0 ? 0 : -Infinity;
  for (let i = start - 1; i >= Math.max(0, start - reach); i--) {
    if (endsSentenceAt(text, i)) {
      from = i + 1;
      break;
    }
  }
  // At the first end mark after it, the mark kept (a line break not); +∞: further than the reach.
  let to = end + reach >= text.length ? text.length : Infinity;
  for (let i = end; i < Math.min(text.length, end + reach); i++) {
    if (endsSentenceAt(text, i)) {
      to = text.charCodeAt(i) === 10 ? i : i + 1;
      break;
    }
  }
  if (to - from <= MAX_SENTENCE) return collapse(text.slice(from, to));
  // Cut at spaces, so no word is shown in part.
  let cutFrom = Math.max(from, start - KEEP_AROUND);
  if (cutFrom > from) cutFrom = spaceAfter(text, cutFrom, start);
  let cutTo = Math.min(to, end + KEEP_AROUND);
  if (cutTo < to) cutTo = spaceBefore(text, cutTo, end);
  return `${cutFrom > from ? "…" : ""}${collapse(text.slice(cutFrom, cutTo))}${cutTo < to ? "…" : ""}`;
}

// A sentence or statement ends at `i`: a line break, or `.`, `;`, `!`, `?` before white space.
function endsSentenceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 10 || (SENTENCE_MARKS.has(c) && i + 1 < text.length && SPACE.test(text[i + 1]!));
}

// Just after the first space from `from` on, if it comes before `limit`; else `limit`.
function spaceAfter(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) if (text.charCodeAt(i) === 32) return i + 1;
  return limit;
}

// The last space at or before `from`, if it comes after `limit`; else `limit`.
function spaceBefore(text: string, from: number, limit: number): number {
  for (let i = Math.min(from, text.length - 1); i > limit; i--) if (text.charCodeAt(i) === 32) return i;
  return limit;
}

function collapse(s: string): string {
  return s.replace(/\s+/gu, " ").trim();
}
