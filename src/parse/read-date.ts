// Dates as documents write them: `ngày 18 tháng 6 năm 2024` (NĐ 30/2020 Điều 8.4, with blanks in
// drafts and `tháng5` run together), `18/6/2024`, `01-10-1997`.

/** A date as written and as ISO (`YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when day or month is blank). */
export interface ParsedDate {
  raw: string;
  iso: string | null;
  index: number;
}

const pad = (n: number) => String(n).padStart(2, "0");

function iso(day: number | null, month: number | null, year: number): string | null {
  if (year < 1900 || year > 2200) return null;
  if (month === null || month < 1 || month > 12) return String(year);
  if (day === null || day < 1 || day > 31) return `${year}-${pad(month)}`;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const WORDED = /ngày\s*(\d{1,2})?[\s.…_/]*tháng\s*(\d{1,2})?[\s.…_/]*năm\s*(\d{4})/iu;
const NUMERIC = /(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/u;

/** Finds the first date in `text`, in words (`ngày ... tháng ... năm ...`) or digits. */
export function readDate(text: string): ParsedDate | null {
  const w = WORDED.exec(text);
  if (w) {
    const day = w[1] ? Number(w[1]) : null;
    const month = w[2] ? Number(w[2]) : null;
    return { raw: w[0].replace(/\s+/g, " ").trim(), iso: iso(day, month, Number(w[3])), index: w.index };
  }
  const d = NUMERIC.exec(text);
  if (d) return { raw: d[0], iso: iso(Number(d[1]), Number(d[2]), Number(d[3])), index: d.index };
  return null;
}

// The adoption clause that closes a law or a resolution of an elected body (`Nghị quyết này được Ủy
// ban Thường vụ Quốc hội … thông qua ngày 16 tháng 6 năm 2025.`): its date is the document's.
const PASSAGE = /(?:Luật|Bộ luật|Pháp lệnh|Nghị quyết|Hiến pháp) này (?:đã )?được [^.\n]{3,200}?\s*thông qua\s*(ngày\s*\d{1,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4})/u;

/** The date a law or resolution was adopted, from its closing clause, or null. */
export function readPassageDate(text: string): ParsedDate | null {
  const m = PASSAGE.exec(text);
  return m ? readDate(m[1]!) : null;
}
