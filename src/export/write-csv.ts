// Tables as CSV (RFC 4180) and as an Excel 2003 XML spreadsheet, for researchers who take a list
// into a spreadsheet. The CSV is UTF-8 with a byte-order mark (without it Excel reads UTF-8 as the
// ANSI code page and Vietnamese comes out mangled), fields quoted when they hold a comma, a quote
// or a line break, lines ended by CRLF. Document text is untrusted: a cell that would start a
// formula (`=`, `+`, `-`, `@`, a tab or a carriage return first) gets a leading apostrophe, so a
// title such as `=HYPERLINK(…)` is shown, not run (OWASP's advice for CSV injection).

/** A value of a cell: text, a number, a yes/no, or empty. */
export type Cell = string | number | boolean | null;

/** A table: named columns and rows of cells in that order. */
export interface Table {
  columns: readonly string[];
  rows: readonly (readonly Cell[])[];
}

/** The byte-order mark that tells Excel the file is UTF-8. */
export const UTF8_BOM = "\uFEFF";

// A text cell that a spreadsheet would read as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell's text as a spreadsheet must see it: numbers as they are, text defused of formulas. */
function cellText(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number" || typeof cell === "boolean") return String(cell);
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function csvField(cell: Cell): string {
  const text = cellText(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The table as CSV text, beginning with the UTF-8 byte-order mark.
 * @example toCsv({ columns: ["a", "b"], rows: [["x, y", 1]] }) // "\uFEFFa,b\r\n\"x, y\",1\r\n"
 */
export function toCsv(table: Table): string {
  const lines = [table.columns.map(csvField).join(","), ...table.rows.map((row) => row.map(csvField).join(","))];
  return UTF8_BOM + lines.map((l) => `${l}\r\n`).join("");
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;" };

// Characters XML 1.0 cannot hold at all (control characters other than tab and line breaks).
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function xmlText(text: string): string {
  return text.replace(XML_INVALID, "").replace(/[&<>"\n\r]/g, (c) => XML_ESCAPES[c]!);
}

/**
 * The table as an Excel 2003 XML spreadsheet (SpreadsheetML), which Excel and LibreOffice open as
 * a worksheet with text as text and numbers as numbers, in UTF-8.
 */
export function toSpreadsheetXml(table: Table, sheetName = "vanban"): string {
  const row = (cells: readonly Cell[]) =>
    `<Row>${cells
      .map((c) => (typeof c === "number" ? `<Cell><Data ss:Type="Number">${c}</Data></Cell>` : `<Cell><Data ss:Type="String">${xmlText(c === null ? "" : String(c))}</Data></Cell>`))
      .join("")}</Row>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<?mso-application progid="Excel.Sheet"?>',
    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">',
    `<Worksheet ss:Name="${xmlText(sheetName.slice(0, 31))}"><Table>`,
    row(table.columns),
    ...table.rows.map(row),
    "</Table></Worksheet></Workbook>",
    "",
  ].join("\n");
}
