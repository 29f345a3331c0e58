// Nơi nhận (NĐ 30/2020 Điều 8.8): `- Name (purpose);` items, the last `- Lưu: VT, ...`.
import type { Recipient } from "../model/record.js";

// Parentheses that say why a copy is sent, as opposed to a unit or a copy count in the name.
const PURPOSE = /^\(\s*((?:để|thay|b\/c|t\/h|p\/h|đ\/b|báo cáo|thực hiện|phối hợp|chỉ đạo|theo dõi|biết|đăng|t\/d|qua|trình|phụ trách)[^()]*)\)\s*$/iu;

// A copy count or a unit's filing code after an entry (`Bộ Y tế (02)`, `VP UBND TP (3E)`): a note on the
// copy, not part of the name; on the `Lưu:` line it is the file's own code and stays.
const COPY_CODE = /^\(\s*([\p{L}\d]{1,6})\s*\)$/u;

/** Reads the items after `Nơi nhận:` (the label's own line may hold the first). */
export function readRecipients(lines: string[]): Recipient[] {
  const items: string[] = [];
  for (const [i, raw] of lines.entries()) {
    // `- BTV Thành ủy (Đã ký)`: the signature column's placeholder set beside an item.
    let line = raw.replace(/[*_]+/g, "").replace(/\s*[([]\s*đã\s*ký\s*[)\]]/giu, "").trim();
    if (i === 0) line = line.replace(/^Nơi\s*nhận\s*:?\s*/u, "");
    if (!line) continue;
    // A collapsed cell holds several items: `- A; - B; - C.`
    for (const [k, piece] of line.split(/(?<=[;,.)])\s*[-–+•]\s+(?=\p{L})/u).entries()) {
      const startsItem = k > 0 || /^[-–+•]\s*/u.test(piece) || items.length === 0;
      const text = piece.replace(/^[-–+•]\s*/u, "").trim();
      if (!text) continue;
      if (!startsItem && items.length && !/[;.]$/u.test(items[items.length - 1]!)) items[items.length - 1] += ` ${text}`;
      else if (!startsItem && items.length && /^\(/u.test(text)) items[items.length - 1] += ` ${text}`;
      else items.push(text);
    }
  }
  return items.map(toRecipient).filter((r) => r.name.length > 0);
}

function toRecipient(item: string): Recipient {
  let text = item.replace(/[;,.]+\s*$/u, "").trim();
  // `Bộ LĐTB&XH; (để báo cáo)`: the purpose set after the item's own semicolon.
  text = text.replace(/;\s*(\([^()]*\))$/u, " $1");
  let note: string | null = null;
  // The purpose stands last, before or after the item's semicolon.
  const m = /\s*(\([^()]*\))\s*[;,.]?\s*$/u.exec(text);
  if (m) {
    const p = PURPOSE.exec(m[1]!) ?? (/^Lưu\b/u.test(text) ? null : COPY_CODE.exec(m[1]!));
    if (p) {
      note = p[1]!.trim();
      text = text.slice(0, m.index).trim();
    }
  }
  text = text.replace(/[;,.]+\s*$/u, "").trim();
  return { name: text, note };
}
