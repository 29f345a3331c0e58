// The markdown most documents carry is light: bold and italic runs (often broken), `#` headings,
// list markers, `<sup>` footnote marks, `|` cell bars of collapsed web tables, and pipe tables
// (the two-column header block of web copies). For that subset a single pass over the lines gives
// what remark gives, twenty to a hundred times faster (remark-gfm read a 13 KB document with
// tables at 0.2 MB/s), and so do plain inline links and inline styling tags (`<strong>`), which
// web copies add; anything beyond that (other links, code, escapes, entities, other HTML, block
// quotes, tables of unusual shape) goes to remark.
import { TextBuilder } from "./offset-map.js";
import type { PlainText } from "./markdown-to-text.js";
import { TABLE_DELIMITER_ROW } from "./markdown-segments.js";

// Inline tags that only style text (their content stays), and an inline link whose label holds
// no brackets and whose destination no spaces or parentheses (its groups: an image's `!`, the
// label): the light reader reads both, so the patterns below share them.
const STYLING_TAGS = "b|i|u|em|strong|span|font|small|big|s|strike|del|ins|mark";
const LINK_PATTERN = String.raw`(!?)\[([^\][\n]*)\]\([^()\s]*\)`;

// Constructs the light reader leaves to remark.
// Definitions, code spans, escapes, HTML entities (`&VSMTNT;` in a name is not one), HTML tags
// other than <sup>, <br> and the inline styling ones (`<Nội dung>` is not one), a tag opening a
// line (it may open an HTML block), block quotes. (Escapes include `\|`, so a cell bar is always
// a cell boundary here.)
const BEYOND_LIGHT = new RegExp(String.raw`^ {0,3}\[[^\]\n]+\]:|${"`"}|\\[!-/:-@[-${"`"}{-~]|&(?:[a-z]+|#\d+|#x[0-9a-f]+);|<\/?(?!sup\b|br\b|(?:${STYLING_TAGS})\b)[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?\/?>|^ {0,3}<\/?(?!sup\b|br\b)[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$)|^[ \t]{0,3}>`, "mu");
// Inline links the light reader reads: a label without brackets, a destination without spaces or
// parentheses. Any other `](` (nested labels, titles, a stray one) leaves the text to remark.
const LINK = new RegExp(LINK_PATTERN, "gu");
const LINK_CLOSE = /\]\(/gu;
// Tables are read only in a text with a delimiter row as `TABLE_DELIMITER_ROW` takes one; there,
// any GFM delimiter row (one dash is enough) makes a table, and one that the light reader does
// not take as its table's makes the text remark's.
const DELIMITER_ROW = /^[ \t]*(?=[^\n]*\|)\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/u;
const ROW = /^ {0,3}\|/u;
// An indented line after a blank one opens a code block in markdown: a block of its own, read
// verbatim (Word text layers indent with tabs).
const INDENTED = /^(?: {4}|\t)/u;
const HEADING = /^( {0,3}#{1,6})(?:[ \t]+|$)/u;
const RULE = /^ {0,3}(?:[-*_=][ \t]*){3,}$/u;
const LONE_BAR = /^[ \t]*\|[ \t]*$/u;
// Inline marks: footnote marks, breaks, styling tags, links (group 2: an image's `!`, group 3:
// the label), emphasis.
const INLINE = new RegExp(String.raw`<sup[^>]*>([^<]*)<\/sup>|<br\s*\/?>|<\/?sup[^>]*>|<\/?(?:${STYLING_TAGS})(?:\s[^<>\n]*)?>|${LINK_PATTERN}|\*+|_{2,}`, "giu");

function count(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(text)) n++;
  return n;
}

/**
 * Strips light markdown in one pass, or returns null when the text needs the full reader; with
 * `force`, strips what it knows of any text (a block too long for the full reader).
 */
export function stripLightMarkdown(source: string, options: { force?: boolean } = {}): PlainText | null {
  // Each test is a pass over the whole text: the rare constructs are looked for only where a
  // character they need is there at all.
  if (!options.force && (BEYOND_LIGHT.test(source) || (source.includes("](") && count(LINK_CLOSE, source) !== count(LINK, source)))) return null;
  const tables = source.includes("---") && TABLE_DELIMITER_ROW.test(source);
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
    if (tables && ROW.test(line) && end < source.length) {
      // A pipe table: header row, delimiter row, rows. Read here only in the shape web copies
      // use (every row opens with a bar and a blank line or the end follows); remark otherwise.
      const table = readTable(source, lineStart, out);
      if (table === null) return null;
      if (table > lineStart) {
        pos = table + 1;
        blankBefore = true;
        continue;
      }
    }
    if (tables && DELIMITER_ROW.test(line)) return null;
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

/**
 * Reads the pipe table whose header row starts at `start`, writing each cell as a block as the
 * remark reader does (an empty cell still counts as a block). Returns where the table's last row
 * ends; `start` when no delimiter row follows (the line is text); null when the table has a shape
 * left to remark (cell counts that differ, a row without its opening bar).
 */
function readTable(source: string, start: number, out: TextBuilder): number | null {
  const headerEnd = lineEnd(source, start);
  const delimiterEnd = lineEnd(source, headerEnd + 1);
  if (!DELIMITER_ROW.test(source.slice(headerEnd + 1, delimiterEnd))) return start;
  const header = source.slice(start, headerEnd);
  if (cellBounds(header).length !== cellBounds(source.slice(headerEnd + 1, delimiterEnd)).length) return null;
  // The line break before the header row is written already; a table closes the block before it.
  let pending = out.size > 0;
  const emitRow = (row: string, rowStart: number) => {
    for (const [a, b] of cellBounds(row)) {
      if (pending) out.insert("\n\n", rowStart + a);
      pending = true;
      emitInline(out, row.slice(a, b), rowStart + a, 0, true);
    }
  };
  emitRow(header, start);
  let rowEnd = delimiterEnd;
  while (rowEnd < source.length) {
    const next = lineEnd(source, rowEnd + 1);
    const row = source.slice(rowEnd + 1, next);
    if (!row.trim()) break;
    if (!ROW.test(row)) return null;
    emitRow(row, rowEnd + 1);
    rowEnd = next;
  }
  return rowEnd;
}

function lineEnd(source: string, from: number): number {
  const end = source.indexOf("\n", from);
  return end < 0 ? source.length : end;
}

const isBlank = (code: number) => code === 0x20 || code === 0x09 || code === 0x0d;

/** The cells of a table row: their bounds, trimmed, without the outer bars. */
function cellBounds(row: string): Array<[number, number]> {
  let from = 0;
  let to = row.length;
  while (from < to && isBlank(row.charCodeAt(from))) from++;
  while (to > from && isBlank(row.charCodeAt(to - 1))) to--;
  if (row[from] === "|") from++;
  if (to > from && row[to - 1] === "|") to--;
  const cells: Array<[number, number]> = [];
  let cellStart = from;
  for (let i = from; i <= to; i++) {
    if (i < to && row.charCodeAt(i) !== 0x7c) continue;
    let a = cellStart;
    let b = i;
    while (a < b && isBlank(row.charCodeAt(a))) a++;
    while (b > a && isBlank(row.charCodeAt(b - 1))) b--;
    cells.push([a, b]);
    cellStart = i + 1;
  }
  return cells;
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
    } else if (m[3] !== undefined) {
      // A link is its label (read for its own marks; it holds no brackets, so no links); an
      // image is nothing.
      if (m[2] !== "!" && m[3]) {
        emitInline(out, m[3], lineStart + m.index + 1, 0, false);
        INLINE.lastIndex = last;
        atStart = false;
      }
    } else if (token === "*" && line.trim() === "*") {
      out.copy(token, lineStart + m.index);
    }
  }
  out.copy(line.slice(last), lineStart + last);
}
