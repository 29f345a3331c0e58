// Re-joins hard-wrapped lines into paragraphs (PDF text layers, web pages wrapped at ~80
// columns, markdown whose paragraphs keep their source line breaks), by the rules in
// ../shared/notes/vietnamese-text.md: a Vietnamese sentence never starts lower case, a
// full-width line without final punctuation continues, and nothing is glued onto a block start.
import { END_MARK, LOWER, UPPER, isAllCaps, isTypeName, startsBlock, ROMAN_MARKER, ARABIC_MARKER, LETTER_PART_MARKER, PART_MARKER, CHAPTER_MARKER } from "../../grammars/document/line-patterns.js";
import { TextBuilder, type OffsetMap } from "./offset-map.js";
import { chunkPrefixLength, findChunkPrefixes } from "./chunk-prefixes.js";
import { isVietnameseSyllable } from "./vietnamese-syllable.js";

interface RawLine {
  text: string;
  start: number;
  // A blank line (or, in markdown, a block boundary) stood before this line.
  afterBlank: boolean;
  // Whether it starts a block (`startsBlock`) and opens lower case (`LOWER_START`): asked of each
  // line by `wrapWidth` and again by `continues`, so kept once known.
  block: boolean | undefined;
  lower: boolean | undefined;
}

// A line opening lower case continues the sentence before, unless the word goes on in capitals
// (`ủY BAN NHÂN DÂN`: a heading whose first toned capital a legacy font lost).
const LOWER_START = new RegExp(`^[${LOWER}](?![${UPPER}])`, "u");

function startsBlockLine(line: RawLine): boolean {
  return (line.block ??= startsBlock(line.text));
}

function opensLowerCase(line: RawLine): boolean {
  return (line.lower ??= LOWER_START.test(line.text));
}

const TERMINAL = /[.;:!?…]["”’)]*$/u;
// Words that cannot end a sentence: a line ending with one of them continues.
const CONNECTIVE_END =
  /(?:^|\s)(?:của|và|số|ngày|về|tại|theo|với|các|những|cho|để|là|tháng|năm|trong|từ|đến|hoặc|được|bởi|thuộc|nhằm|do|mà|như|trên|dưới|giữa|VÀ|CỦA|VỀ|TẠI|CÁC|TRONG|CHO)$|[,–-]$/u;
const BARE_MARKER = /^(?:Điều\s+\d+[a-z]?|(?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s+(?:[IVXLC]+|\d+|THỨ\s+\S+|thứ\s+\S+)|[IVXL]+|\d{1,3}|[A-Z])\s*[.:)\-]?$/u;
const HEADING_MARKER = (line: string) =>
  ROMAN_MARKER.test(line) || ARABIC_MARKER.test(line) || LETTER_PART_MARKER.test(line) || PART_MARKER.test(line) || CHAPTER_MARKER.test(line);

/**
 * Joins wrapped lines into one line per paragraph. With `hardBlocks` (markdown), a blank line is a
 * paragraph boundary; in plain text blank lines carry no meaning (PDF text doubles every break).
 */
export function joinWrappedLines(text: string, options: { hardBlocks: boolean }): { text: string; map: OffsetMap } {
  const lines = splitLines(text);
  const width = wrapWidth(lines);
  const out = new TextBuilder();
  let prev: Paragraph | null = null;
  for (const line of lines) {
    if (prev !== null && splitsSyllable(prev.last, line.text)) {
      // `(Kèm theo Ngh` / `ị định số …`: emphasis or a cell cut a syllable; glued with no space.
      out.copy(line.text, line.start);
      prev.glue(line.text);
      continue;
    }
    if (prev !== null && continues(prev, line, width, options.hardBlocks)) {
      if (/\S-$/u.test(prev.last) && /^[\dA-Za-zÀ-ỹ]/u.test(line.text) && /\d-$/u.test(prev.last) === /^\d/u.test(line.text)) {
        // `2021-` / `2025`: a range wrapped after its dash is glued without a space.
      } else {
        out.insert(" ", line.start);
      }
      out.copy(line.text, line.start);
      prev.append(line.text);
      continue;
    }
    if (prev !== null) out.insert("\n", line.start);
    out.copy(line.text, line.start);
    prev = new Paragraph(line.text);
  }
  return out.finish(text.length);
}

/** The longest paragraph start kept for the tests that look at a paragraph's beginning. */
const HEAD_LENGTH = 1000;

/**
 * The paragraph joined so far, kept as what the joining rules look at: its start (markers,
 * labels), its last line (end punctuation: the lines are joined with a space, which none of the
 * end patterns can cross, so they match the last line exactly when they match the paragraph) and
 * whether it holds lower and upper case. Testing a pattern against the whole paragraph after each
 * joined line made long paragraphs quadratic (5,000 wrapped lines took 10 s).
 */
class Paragraph {
  head: string;
  last: string;
  length: number;
  private lower: boolean;
  private upper: boolean;

  constructor(line: string) {
    this.head = line.slice(0, HEAD_LENGTH);
    this.last = line;
    this.length = line.length;
    this.lower = /\p{Ll}/u.test(line);
    this.upper = /\p{Lu}/u.test(line);
  }

  append(line: string): void {
    if (this.head.length < HEAD_LENGTH) this.head = `${this.head} ${line}`.slice(0, HEAD_LENGTH);
    this.last = line;
    this.length += 1 + line.length;
    this.lower ||= /\p{Ll}/u.test(line);
    this.upper ||= /\p{Lu}/u.test(line);
  }

  /** Appends a line that goes on the last one's word, with no space between. */
  glue(line: string): void {
    if (this.head.length < HEAD_LENGTH) this.head = `${this.head}${line}`.slice(0, HEAD_LENGTH);
    this.last += line;
    this.length += line.length;
    this.lower ||= /\p{Ll}/u.test(line);
    this.upper ||= /\p{Lu}/u.test(line);
  }

  /** The whole paragraph when it is short: the patterns matched against all of it (a bare
   * marker, a type name, a label) are a few words long, so a long paragraph matches none. */
  get whole(): string | null {
    return this.length <= HEAD_LENGTH ? this.head : null;
  }

  /** isAllCaps of the whole paragraph. */
  get allCaps(): boolean {
    return !this.lower && this.upper;
  }
}

function splitLines(text: string): RawLine[] {
  const prefixes = findChunkPrefixes(text.split("\n"));
  const lines: RawLine[] = [];
  let blank = false;
  let pos = 0;
  while (pos <= text.length) {
    let end = text.indexOf("\n", pos);
    if (end < 0) end = text.length;
    const raw = text.slice(pos, end);
    let lead = raw.length - raw.trimStart().length;
    let trimmed = raw.trim();
    if (prefixes.length) {
      const cut = chunkPrefixLength(trimmed, prefixes);
      lead += cut;
      trimmed = trimmed.slice(cut).trimStart();
      lead = raw.length - raw.slice(lead).trimStart().length;
    }
    if (trimmed) {
      let first = true;
      for (const part of splitColumns(trimmed, pos + lead)) {
        lines.push({ text: part.text, start: part.start, afterBlank: blank || !first, block: undefined, lower: undefined });
        first = false;
      }
      blank = false;
    } else {
      blank = true;
    }
    pos = end + 1;
  }
  return lines;
}

/** The width text was wrapped at, learned from the lines that certainly wrap (next starts lower case). */
function wrapWidth(lines: RawLine[]): number {
  const lengths: number[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const next = lines[i + 1]!;
    if (opensLowerCase(next) && !startsBlockLine(next)) lengths.push(lines[i]!.text.length);
  }
  if (lengths.length < 5) return Infinity;
  lengths.sort((a, b) => a - b);
  const median = lengths[lengths.length >> 1]!;
  return Math.max(40, Math.floor(median * 0.85));
}

const RULE_LINE = /^[-–—_=*·.\s|]+$/u;

/** True when most words of two letters or more are written in capitals. */
function isMostlyCaps(line: string): boolean {
  const words = line.split(/\s+/).filter((w) => /\p{L}.*\p{L}/u.test(w));
  if (words.length === 0) return false;
  const caps = words.filter((w) => !/\p{Ll}.*\p{Ll}/u.test(w) || /^\p{Ll}\p{Lu}/u.test(w)).length;
  return caps * 3 >= words.length * 2;
}

// A line ending on a bare onset (`Ngh`, `ng`, `c`, `Ch`, `ph`), which no Vietnamese word is, and the
// next opening on the vowel that completes it (`ị định`, `ày 25`, `ủa`): one syllable cut in two.
const BARE_ONSET_END = /(?:^|[\s(“"])([BCDĐGHKLMNPQRSTVXbcdđghklmnpqrstvx](?:gh|[ghr])?)$/u;
const VOWEL_START = /^([aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ][\p{Ll}\p{M}]*)/u;

function splitsSyllable(last: string, next: string): boolean {
  const onset = BARE_ONSET_END.exec(last);
  if (!onset) return false;
  const rest = VOWEL_START.exec(next);
  return rest !== null && isVietnameseSyllable(onset[1]! + rest[1]!);
}

function continues(prev: Paragraph, line: RawLine, width: number, hardBlocks: boolean): boolean {
  const next = line.text;
  const whole = prev.whole;
  // A parenthesis left open (`(Kèm theo Nghị định số …` / `ngày 25 tháng 6 …)`) goes on onto a
  // lower-case line, even past a blank line.
  if (whole !== null && opensLowerCase(line) && countOf(whole, "(") > countOf(whole, ")")) return true;
  // `Điều` / `2. Quy định ...` and `Số:` / `44/2025/QĐ-CTUBND`: a label wrapped away from its value.
  if (whole !== null && /^(?:Điều|Số\s*:?)$/iu.test(whole)) return true;
  // A type name stands alone on its line (NĐ 30/2020 Điều 8.5): the trích yếu below it is apart;
  // so do the rules under header cells (`-------`), which are no word's hyphen.
  if (startsBlockLine(line) || END_MARK.test(prev.last) || (whole !== null && isTypeName(whole))) return false;
  if (RULE_LINE.test(prev.last) || RULE_LINE.test(next)) return false;
  // A footnote body cut by a page break goes on, lower case, after the break.
  if (/^\[\d+\]\s/u.test(prev.head)) return opensLowerCase(line);
  if (hardBlocks && line.afterBlank) return false;
  if (opensLowerCase(line)) return true;
  // A marker standing alone (`Điều 4.`, `**1.**` with the text on the next line) takes the next line.
  if (whole !== null && BARE_MARKER.test(whole)) return true;
  if (/\S-$/u.test(prev.last) && /^\d/u.test(next)) return true;
  const terminal = TERMINAL.test(prev.last);
  if (!terminal && /^[\d(“"]/u.test(next)) return true;
  // A heading line (`II. Nhiệm vụ ... trong thời gian đến`) may end on any word: only lower case continues it.
  if (!terminal && CONNECTIVE_END.test(prev.last) && !(HEADING_MARKER(prev.head) || /^Điều\s+\d/u.test(prev.head)) ) return true;
  // A numbered all-caps heading continues onto an all-caps line (`II. THÀNH PHẦN ... TỔ` / `CHỨC`).
  if (HEADING_MARKER(prev.head) && prev.allCaps && isAllCaps(next) && !terminal) return true;
  // A full-width line goes on, unless what follows is a heading: in capitals, or mostly so when a
  // legacy font lost a few toned capitals (`ủY BAN NHÂN DÂN THÀNH PHỐ Cần Thơ`).
  if (!terminal && prev.last.length >= width && !isMostlyCaps(next)) return true;
  // In a markdown paragraph a `;` separates clauses of one sentence (a preamble listing documents).
  if (hardBlocks && /;$/u.test(prev.last) && !prev.allCaps) return true;
  if (hardBlocks && !terminal) {
    // Inside one markdown paragraph a line break is a wrap, except between an all-caps line
    // (issuer, office, title) and what follows it; a lone all-caps word is the tail of a wrap
    // (`TM. ỦY BAN NHÂN` / `DÂN`).
    if (!prev.allCaps) return true;
    return isAllCaps(next) && !next.includes(" ") && !(whole !== null && isTypeName(whole));
  }
  return false;
}

// Where a layout put two columns on one line: a tab or a wide gap between short cells (Word
// text with tab-aligned header and signature columns), a cell bar of a collapsed table, or a rule
// of dashes under a header cell (`CHÍNH PHỦ------- | CỘNG HÒA ...`).
const COLUMN_GAP = /\t+\s*|\s{4,}|\s*\|\s*|-{3,}|_{3,}|={3,}/gu;

// Where flattened text runs one header component into the next on a single line: before
// `Kính gửi:` and a `V/v` trích yếu, and between a date and the upper-case type name after it
// (`Số: 435/QĐ-UBND Kon Tum, ngày 04 tháng 5 năm 2020 QUYẾT ĐỊNH V/V BAN HÀNH ...`).
const COMPONENT_BREAK = /\s+(?=Kính gửi\s*:)|\s+(?=V\/[vV][\s.:])|(?<=năm\s\d{4})\s+(?=\p{Lu}{2,}\s\p{Lu}{2,})|(?<=\.)\s+(?=(?:\p{Lu}{1,}\s){1,}(?:-{3,}|$))/gu;

// Whether the line's last character may end a run of capitals (the test below, on its last two
// code units: a capital outside the BMP is two).
const CAPITAL_OR_SPACE_AT_END = /[\p{Lu}\s]$/u;
function endsInCapital(line: string): boolean {
  return CAPITAL_OR_SPACE_AT_END.test(line.slice(-2));
}

/** Splits a trimmed line into its column cells and header components, each with its start offset. */
function splitColumns(line: string, start: number): { text: string; start: number }[] {
  // Most lines hold none of the components: cheap tests before the regex with lookbehinds.
  if (!(line.includes("Kính gửi") || line.includes("V/") || line.includes("---") || (line.includes("năm ") && /năm \d{4} \p{Lu}{2}/u.test(line)) || (endsInCapital(line) && /\.\s+[\p{Lu}\s]+$/u.test(line)))) return splitCells(line, start);
  const pieces: { text: string; start: number }[] = [];
  let last = 0;
  COMPONENT_BREAK.lastIndex = 0;
  for (let m = COMPONENT_BREAK.exec(line); m; m = COMPONENT_BREAK.exec(line)) {
    if (m.index > last) pieces.push({ text: line.slice(last, m.index), start: start + last });
    last = m.index + m[0].length;
  }
  pieces.push({ text: line.slice(last), start: start + last });
  return pieces.flatMap((p) => splitCells(p.text, p.start));
}

/** Whether `c` is white space as `\s` means it. */
function isWhiteSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Whether `COLUMN_GAP` matches somewhere in the line: a tab or a bar, four white-space characters
 * in a row, or three of `-`, `_` or `=`. Asked of every line, and almost no line has a gap: one
 * pass over the characters (six string searches and a pattern before, the whole pattern before
 * that, took a quarter of line joining).
 */
export function hasColumnGap(line: string): boolean {
  let spaces = 0;
  let rule = 0;
  let ruleChar = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 9 || c === 124 /* | */) return true;
    if (isWhiteSpace(c)) {
      if (++spaces === 4) return true;
      rule = 0;
      continue;
    }
    spaces = 0;
    if (c === 45 /* - */ || c === 95 /* _ */ || c === 61 /* = */) {
      rule = c === ruleChar ? rule + 1 : 1;
      ruleChar = c;
      if (rule === 3) return true;
    } else rule = 0;
  }
  return false;
}

const AUTHORITY_CELL = /^(?:TM|KT|TL|TUQ|T\/M|K\/T|T\/L)\s*[.:]\s*\p{Lu}/u;

function splitCells(line: string, start: number): { text: string; start: number }[] {
  if (!hasColumnGap(line)) return [{ text: line, start }];
  const parts: { text: string; start: number }[] = [];
  let last = 0;
  COLUMN_GAP.lastIndex = 0;
  for (let m = COLUMN_GAP.exec(line); m; m = COLUMN_GAP.exec(line)) {
    parts.push({ text: line.slice(last, m.index), start: start + last });
    last = m.index + m[0].length;
  }
  parts.push({ text: line.slice(last), start: start + last });
  const cells = parts.map((p) => ({ text: p.text.trim(), start: p.start + (p.text.length - p.text.trimStart().length) })).filter((p) => p.text.length > 0);
  // Prose holds dashes and wide gaps too: split only when every cell is short, as layout cells are.
  const isRuleOrBar = /-{3,}|_{3,}|={3,}|\|/u.test(line);
  if (cells.length === 0) return [{ text: line, start }];
  // A collapsed closing row is cells too, however long its recipients: a cell opens on an
  // authority prefix (`| - Bộ Y tế; … - Lưu: VT | TM. CHÍNH PHỦ … |`).
  if (cells.some((c) => c.text.length > (isRuleOrBar ? 160 : 70)) && !(line.includes("|") && cells.some((c) => AUTHORITY_CELL.test(c.text)))) return [{ text: line, start }];
  return cells;
}

function countOf(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) n++;
  return n;
}
