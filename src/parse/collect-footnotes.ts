// Footnote bodies (`[1] Text`, or `1 Text` where a converter lost the brackets) stand at the foot
// of the body, the closing or an annex; they are numbered across the whole document.
import type { IToken } from "chevrotain";
import type { Footnote } from "../model/record.js";
import { FootnoteLine, TextLine } from "../../grammars/document/document-tokens.js";
import { FOOTNOTE_BODY } from "../../grammars/document/line-patterns.js";
import type { Region } from "./structure-draft.js";

/** Takes `t` into `footnotes` (and its region into `regions`) when it is a footnote; false when not. */
export function takeFootnote(t: IToken, footnotes: Footnote[], regions: Region[]): boolean {
  if (t.tokenType !== FootnoteLine && !isNextFootnote(t, footnotes)) return false;
  const m = FOOTNOTE_BODY.exec(t.image) ?? /^(\d{1,3})\s+/u.exec(t.image);
  footnotes.push({ label: m?.[1] ?? "", text: t.image.slice(m?.[0].length ?? 0).trim() });
  regions.push({ start: t.startOffset, end: t.endOffset! + 1, context: "footnote" });
  return true;
}

// After footnote n, a line `n+1 Text` is footnote n+1 even where the converter lost its mark.
function isNextFootnote(t: IToken, footnotes: readonly Footnote[]): boolean {
  const last = footnotes[footnotes.length - 1];
  if (!last || !/^\d+$/u.test(last.label) || t.tokenType !== TextLine) return false;
  return t.image.startsWith(`${Number(last.label) + 1} `) && /^\d+\s+\p{Lu}/u.test(t.image);
}
