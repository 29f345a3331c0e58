// The pre-filter: one pass over the characters finds where a reference may start — a type name
// (checked only at words that are the first syllable of one), a number and symbol (`12/QĐ-UBND`,
// `29-NQ/TW`, with the `số` before it), or a type code before a figure (`TT 32`) — so that the
// lexer and parser only ever see the few words around those places, never the prose between.
import { isLetter, matchTypeCodeWord, matchTypeName, mayStartTypeName, scanNumber } from "../../grammars/reference-tokens.js";
import { typesByName } from "../../grammars/vocabulary/doc-type-lookup.js";
import { foldDiacritics } from "../../grammars/text/fold.js";

/** How far after a type word its number may stand (the longest name the grammar reads). */
const NUMBER_REACH = 120;

/** A place where a reference may start. */
export interface Anchor {
  start: number;
  /** What was found there: a type word, a number, or a type code used as a word. */
  kind: "type" | "number" | "code";
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
// Right after a type word: `này` (the document itself), or a bare sequence (`Quy định 377`,
// `Chỉ thị số 45`: a short form).
const SELF_OR_SHORT = /^[ \t\u00a0]+(?:này|NÀY|Này|(?:[sS][ốỐoO][ \t\u00a0]{0,2}:?[ \t\u00a0]{0,3})?\d)/;
// A capitalised word (`Luật Giáo dục`) or a year (`Luật giáo dục 2019`) after a type named
// without a number.
const CAPITAL = /^[ \t\u00a0]+[A-ZĐÀ-ỸĂÂÊÔƠƯ]/;
const YEAR = /(?:^|\D)(?:19|20)\d\d(?!\d)/;
// `số ` (or `Số: `) right before a number's digits belongs to the reference.
const SO_BEFORE = /[sS][ốỐoO][ \t\u00a0]{0,2}:?[ \t\u00a0]{0,3}$/;
// A form's or a part's number (`Mẫu số 01/TNMT`, `mẫu 05/KK-TNCN`, `Biểu số 02/BC`, `tờ khai số
// 01/TK-TNCN`, `Phụ lục số 02/PL-TNCN`) names a form, not a document.
const FORM_BEFORE = /(?:^|[^\p{L}])(?:mẫu|biểu|tờ khai|phụ lục)[ \t\u00a0]*$/iu;

/** Whether the type word `word` may start a reference by name: `Luật ...`, `Nghị quyết Đại hội ...`. */
function mayBeNamed(word: string, text: string, after: number, to: number): boolean {
  const types = typesByName(word);
  const next = text.slice(after, Math.min(to, after + 80));
  if (types.some((t) => t.named)) return CAPITAL.test(next) || YEAR.test(next);
  const prefixes = types.flatMap((t) => t.namedPrefixes ?? []);
  if (prefixes.length === 0) return false;
  const folded = foldDiacritics(next);
  return prefixes.some((p) => folded.startsWith(foldDiacritics(p)));
}

/** Whether `;` or a line break stands between `from` and `to` (a reference never spans one). */
function clauseBreaks(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 59 /* ; */ || c === 10 /* \n */) return true;
  }
  return false;
}

/** Whether the number the type word `found[index]` would take comes soon after it: no capitalised
 * type word between them (that one takes it), as the grammar reads names. */
function numberFollows(found: readonly (Anchor & { length: number })[], index: number, text: string, after: number): boolean {
  for (let j = index + 1; j < found.length; j++) {
    const b = found[j]!;
    if (b.start - after > NUMBER_REACH) return false;
    if (b.kind === "number") return !clauseBreaks(text, after, b.start);
    const c = text.charAt(b.start);
    if (b.kind === "type" && c !== c.toLowerCase()) return false;
  }
  return false;
}

/**
 * The places between `from` and `to` where a reference may start, in text order. A type word only
 * counts with a number soon after it (before the clause ends), `này`, a bare sequence, or, for a
 * type named without a number, a name: prose (`theo quy định của pháp luật`) is not worth parsing.
 */
export function findAnchors(text: string, from: number, to: number): Anchor[] {
  const found = scanAnchors(text, from, to);
  const anchors: Anchor[] = [];
  for (const [index, a] of found.entries()) {
    if (a.kind !== "type") {
      anchors.push({ start: a.start, kind: a.kind });
      continue;
    }
    const after = a.start + a.length;
    const keep =
      numberFollows(found, index, text, after) ||
      SELF_OR_SHORT.test(text.slice(after, after + 12)) ||
      mayBeNamed(text.slice(a.start, after), text, after, to);
    if (keep) anchors.push({ start: a.start, kind: a.kind });
  }
  return anchors;
}

/** Every type word, number and type code between `from` and `to`, with its length. */
function scanAnchors(text: string, from: number, to: number): (Anchor & { length: number })[] {
  const anchors: (Anchor & { length: number })[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      const m = i > from && isDigit(text.charCodeAt(i - 1)) ? null : scanNumber(text, i);
      if (m && m.end <= to) {
        const so = SO_BEFORE.exec(text.slice(Math.max(from, i - 8), i));
        const start = so ? i - so[0].length : i;
        if (!FORM_BEFORE.test(text.slice(Math.max(from, start - 16), start))) anchors.push({ start, kind: "number", length: m.end - i });
        i = m.end;
      } else while (i < to && isDigit(text.charCodeAt(i))) i++;
      continue;
    }
    if (!isLetter(c)) {
      i++;
      continue;
    }
    // The loop steps over whole words, so a letter here starts one (unless a figure precedes it).
    if (i === from || !isDigit(text.charCodeAt(i - 1))) {
      const name = mayStartTypeName(text, i) ? matchTypeName(text, i) : 0;
      if (name && i + name <= to) {
        anchors.push({ start: i, kind: "type", length: name });
        i += name;
        continue;
      }
      const code = matchTypeCodeWord(text, i);
      if (code && i + code <= to) {
        anchors.push({ start: i, kind: "code", length: code });
        i += code;
        continue;
      }
    }
    i++;
    while (i < to && isLetter(text.charCodeAt(i))) i++;
  }
  return anchors;
}
