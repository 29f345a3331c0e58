// NĐ 30/2020 Phụ lục I: `Kính gửi:` and the bodies a công văn is addressed to.
import type { IToken } from "chevrotain";

// A telegram's address line (`BỘ Y TẾ điện:`) stands where a công văn has its Kính gửi.
const TELEGRAM_ADDRESS = /^[\p{Lu}\s]{3,60}\sđiện\s*:\s*/u;

/** The addressees of one Kính gửi block, one per item (`- A; - B` on one line counts two). */
export function readAddressees(lines: readonly IToken[]): string[] {
  const addressees: string[] = [];
  for (const [i, t] of lines.entries()) {
    let line = t.image.trim();
    if (i === 0) line = line.replace(/^Kính\s*gửi\s*:?\s*/u, "").replace(TELEGRAM_ADDRESS, "");
    for (const item of line.split(/(?<=;)\s*-\s+/u)) {
      const name = cutFlattenedProse(item.replace(/^[-–+•]\s*/u, "")).replace(/[;,.]+\s*$/u, "").trim();
      if (name) addressees.push(name);
    }
  }
  return addressees;
}

// A flattened page runs the letter's first sentence onto the Kính gửi line (`… trực thuộc Trung
// ương Trong thời gian qua, Ủy ban …`): past the length of any addressee, the text from the
// first sentence opener on is the body's.
const LONGEST_ADDRESSEE = 150;
const SENTENCE_OPENER = /\s(?=(?:Trong|Thực hiện|Căn cứ|Để|Nhằm|Theo|Hiện nay|Vừa qua|Thời gian qua|Qua|Ngày|Sau khi|Tiếp theo|Phúc đáp|Trả lời)\s)/u;

function cutFlattenedProse(item: string): string {
  if (item.length <= LONGEST_ADDRESSEE) return item;
  const m = SENTENCE_OPENER.exec(item);
  return m && m.index >= 10 ? item.slice(0, m.index) : item;
}
