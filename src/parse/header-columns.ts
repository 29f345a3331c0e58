// The header is a two-column table (NĐ 30/2020 Phụ lục I: issuer, number and V/v on the left;
// Quốc hiệu, tiêu ngữ, place and date on the right). Flattened, the columns' lines interleave, or
// run into each other within a line. These give each column back its own words: the right
// column's words are known (the Quốc hiệu and the motto), so they are what is taken out.
import { foldUpper, nationalTitleLead } from "../../grammars/document/document-tokens.js";

/**
 * Gives the right column back its words: when the Quốc hiệu wrapped in its cell and the flattened
 * table ran its first words onto the issuer's last line (`CỤC THUẾ CỘNG` / `HÒA XÃ HỘI …`), they
 * are cut from that line.
 */
export function dropNationalTitleLead(issuerLines: string[], nationalTitle: string): void {
  const lead = nationalTitleLead(nationalTitle);
  const last = issuerLines[issuerLines.length - 1];
  if (!lead.length || last === undefined) return;
  const words = last.trim().split(/\s+/);
  const tail = words.slice(-lead.length).join(" ");
  if (words.length > lead.length && foldUpper(tail) === lead.join(" ")) issuerLines[issuerLines.length - 1] = words.slice(0, -lead.length).join(" ");
}

// Where the right column starts inside a left column's line: the Quốc hiệu or the motto.
const RIGHT_COLUMN = /\s+(?:CỘNG\s+H[OÒ][AÀ]\s+XÃ\s+HỘI|Cộng\s+h[oò][aà]\s+xã\s+hội|ĐỘC\s+LẬP\s*[-–—]|Độc\s+lập\s*[-–—])/u;

/** A left column's line (issuer, V/v) without the right column's words run onto its end. */
export function cutRightColumn(line: string): string {
  const m = RIGHT_COLUMN.exec(line);
  return m ? line.slice(0, m.index).trim() : line;
}
