import { describe, expect, it } from "vitest";
import { toCsv, toSpreadsheetXml } from "../../src/export/write-csv.js";

// An RFC 4180 reader, to check that what is written reads back cell for cell.
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\r" && text[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += c;
  }
  return rows;
}

describe("CSV", () => {
  it("starts with the UTF-8 byte-order mark, ends lines with CRLF, quotes what needs it", () => {
    const csv = toCsv({ columns: ["title", "n"], rows: [["Kế hoạch, \"số\" 1\nhai dòng", 3], [null, true]] });
    expect(csv.startsWith("\uFEFFtitle,n\r\n")).toBe(true);
    expect(csv).toContain('"Kế hoạch, ""số"" 1\nhai dòng",3\r\n');
    expect(readCsv(csv.slice(1))).toEqual([["title", "n"], ['Kế hoạch, "số" 1\nhai dòng', "3"], ["", "true"]]);
  });

  it("defuses a cell that a spreadsheet would run as a formula", () => {
    const csv = toCsv({ columns: ["t"], rows: [["=HYPERLINK(\"http://x\")"], ["+1"], ["-2+3"], ["@SUM(A1)"], ["Nghị quyết 29"]] });
    expect(readCsv(csv.slice(1)).slice(1).map((r) => r[0])).toEqual(["'=HYPERLINK(\"http://x\")", "'+1", "'-2+3", "'@SUM(A1)", "Nghị quyết 29"]);
  });
});

describe("the Excel XML spreadsheet", () => {
  it("escapes markup and keeps numbers as numbers", () => {
    const xml = toSpreadsheetXml({ columns: ["title", "n"], rows: [["<script>alert(1)</script> & Bình Sơn\u0001", 7]] });
    expect(xml).toContain('<Data ss:Type="String">&lt;script&gt;alert(1)&lt;/script&gt; &amp; Bình Sơn</Data>');
    expect(xml).toContain('<Data ss:Type="Number">7</Data>');
    expect(xml).not.toContain("<script>");
  });
});
