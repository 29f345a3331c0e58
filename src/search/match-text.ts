// Finding a query's words and phrases in one candidate's stored text, for phrase verification,
// exact-diacritic re-ranking and highlighting. The folded text locates an anchor unit with a
// native `indexOf`; only a small window around each hit is tokenized, and the comparison is on the
// analyzer's own units, so a match here is exactly a match of the index terms (plus adjacency).
import { analyzeText, type Token } from "./analyze-text.js";
import { CharClass, classOf } from "../../grammars/text/char-tables.js";
import { foldAligned } from "../../grammars/text/fold.js";
import type { QueryUnit } from "./parse-query.js";
import { toneKeyOfSpan } from "./tone-key.js";

/** A match in the stored text. */
export interface Occurrence {
  start: number;
  end: number;
  /** true when every unit typed with diacritics matches them (tone placement aside) */
  exact: boolean;
}

/** A stored text with its folded form and tokens computed on demand. */
export class TextView {
  private foldedText: string | undefined;
  private allTokens: Token[] | undefined;

  constructor(readonly text: string) {}

  /** `foldAligned(text)`, computed once. */
  get folded(): string {
    return (this.foldedText ??= foldAligned(this.text));
  }

  /** All tokens of the text, computed once. */
  get tokens(): Token[] {
    return (this.allTokens ??= analyzeText(this.text, this.folded));
  }
}

interface UnitRun {
  terms: string[];
  tokens: Token[];
}

function expand(tokens: readonly Token[]): UnitRun {
  const terms: string[] = [];
  const owners: Token[] = [];
  for (const token of tokens) {
    if (token.parts) {
      for (const part of token.parts) {
        terms.push(part);
        owners.push(token);
      }
    } else {
      terms.push(token.term);
      owners.push(token);
    }
  }
  return { terms, tokens: owners };
}

// Whether `units` stand at unit index `at` of `run`, adjacent (no line break between tokens; with
// `spaced`, nothing but spaces).
function matchAt(text: string, run: UnitRun, at: number, units: readonly QueryUnit[], spaced = false): Occurrence | null {
  if (at < 0 || at + units.length > run.terms.length) return null;
  let exact = true;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    if (run.terms[at + i] !== unit.term) return null;
    const token = run.tokens[at + i]!;
    const previous = run.tokens[at + i - 1];
    if (i > 0 && token !== previous && (token.lineBreakBefore || (spaced && !onlySpaces(text, previous!.end, token.start)))) return null;
    if (unit.toneKey !== null && (token.kind !== "word" || toneKeyOfSpan(text, token.start, token.end) !== unit.toneKey)) exact = false;
  }
  return { start: run.tokens[at]!.start, end: run.tokens[at + units.length - 1]!.end, exact };
}

function isWordChar(code: number): boolean {
  const c = classOf(code);
  return c === CharClass.letter || c === CharClass.digit || c === CharClass.mark;
}

function onlySpaces(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

// White space: a token never spans it, so a window cut there cuts no token.
function isSpace(code: number): boolean {
  return code <= 0x20 || code === 0xa0 || classOf(code) === CharClass.newline;
}

// The unit to look up with indexOf: the longest all-letter term (it appears literally in the
// folded text, unlike numbers written with zero padding or thousands separators).
function anchorOf(units: readonly QueryUnit[]): number {
  let best = -1;
  for (let i = 0; i < units.length; i++) {
    const term = units[i]!.term;
    if (/\d/.test(term) || term.length === 0) continue;
    if (best < 0 || term.length > units[best]!.term.length) best = i;
  }
  return best;
}

/**
 * True when one of `spellings` stands in `text` as a whole word (bounded by non-letters; an
 * identifier's connectors count as bounds): a cheap exact-diacritic test on the original text.
 */
export function containsWord(text: string, spellings: readonly string[]): boolean {
  for (const spelling of spellings) {
    for (let pos = text.indexOf(spelling); pos >= 0; pos = text.indexOf(spelling, pos + 1)) {
      const end = pos + spelling.length;
      if ((pos === 0 || !isWordChar(text.charCodeAt(pos - 1))) && (end === text.length || !isWordChar(text.charCodeAt(end)))) return true;
    }
  }
  return false;
}

/** Options of `findOccurrences`. */
export interface FindOptions {
  /** stop at the first exact occurrence (enough to rank a candidate) */
  untilExact?: boolean;
  /** only units separated by spaces alone, not by punctuation (`hiện đại hóa, giải quyết` is no `hóa giải`) */
  spaced?: boolean;
  /** only look in `[from, to)` of the text */
  from?: number;
  to?: number;
}

function findInTokens(view: TextView, units: readonly QueryUnit[], options: FindOptions): Occurrence[] {
  const from = options.from ?? 0;
  const to = options.to ?? view.text.length;
  const run = expand(view.tokens.filter((token) => token.start >= from && token.end <= to));
  const found: Occurrence[] = [];
  for (let at = 0; at + units.length <= run.terms.length; at++) {
    const occurrence = matchAt(view.text, run, at, units, options.spaced);
    if (occurrence) {
      found.push(occurrence);
      if (options.untilExact && occurrence.exact) break;
    }
  }
  return found;
}

const WINDOW_PER_UNIT = 48;

/**
 * Finds where the units (a word's or a phrase's) stand adjacent in the text, in text order.
 * @example findOccurrences(new TextView("Huyện uỷ Bình Sơn"), parseQuery('"huyện ủy"').phrases[0].units) // [{ start: 0, end: 8, exact: true }]
 */
export function findOccurrences(view: TextView, units: readonly QueryUnit[], options: FindOptions = {}): Occurrence[] {
  if (units.length === 0) return [];
  const anchor = anchorOf(units);
  if (anchor < 0) return findInTokens(view, units, options);
  const { text, folded } = view;
  const from = options.from ?? 0;
  const to = options.to ?? text.length;
  const needle = units[anchor]!.term;
  const found: Occurrence[] = [];
  let lastEnd = -1;
  for (let pos = folded.indexOf(needle, from); pos >= 0 && pos < to; pos = folded.indexOf(needle, pos + 1)) {
    // Only whole units: the anchor must not continue a word on either side.
    if (pos > 0 && isWordChar(text.charCodeAt(pos - 1))) continue;
    const after = pos + needle.length;
    if (after < text.length && isWordChar(text.charCodeAt(after))) continue;
    if (pos < lastEnd) continue;
    // Tokenize a window that starts and ends on white space, so that no token is cut.
    let left = Math.max(from, pos - WINDOW_PER_UNIT * anchor - 1);
    while (left > from && !isSpace(text.charCodeAt(left - 1))) left--;
    let right = Math.min(to, after + WINDOW_PER_UNIT * (units.length - anchor - 1) + 1);
    while (right < to && !isSpace(text.charCodeAt(right))) right++;
    const run = expand(analyzeText(text, folded, left, right));
    for (let j = 0; j < run.terms.length; j++) {
      const token = run.tokens[j]!;
      if (token.end <= pos || token.start > pos || run.terms[j] !== needle) continue;
      const occurrence = matchAt(text, run, j - anchor, units, options.spaced);
      if (occurrence) {
        found.push(occurrence);
        lastEnd = occurrence.end;
        if (options.untilExact && occurrence.exact) return found;
      }
      break;
    }
  }
  return found;
}
