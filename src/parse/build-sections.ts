// The body hierarchy (NĐ 30/2020 Phụ lục I mục II.6: Phần, Chương, Mục, Điều, khoản, điểm; plans
// use PHẦN, A., I., 1., 1.1., a), -, +) built from marker lines by rank: a marker nests under the
// nearest open marker of a higher rank.
import type { IToken } from "chevrotain";
import type { Diagnostic, Section, SectionKind } from "../model/record.js";

interface Marked {
  marker: string | null;
  kind: SectionKind;
  rank: number;
  rest: string;
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
function romanValue(s: string): number {
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const a = ROMAN[s[i]!] ?? 0;
    const b = ROMAN[s[i + 1]!] ?? 0;
    v += a < b ? -a : a;
  }
  return v;
}

/** Splits a marker line into marker, kind, rank and the text after the marker. */
export function readMarker(tokenName: string, line: string, previousPartLetter: string | null): Marked | null {
  let m: RegExpExecArray | null;
  switch (tokenName) {
    case "PartLine":
      m = /^((?:PHẦN|Phần)\s+(?:THỨ\s+\S+|thứ\s+\S+|[IVXLC]+|\d+))[.:\s-]*/u.exec(line);
      return m ? { marker: m[1]!, kind: "part", rank: 1, rest: line.slice(m[0].length) } : null;
    case "LetterPartLine": {
      m = /^([A-ZĐ])\s*\.\s*/u.exec(line);
      if (!m) return null;
      const letter = m[1]!;
      // I, V, X are roman numerals unless they continue a run of lettered parts (H. → I.).
      if ("IVX".includes(letter) && !(previousPartLetter && letter.charCodeAt(0) === previousPartLetter.charCodeAt(0) + 1)) {
        return { marker: `${letter}.`, kind: "roman", rank: 3, rest: line.slice(m[0].length) };
      }
      return { marker: letter, kind: "part", rank: 1.5, rest: line.slice(m[0].length) };
    }
    case "ChapterLine":
      m = /^((?:CHƯƠNG|Chương)\s+(?:[IVXLC]+|\d+))[.:\s-]*/u.exec(line);
      return m ? { marker: m[1]!, kind: "chapter", rank: 2, rest: line.slice(m[0].length) } : null;
    case "SubsectionLine":
      m = /^((?:MỤC|Mục)\s+(?:\d+|[IVX]+))[.:\s-]*/u.exec(line);
      return m ? { marker: m[1]!, kind: "chapter", rank: 2.5, rest: line.slice(m[0].length) } : null;
    case "RomanLine":
      m = /^([IVXL]{1,6})\s*([.\-/)])?\s*/u.exec(line);
      if (m && previousPartLetter && m[1]!.length === 1 && m[1]!.charCodeAt(0) === previousPartLetter.charCodeAt(0) + 1) {
        return { marker: m[1]!, kind: "part", rank: 1.5, rest: line.slice(m[0].length) };
      }
      // A roman marker keeps its punctuation as written (`I.`, Party `I-`): a bare `I` would read
      // as the lettered part I (after H), which it is not.
      return m ? { marker: `${m[1]!}${m[2] ?? ""}`, kind: "roman", rank: 3, rest: line.slice(m[0].length) } : null;
    case "ArticleLine":
      m = /^(Điều\s+\d+[a-z]?)\s*[.:]?\s*/u.exec(line);
      return m ? { marker: m[1]!, kind: "article", rank: 4, rest: line.slice(m[0].length) } : null;
    case "ArabicLine":
      m = /^\((\d{1,3})\)\s*/u.exec(line);
      if (m) return { marker: m[1]!, kind: "arabic", rank: 6, rest: line.slice(m[0].length) };
      m = /^(\d{1,3})\s*[.)]\s*/u.exec(line);
      return m ? { marker: m[1]!, kind: "arabic", rank: 5, rest: line.slice(m[0].length) } : null;
    case "DecimalLine": {
      m = /^(\d{1,2}(?:\.\d{1,2}){1,4})\.?\s*/u.exec(line);
      if (!m) return null;
      const depth = m[1]!.split(".").length - 1;
      return { marker: m[1]!, kind: "decimal", rank: 5 + depth * 0.2, rest: line.slice(m[0].length) };
    }
    case "LetterLine":
      m = /^([a-zđ])\s?\)\s*/u.exec(line);
      return m ? { marker: m[1]!, kind: "letter", rank: 7, rest: line.slice(m[0].length) } : null;
    case "BulletLine":
      m = /^([-+•–—*▪●○◦■□➢►✓])\s*/u.exec(line);
      return m ? { marker: m[1]!, kind: "bullet", rank: m[1] === "+" ? 9 : 8, rest: line.slice(m[0].length) } : null;
    default:
      return null;
  }
}

/** A heading is the text up to the end of its first sentence; the rest is the node's text. */
function splitHeading(rest: string): { heading: string | null; text: string | null } {
  const clean = rest.trim();
  if (!clean) return { heading: null, text: null };
  const m = /[.!?](?=\s+[\p{Lu}“"(])/u.exec(clean);
  if (!m) return { heading: clean.replace(/\.$/u, ""), text: null };
  return { heading: clean.slice(0, m.index), text: clean.slice(m.index + 1).trim() || null };
}

/** Builds the section tree of a run of lines, with text before the first marker returned apart. */
export function buildSections(lines: readonly IToken[], diagnostics: Diagnostic[]): { intro: string[]; sections: Section[] } {
  const intro: string[] = [];
  const roots: Section[] = [];
  const stack: { node: Section; rank: number }[] = [];
  let lastPartLetter: string | null = null;
  const siblings = new Map<Section | null, { kind: string; value: number }>();
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!;
    const marked = readMarker(t.tokenType.name, t.image, lastPartLetter);
    // `PHẦN THỨ HAI` / `KẾ HOẠCH NÂNG CAO ...`: a part or chapter's heading on the line below it.
    const below = lines[i + 1];
    if (marked && (marked.kind === "part" || marked.kind === "chapter") && !marked.rest.trim() && below && (below.tokenType.name === "CapsLine" || below.tokenType.name === "DocTypeLine")) {
      marked.rest = below.image;
      i++;
    }
    if (!marked) {
      const text = t.image.trim();
      if (!text) continue;
      const top = stack[stack.length - 1];
      if (top) top.node.text.push(text);
      else intro.push(text);
      continue;
    }
    if (marked.kind === "part" && marked.marker && marked.marker.length === 1) lastPartLetter = marked.marker;
    while (stack.length && stack[stack.length - 1]!.rank >= marked.rank) stack.pop();
    const parent = stack[stack.length - 1]?.node ?? null;
    const split = marked.kind === "bullet" ? { heading: null, text: marked.rest.trim() || null } : splitHeading(marked.rest);
    const node: Section = { marker: marked.marker, kind: marked.kind, heading: split.heading, text: split.text ? [split.text] : [], children: [] };
    checkSequence(node, parent, siblings, t, diagnostics);
    (parent ? parent.children : roots).push(node);
    stack.push({ node, rank: marked.rank });
  }
  return { intro, sections: roots };
}

// Numbering slips (two `III.`, a skipped `4.`) are kept as written and reported.
function checkSequence(node: Section, parent: Section | null, last: Map<Section | null, { kind: string; value: number }>, t: IToken, diagnostics: Diagnostic[]): void {
  if (node.kind !== "roman" && node.kind !== "arabic" && node.kind !== "article") return;
  const marker = node.marker ?? "";
  const value = node.kind === "roman" ? romanValue(marker.replace(/[^IVXLC]/g, "")) : Number(/\d+/.exec(marker)?.[0] ?? NaN);
  if (!Number.isFinite(value)) return;
  const key = `${node.kind}`;
  const prev = last.get(parent);
  if (prev && prev.kind === key) {
    if (value === prev.value) diagnostics.push({ severity: "warning", code: "duplicate-number", message: `section ${marker} is numbered like the one before it`, line: t.startLine ?? 0, column: t.startColumn ?? 0 });
    else if (value > prev.value + 1) diagnostics.push({ severity: "info", code: "skipped-number", message: `section ${marker} follows ${prev.value}: a number is skipped`, line: t.startLine ?? 0, column: t.startColumn ?? 0 });
  }
  last.set(parent, { kind: key, value });
}
