// One document cited twice in a text with two dates (`522/QĐ-TTg` of 14/5/2019 here and 14/5/2018
// there) is still one document: a slip in one of the mentions. Its mentions get one key, no date
// (which of the two is right cannot be known), and the record a diagnostic saying where. A slip
// changes one part of a date; dates that differ in two parts name two documents that share a
// symbol (the Government's `01/NQ-CP` of 06/01/2023 and of 05/01/2024), and are left apart.
import type { Citation, Diagnostic } from "../model/record.js";
import { citationKey } from "./canonical-key.js";

/** Gives conflicting mentions of one numbered document a single key; returns the diagnostics. */
export function reconcileDates(citations: Citation[]): Diagnostic[] {
  const groups = new Map<string, Citation[]>();
  for (const c of citations) {
    if (c.context === "self" || c.number == null || !c.key) continue;
    const base = c.key.split("@")[0]!;
    const list = groups.get(base);
    if (list) list.push(c);
    else groups.set(base, [c]);
  }
  const diagnostics: Diagnostic[] = [];
  for (const [base, list] of groups) {
    const dates = new Set(list.map((c) => c.date).filter((d): d is string => d !== null));
    const years = new Set(list.map((c) => c.year).filter((y): y is number => y !== null));
    if (dates.size < 2 && years.size < 2) continue;
    if (!onlySlips([...dates])) continue;
    const second = list.find((c) => c.date !== list[0]!.date || c.year !== list[0]!.year) ?? list[1]!;
    diagnostics.push({
      severity: "warning",
      code: "citation-date-conflict",
      message: `${base} is cited with different dates (${[...dates, ...[...years].map(String)].join(", ")}): taken as one document, date left empty`,
      line: second.span.line,
      column: second.span.column,
    });
    for (const c of list) {
      c.date = null;
      c.key = citationKey({ docType: c.docType, number: c.number, issuerCode: c.issuerCode, year: null, date: null });
    }
  }
  return diagnostics;
}

/** True when every two of the dates differ in at most one of day, month and year (a slip, not two documents). */
function onlySlips(dates: string[]): boolean {
  for (let i = 0; i < dates.length; i++) {
    for (let j = i + 1; j < dates.length; j++) {
      const a = dates[i]!.split("-");
      const b = dates[j]!.split("-");
      let differ = 0;
      for (let k = 0; k < Math.min(a.length, b.length); k++) if (a[k] !== b[k]) differ++;
      if (differ > 1) return false;
    }
  }
  return true;
}
