// What the knowledge base keeps of each citation of a record, read once when the file is parsed:
// the key, date and issuer that resolution needs, where a nested citation sits (the citation whose
// subject holds it) and the relation the words before it state, a label for lists and graphs, and
// the sentence it stands in. Kept apart from the record so the graph can be rebuilt from them
// without reading the records again.
import type { Citation, DocumentRecord } from "../model/record.js";
import { citingSentence } from "./citing-sentence.js";
import { relationBefore } from "./relation-words.js";
import type { CitationFact } from "./store-format.js";

/** How far back a nested citation's holder is looked for (citations, not characters). */
const MAX_NESTING_LOOKBACK = 12;
/** The longest label, in characters; named references can be long. */
const MAX_LABEL = 90;

const collapse = (s: string) => s.replace(/\s+/gu, " ").trim();

const isDigitAt = (s: string, i: number) => i >= 0 && i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57;

/** Where `number` first stands in `raw` as a whole figure, zero padding included (`0*number`), or -1. */
function numberAt(raw: string, number: string): number {
  for (let i = raw.indexOf(number); i >= 0; i = raw.indexOf(number, i + 1)) {
    if (isDigitAt(raw, i + number.length)) continue;
    let start = i;
    while (start > 0 && raw.charCodeAt(start - 1) === 48) start--;
    if (!isDigitAt(raw, start - 1)) return start;
  }
  return -1;
}

/**
 * A short name of a cited document: its type and its number as printed (`Kết luận 91-KL/TW`),
 * or the reference as written when it has no number (`Luật Giáo dục`).
 * @example
 * citationLabel({ raw: "Kết luận số 91-KL/TW ngày 12/8/2024 của Bộ Chính trị", number: "91", docType: { code: "KL", name: "Kết luận" } })
 * // → "Kết luận 91-KL/TW"
 */
export function citationLabel(c: Pick<Citation, "raw" | "number" | "docType">): string {
  const raw = collapse(c.raw);
  if (c.number && c.docType) {
    const at = numberAt(raw, c.number);
    if (at >= 0) {
      const printed = /^[^\s,;()]+/u.exec(raw.slice(at))![0].replace(/[.:]+$/u, "");
      return `${c.docType.name} ${printed}`;
    }
    return `${c.docType.name} ${c.number}`;
  }
  return raw.length > MAX_LABEL ? `${raw.slice(0, MAX_LABEL - 1)}…` : raw;
}

// The citation whose `về` subject holds a nested one: the nearest earlier citation whose subject
// contains it. The nearest, because subjects nest: in "Kế hoạch 253 về thực hiện Kết luận 91 về
// tiếp tục thực hiện Nghị quyết 29" both earlier subjects hold Nghị quyết 29, and Kết luận 91's is
// the one that names it.
//
// A subject may also chain references without a `về` of their own: in "Kế hoạch 158 về thực hiện
// Kết luận 51 của Ban Bí thư tiếp tục thực hiện Nghị quyết Trung ương 8" only Kế hoạch 158 has a
// subject, yet it is Kết luận 51 that continues the Nghị quyết. So a citation standing between the
// holder and this one, joined to it by nothing but a relation verb (no comma, no "và"), holds it.
function findHolder(citations: readonly Citation[], text: string, i: number): number | null {
  const child = citations[i]!;
  const raw = collapse(child.raw);
  for (let j = i - 1; j >= Math.max(0, i - MAX_NESTING_LOOKBACK); j--) {
    const p = citations[j]!;
    if (p.span.offset + p.span.length > child.span.offset) continue;
    if (!p.subject || !collapse(p.subject).includes(raw)) continue;
    const last = citations[i - 1]!;
    if (i - 1 > j && last.nested && last.span.offset + last.span.length <= child.span.offset) {
      const between = text.slice(last.span.offset + last.span.length, child.span.offset);
      if (!/[,;.]|\bvà\b/u.test(between) && relationBefore(between) !== null) return i - 1;
    }
    return j;
  }
  return null;
}

/**
 * The facts (see `CitationFact`) and citing sentences of every citation of a record, in the
 * order of `record.citations`; `text` is the clean text the spans point into.
 */
export function readCitationFacts(record: DocumentRecord, text: string): { facts: CitationFact[]; sentences: string[] } {
  const facts: CitationFact[] = [];
  const sentences: string[] = [];
  const citations = record.citations;
  citations.forEach((c, i) => {
    const parent = c.nested ? findHolder(citations, text, i) : null;
    let relation: CitationFact["relation"] = null;
    if (parent !== null) {
      const holder = citations[parent]!;
      relation = relationBefore(text.slice(holder.span.offset + holder.span.length, c.span.offset)) ?? "refers";
    } else if (c.context === "title") {
      // A citation in the document's own title states what the document does with it ("Kế hoạch thực hiện Kết luận 91").
      relation = relationBefore(text.slice(Math.max(0, c.span.offset - 80), c.span.offset)) ?? "refers";
    }
    facts.push({ key: c.key, date: c.date, issuer: c.issuer, context: c.context, parent, relation, label: citationLabel(c) });
    sentences.push(citingSentence(text, c.span));
  });
  return { facts, sentences };
}
