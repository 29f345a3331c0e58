// The markdown most documents carry is light: bold and italic runs (often broken), `#` headings,
// list markers, `<sup>` footnote marks, `|` cell bars of collapsed web tables. For that subset a
// single pass over the lines gives what remark gives, some twenty times faster; anything beyond it
// (links, code, escapes, entities, other HTML, real tables, block quotes) goes to remark.
import { TextBuilder } from "./offset-map.js";
import type { PlainText } from "./markdown-to-text.js";

// Constructs the light reader leaves to remark.
// Links and definitions, code spans, escapes, HTML entities (`&VSMTNT;` in a name is not one),
// HTML tags other than <sup> and <br> (`<Nội dung>` is not one), block quotes, table rows.
const BEYOND_LIGHT = /\]\(|^ {0,3}\[[^\]\n]+\]:|`|\\[!-/:-@[-`{-~]|&(?:[a-z]+|#\d+|#x[0-9a-f]+);|<\/?(?!sup\b|br\b)[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?\/?>|^[ \t]{0,3}>|^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|/mu;
// An indented line after a blank one opens a code block in markdown: a block of its own, read
// verbatim (Word text layers indent with tabs).
const INDENTED = /^(?: {4}|\t)/u;
const HEADING = /^( {0,3}#{1,6})(?:[ \t]+|$)/u;
const RULE = /^ {0,3}(?:[-*_=][ \t]*){3,}$/u;
const LONE_BAR = /^[ \t]*\|[ \t]*$/u;
const INLINE = /<sup[^>]*>([^<]*)<\/sup>|<br\s*\/?>|<\/?sup[^>]*>|\*+|_{2,}/giu;

/**
 * Strips light markdown in one pass, or returns null when the text needs the full reader; with
 * `force`, strips what it knows of any text (a block too long for the full reader).
 */
export function stripLightMarkdown(source: string, options: { force?: boolean } = {}): PlainText | null {
  if (!options.force && BEYOND_LIGHT.test(source)) return null;
  const out = new TextBuilder();
  let pos = 0;
  let blankBefore = true;
  let inCode = false;
  let first = true;
  while (pos <= source.length) {
    let end = source.indexOf("\n", pos);
    if (end < 0) end = source.length;
    const line = source.slice(pos, end);
    const lineStart = pos;
    pos = end + 1;
    if (!first) out.insert("\n", lineStart - 1);
    first = false;
    // Cell bars and rules separate blocks; a lone star is the Party header's separator, kept.
    if (!line.trim()) {
      blankBefore = true;
      continue;
    }
    if (inCode || (blankBefore && INDENTED.test(line))) {
      if (INDENTED.test(line)) {
        inCode = true;
        out.copy(line, lineStart);
        blankBefore = false;
        continue;
      }
      // A line back at the margin ends the code block and starts a block of its own.
      inCode = false;
      out.insert("\n", lineStart);
      blankBefore = true;
    }
    if (LONE_BAR.test(line) || (RULE.test(line) && line.trim() !== "*")) {
      blankBefore = true;
      continue;
    }
    let from = 0;
    const heading = HEADING.exec(line);
    if (heading) {
      // A heading is a block of its own.
      if (!blankBefore) out.insert("\n", lineStart);
      from = heading[0].length;
    }
    emitInline(out, line, lineStart, from, blankBefore);
    blankBefore = Boolean(heading);
    if (heading) out.insert("\n", lineStart + line.length);
  }
  return out.finish(source.length);
}

/** Copies a line's text without its emphasis marks; a `<sup>` mark opening a paragraph becomes `[n]`. */
function emitInline(out: TextBuilder, line: string, lineStart: number, from: number, paragraphStart: boolean): void {
  let last = from;
  let atStart = true;
  INLINE.lastIndex = from;
  for (let m = INLINE.exec(line); m; m = INLINE.exec(line)) {
    const before = line.slice(last, m.index);
    if (before.trim()) atStart = false;
    out.copy(before, lineStart + last);
    last = m.index + m[0].length;
    const token = m[0];
    if (token.startsWith("<sup") && m[1] !== undefined) {
      const label = m[1].trim();
      if (atStart && paragraphStart && label) {
        out.insert(`[${label}]`, lineStart + m.index);
        if (!/^\s/u.test(line.slice(last))) out.insert(" ", lineStart + last);
      }
    } else if (/^<br/iu.test(token)) {
      out.insert("\n", lineStart + m.index);
    } else if (token === "*" && line.trim() === "*") {
      out.copy(token, lineStart + m.index);
    }
  }
  out.copy(line.slice(last), lineStart + last);
}
