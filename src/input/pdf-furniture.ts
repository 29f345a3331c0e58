// Page furniture: what a PDF prints on its pages that is not the document's text — the gazette's
// running head (`CÔNG BÁO/Số 245/Ngày 23-04-2026`, with the page number beside it), a page number
// alone in a margin, a head or foot repeated on most pages, rules drawn with underscores — and
// the digital-signature stamp (`Ký bởi: … Cơ quan: … Ngày ký: …`), which is signing metadata.
// Furniture is removed before the layout, so the parser never reads a running head as a line of
// the body, and kept in the record for what it says.
import { rowText, type PdfRow } from "./pdf-layout.js";

/** A piece of furniture removed from a page. */
export interface PdfFurniture {
  kind: "running-head" | "page-number" | "rule" | "stamp" | "section-heading";
  text: string;
}

/** The signing metadata a digital-signature stamp states. */
export interface PdfSigning {
  signer: string | null;
  organization: string | null;
  email: string | null;
  /** The signing time as written. */
  raw: string | null;
  /** The signing date, ISO (YYYY-MM-DD). */
  date: string | null;
  page: number;
}

// The gazette's running head, with the page number on either side.
const GAZETTE_HEAD = /^\s*(?:\d{1,5}\s+)?CÔNG\s*BÁO\s*\/\s*Số[^\n]{0,40}?\/\s*Ngày\s*\d{1,2}\s*-\s*\d{1,2}\s*-\s*\d{4}\s*(?:\d{1,5})?\s*$/iu;
const PAGE_NUMBER = /^\s*(?:[-–]\s*)?(?:(?:Trang|Page)\s+)?\d{1,5}(?:\s*\/\s*\d{1,5})?(?:\s*[-–])?\s*$/iu;
const RULE = /^\s*[_\-–—=.·*]{3,}\s*$/u;
// Margins where running heads and page numbers stand, as a share of the page height.
const HEAD_ZONE = 0.1;
const FOOT_ZONE = 0.08;

/**
 * Removes furniture from each page's rows (in place) and returns what was removed, page by page.
 * A head or foot counts as running when, digits aside, it repeats on at least three pages and a
 * third of them.
 */
export function removeFurniture(pages: { rows: PdfRow[]; height: number; vertical?: string[] }[]): PdfFurniture[][] {
  const marginKey = (text: string) => text.replace(/\d+/gu, "#").replace(/\s+/gu, " ").trim().toLowerCase();
  const inMargin = (row: PdfRow, height: number) => row.y > height * (1 - HEAD_ZONE) || row.y < height * FOOT_ZONE;
  const counts = new Map<string, number>();
  for (const page of pages) {
    const seen = new Set<string>();
    for (const row of page.rows) if (inMargin(row, page.height)) seen.add(marginKey(rowText(row.items)));
    for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const repeats = (key: string) => (counts.get(key) ?? 0) >= Math.max(3, pages.length / 3) && /\p{L}/u.test(key);
  return pages.map((page) => {
    const removed: PdfFurniture[] = [];
    // Text set up the margin of a landscape page: furniture when it reads as furniture.
    page.vertical = page.vertical?.filter((text) => {
      if (GAZETTE_HEAD.test(text) || repeats(marginKey(text))) removed.push({ kind: "running-head", text });
      else if (PAGE_NUMBER.test(text)) removed.push({ kind: "page-number", text });
      else return true;
      return false;
    });
    page.rows = page.rows.filter((row) => {
      const text = rowText(row.items).replace(/\s+/gu, " ").trim();
      if (RULE.test(text)) {
        removed.push({ kind: "rule", text });
        return false;
      }
      if (!inMargin(row, page.height)) return true;
      if (isStampLine(text)) removed.push({ kind: "stamp", text });
      else if (GAZETTE_HEAD.test(text) || repeats(marginKey(text))) removed.push({ kind: "running-head", text });
      else if (PAGE_NUMBER.test(text)) removed.push({ kind: "page-number", text });
      else return true;
      return false;
    });
    return removed;
  });
}

const STAMP_FIELD = /^(Ký bởi|Người ký|Cơ quan|Email|Ngày ký|Thời gian ký)\s*:\s*(.*)$/iu;

/**
 * Reads a digital-signature stamp's lines into signing metadata; null when they are no stamp.
 * @example readSigningStamp(["Ký bởi: CÔNG BÁO", "Cơ quan: VĂN PHÒNG CHÍNH PHỦ", "Ngày ký: 2026-05-08 16:42:06 +07:00"], 1)
 */
export function readSigningStamp(lines: readonly string[], page: number): PdfSigning | null {
  const signing: PdfSigning = { signer: null, organization: null, email: null, raw: null, date: null, page };
  let found = false;
  for (const line of lines) {
    const m = STAMP_FIELD.exec(line.trim());
    if (!m) continue;
    found = true;
    const label = m[1]!.toLowerCase();
    const value = m[2]!.trim() || null;
    if (label === "ký bởi" || label === "người ký") signing.signer = value;
    else if (label === "cơ quan") signing.organization = value;
    else if (label === "email") signing.email = value;
    else {
      signing.raw = value;
      signing.date = value ? stampDate(value) : null;
    }
  }
  return found ? signing : null;
}

// `2026-05-08 16:42:06 +07:00` or `19.03.2025 15:26:26 +07:00` (day first) → ISO date.
function stampDate(value: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/u.exec(value);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const dmy = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})/u.exec(value);
  if (!dmy) return null;
  const [d, m] = [Number(dmy[1]), Number(dmy[2])];
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${dmy[3]}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

// Some writers draw the stamp as page text rather than as a signature widget.
function isStampLine(text: string): boolean {
  return STAMP_FIELD.test(text.trim());
}

const letters = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/**
 * Finds the gazette's section heading: a line that spells out, in one line, the lines that follow
 * it (the issuer's name above the issuer column: `BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI` over
 * `BỘ LAO ĐỘNG - THƯƠNG BINH` / `VÀ XÃ HỘI`). Read as a line of the document it would double
 * the issuer. Returns the index of such a line among `lines`, or -1.
 */
export function findSectionHeading(lines: readonly string[]): number {
  for (let i = 0; i + 1 < lines.length && i < 6; i++) {
    const heading = letters(lines[i]!);
    if (heading.length < 6) continue;
    let joined = "";
    for (let k = i + 1; k < lines.length && k <= i + 4 && joined.length < heading.length; k++) {
      joined += letters(lines[k]!);
      if (joined === heading) return i;
    }
  }
  return -1;
}
