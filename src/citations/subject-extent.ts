// Where the subject (trích yếu, the `về ...` clause) of a reference ends. A subject is free text,
// so its end is found by scanning the text rather than by the grammar: it runs to `;` or `:`, a
// sentence end, a paragraph or table-cell break, a closing bracket or quote it did not open, or
// the start of the next member of a list (`, Kế hoạch số ...`, `và số 218/CĐ-TTg`).
import { matchTypeName, scanNumber } from "../../grammars/reference-tokens.js";

/** The longest subject followed (about ninety words): past it, the end is taken as unknown. */
const MAX_SUBJECT = 600;

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 0xa0;
const CLOSING_QUOTES = new Set(["”", '"', "»", "’"]);
const SO = /[sS][ốỐoO][ \t\u00a0]{0,2}:?[ \t\u00a0]{0,3}(?=\d)/y;

/** Whether a new list member starts at `i` (after `,` or `và`): a capitalised type word or a number. */
function listMemberAt(text: string, i: number): boolean {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  const c = text.charAt(i);
  if (c !== c.toLowerCase() && matchTypeName(text, i)) return true;
  SO.lastIndex = i;
  const so = SO.exec(text);
  return scanNumber(text, so ? i + so[0].length : i) !== null;
}

/** The end offset of a subject starting at `from` (right after `về`), never past `to`. */
export function subjectEnd(text: string, from: number, to: number, quoted: boolean): number {
  const limit = Math.min(to, from + MAX_SUBJECT);
  let depth = 0;
  for (let i = from; i < limit; i++) {
    const ch = text.charAt(i);
    switch (ch) {
      case ";":
      case ":":
      case "\n":
      case "|":
        return i;
      case ".":
        // `TP.HCM`, `66.4` go on; `. ` ends the sentence.
        if (i + 1 >= text.length || /\s/.test(text.charAt(i + 1))) return i;
        break;
      case "(":
      case "[":
        depth++;
        break;
      case ")":
      case "]":
        if (depth === 0) return i;
        depth--;
        break;
      case ",":
        if (listMemberAt(text, i + 1)) return i;
        break;
      default:
        if (quoted && CLOSING_QUOTES.has(ch)) return i;
        // ` và ` followed by a new member of the list
        if ((ch === "v" || ch === "V") && isSpace(text.charCodeAt(i - 1)) && /^[vV]à[ \t\u00a0]/.test(text.slice(i, i + 3)) && listMemberAt(text, i + 2))
          return i - 1;
    }
  }
  if (limit < to) {
    // Cut off: end at the last word boundary rather than inside a word.
    const space = text.lastIndexOf(" ", limit);
    return space > from ? space : limit;
  }
  return limit;
}
