// NĐ 30/2020 Điều 8.5: the type and title (trích yếu) under the header, with the lines of the front
// matter that are neither Kính gửi nor the preamble: the enacting authority, and prose that opens
// the body.
import type { IToken } from "chevrotain";
import { readNumber } from "./read-number.js";
import { cutRightColumn } from "./header-columns.js";
import { numberInLine, takePlaceDate, takeTypeLine } from "./read-header.js";
import { linesOf } from "./cst-lines.js";
import { CapsLine, DocTypeLine, EnactingLine, NumberLine, PlaceDate, Separator, SubjectLine, TextLine } from "../../grammars/document/document-tokens.js";
import { isAllCaps } from "../../grammars/document/line-patterns.js";
import type { AddresseesCstNode, BasisCstNode } from "../../grammars/document/document-cst.js";
import type { StructureDraft } from "./structure-draft.js";

// The enacting authority above the preamble of a decision (`ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ`,
// `THỦ TƯỚNG CHÍNH PHỦ`, `GIÁM ĐỐC TRUNG TÂM ...`), which is not part of the title.
const AUTHORITY_LINE = /^(?:ỦY BAN|UỶ BAN|UBND|HỘI ĐỒNG|THỦ TƯỚNG|CHÍNH PHỦ|BỘ TRƯỞNG|CHỦ TỊCH|GIÁM ĐỐC|BAN CHẤP HÀNH|BAN THƯỜNG VỤ|BỘ CHÍNH TRỊ|BAN BÍ THƯ|TỔNG GIÁM ĐỐC|CỤC TRƯỞNG|HIỆU TRƯỞNG|VIỆN TRƯỞNG|TRƯỞNG BAN|CHÁNH VĂN PHÒNG)(?![\p{L}])/u;
// Four or more words in capitals, then a capitalised word in lower case opening a sentence.
const CAPS_TITLE_RUN = /^((?:[\p{Lu}\d][\p{Lu}\d,.;()-]*\s+){3,}[\p{Lu}\d][\p{Lu}\d,.;()-]*)\s+(?=\p{Lu}\p{Ll})/u;

const SENTENCE_END = /[.;:!?]\s*$/u;

// A trích yếu set in two paragraphs (a saved web page keeps the line the writer broke: `Quy định
// tiêu chuẩn, điều kiện thành lập` / `Ban Dân tộc của Hội đồng nhân dân cấp tỉnh`): a line in the
// title's case between a title that ends without punctuation and the preamble, itself no sentence.
function secondTitleParagraph(t: IToken, titleLines: readonly IToken[], titleIsCaps: boolean, firstBasisOffset: number): boolean {
  const last = titleLines.at(-1);
  // Only a plain line: a place and date, a number or a label under a công văn's V/v is its own.
  if (!last || t.tokenType !== TextLine || firstBasisOffset === Infinity || t.startOffset >= firstBasisOffset) return false;
  const line = t.image.trim();
  return line.length < 200 && !SENTENCE_END.test(last.image) && !SENTENCE_END.test(line) && isAllCaps(line) === titleIsCaps;
}

/**
 * Reads the title and the front matter's loose lines into the draft. `basisNodes` loses its first
 * node when that node is the title of a plan titled by its verb; the rest are the preamble.
 */
export function readFrontMatter(frontLines: readonly IToken[], addresseeNodes: readonly AddresseesCstNode[], basisNodes: BasisCstNode[], d: StructureDraft): void {
  const h = d.header;
  // A plan titled by its verb (`KẾ HOẠCH` / `Triển khai …`, `Thực hiện Nghị quyết số 29-NQ/TW …`):
  // the line under the type name reads as a basis, but a basis is a sentence and ends with its
  // punctuation; a title does not.
  const titledBasis = basisNodes[0] && titleLikeBasis(basisNodes[0], frontLines, d.headerLines) ? basisNodes.shift()! : null;
  if (titledBasis) h.titleLines.push(...linesOf(titledBasis));
  const inSub = new Set<IToken>([...addresseeNodes.flatMap((n) => linesOf(n)), ...basisNodes.flatMap((n) => linesOf(n))]);
  const firstBasisOffset = basisNodes.length ? linesOf(basisNodes[0])[0]!.startOffset : Infinity;
  const opening = d.openingLines;
  for (const t of frontLines) {
    if (inSub.has(t)) continue;
    const kind = t.tokenType;
    // A title in capitals that the line joiner ran into the sentence after it (a consolidated
    // text's `VỀ … ĐỊA PHƯƠNG Quyết định số 142/2008/QĐ-TTg …`): the capitals are the title.
    const capsRun = h.titleLines.length === 0 && h.docTypeName !== null && !isAllCaps(t.image) ? CAPS_TITLE_RUN.exec(t.image) : null;
    const continuesTitle =
      (h.docTypeName !== null || h.titleLines.length > 0 || kind === SubjectLine) &&
      t.startOffset < firstBasisOffset &&
      opening.length === 0 &&
      kind !== EnactingLine &&
      (kind === SubjectLine || h.titleLines.length === 0 || onlySubjectLabel(h.titleLines) || (h.titleIsCaps && kind === CapsLine) || /^\p{Ll}/u.test(t.image) || secondTitleParagraph(t, h.titleLines, h.titleIsCaps, firstBasisOffset)) &&
      !(h.titleLines.length > 0 && (kind === CapsLine || /^\p{Ll}\p{Lu}/u.test(t.image)) && AUTHORITY_LINE.test(t.image.toUpperCase())) &&
      (t.image.length < 400 || capsRun !== null || (h.titleLines.length === 0 && t.startOffset < firstBasisOffset && firstBasisOffset !== Infinity && t.image.length < 800 && !SENTENCE_END.test(t.image)));
    if (continuesTitle) {
      h.titleLines.push(t);
      if (capsRun) h.titleText.set(t, capsRun[1]!);
      if (h.titleLines.length === 1) h.titleIsCaps = isAllCaps(h.titleText.get(t) ?? t.image);
      continue;
    }
    if (kind === DocTypeLine && !h.docTypeName && t.startOffset < firstBasisOffset) {
      takeTypeLine(h, t);
      continue;
    }
    if (kind === NumberLine && !h.number) {
      const m = numberInLine(t.image);
      if (m) h.number = readNumber(m[1]!);
      continue;
    }
    // A công văn's header columns: the V/v under the number may come before the place and date.
    if (kind === PlaceDate && !h.date && t.startOffset < firstBasisOffset) {
      takePlaceDate(h, t.image);
      continue;
    }
    if (kind === CapsLine && d.authorityLine === null && t.startOffset < firstBasisOffset && AUTHORITY_LINE.test(t.image.trim())) d.authorityLine = t.image;
    if (kind !== EnactingLine && kind !== Separator) opening.push(t);
  }
  readTitle(d);
}

/** Joins the title lines into the title, and marks the title's region. */
function readTitle(d: StructureDraft): void {
  const { titleLines, titleText, subjectInNumber, docTypeName } = d.header;
  if (!titleLines.length && subjectInNumber && !docTypeName) d.title = subjectInNumber.replace(/^[Vv]\/[vV][.:]?\s*/u, "").trim();
  if (!titleLines.length) return;
  // The record drops `V/v` from a công văn's trích yếu (its only title); under a type name the
  // line is kept as written (`QUYẾT ĐỊNH` / `V/v ban hành ...`).
  const joined = titleLines.map((t) => cutRightColumn(titleText.get(t) ?? t.image).trim()).join(" ");
  // A công điện's trích yếu is a công văn's (`CÔNG ĐIỆN` / `V/V TẬP TRUNG …`): its label goes too.
  const keepLabel = docTypeName !== null && !/^C[ÔO]NG ĐIỆN$/iu.test(docTypeName);
  d.title = (keepLabel ? joined : joined.replace(/^V\/[vV][.:]?\s*/u, "")).replace(/\s+/g, " ").trim();
  const first = titleLines[0]!;
  const last = titleLines[titleLines.length - 1]!;
  d.regions.push({ start: first.startOffset, end: last.endOffset! + 1, context: "title" });
}

/** True when a preamble node stands right under the type name and reads as a title (no closing punctuation). */
function titleLikeBasis(node: BasisCstNode, frontLines: readonly IToken[], header: readonly IToken[]): boolean {
  const lines = linesOf(node);
  const first = lines[0]!;
  const at = frontLines.indexOf(first);
  const before = at > 0 ? frontLines[at - 1] : header[header.length - 1];
  if (lines.length !== 1 || before?.tokenType !== DocTypeLine) return false;
  const line = first.image.trim();
  return /^(?:Triển khai|Thực hiện)\s/u.test(line) && line.length < 300 && !/[;,.:]$/u.test(line);
}

/** True when the title so far is a bare `V/v:` whose subject went to the next line. */
function onlySubjectLabel(titleLines: readonly IToken[]): boolean {
  return titleLines.length === 1 && /^V\/[vV][.:]?\s*$/u.test(titleLines[0]!.image.trim());
}
