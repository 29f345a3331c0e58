import { DOC_TYPES } from "../vocabulary/doc-types.js";

// JavaScript's \b only knows ASCII letters, so word ends are written (?![\p{L}\p{N}]) here.
// The line shapes of an administrative document (NĐ 30/2020/NĐ-CP Điều 8 and Phụ lục I; Party
// documents per Hướng dẫn 36-HD/VPTW), as patterns over one trimmed line. The line joiner uses
// them to know where a block starts, and the document lexer to classify lines.

/** Vietnamese upper-case letters (with every tone and vowel mark). */
export const UPPER = "A-ZĐÁÀẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÉÈẺẼẸÊẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÚÙỦŨỤƯỨỪỬỮỰÝỲỶỸỴ";
/** Vietnamese lower-case letters. */
export const LOWER = "a-zđàáảãạăắằẳẵặâấầẩẫậéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵ";

const U = `[${UPPER}]`;

/** Structural markers of the body (NĐ 30/2020 Phụ lục I, mục II.6: Phần, Chương, Mục, Điều, khoản, điểm). */
export const PART_MARKER = new RegExp(`^(?:PHẦN|Phần)\\s+(?:THỨ\\s+${U}+|thứ\\s+[${LOWER}]+|[IVXLC]+|\\d+)(?![\\p{L}\\p{N}])`, "u");
export const CHAPTER_MARKER = /^(?:CHƯƠNG|Chương)\s+(?:[IVXLC]+|\d+)(?![\p{L}\p{N}])/u;
export const SUBSECTION_MARKER = /^(?:MỤC|Mục)\s+(?:\d+|[IVX]+)(?:[.:]\s|\s*$)/u;
export const ARTICLE_MARKER = /^Điều\s+\d+[a-z]?\s*[.:]/u;
export const LETTER_PART_MARKER = /^[A-ZĐ]\s*\.\s+\S/u;
export const ROMAN_MARKER = /^[IVXL]{1,6}\s*(?:\.|-|\/|\))(?!\d)\s*\S/u;
export const DECIMAL_MARKER = /^\d{1,2}(?:\.\d{1,2}){1,4}\.?(?=\s|$)/u;
export const ARABIC_MARKER = /^(?:\d{1,3}\s*[.)](?!\d)|\(\d{1,3}\))(?=\s|$)/u;
export const LETTER_MARKER = new RegExp(`^[a-zđ]\\s?\\)(?=\\s|$)`, "u");
export const BULLET_MARKER = /^[-+•–—*▪●○◦■□➢►✓](?=\s|$)/u;

/** Preamble statements (căn cứ ban hành) and their opening verbs. */
export const BASIS_START = /^(?:-\s*)?(?:Căn cứ|Thực hiện|Triển khai|Theo đề nghị|Xét đề nghị|Xét|Trên cơ sở|Dựa trên)(?![\p{L}\p{N}])/u;

/** Closing parts. */
export const RECIPIENTS_LABEL = /^Nơi\s*nhận\s*:?/u;
// Spec deviation: a Nơi nhận cell of a collapsed table row can lose its label (`- Bộ Y tế; - Sở Y
// tế; - Lưu: VT, PC`): several dash items on one line, the last the file copy (`Lưu`), are the list.
const COLLAPSED_ITEM = /[;.]\s*[-–+•]\s*(?=\p{L})/gu;
const FILE_COPY_ITEM = /[;.,]\s*[-–+•]?\s*Lưu\s*:?\s*\p{Lu}/u;
/** Whether a line is a Nơi nhận list without its label, its items run together on one line. */
export function isUnlabelledRecipients(line: string): boolean {
  if (!/^[-–+•]\s/u.test(line) || !FILE_COPY_ITEM.test(line)) return false;
  return (line.match(COLLAPSED_ITEM)?.length ?? 0) >= 2;
}
export const AUTHORITY_PREFIX = /^(?:TM|KT|TL|TUQ|Q|T\/M|K\/T|T\/L|tm|kt|tl)\s*[.:]?\s+\S/u;
export const END_MARK = /\.\/\.\s*$/u;
export const FOOTNOTE_BODY = /^\[(\d{1,3})\]\s/u;

/** True when a line opens a block of its own, so a wrapped line must never be glued onto it. */
export function startsBlock(line: string): boolean {
  // Most lines a joiner asks about continue a sentence, in lower case: of the patterns below only
  // `a)` and a lower-case authority prefix (`tm.`, `kt.`, `tl.`) can start with a small letter.
  const first = line.charAt(0);
  if (first !== first.toUpperCase()) return LETTER_MARKER.test(line) || AUTHORITY_PREFIX.test(line);
  return (
    BULLET_MARKER.test(line) ||
    ARABIC_MARKER.test(line) ||
    DECIMAL_MARKER.test(line) ||
    LETTER_MARKER.test(line) ||
    ROMAN_MARKER.test(line) ||
    LETTER_PART_MARKER.test(line) ||
    ARTICLE_MARKER.test(line) ||
    /^Điều\s+\d+\s*$/u.test(line) ||
    CHAPTER_MARKER.test(line) ||
    PART_MARKER.test(line) ||
    SUBSECTION_MARKER.test(line) ||
    BASIS_START.test(line) ||
    RECIPIENTS_LABEL.test(line) ||
    AUTHORITY_PREFIX.test(line) ||
    FOOTNOTE_BODY.test(line) ||
    /^(?:Số|Kính gửi|V\/v|PHỤ LỤC|Phụ lục)(?![\p{L}\p{N}])/u.test(line)
  );
}

// Vietnamese has no locale-specific case mappings, so `toUpperCase` is the Vietnamese upper case
// (and several times faster than `toLocaleUpperCase("vi")`).
const TYPE_NAME_LINE = new Set(DOC_TYPES.flatMap((t) => [t.name, ...(t.aliases ?? [])]).map((n) => n.toUpperCase()));
const TYPE_NAME_INITIALS = new Set([...TYPE_NAME_LINE].map((n) => n.charAt(0)));

/** True when the line is a document type's name alone (`KẾ HOẠCH`, `NGHỊ QUYẾT`). */
export function isTypeName(line: string): boolean {
  // Type names are short and open with one of few letters: most lines are ruled out before any case mapping.
  if (line.length > 40 || !TYPE_NAME_INITIALS.has(line.charAt(0).toUpperCase())) return false;
  return TYPE_NAME_LINE.has(line.replace(/[\s:.*]+$/u, "").replace(/\s+/g, " ").toUpperCase());
}

/** True when every cased letter of the line is upper case (and there is at least one letter). */
export function isAllCaps(line: string): boolean {
  return !/\p{Ll}/u.test(line) && /\p{Lu}/u.test(line);
}
