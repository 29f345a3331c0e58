// The document lexer: one token per logical line (the input stage has already joined wrapped
// lines), classified by what the line is in the layout of NĐ 30/2020/NĐ-CP Điều 8 (state) and
// Hướng dẫn 36-HD/VPTW (Party). Line-start tokens are custom matchers that look at the previous
// character, since Chevrotain patterns may not use `^`.
import type { CustomPatternMatcherFunc, TokenType } from "chevrotain";
import { createToken, Lexer } from "../chevrotain.js";
import {
  ARABIC_MARKER,
  ARTICLE_MARKER,
  AUTHORITY_PREFIX,
  BASIS_START,
  BULLET_MARKER,
  CHAPTER_MARKER,
  DECIMAL_MARKER,
  FOOTNOTE_BODY,
  LETTER_MARKER,
  LETTER_PART_MARKER,
  PART_MARKER,
  RECIPIENTS_LABEL,
  isUnlabelledRecipients,
  ROMAN_MARKER,
  SUBSECTION_MARKER,
  isAllCaps,
} from "./line-patterns.js";
import { DOC_TYPES, PARTY_THONG_TRI } from "../vocabulary/doc-types.js";
import { foldText } from "../text/fold.js";

/**
 * Removes diacritics and upper-cases, so header lines match whatever their tone placement. The
 * character tables fold a code unit with one array read (NFD and two regexes per line were the
 * lexer's largest cost).
 */
export function foldUpper(line: string): string {
  return foldText(line).toUpperCase();
}

/** Any line that can open a body section (the token category of all marker lines). */
export const MarkerLine = createToken({ name: "MarkerLine", pattern: Lexer.NA });
/** Any line at all: the category the parser consumes where the layout leaves a line's role open. */
export const AnyLine = createToken({ name: "AnyLine", pattern: Lexer.NA });

// One cache for the line being classified: every token's matcher asks for the same line.
let cachedText = "";
let cachedOffset = -1;
let cachedLine = "";
let cachedFolded = "";
let cachedInitial = "";

function lineAt(text: string, offset: number): string | null {
  if (offset > 0 && text.charCodeAt(offset - 1) !== 10) return null;
  if (text !== cachedText || offset !== cachedOffset) {
    let end = text.indexOf("\n", offset);
    if (end < 0) end = text.length;
    cachedText = text;
    cachedOffset = offset;
    cachedLine = text.slice(offset, end);
    cachedFolded = "";
    cachedInitial = "";
  }
  return cachedLine;
}

function folded(): string {
  if (!cachedFolded) cachedFolded = foldUpper(cachedLine);
  return cachedFolded;
}

/**
 * The line's first character as `foldUpper` writes it (`Đ` → `D`, `ộ` → `O`), white space (and
 * marks folding leaves nothing of) skipped; " " for a line of white space. Lines are dispatched to
 * the tests by it (see `testsFor`): folding every line was once the lexer's largest cost.
 */
function initial(): string {
  if (!cachedInitial) cachedInitial = foldUpper(cachedLine.trimStart().slice(0, 8)).trimStart().charAt(0) || " ";
  return cachedInitial;
}

/** The first letters of folded words: a line whose first character is not one of them never starts with one of the words. */
function initials(...words: string[]): Set<string> {
  return new Set(words.map((w) => foldUpper(w.charAt(0))));
}

const DIGITS = [..."0123456789"];
const DIGIT_INITIALS = initials(...DIGITS);
/** Initials of lines opening with a Latin letter of either case (`A.`, `a)`, `đ)`). */
const LATIN_INITIALS = initials(..."ABCDEFGHIJKLMNOPQRSTUVWXYZĐ");
/** The characters BULLET_MARKER opens with. */
const BULLETS = [..."-+•–—*▪●○◦■□➢►✓"];
/** A rule line (`-------`, `***`, `___`) opens with one of these, or is white space alone (initial " "). */
const SEPARATOR_INITIALS = initials(..."-–—_=*·.|", " ");

const NATIONAL_TITLE = "CONG HOA XA HOI CHU NGHIA VIET NAM";

/** True when `line` is a run of at least `min` whole words of `whole` (a title wrapped in its cell). */
function isPieceOf(line: string, whole: string, min: number): boolean {
  const words = line.replace(/[-–—*|\s]+$/u, "").trim().split(/\s+/);
  if (words.length < min) return false;
  return ` ${whole} `.includes(` ${words.join(" ")} `);
}

const NATIONAL_TITLE_INITIALS = initials(...NATIONAL_TITLE.split(" "));
const NATIONAL_TITLE_WORDS = NATIONAL_TITLE.split(" ");

/**
 * The Quốc hiệu's words that a line wrapped inside it leaves to the line before: for a line
 * reading `HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`, `["CONG"]`; none for a line that opens the Quốc hiệu or
 * is no piece of it. When a flattened header table puts the left column's lines first, those words
 * end the issuer's last line (`CỤC THUẾ CỘNG`) or stand alone (`CỘNG`): they belong to the right column.
 */
export function nationalTitleLead(line: string): string[] {
  const words = foldUpper(line).replace(/[-–—*|]+/gu, " ").trim().split(/\s+/);
  const at = NATIONAL_TITLE_WORDS.indexOf(words[0] ?? "");
  if (at <= 0 || !isPieceOf(words.slice(0, NATIONAL_TITLE_WORDS.length - at).join(" "), NATIONAL_TITLE, Math.min(2, NATIONAL_TITLE_WORDS.length - at))) return [];
  return NATIONAL_TITLE_WORDS.slice(0, at);
}

/** True when `line` is the Quốc hiệu's opening words and the next line goes on with the rest (`CỘNG` / `HÒA XÃ HỘI …`). */
function opensWrappedNationalTitle(folded: string, next: string): boolean {
  const lead = nationalTitleLead(next);
  return lead.length > 0 && folded.replace(/[-–—*|]+/gu, " ").trim().split(/\s+/).join(" ") === lead.join(" ");
}

function nextLine(text: string, offset: number): string {
  const end = text.indexOf("\n", offset);
  if (end < 0) return "";
  const next = text.indexOf("\n", end + 1);
  return text.slice(end + 1, next < 0 ? text.length : next);
}

function previousLine(text: string, offset: number): string {
  if (offset < 2) return "";
  const start = text.lastIndexOf("\n", offset - 2) + 1;
  return text.slice(start, offset - 1);
}

type LineTest = (line: string, folded: () => string, text: string, offset: number) => boolean;

/** The line tests that can pass on a line, by the line's initial (see `initial`), or any initial. */
type Initials = ReadonlySet<string> | "any";

// Each line is classified once: the tests run in priority order (the order tokens are declared)
// and the winner is cached, so the lexer's other matchers for that line cost a comparison. Only
// the tests that can pass on a line of that initial run: each declares the initials a line it
// accepts may have, and running all of them on every line was most of the lexer's time (a prose
// line went through some thirty patterns to end a TextLine).
interface LineClass {
  name: string;
  test: LineTest;
  initials: Initials;
}
const LINE_TESTS: LineClass[] = [];
const testsByInitial = new Map<string, LineClass[]>();
let classifiedText = "";
let classifiedOffset = -1;
let classifiedAs: string | null = null;

/** The tests, in priority order, that a line of this initial may pass. */
function testsFor(first: string): LineClass[] {
  let tests = testsByInitial.get(first);
  if (!tests) {
    tests = LINE_TESTS.filter((t) => t.initials === "any" || t.initials.has(first));
    testsByInitial.set(first, tests);
  }
  return tests;
}

function classify(text: string, offset: number): string | null {
  if (text === classifiedText && offset === classifiedOffset) return classifiedAs;
  classifiedText = text;
  classifiedOffset = offset;
  classifiedAs = null;
  const line = lineAt(text, offset);
  if (line !== null && line.length > 0) {
    for (const { name, test } of testsFor(initial())) {
      if (test(line, folded, text, offset)) {
        classifiedAs = name;
        break;
      }
    }
  }
  return classifiedAs;
}

/**
 * A whole-line token whose class is decided by `test` on the line (and its folded form).
 * `initials`: what `initial()` is on every line the test accepts (computed with `initials()` from
 * the characters the pattern can start with), or "any"; a test suite checks them against real and
 * generated lines.
 */
function lineToken(name: string, initials: Initials, test: LineTest, categories?: TokenType[]): TokenType {
  LINE_TESTS.push({ name, test, initials });
  const pattern: CustomPatternMatcherFunc = (text, offset) => {
    if (classify(text, offset) !== name) return null;
    return [cachedLine] as unknown as RegExpExecArray;
  };
  return createToken({ name, pattern, line_breaks: false, categories: [AnyLine, ...(categories ?? [])] });
}

/**
 * For tests: the line tests in priority order, each with the initials it declares, and whether it
 * accepts `line` (the text's only line).
 */
export function lineTests(): { name: string; initials: Initials; accepts: (line: string) => boolean }[] {
  return LINE_TESTS.map(({ name, initials, test }) => ({
    name,
    initials,
    accepts: (line: string) => {
      lineAt(line, 0);
      return test(line, folded, line, 0);
    },
  }));
}

/** `initial()` of a line (the first character after white space, folded and upper-cased). */
export function lineInitial(line: string): string {
  lineAt(line, 0);
  return initial();
}

const TYPE_NAMES = new Set([...DOC_TYPES, PARTY_THONG_TRI].flatMap((t) => [t.name, ...(t.aliases ?? [])].map((n) => foldUpper(n))));
const TYPE_NAME_INITIALS = initials(...TYPE_NAMES);

export const Newline = createToken({ name: "Newline", pattern: /\n/, group: Lexer.SKIPPED, line_breaks: true });

// NĐ 30/2020 Điều 8.1: Quốc hiệu, also split over two lines or run into the tiêu ngữ.
// Header lines are short: long lines skip the folding these tests need.
const SHORT = 160;

export const NationalTitle = lineToken(
  "NationalTitle",
  NATIONAL_TITLE_INITIALS,
  (l, f, text, offset) =>
    l.length < SHORT &&
    (/^CONG\s*HOA\s*XA\s*HOI(?:\s*CHU\s*NGHIA\s*VIET\s*NAM)?(?:[\s\-–—|*]|DOC LAP|$)/.test(f()) ||
      (isPieceOf(f(), NATIONAL_TITLE, 2) && (!/^VIET\s*NAM\b/.test(f()) || /CHU\s*NGHIA\s*$/.test(foldUpper(previousLine(text, offset))))) ||
      (l.length < 12 && opensWrappedNationalTitle(f(), nextLine(text, offset)))),
);
// NĐ 30/2020 Điều 8.1: tiêu ngữ.
export const Motto = lineToken("Motto", initials("Đ"), (l, f) => l.length < SHORT && /^DOC\s*LAP\s*[-–—]\s*TU\s*DO/.test(f()));
// HD 36-HD/VPTW: the Party line `ĐẢNG CỘNG SẢN VIỆT NAM` (top right), also wrapped.
const PARTY_TITLE_INITIALS = initials("ĐẢNG", "CỘNG", "VIỆT");
export const PartyTitle = lineToken("PartyTitle", PARTY_TITLE_INITIALS, (l, f, text, offset) => {
  if (l.length >= SHORT) return false;
  const line = f();
  if (/^DANG\s*CONG\s*SAN(?:\s*VIET\s*NAM)?\s*[-–—*]*$/.test(line) || /^CONG\s*SAN\s*VIET\s*NAM$/.test(line)) return true;
  // `ĐẢNG` / `CỘNG SẢN VIỆT NAM` and `ĐẢNG CỘNG SẢN` / `VIỆT NAM`: the line wrapped in its cell.
  if (line === "DANG") return /^CONG\s*SAN/.test(foldUpper(nextLine(text, offset)));
  return /^VIET\s*NAM\s*[-–—*]*$/.test(line) && /CONG\s*SAN\s*$/.test(foldUpper(previousLine(text, offset)));
});
// Rules under the header blocks (`-------`) and the Party star `*`.
export const Separator = lineToken("Separator", SEPARATOR_INITIALS, (l) => /^[-–—_=*·.\s|]+$/.test(l));
// NĐ 30/2020 Điều 8.3: số, ký hiệu (`Số: 203 /TB-UBND`, Party `Số 253-KH/HU`, a draft `Số: /KH-UBND`).
const STREET_AFTER_NUMBER = /^S[ốỐ]\s*[:.]?\s*[\d/-]+\S*,?\s+(?:đường|phố|ngõ|ngách|hẻm|Đường|Phố|Ngõ)(?![\p{L}])/u;
// A number named in a sentence (`Số 349/GP-BTTTT do Bộ … cấp ngày …`) is no header's number cell.
const PROSE_AFTER_NUMBER = /^S[ốỐ]\s*[:.]?\s*\S+\s+(?:do|được|cấp|của|là|đã|và|có|cho)\s/u;
// Spec deviation: an address (`Số 12-14, phố Hàng Bài`, `Số 26/1C đường …`) also opens with `Số`;
// a number's symbol starts with a letter after its separator, an address's with a digit.
// Normative acts may name their type before the label (`Luật số: 129/2025/QH15`, `Nghị quyết số:
// 248/2025/QH15`, as vbpl.vn and the gazette set them). The colon makes it the header's cell:
// `Nghị quyết số 248/2025/QH15 về …` without one is a sentence, or a web page's title.
const TYPED_NUMBER_LABEL = new RegExp(`^(?:${[...new Set(DOC_TYPES.map((t) => foldUpper(t.name)))].sort((a, b) => b.length - a.length).join("|")})\\s+(?=SO\\s*:)`, "u");

/** A number line without the type name that may open it (`Luật số: 129/2025/QH15` → `số: 129/2025/QH15`). */
export function withoutTypedNumberLabel(line: string): string {
  const folded = foldUpper(line);
  const m = TYPED_NUMBER_LABEL.exec(folded);
  // Folding keeps one character per character of an NFC line, so the match's length is the prefix's.
  return m && folded.length === line.length ? line.slice(m[0].length) : line;
}

const isNumberLine = (l: string) => (/^S[ốỐ]\s*(?:[:.]\s*|\s+)[\d\s.]*\s*(?:\/\s*(?:19|20)\d{2}\s*)?[/-]\s*\p{L}/ui.test(l) && !STREET_AFTER_NUMBER.test(l) && !PROSE_AFTER_NUMBER.test(l)) || /^S[ốỐ]\s*:\s*\d+[A-Za-z]?\s*$/u.test(l);
export const NumberLine = lineToken("NumberLine", initials("S", ...DOC_TYPES.map((t) => t.name)), (l) => {
  if (isNumberLine(l)) return true;
  const rest = withoutTypedNumberLabel(l);
  return rest !== l && isNumberLine(rest.replace(/^s/u, "S"));
});
// NĐ 30/2020 Điều 8.4: địa danh và ngày tháng (`Bình Sơn, ngày 18 tháng 6 năm 2024`, blanks in drafts).
export const PlaceDate = lineToken("PlaceDate", "any", (l) => isPlaceDate(l) && !BASIS_START.test(l));

const DATE_AFTER_PLACE = /^[,.\s]\s*ngày(?![\p{L}])[\s\d.…_/]*tháng\s*[\d.…_\s]*năm\s*\d{4}/u;

/** A place of at most seven words without digits, then `ngày … tháng … năm YYYY` (cheap checks first). */
function isPlaceDate(line: string): boolean {
  if (line.length >= 140) return false;
  const at = line.indexOf("ngày");
  if (at < 2 || !line.includes("năm", at)) return false;
  let cut = at;
  while (cut > 0 && /[\s,.]/u.test(line[cut - 1]!)) cut--;
  const place = line.slice(0, cut);
  if (!place || /[\d;:]/u.test(place) || place.split(/\s+/).length > 7) return false;
  return DATE_AFTER_PLACE.test(line.slice(cut));
}
// The enacting word of a decision or resolution (`QUYẾT ĐỊNH:`, `QUYẾT NGHỊ:`).
const ENACTING_INITIALS = initials("QUYẾT", "KẾT", "CHỈ", "BAN", "ĐIỀU");
export const EnactingLine = lineToken("EnactingLine", ENACTING_INITIALS, (l, f) => l.length < SHORT && /^(?:QUYET\s*DINH|QUYET\s*NGHI|KET\s*LUAN|CHI\s*THI|BAN\s*HANH|DIEU\s*CHINH)\s*:\s*$/.test(f()));
// NĐ 30/2020 Điều 8.5: tên loại on its own line, upper case (`KẾ HOẠCH`, `QUYẾT ĐỊNH`).
// Older documents name the issuing authority on the type's line (`QUYẾT ĐỊNH CỦA CHỦ TỊCH UBND TỈNH`).
// Spec deviation: a converter that drops the break after the bold type name glues the title on
// (`THÔNG TƯQuy định chế độ …`); the type name is the capitals before the first capitalised word.
export const DocTypeLine = lineToken("DocTypeLine", TYPE_NAME_INITIALS, (l, f) => {
  if (l.length >= 400) return false;
  if (l.length < SHORT) {
    const folded = f().replace(/[\s:.*]+$/, "").replace(/\s+/g, " ").trim();
    if (isAllCaps(l) && TYPE_NAMES.has(folded)) return true;
    const m = /^(.+?) CUA /.exec(folded);
    if (m !== null && TYPE_NAMES.has(m[1]!) && isAllCaps(l.split(/\s+của\s+|\s+CỦA\s+/u)[0]!)) return true;
  }
  return GLUED_TYPE_NAME.exec(l) !== null && TYPE_NAMES.has(foldUpper(GLUED_TYPE_NAME.exec(l)![1]!).replace(/\s+/g, " "));
});
const GLUED_TYPE_NAME = /^((?:\p{Lu}+ ?){1,4}?)(?=\p{Lu}\p{Ll})/u;

/** A type-name line split into the type's name and what follows it (the authority after `của`, or a glued title). */
export function splitTypeLine(line: string): { name: string; rest: string } {
  const glued = GLUED_TYPE_NAME.exec(line);
  if (glued && TYPE_NAMES.has(foldUpper(glued[1]!).replace(/\s+/g, " ").trim())) return { name: glued[1]!.trim(), rest: line.slice(glued[0].length).trim() };
  const [name, ...after] = line.split(/\s+(?:của|CỦA)\s+/u);
  return { name: name!.replace(/[:.*\s]+$/u, ""), rest: after.length ? `của ${after.join(" của ")}` : "" };
}
// A công văn's trích yếu (`V/v ...`).
export const SubjectLine = lineToken("SubjectLine", initials("V"), (l) => /^V\/[vV](?:[.:\s]|$)/u.test(l));
// Addressees of a công văn, công điện, tờ trình.
// A công điện's `THỦ TƯỚNG CHÍNH PHỦ điện:` stands where a công văn has `Kính gửi:` (NĐ 30/2020 Phụ lục III).
export const AddresseesLabel = lineToken("AddresseesLabel", "any", (l) => /^Kính\s*gửi\s*:?/u.test(l) || (l.length < 70 && l.includes("điện") && /^[\p{Lu}\s]{3,60}\sđiện\s*:\s*$/u.test(l)));
// NĐ 30/2020 Điều 8.8: nơi nhận.
export const RecipientsLine = lineToken("RecipientsLine", initials("N", "-", "–", "+", "•"), (l) => RECIPIENTS_LABEL.test(l) || isUnlabelledRecipients(l));
// NĐ 30/2020 Điều 8.7: the authority prefix of a signature (TM., KT., TL., TUQ., Q.; Party T/M, K/T, T/L).
export const AuthorityLine = lineToken("AuthorityLine", initials("T", "K", "Q"), (l) => AUTHORITY_PREFIX.test(l) && !/[;]$/.test(l) && l.length < 120);
// `(Đã ký)`, seal and signature placeholders of published copies.
export const PlaceholderLine = lineToken("PlaceholderLine", initials("(", "[", "đ", "k", "c", "s"), (l) => /^[([]?\s*(?:đã\s*ký|ký\s*tên|ký,|chữ\s*ký|đóng\s*dấu|ký\s*và\s*đóng\s*dấu|đã\s*ký\s*và\s*đóng\s*dấu|signed|seal)[^)\]]*[)\]]?\s*$/iu.test(l));
// Footnote bodies (`[1] ...`, from `<sup>1</sup>` at a paragraph start).
export const FootnoteLine = lineToken("FootnoteLine", initials("["), (l) => FOOTNOTE_BODY.test(l));
// Attached parts (`PHỤ LỤC I`, `ĐỀ CƯƠNG BÁO CÁO`).
export const AnnexLine = lineToken("AnnexLine", initials("P", "Đ"), (l, f) => l.length < 400 && /^(?:PHU\s*LUC|PHU\s*BIEU|DE\s*CUONG)(?![A-Z])/.test(f()) && (isAllCaps(l.split(/[(:]/)[0] ?? l) || /^Phụ lục\s+(?:[IVX\d]+|số)/u.test(l)));
// Preamble statements (căn cứ ban hành).
export const BasisLine = lineToken("BasisLine", initials("-", "C", "T", "X", "D"), (l) => BASIS_START.test(l) && !/^(?:-\s*)?Căn cứ\s+(?:vào\s+)?(?:các\s+)?(?:quy định|nội dung|văn bản|ý kiến)?\s*(?:nêu|trên|như)\b/u.test(l));

// Body hierarchy (NĐ 30/2020 Phụ lục I mục II.6; plans use PHẦN, I., 1., 1.1., a), -, +).
export const PartLine = lineToken("PartLine", initials("P"), (l) => PART_MARKER.test(l), [MarkerLine]);
export const ChapterLine = lineToken("ChapterLine", initials("C"), (l) => CHAPTER_MARKER.test(l), [MarkerLine]);
export const SubsectionLine = lineToken("SubsectionLine", initials("M"), (l) => SUBSECTION_MARKER.test(l), [MarkerLine]);
export const ArticleLine = lineToken("ArticleLine", initials("Đ"), (l) => ARTICLE_MARKER.test(l) || /^Điều\s+\d+[a-z]?\s*$/u.test(l) || /^Điều\s+\d+\s+\p{Lu}/u.test(l), [MarkerLine]);
export const RomanLine = lineToken("RomanLine", initials("I", "V", "X", "L"), (l) => ROMAN_MARKER.test(l) || /^[IVXL]{1,6}\s*[.\-]?\s*$/u.test(l), [MarkerLine]);
export const LetterPartLine = lineToken("LetterPartLine", LATIN_INITIALS, (l) => LETTER_PART_MARKER.test(l), [MarkerLine]);
export const DecimalLine = lineToken("DecimalLine", DIGIT_INITIALS, (l) => DECIMAL_MARKER.test(l), [MarkerLine]);
export const ArabicLine = lineToken("ArabicLine", initials(...DIGITS, "("), (l) => ARABIC_MARKER.test(l), [MarkerLine]);
export const LetterLine = lineToken("LetterLine", LATIN_INITIALS, (l) => LETTER_MARKER.test(l), [MarkerLine]);
export const BulletLine = lineToken("BulletLine", initials(...BULLETS), (l) => BULLET_MARKER.test(l), [MarkerLine]);

/** Any other line written all in capitals (issuer lines, titles, offices, unnumbered headings). */
export const CapsLine = lineToken("CapsLine", "any", (l) => isAllCaps(l) && /\p{L}.*\p{L}/u.test(l));
/** Any other line. */
export const TextLine = createToken({ name: "TextLine", pattern: /[^\n]+/, categories: [AnyLine] });

/** Every token, in match priority order. */
export const documentTokens: TokenType[] = [
  Newline,
  NationalTitle,
  Motto,
  PartyTitle,
  Separator,
  NumberLine,
  BasisLine,
  PlaceDate,
  EnactingLine,
  DocTypeLine,
  SubjectLine,
  AddresseesLabel,
  RecipientsLine,
  PlaceholderLine,
  FootnoteLine,
  AnnexLine,
  AuthorityLine,
  PartLine,
  ChapterLine,
  SubsectionLine,
  ArticleLine,
  DecimalLine,
  RomanLine,
  LetterPartLine,
  ArabicLine,
  LetterLine,
  BulletLine,
  CapsLine,
  TextLine,
  MarkerLine,
  AnyLine,
];

// Lines are classified in the priority order of `documentTokens`, whatever the declaration order.
const priority = new Map(documentTokens.map((t, i) => [t.name, i]));
LINE_TESTS.sort((a, b) => priority.get(a.name)! - priority.get(b.name)!);

/** The one lexer of the process (Chevrotain lexers are reusable and costly to build). */
export const documentLexer = new Lexer(documentTokens, {
  positionTracking: "full",
  ensureOptimizations: false,
  skipValidations: true,
});
