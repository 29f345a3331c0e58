// NĐ 30/2020 Phụ lục I mục II.5: the preamble's legal bases (căn cứ ban hành), one statement per
// `;` of each paragraph (`Căn cứ Luật A; Luật B;` counts two).
import type { Basis } from "../model/record.js";
import type { LineIndex } from "../input/line-index.js";
import { DOC_TYPES } from "../../grammars/vocabulary/doc-types.js";

/** Where one statement of the preamble stands in the text. */
export interface Statement {
  start: number;
  end: number;
}

const BASIS_VERB = /^(?:-\s*)?(căn cứ|thực hiện|triển khai|theo đề nghị|xét đề nghị|xét|trên cơ sở|dựa trên|tiếp theo)/iu;

/** The statements of one preamble paragraph (`text` from `start` to `end`), each with its span. */
export function readBases(text: string, start: number, end: number, lineIndex: LineIndex): { basis: Basis; region: Statement }[] {
  return splitStatements(text, start, end).map((piece) => {
    const raw = text.slice(piece.start, piece.end).replace(/\s+/g, " ").trim();
    const verbMatch = BASIS_VERB.exec(raw);
    const basis: Basis = { raw, verb: verbMatch ? verbMatch[1]!.toLowerCase().replace(/^xét đề nghị$/u, "xét") : null, span: lineIndex.span(piece.start, piece.end - piece.start), citations: [] };
    return { basis, region: piece };
  });
}

// What opens a statement of its own after a `;`: a basis verb, `đồng thời`, or a document named by
// its type (`Căn cứ Luật A; Luật B;`, `Xét Tờ trình ...; Báo cáo thẩm tra ...; Ý kiến thảo luận ...`).
// Anything else after a `;` continues the statement (`... ủy quyền thực hiện Phê duyệt A; Phê duyệt B`).
const STATEMENT_START = new RegExp(
  `^(?:(?:-\\s*)?(?:Căn cứ|Thực hiện|Triển khai|Theo đề nghị|theo đề nghị|Xét|Trên cơ sở|Dựa trên|(?:đồng thời|Đồng thời),?\\s+(?:trên cơ sở|căn cứ|theo đề nghị|thực hiện|xét))|(?:${DOC_TYPES.map((t) => t.name).join("|")}|Văn bản|Ý kiến|ý kiến|Chương trình hành động)(?![\\p{L}]))`,
  "u",
);

/** True when a statement opens here and names a numbered document within its first words. */
function citesNumberedDocument(head: string): boolean {
  return STATEMENT_START.test(head) && /^[^.;]{0,40}?\ssố\s*\d/u.test(head);
}

/** Splits a preamble paragraph into statements at `;` (outside brackets and quotes). */
function splitStatements(text: string, start: number, end: number): Statement[] {
  const out: Statement[] = [];
  let depth = 0;
  let pieceStart = start;
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    if (ch === "(" || ch === "“") depth++;
    else if ((ch === ")" || ch === "”") && depth > 0) depth--;
    else if (ch === ";" && depth === 0) {
      push(pieceStart, i + 1);
      pieceStart = i + 1;
    } else if (ch === "." && depth === 0 && /^\.\s+\p{Lu}/u.test(text.slice(i, i + 3)) && citesNumberedDocument(text.slice(i + 1, i + 80).trimStart())) {
      // A full stop standing for a semicolon before the next document (`… 16/2006/QĐ-BGDĐT. Thông tư số 28/…`).
      push(pieceStart, i + 1);
      pieceStart = i + 1;
    } else if (ch === "," && depth === 0 && /^,\s*(?:theo|xét) đề nghị/iu.test(text.slice(i, i + 20))) {
      // `Dựa trên ..., theo đề nghị của ...`: a second ground in the same sentence.
      push(pieceStart, i + 1);
      pieceStart = i + 1;
    }
  }
  push(pieceStart, end);
  return out;

  function push(s: number, e: number): void {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (!(e - s >= 8 && /\p{L}{2}/u.test(text.slice(s, e)))) return;
    const last = out[out.length - 1];
    if (last && !STATEMENT_START.test(text.slice(s, e))) last.end = e;
    else out.push({ start: s, end: e });
  }
}
