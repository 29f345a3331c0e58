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
      const name = item.replace(/^[-–+•]\s*/u, "").replace(/[;,.]+\s*$/u, "").trim();
      if (name) addressees.push(name);
    }
  }
  return addressees;
}
