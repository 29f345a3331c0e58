// Tokens of the legal-reference grammar: what a reference to another document is made of in
// running text (../shared/notes/formats.md, "Shapes of a reference"):
//   <type name> [của <body>] [số[:]] <number> [,] [ngày <date>] [của <body> [khóa X]] [về <subject>]
// The number (số, ký hiệu, NĐ 30/2020 Điều 8.3) is one token: its shape — sequence, optional
// year, type and issuer codes, with the stray spaces, en dashes and dotted codes seen in the wild —
// is read by a hand-written matcher that hands its parts on as the token's payload.
import type { CustomPatternMatcherReturn, TokenType } from "chevrotain";
import { createToken, Lexer } from "./chevrotain.js";
import { REFERENCE_DOC_TYPES } from "./vocabulary/reference-doc-types.js";
import { stripMarks } from "./text/fold.js";

/** The parts of a number token, as written (the splitter in src/citations decides their roles). */
export interface NumberShape {
  /** The sequence as written, padding kept: `0125`, `66.4`. */
  seq: string;
  /** The year written inside the number (`30/2020/NĐ-CP`, `1025/PLYK/2025`), or null. */
  year: number | null;
  /** `n-TYPE/BODY` (Party) or `n/[yyyy/]CODE-CODE` (state). */
  style: "state" | "party";
  /** The code segments in order, spaces removed (`["TTLT", "BNV", "BTC"]`, `["QĐ", "CT.UB"]`). */
  segments: string[];
  /** True when the year came after the codes (`1025/PLYK/2025`). */
  trailingYear: boolean;
}

// ---------------------------------------------------------------------------------------------
// Character classes

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isUpperAscii = (c: number): boolean => c >= 65 && c <= 90;
const isLowerAscii = (c: number): boolean => c >= 97 && c <= 122;
// Letters of Vietnamese text: ASCII, Latin-1 but × ÷, Latin Extended-A/B, combining marks (for NFD
// input) and Latin Extended Additional (the Vietnamese vowels). Looked up in a table: the
// pre-filter asks for every character of a document.
const LETTERS = new Uint8Array(0x1f00);
for (let c = 0; c < LETTERS.length; c++)
  LETTERS[c] = +(isUpperAscii(c) || isLowerAscii(c) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x300 && c <= 0x36f) || c >= 0x1e00);

/** Whether a UTF-16 code unit is a letter of Vietnamese text (or a combining mark). */
export const isLetter = (c: number): boolean => c < 0x1f00 && LETTERS[c] === 1;
const isHorizontalSpace = (c: number): boolean => c === 32 || c === 9 || c === 0xa0;
const D_STROKE_UPPER = 0x110; // Đ
const D_STROKE_LOWER = 0x111; // đ

/** Skips at most `max` spaces or tabs (never a line break: a number does not span lines). */
function skipSpaces(text: string, i: number, max = 3): number {
  let n = 0;
  while (n < max && i < text.length && isHorizontalSpace(text.charCodeAt(i))) {
    i++;
    n++;
  }
  return i;
}

/** Reads four digits of a plausible year at `i` (1900–2099) with no digit after, or null. */
function readYear(text: string, i: number): number | null {
  if (i + 4 > text.length) return null;
  const y = text.slice(i, i + 4);
  if (!/^(?:19|20)\d\d$/.test(y) || (i + 4 < text.length && isDigit(text.charCodeAt(i + 4)))) return null;
  return Number(y);
}

/**
 * Reads one code segment at `i` (`NĐ`, `TTg`, `QĐi`, `BCĐQG1237`, `QLN&CS`, `CT.UB`): an upper-case
 * start, letters, digits and `&`, a `.` only between two segments' letters, no letter right after,
 * and no more lower-case than upper-case letters (so `Nam`, `Trung` are words, not codes).
 */
function readSegment(text: string, i: number): { end: number; code: string } | null {
  const first = text.charCodeAt(i);
  if (!(isUpperAscii(first) || first === D_STROKE_UPPER)) return null;
  let j = i + 1;
  let upper = 1;
  let lower = 0;
  for (; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (isUpperAscii(c) || c === D_STROKE_UPPER) upper++;
    else if (isLowerAscii(c) || c === D_STROKE_LOWER) lower++;
    else if (isDigit(c) || c === 38 /* & */) continue;
    else if (c === 46 /* . */ && j + 1 < text.length) {
      const n = text.charCodeAt(j + 1);
      if (!(isUpperAscii(n) || n === D_STROKE_UPPER)) break;
    } else break;
  }
  if (j < text.length && isLetter(text.charCodeAt(j))) return null;
  if (lower > upper) return null;
  return { end: j, code: text.slice(i, j) };
}

const isDash = (c: number): boolean => c === 45 /* - */ || c === 0x2013 /* – */;

const TYPE_CODES = new Set(REFERENCE_DOC_TYPES.map((t) => t.code.toUpperCase()));
// OCR loses the stroke of Đ (`QD-BYT`, `ND-CP`): such a segment is still a type code.
const TYPE_CODES_FOLDED = new Set([...TYPE_CODES].map((c) => c.replace(/Đ/g, "D")));
const looksLikeTypeCode = (code: string): boolean => TYPE_CODES_FOLDED.has(code.toUpperCase().replace(/Đ/g, "D"));

/**
 * Reads a number and symbol at `start`: `29-NQ/TW`, `30/2020/NĐ-CP`, `3280/UBND-VX`, `66.4/2025/NQ-CP`,
 * `1025/PLYK/2025`, and the damaged `773 /QĐ-TTg`, `837 / QĐ - BKH`, `119- KH/TU`, `135/2020/NĐ -CP`.
 * Spaces may stand on one side of a separator, on both only right after a type code (`QĐ - BKH`),
 * so that a list dash after a number (`29-NQ/TW - UBND tỉnh`) is not read as part of it.
 */
export function scanNumber(text: string, start: number): { end: number; shape: NumberShape } | null {
  if (start > 0) {
    const p = text.charCodeAt(start - 1);
    if (isLetter(p) || isDigit(p) || p === 47 /* / */ || p === 46 /* . */ || isDash(p)) return null;
  }
  let i = start;
  while (i < text.length && i - start < 6 && isDigit(text.charCodeAt(i))) i++;
  if (i === start || (i < text.length && isDigit(text.charCodeAt(i)))) return null;
  // A decimal sequence (`66.4/2025/NQ-CP`) only counts when a separator follows it.
  if (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
    let j = i + 1;
    while (j < text.length && j - i <= 3 && isDigit(text.charCodeAt(j))) j++;
    if (!(j < text.length && isDigit(text.charCodeAt(j)))) i = j;
  }
  const seq = text.slice(start, i);
  const sepAt = skipSpaces(text, i);
  const sep = text.charCodeAt(sepAt);
  const segments: string[] = [];
  const ends: number[] = [];
  let year: number | null = null;
  let trailingYear = false;
  let end: number;

  if (sep === 47 /* / */) {
    let k = skipSpaces(text, sepAt + 1);
    const y = readYear(text, k);
    if (y !== null) {
      const afterYear = skipSpaces(text, k + 4);
      if (text.charCodeAt(afterYear) !== 47) return null;
      year = y;
      k = skipSpaces(text, afterYear + 1);
    }
    const first = readSegment(text, k);
    if (!first) return null;
    segments.push(first.code);
    ends.push(first.end);
    end = first.end;
  } else if (isDash(sep)) {
    const typeSeg = readSegment(text, skipSpaces(text, sepAt + 1));
    if (!typeSeg) return null;
    const slashAt = skipSpaces(text, typeSeg.end);
    if (text.charCodeAt(slashAt) !== 47) return null;
    const body = readSegment(text, skipSpaces(text, slashAt + 1));
    if (!body) return null;
    segments.push(typeSeg.code, body.code);
    ends.push(typeSeg.end, body.end);
    end = body.end;
  } else return null;

  // Further segments: `-BTC-BYT`, `/TW`, a trailing `/2025`.
  for (;;) {
    const before = skipSpaces(text, end);
    const c = text.charCodeAt(before);
    if (!(isDash(c) || c === 47)) break;
    const after = skipSpaces(text, before + 1);
    const spaced = before > end && after > before + 1;
    if (spaced && !(segments.length === 1 && looksLikeTypeCode(segments[0]!))) break;
    if (c === 47 && !trailingYear && year === null) {
      const y = readYear(text, after);
      if (y !== null) {
        year = y;
        trailingYear = true;
        end = after + 4;
        break;
      }
    }
    const seg = readSegment(text, after);
    if (!seg) break;
    segments.push(seg.code);
    ends.push(seg.end);
    end = seg.end;
  }
  // A one-letter last segment is a stray letter of a letter-spaced line (`3210/QĐ - U B ND`),
  // except as the type of `L-CTN` (Lệnh), which is never last.
  while (!trailingYear && segments.length > 1 && segments[segments.length - 1]!.length === 1) {
    segments.pop();
    ends.pop();
    end = ends[ends.length - 1]!;
  }
  if (segments.length === 1 && segments[0]!.length === 1) return null;
  const style = sep === 47 ? "state" : "party";
  return { end, shape: { seq, year, style, segments, trailingYear } };
}

/** Reads a numeric date (`04/11/2013`, `4/11/2013`, `01-10-1997`, `01/ 7 /2004`) at `start`. */
export function scanNumericDate(text: string, start: number): number | null {
  if (start > 0 && (isDigit(text.charCodeAt(start - 1)) || isLetter(text.charCodeAt(start - 1)))) return null;
  let i = start;
  const readPart = (): boolean => {
    const s = i;
    while (i < text.length && i - s < 2 && isDigit(text.charCodeAt(i))) i++;
    return i > s && !(i < text.length && isDigit(text.charCodeAt(i)));
  };
  const readSep = (): number => {
    i = skipSpaces(text, i, 2);
    const c = text.charCodeAt(i);
    if (c !== 47 && c !== 46 && c !== 45) return -1;
    i = skipSpaces(text, i + 1, 2);
    return c;
  };
  if (!readPart()) return null;
  const first = readSep();
  if (first < 0 || !readPart()) return null;
  if (readSep() !== first) return null;
  if (readYear(text, i) === null) return null;
  return i + 4;
}

// ---------------------------------------------------------------------------------------------
// Spellings of the type names

// A type name is matched in any case, as written or with no marks at all (`nghi quyet`, typed by
// users and in ASCII-only files). Marks are not otherwise ignored: `hiện Pháp` must not read as
// `Hiến pháp`. Tone-placement variants (`uỷ`/`ủy`) are spelled out in the vocabulary.


const TYPE_NAMES = [...new Set(REFERENCE_DOC_TYPES.flatMap((t) => [t.name, ...(t.aliases ?? [])].map((n) => n.normalize("NFC"))))];

/** The lower-case code unit of a Vietnamese letter (ASCII, Latin-1, Ă Đ Ĩ Ũ Ơ Ư and Extended Additional). */
function lowerOf(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 0xc0) return c;
  if (c <= 0xde) return c === 0xd7 ? c : c + 32;
  if (c >= 0x100 && c <= 0x12f) return c | 1; // Ă ă, Đ đ, Ĩ ĩ
  if (c === 0x168 || c === 0x1a0 || c === 0x1af) return c + 1; // Ũ, Ơ, Ư
  if (c >= 0x1ea0 && c <= 0x1ef9) return c | 1;
  return c;
}

const LOWER = new Uint16Array(0x1f00).map((_, c) => lowerOf(c));
const lowerCode = (c: number): number => (c < 0x1f00 ? LOWER[c]! : c);

// The type names as an automaton over lower-case code units, a space standing for any run of
// spaces: every spelling of every name, as written and without marks. States and transitions live
// in typed arrays, since the pre-filter asks at nearly every word of a document.
const SPACE = 32;
const spellings = [...new Set(TYPE_NAMES.flatMap((n) => [n.toLowerCase().replace(/\s+/g, " "), stripMarks(n.toLowerCase().replace(/\s+/g, " "))]))];
// The symbols of the automaton: each code unit the names use, numbered from 1.
const SYMBOL = new Uint8Array(0x1f00);
let symbols = 0;
for (const s of spellings) for (const ch of s) if (!SYMBOL[ch.charCodeAt(0)]) SYMBOL[ch.charCodeAt(0)] = ++symbols;
const WIDTH = symbols + 1;
// State 1 is the start; 0 means no transition.
let transitions = new Int32Array(WIDTH * 64);
let finals = new Uint8Array(64);
let states = 2;
for (const spelling of spellings) {
  let state = 1;
  for (let i = 0; i < spelling.length; i++) {
    const cell = state * WIDTH + SYMBOL[spelling.charCodeAt(i)]!;
    if (!transitions[cell]) {
      if ((states + 1) * WIDTH > transitions.length) {
        const grown = new Int32Array(transitions.length * 2);
        grown.set(transitions);
        transitions = grown;
        const grownFinals = new Uint8Array(finals.length * 2);
        grownFinals.set(finals);
        finals = grownFinals;
      }
      transitions[cell] = states++;
    }
    state = transitions[cell]!;
  }
  finals[state] = 1;
}
const symbolOf = (c: number): number => (c < 0x1f00 ? SYMBOL[LOWER[c]!]! : 0);
// The first two letters of the names: most words are turned away by two array lookups.
const SECOND_LETTERS: (Uint8Array | undefined)[] = [];
for (const s of spellings) (SECOND_LETTERS[s.charCodeAt(0)] ??= new Uint8Array(0x1f00))[s.charCodeAt(1)] = 1;

/** Whether the two letters at `offset` may begin a type name (a cheap test before matchTypeName). */
export function mayStartTypeName(text: string, offset: number): boolean {
  const row = SECOND_LETTERS[lowerCode(text.charCodeAt(offset))];
  if (!row) return false;
  const second = text.charCodeAt(offset + 1);
  return second < 0x1f00 && row[LOWER[second]!] === 1;
}

/** Length of the longest type name (`Nghị quyết`, `THÔNG TƯ LIÊN TỊCH`, `nghi quyet`) at `offset`
 * that ends a word, or 0. */
export function matchTypeName(text: string, offset: number): number {
  if (!mayStartTypeName(text, offset)) return 0;
  if (offset > 0) {
    const p = text.charCodeAt(offset - 1);
    if (isLetter(p) || isDigit(p)) return 0;
  }
  let state = 1;
  let matched = 0;
  let i = offset;
  while (i < text.length && state) {
    const c = text.charCodeAt(i);
    if (isHorizontalSpace(c)) {
      state = transitions[state * WIDTH + SYMBOL[SPACE]!]!;
      while (i < text.length && isHorizontalSpace(text.charCodeAt(i))) i++;
    } else {
      const symbol = symbolOf(c);
      state = symbol ? transitions[state * WIDTH + symbol]! : 0;
      i++;
    }
    if (state && finals[state] && !(i < text.length && (isLetter(text.charCodeAt(i)) || isDigit(text.charCodeAt(i))))) matched = i - offset;
  }
  return matched;
}
const TYPE_NAME_START_CHARS = [
  ...new Set(
    TYPE_NAMES.flatMap((n) => {
      const first = n[0]!;
      const bare = stripMarks(first);
      return [first.toLowerCase(), first.toUpperCase(), bare.toLowerCase(), bare.toUpperCase()];
    }),
  ),
];

/** Matches a sticky regex at `offset` only between word boundaries (not inside `tiểu dự án`'s `ểu`). */
function boundedMatcher(re: RegExp) {
  return (text: string, offset: number): CustomPatternMatcherReturn | null => {
    if (offset > 0) {
      const p = text.charCodeAt(offset - 1);
      if (isLetter(p) || isDigit(p)) return null;
    }
    re.lastIndex = offset;
    const m = re.exec(text);
    if (!m) return null;
    const after = offset + m[0].length;
    if (after < text.length && (isLetter(text.charCodeAt(after)) || isDigit(text.charCodeAt(after)))) return null;
    return [m[0]];
  };
}

// ---------------------------------------------------------------------------------------------
// Tokens

/** Every token but those that start a reference: what an entry reads when it starts none. */
export const Filler = createToken({ name: "Filler", pattern: Lexer.NA });
/** Tokens that may stand inside a name between the type word and the number (`Luật Giáo dục số`). */
export const NameWord = createToken({ name: "NameWord", pattern: Lexer.NA });
/** Tokens that may stand inside the name of an issuing body (`của Sở Giáo dục và Đào tạo`). */
export const BodyWord = createToken({ name: "BodyWord", pattern: Lexer.NA });

/** Spaces and line breaks between tokens; the parser looks at the source for paragraph breaks. */
export const WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: /[ \t\r\n\u00a0\u200b\ufeff]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});

/** NĐ 30/2020 Điều 8.3: số, ký hiệu — the whole number and symbol, parts in the payload. */
export const DocNumber = createToken({
  name: "DocNumber",
  pattern: (text: string, offset: number) => {
    const m = scanNumber(text, offset);
    if (!m) return null;
    const result: CustomPatternMatcherReturn = [text.slice(offset, m.end)];
    result.payload = m.shape;
    return result;
  },
  line_breaks: false,
  start_chars_hint: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
});

/** A date in figures: `04/11/2013`, `4/11/2013`, `04-11-2013` (Party style), `01/ 7 /2004`. */
export const NumericDate = createToken({
  name: "NumericDate",
  pattern: (text: string, offset: number) => {
    const end = scanNumericDate(text, offset);
    return end === null ? null : [text.slice(offset, end)];
  },
  line_breaks: false,
  start_chars_hint: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
  categories: [Filler],
});

/** A bare number: a short-form sequence (`Quy định 377`), a day, month or year. */
export const Integer = createToken({ name: "Integer", pattern: /\d+/, categories: [Filler, NameWord, BodyWord] });

/** A type name (tên loại) in any case, with or without marks: `Nghị quyết`, `QUYẾT ĐỊNH`, `nghi quyet`. */
export const TypeName = createToken({
  name: "TypeName",
  pattern: (text: string, offset: number) => {
    const length = matchTypeName(text, offset);
    return length ? [text.slice(offset, offset + length)] : null;
  },
  line_breaks: false,
  start_chars_hint: TYPE_NAME_START_CHARS,
});

const TYPE_CODES_AS_WORDS = [...new Set(REFERENCE_DOC_TYPES.map((t) => t.code))].filter((c) => !/\s/.test(c));
const TYPE_CODE_WORDS = new Set(TYPE_CODES_AS_WORDS);
const CODE_FIRST_CHARS = new Uint8Array(0x1f00);
for (const c of TYPE_CODES_AS_WORDS) CODE_FIRST_CHARS[c.charCodeAt(0)] = 1;
const MAX_CODE = Math.max(...TYPE_CODES_AS_WORDS.map((c) => c.length));

/** Length of a type code used as a word before a figure (`TT 32`) at `offset`, or 0. */
export function matchTypeCodeWord(text: string, offset: number): number {
  // Most words do not start with a code's (upper-case) first letter.
  const first = text.charCodeAt(offset);
  if (first >= 0x1f00 || CODE_FIRST_CHARS[first] !== 1) return 0;
  if (offset > 0 && (isLetter(text.charCodeAt(offset - 1)) || isDigit(text.charCodeAt(offset - 1)))) return 0;
  let end = offset + 1;
  while (end < text.length && end - offset <= MAX_CODE && isLetter(text.charCodeAt(end))) end++;
  const after = skipSpaces(text, end);
  if (after === end || !isDigit(text.charCodeAt(after))) return 0;
  return TYPE_CODE_WORDS.has(text.slice(offset, end)) ? end - offset : 0;
}

/** A type code used as a word before a bare sequence (`TT 32`, `QĐ 16`, `NQ 29`): a short form. */
export const TypeCodeWord = createToken({
  name: "TypeCodeWord",
  pattern: (text: string, offset: number) => {
    const length = matchTypeCodeWord(text, offset);
    return length ? [text.slice(offset, offset + length)] : null;
  },
  line_breaks: false,
  start_chars_hint: [...new Set(REFERENCE_DOC_TYPES.map((t) => t.code[0]!))],
  categories: [Filler, NameWord, BodyWord],
});

const SO_RE = /[sS][ốỐoO](?:[ \t\u00a0]{0,2}:)?(?=[ \t\u00a0]{0,3}\d)/y;
/** `số`, `Số:`, `SỐ`, ASCII `so` — only right before a figure (`số lượng` is a word). */
export const So = createToken({
  name: "So",
  pattern: (text: string, offset: number) => {
    if (offset > 0 && isLetter(text.charCodeAt(offset - 1))) return null;
    SO_RE.lastIndex = offset;
    const r = SO_RE.exec(text);
    return r ? [r[0]] : null;
  },
  line_breaks: false,
  start_chars_hint: ["s", "S"],
  categories: [Filler],
});

/** `khóa XI`, `khoá XII`, `KHÓA XIII`: the term of the issuing committee or assembly. */
export const TermOfOffice = createToken({
  name: "TermOfOffice",
  pattern: boundedMatcher(/(?:kh[oó][aá]|KH[OÓ][AÁ]|Kh[oó][aá])[ \t\u00a0]+[IVXL]+/y),
  line_breaks: false,
  start_chars_hint: ["k", "K"],
  categories: [Filler],
});

/** The word tokens every keyword must out-match only when it is the whole word. */
export const Word = createToken({
  name: "Word",
  pattern:
    /[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff][A-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff\u0300-\u036f]*/,
  categories: [Filler, NameWord, BodyWord],
});

const keyword = (name: string, pattern: RegExp, categories: TokenType[] = [Filler]): TokenType =>
  createToken({ name, pattern, longer_alt: Word, categories });

/** `ngày` before a date. */
export const Ngay = keyword("Ngay", /ngày|NGÀY|Ngày/);
/** `tháng` inside a date written in words. */
export const Thang = keyword("Thang", /tháng|THÁNG|Tháng/);
/** `năm` before a year (and the ordinal `thứ năm` inside a name or body, which the parser tells apart). */
export const Nam = keyword("Nam", /năm|NĂM|Năm/, [Filler, NameWord, BodyWord]);
/** `của` before the issuing body. */
export const Cua = keyword("Cua", /của|CỦA|Của/, [Filler, NameWord]);
/** `về` before the subject (trích yếu). */
export const Ve = keyword("Ve", /về|VỀ|Về/);
/** `và` joining list members or body names. */
export const Va = keyword("Va", /và|VÀ|Và/, [Filler, NameWord, BodyWord]);
/** `này` after a type name: the document itself (`Quyết định này`). */
export const Nay = keyword("Nay", /này|NÀY|Này/);

/** `,` */
export const Comma = createToken({ name: "Comma", pattern: /,/, categories: [Filler, NameWord, BodyWord] });
/** `;` ends a statement: never inside a reference. */
export const Semicolon = createToken({ name: "Semicolon", pattern: /;/, categories: [Filler] });
/** `:` */
export const Colon = createToken({ name: "Colon", pattern: /:/, categories: [Filler] });
/** `.` */
export const Period = createToken({ name: "Period", pattern: /\./, categories: [Filler] });
/** `(` or `[` */
export const LParen = createToken({ name: "LParen", pattern: /[([]/, categories: [Filler] });
/** `)` or `]` */
export const RParen = createToken({ name: "RParen", pattern: /[)\]]/, categories: [Filler] });
/** Straight and curly quotes and guillemets. */
export const Quote = createToken({ name: "Quote", pattern: /["“”‘’'«»]/, categories: [Filler] });
/** A table cell border left by flattened markdown tables. */
export const Pipe = createToken({ name: "Pipe", pattern: /\|/, categories: [Filler] });
/** A hyphen or dash on its own (`Lao động - Thương binh và Xã hội`). */
export const Dash = createToken({ name: "Dash", pattern: /[-–—]/, categories: [Filler, BodyWord] });
/** Any other character: the lexer never fails. (Written as a range: Chevrotain's first-character
 * analysis misreads `[\s\S]` and would skip most characters with an error.) */
export const Other = createToken({ name: "Other", pattern: /[\u0000-\uffff]/, categories: [Filler] });

/** Every token type, in matching order. */
export const referenceTokens: TokenType[] = [
  WhiteSpace,
  DocNumber,
  NumericDate,
  Integer,
  TypeName,
  TypeCodeWord,
  So,
  TermOfOffice,
  Ngay,
  Thang,
  Nam,
  Cua,
  Ve,
  Va,
  Nay,
  Word,
  Comma,
  Semicolon,
  Colon,
  Period,
  LParen,
  RParen,
  Quote,
  Pipe,
  Dash,
  Other,
  Filler,
  NameWord,
  BodyWord,
];

/** The one lexer of the reference grammar (tokens carry offsets only). */
export const referenceLexer = new Lexer(referenceTokens, {
  positionTracking: "onlyOffset",
  ensureOptimizations: false,
});
