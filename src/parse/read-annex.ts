// NĐ 30/2020 Điều 8.9: an attached part (phụ lục, đề cương, quy chế ban hành kèm theo): its
// caption, its sections, and what its caption says of the document it is attached to.
import type { IToken } from "chevrotain";
import type { Annex, Footnote } from "../model/record.js";
import { buildSections } from "./build-sections.js";
import { takeFootnote } from "./collect-footnotes.js";
import { AnnexLine, CapsLine } from "../../grammars/document/document-tokens.js";
import type { Region } from "./structure-draft.js";
import { sentenceName } from "./read-doc-type.js";

/** Reads one annex from its lines (its caption first); its footnotes go to `footnotes`. */
export function readAnnex(lines: readonly IToken[], footnotes: Footnote[], regions: Region[]): Annex | null {
  if (!lines.length) return null;
  const [head, ...rest] = lines;
  const titleParts = [head!.image.trim()];
  let i = 0;
  while (i < rest.length && (rest[i]!.tokenType === CapsLine || rest[i]!.tokenType === AnnexLine || /^\(.*\)$/u.test(rest[i]!.image.trim())) && titleParts.length < 4) titleParts.push(rest[i++]!.image.trim());
  const annexBody: IToken[] = [];
  for (const t of rest.slice(i)) if (!takeFootnote(t, footnotes, regions)) annexBody.push(t);
  const sections = buildSections(annexBody, []).sections;
  regions.push({ start: head!.startOffset, end: lines[lines.length - 1]!.endOffset! + 1, context: "annex" });
  return { title: titleParts.join(" "), sections };
}

// `(Kèm theo <type> số <number>, ngày <date> của <issuer>)` in an annex's caption.
const ANNEX_CAPTION = /\((?:Ban hành )?[Kk]èm theo\s+(\p{Lu}[\p{Ll}\s]{2,25}?)\s+số\s*([\p{L}\d][\p{L}\d/.-]*[\p{L}\d])\s*,?\s*(ngày\s*\d{1,2}\s*(?:\/|tháng)\s*\d{1,2}\s*(?:\/|năm)\s*\d{4})?\s*(?:của\s+([^)]{3,120}))?\)/u;

/** The number, date and issuer an annex's caption gives its own document (of type `typeName`, when known). */
export function ownAnnexCaption(annexes: readonly Annex[], typeName: string | null): { number: string; date: string | null; issuer: string | null } | null {
  for (const a of annexes) {
    const m = ANNEX_CAPTION.exec(a.title ?? "");
    if (!m) continue;
    if (typeName && sentenceName(typeName) !== sentenceName(m[1]!.trim())) continue;
    return { number: m[2]!, date: m[3] ?? null, issuer: m[4]?.trim() ?? null };
  }
  return null;
}
