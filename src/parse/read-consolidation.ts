// A văn bản hợp nhất (Pháp lệnh Hợp nhất văn bản quy phạm pháp luật 2012, Điều 6–8) carries the
// header of the act it consolidates, without that act's number; its own number, date and body
// stand at the end, in the block that authenticates it:
//
//   BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI
//   Số: 2021/VBHN-BLĐTBXH
//   XÁC THỰC VĂN BẢN HỢP NHẤT
//   Hà Nội, ngày 16 tháng 6 năm 2022
//   KT. BỘ TRƯỞNG …
import type { DocNumber } from "../model/record.js";
import { isAllCaps } from "../../grammars/document/line-patterns.js";
import { readDate, type ParsedDate } from "./read-date.js";
import { readNumber } from "./read-number.js";
import { numberInLine } from "./read-header.js";

/** What the authentication block of a văn bản hợp nhất says. */
export interface Consolidation {
  number: DocNumber;
  date: ParsedDate | null;
  /** The authenticating body's lines, as written (`BỘ LAO ĐỘNG - THƯƠNG BINH`, `VÀ XÃ HỘI`). */
  issuerLines: string[];
}

// The label line, alone on its line (the words also occur in prose and in the gazette's headings).
const AUTHENTICATION = /^[ \t]*X[ÁA]C TH[ỰU]C V[ĂA]N B[ẢA]N H[ỢO]P NH[ẤA]T[ \t]*$/gimu;

/**
 * The authentication block of a văn bản hợp nhất: the last `XÁC THỰC VĂN BẢN HỢP NHẤT` line with a
 * `Số: …/VBHN-…` number just above it; null when the text has none.
 * @example readConsolidation(text)?.number.raw // "2021/VBHN-BLĐTBXH"
 */
export function readConsolidation(text: string): Consolidation | null {
  let found: Consolidation | null = null;
  for (const m of text.matchAll(AUTHENTICATION)) {
    const before = text.slice(Math.max(0, m.index - 400), m.index).split("\n").slice(0, -1);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 400).split("\n").slice(1, 3);
    // The number's cell is the line above, or two above when the body's name wrapped after it.
    const at = [before.length - 1, before.length - 2].find((k) => k >= 0 && numberInLine(before[k]!.trim())?.index === 0);
    if (at === undefined) continue;
    const number = readNumber(numberInLine(before[at]!.trim())![1]!);
    if (number?.typeCode !== "VBHN") continue;
    const issuerLines: string[] = [];
    for (let k = at - 1; k >= 0 && k >= at - 3; k--) {
      const line = before[k]!.trim();
      if (!line || line.length > 60 || !isAllCaps(line) || /[.:;]$/u.test(line)) break;
      issuerLines.unshift(line);
    }
    const date = after.map((l) => readDate(l)).find((d) => d !== null) ?? null;
    found = { number, date, issuerLines };
  }
  return found;
}
