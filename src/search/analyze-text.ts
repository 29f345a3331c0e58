// The single-pass tokenizer: syllables, numbers and identifiers with their spans in the original
// text. One loop over the code units with table lookups, no regex and no NFD per token (see
// char-tables.ts); the folded text is computed once per text and terms are slices of it.
import { CharClass, CLASS, TABLE_SIZE, UPPER, classOf } from "../../grammars/text/char-tables.js";
import { foldAligned } from "../../grammars/text/fold.js";

/** What a token is: a word (syllable, or letters mixed with digits like `7h30`), a number, or an identifier. */
export type TokenKind = "word" | "number" | "identifier";

/** One token of a text, with the term it is indexed and queried under. */
export interface Token {
  /** UTF-16 offset of the first code unit in the original text */
  start: number;
  /** UTF-16 offset after the last code unit */
  end: number;
  kind: TokenKind;
  /**
   * The index term: the folded word; a number without zero padding or thousands separators
   * (`01` → `1`, `15.314` → `15314`); for an identifier its parts joined by `/`
   * (`29-NQ/TW` and `29/NQ-TW` → `29/nq/tw`, `01779/QĐ-UBND` → `1779/qd/ubnd`).
   */
  term: string;
  /** an identifier's normalised parts (`["1779", "qd", "ubnd"]`); null for other kinds */
  parts: readonly string[] | null;
  /** true when a line break stands between this token and the previous one */
  lineBreakBefore: boolean;
}

const HAS_LETTER = 1;
const HAS_DIGIT = 2;
const HAS_MARK = 4;
const HAS_CONNECTOR = 8;
const DOT = 0x2e;
const COMMA = 0x2c;

function cls(code: number): number {
  return code < TABLE_SIZE ? CLASS[code]! : classOf(code);
}

function isAlnum(c: number): boolean {
  return c === CharClass.letter || c === CharClass.digit;
}

function isUpper(code: number): boolean {
  return code < TABLE_SIZE ? UPPER[code] === 1 : false;
}

// Whether the connector at `i` joins its neighbours into one identifier: `,` only inside numbers
// (`47,58`), `.` inside numbers and between capitals (`TP.HCM`) but not after a sentence
// (`năm 2023.Trong`), the others (`/ - & –`) between any letters or digits.
function joins(text: string, i: number): boolean {
  if (i + 1 >= text.length || i === 0) return false;
  const code = text.charCodeAt(i);
  const prev = text.charCodeAt(i - 1);
  const next = text.charCodeAt(i + 1);
  const prevClass = cls(prev);
  const nextClass = cls(next);
  if (code === COMMA) return prevClass === CharClass.digit && nextClass === CharClass.digit;
  if (code === DOT) {
    if (prevClass === CharClass.digit && nextClass === CharClass.digit) return true;
    return isUpper(prev) && isUpper(next);
  }
  return (isAlnum(prevClass) || prevClass === CharClass.mark) && isAlnum(nextClass);
}

// Strips leading zeros from a digit string, keeping one zero for an all-zero string.
function stripZeros(digits: string): string {
  let i = 0;
  while (i < digits.length - 1 && digits.charCodeAt(i) === 0x30) i++;
  return i === 0 ? digits : digits.slice(i);
}

function stripMarks(folded: string): string {
  let out = "";
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    if (classOf(code) !== CharClass.mark) out += folded[i];
  }
  return out;
}

function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return s.length > 0;
}

// A compound of digits joined only by `.` and `,`: a number, not an identifier. `.` followed by
// exactly three digits is a thousands separator (Vietnamese notation), `,` the decimal mark.
function numberTerm(folded: string): string | null {
  const groups = folded.split(/[.,]/);
  if (!groups.every(isDigits)) return null;
  if (!folded.includes(",") && groups.slice(1).every((g) => g.length === 3)) return stripZeros(groups.join(""));
  return folded;
}

function makeToken(folded: string, start: number, end: number, flags: number, lineBreakBefore: boolean): Token {
  let span = folded.slice(start, end);
  if (flags & HAS_MARK) span = stripMarks(span);
  if (!(flags & HAS_CONNECTOR)) {
    if (!(flags & HAS_LETTER)) return { start, end, kind: "number", term: stripZeros(span), parts: null, lineBreakBefore };
    return { start, end, kind: "word", term: span, parts: null, lineBreakBefore };
  }
  if (!(flags & HAS_LETTER)) {
    const number = numberTerm(span);
    if (number !== null) return { start, end, kind: "number", term: number, parts: null, lineBreakBefore };
  }
  const parts: string[] = [];
  let partStart = 0;
  for (let i = 0; i <= span.length; i++) {
    if (i === span.length || cls(span.charCodeAt(i)) === CharClass.connector) {
      if (i > partStart) {
        const part = span.slice(partStart, i);
        parts.push(isDigits(part) ? stripZeros(part) : part);
      }
      partStart = i + 1;
    }
  }
  return { start, end, kind: "identifier", term: parts.join("/"), parts, lineBreakBefore };
}

/**
 * A cursor over the tokens of a text, for callers that want the terms and not `Token` objects
 * (the index builder: one object per token was a fifth of its analysis). Each `next()` moves to
 * the next token and sets `start`, `end`, `flags` and `lineBreakBefore`.
 */
export class TokenCursor {
  start = 0;
  end = 0;
  /** `HAS_LETTER | HAS_DIGIT | HAS_MARK | HAS_CONNECTOR` bits of the token */
  flags = 0;
  lineBreakBefore = false;
  private i: number;
  private lineBreak = false;
  private first = true;

  constructor(
    private readonly text: string,
    from: number,
    private readonly to: number,
  ) {
    this.i = from;
  }

  next(): boolean {
    const text = this.text;
    const to = this.to;
    let i = this.i;
    while (i < to) {
      const c = cls(text.charCodeAt(i));
      if (c !== CharClass.letter && c !== CharClass.digit && c !== CharClass.mark) {
        if (c === CharClass.newline) this.lineBreak = true;
        i++;
        continue;
      }
      const start = i;
      let flags = 0;
      for (;;) {
        while (i < to) {
          const k = cls(text.charCodeAt(i));
          if (k === CharClass.letter) flags |= HAS_LETTER;
          else if (k === CharClass.digit) flags |= HAS_DIGIT;
          else if (k === CharClass.mark) flags |= HAS_MARK;
          else break;
          i++;
        }
        if (i + 1 < to && cls(text.charCodeAt(i)) === CharClass.connector && joins(text, i)) {
          flags |= HAS_CONNECTOR;
          i++;
          continue;
        }
        break;
      }
      // A run of marks alone is no token.
      if (!(flags & (HAS_LETTER | HAS_DIGIT))) continue;
      this.start = start;
      this.end = i;
      this.flags = flags;
      this.lineBreakBefore = this.lineBreak && !this.first;
      this.lineBreak = false;
      this.first = false;
      this.i = i;
      return true;
    }
    this.i = i;
    return false;
  }

  /** The current token (see `analyzeText`), read from `folded` (`foldAligned` of the text). */
  token(folded: string): Token {
    return makeToken(folded, this.start, this.end, this.flags, this.lineBreakBefore);
  }

  /**
   * The current token's term as `token(folded).term`, without building the token, for a word or a
   * plain number (no connector inside); null for the others, which `token` reads.
   */
  simpleTerm(folded: string): string | null {
    const flags = this.flags;
    if (flags & HAS_CONNECTOR) return null;
    let span = folded.slice(this.start, this.end);
    if (flags & HAS_MARK) span = stripMarks(span);
    return flags & HAS_LETTER ? span : stripZeros(span);
  }

  /** Whether the current token is a number with no connector inside (`12`, not `12.5` or `1/2`). */
  get isPlainNumber(): boolean {
    return (this.flags & (HAS_LETTER | HAS_CONNECTOR)) === 0;
  }
}

/**
 * Splits `text` into tokens in one pass; `folded` may be passed when the caller already has
 * `foldAligned(text)`, and `from`/`to` restrict the scan to a range of the text.
 * @example analyzeText("Kế hoạch số 01779/QĐ-UBND").map((t) => t.term) // ["ke", "hoach", "so", "1779/qd/ubnd"]
 */
export function analyzeText(text: string, folded: string = foldAligned(text), from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const cursor = new TokenCursor(text, from, to);
  while (cursor.next()) tokens.push(cursor.token(folded));
  return tokens;
}
