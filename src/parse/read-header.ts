// NĐ 30/2020 Điều 8.1–8.6: the header block — Quốc hiệu or the Party line, issuing body, number,
// place and date, and the type and title lines that open under it.
import type { IToken, TokenType } from "chevrotain";
import { readDate } from "./read-date.js";
import { readNumber } from "./read-number.js";
import { cutRightColumn, dropNationalTitleLead } from "./header-columns.js";
import { CapsLine, DocTypeLine, Motto, NationalTitle, NumberLine, PartyTitle, PlaceDate, Separator, SubjectLine, TextLine, splitTypeLine, withoutTypedNumberLabel } from "../../grammars/document/document-tokens.js";
import { isBodyName } from "../../grammars/document/layout-zones.js";
import { isAllCaps } from "../../grammars/document/line-patterns.js";
import type { HeaderReading } from "./structure-draft.js";

const NUMBER_IN_LINE = /S[ốỐ]\s*[:.]?\s*((?:\d[\d.]*)?\s*(?:\/\s*(?:19|20)\d{2}\s*)?[/-]\s*[\p{L}\d&.]+(?:\s*[-–/]\s*[\p{L}\d&.]+)*(?:\s+\p{Lu}{1,2}(?=\s|$))*)/u;
// Lines that end a title wrapped in its cell: the right column's lines and the header's marks.
const TITLE_BREAKERS = new Set<TokenType>([NationalTitle, Motto, PartyTitle, PlaceDate, NumberLine, Separator]);
const PLACE_DATE = /^(.{2,60}?)[,.]?\s*(ngày\b.*)$/u;

/** The `Số: …` of a number line, with where it stands in the line. */
export function numberInLine(line: string): RegExpExecArray | null {
  return NUMBER_IN_LINE.exec(numberCell(line));
}

// The number line from its `Số`, without a type name before it (`Luật số: 129/2025/QH15`).
const numberCell = (line: string): string => withoutTypedNumberLabel(line).replace(/^s(?=[ốỐ])/u, "S");

/** Reads the header block's lines into `h` (an empty reading to start from). */
export function readHeader(header: readonly IToken[], h: HeaderReading): void {
  let inTitle = false;
  for (const [at, t] of header.entries()) {
    const kind = t.tokenType;
    const line = t.image.trim();
    // A V/v under the number wraps in its cell; the right column's lines after it are not its words.
    if (inTitle && !TITLE_BREAKERS.has(kind)) {
      h.titleLines.push(t);
      continue;
    }
    switch (kind) {
      case NationalTitle: {
        h.system ??= "state";
        dropNationalTitleLead(h.issuerLines, line);
        // Tab-aligned columns can run the issuer's second line into the Quốc hiệu's.
        const tail = /VI[ỆE]T\s+NAM\s+(.+)$/iu.exec(line)?.[1];
        if (tail && /^(?:tỉnh|huyện|thành phố|quận|thị xã|xã|phường)\s/iu.test(tail) && !h.date) h.issuerLines.push(tail.toUpperCase());
        break;
      }
      case Motto:
        h.system ??= "state";
        break;
      case PartyTitle:
        h.system = "party";
        break;
      case NumberLine: {
        const cell = numberCell(line);
        const m = NUMBER_IN_LINE.exec(cell);
        if (m && !h.number) {
          h.number = readNumber(m[1]!);
          const after = cell.slice((m.index ?? 0) + m[0].length).trim();
          // A công văn's trích yếu may share the number's cell (`Số: 5155/SGDĐT-... Về hướng dẫn ...`).
          const subject = /^(?:[Vv]\/[vV][.:]?\s*|Về\s)/u.exec(after);
          if (subject && !readDate(after)) {
            h.subjectInNumber = cutRightColumn(after);
          } else if (after) takePlaceDate(h, after);
        }
        break;
      }
      case PlaceDate:
        takePlaceDate(h, line);
        break;
      case DocTypeLine:
        takeTypeLine(h, t);
        inTitle = true;
        break;
      case SubjectLine:
        h.titleLines.push(t);
        inTitle = true;
        break;
      case CapsLine:
        // Codes with digits (`XV80`) are filing marks, not names.
        if (!h.date && !h.docTypeName && !/\d/u.test(line)) h.issuerLines.push(line.replace(/\s*\*+\s*$/u, ""));
        break;
      case TextLine: {
        // A body's name whose upper-case font came out lower case (`ủy Ban Nhân Dân`, from TCVN3 `.VnTimeH`).
        if (!h.date && !h.docTypeName && h.number === null && isBodyName(line)) {
          h.issuerLines.push(line.toUpperCase());
          break;
        }
        // TCVN3 has no toned capitals, so a decoded issuer line may come back part lower case
        // (`HUYỆN Tứ Kỳ`): a short line opening with an upper-case word, right under an issuer line.
        if (!h.date && !h.docTypeName && h.issuerLines.length && line.length < 60 && /^\p{Lu}{2,}\s/u.test(line) && header[at - 1]?.tokenType === CapsLine) {
          h.issuerLines.push(line);
          break;
        }
        // A chunk prefix glued before the issuer (`Quyết định 435/QĐ-UBND năm 2020. ỦY BAN ...`).
        const caps = /(?:^|\.\s)((?:[\p{Lu}\d]+[\s,-]*){2,})$/u.exec(line);
        if (caps && isAllCaps(caps[1]!) && !h.date) h.issuerLines.push(caps[1]!.trim());
        break;
      }
    }
  }
}

/** Takes a type-name line (`QUYẾT ĐỊNH`, or the name with the title glued on). */
export function takeTypeLine(h: HeaderReading, t: IToken): void {
  const { name, rest } = splitTypeLine(t.image.trim());
  h.docTypeName = name;
  if (rest && !/^của\s/iu.test(rest)) {
    h.titleLines.push(t);
    h.titleText.set(t, rest);
    h.titleIsCaps = isAllCaps(rest);
  }
}

/** Takes the place and date from a line, unless the date is already known. */
export function takePlaceDate(h: HeaderReading, line: string): void {
  if (h.date) return;
  const d = readDate(line);
  if (!d) return;
  h.date = d;
  const pm = PLACE_DATE.exec(line.slice(0, d.index + d.raw.length));
  const p = pm?.[1]?.replace(/[*_]/g, "").replace(/[,.\s]+$/u, "").trim();
  if (p && p.length >= 2 && !/\d/.test(p)) h.place = p.replace(/\s+/g, " ");
}
