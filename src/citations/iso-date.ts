// Dates of references as the record writes them (ISO `YYYY-MM-DD`), from the figures of a numeric
// date (`04/11/2013`, `01-10-1997`, `01/ 7 /2004`) or of one written in words.

/** `YYYY-MM-DD` for a real calendar day, else null (`31/02/2020` is a typo, not a date). */
export function isoDate(day: number, month: number, year: number): string | null {
  if (!(year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1)) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The ISO date of a numeric date as written (`04/11/2013`, `4-11-2013`, `01/ 7 /2004`), or null. */
export function isoFromNumericDate(written: string): string | null {
  const parts = written.split(/\s*[/.-]\s*/).map(Number);
  if (parts.length !== 3) return null;
  return isoDate(parts[0]!, parts[1]!, parts[2]!);
}
