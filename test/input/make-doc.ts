// Builds small Word 97 (.doc) files for tests, with the parts read-doc.ts reads: the FIB, one
// 8-bit piece of text, the font table and one page of character runs, each run naming its font.
import CFB from "cfb";

export interface DocRun {
  text: string;
  /** Index into `fonts`; -1: the run names no font. */
  font: number;
}

const u16 = (view: DataView, at: number, v: number) => view.setUint16(at, v, true);
const u32 = (view: DataView, at: number, v: number) => view.setUint32(at, v >>> 0, true);

/** The bytes of a .doc holding `runs` (Word's marks in them: `\r` paragraph ends, `\x07` cell ends) set in `fonts`. */
export function makeDoc(runs: DocRun[], fonts: string[]): Uint8Array {
  const text = runs.map((r) => r.text).join("");
  const textAt = 1024;
  const fkpPage = Math.ceil((textAt + text.length) / 512);
  const word = new Uint8Array((fkpPage + 1) * 512);
  const w = new DataView(word.buffer);
  u16(w, 0, 0xa5ec);
  u16(w, 2, 0xc1);
  u16(w, 0x0a, 0x0200); // the table stream is 1Table
  u16(w, 32, 14);
  u16(w, 62, 22);
  u32(w, 64 + 3 * 4, text.length); // ccpText
  u16(w, 152, 93);
  for (let i = 0; i < text.length; i++) word[textAt + i] = text.charCodeAt(i) & 0xff;

  // Table stream: the CLX, the font table, the PLC of character run pages.
  const table: number[] = [];
  const push32 = (v: number) => table.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
  const push16 = (v: number) => table.push(v & 0xff, (v >>> 8) & 0xff);
  const clxAt = table.length;
  table.push(0x02);
  push32(4 * 2 + 8);
  push32(0);
  push32(text.length);
  push16(0);
  push32((textAt * 2) | 0x40000000);
  push16(0);
  const clxSize = table.length - clxAt;
  const ffnAt = table.length;
  push16(fonts.length);
  push16(0);
  for (const name of fonts) {
    const size = 40 + (name.length + 1) * 2;
    table.push(size - 1, ...new Array<number>(39).fill(0));
    for (const c of name) push16(c.charCodeAt(0));
    push16(0);
  }
  const ffnSize = table.length - ffnAt;
  const bteAt = table.length;
  push32(textAt);
  push32(textAt + text.length);
  push32(fkpPage);
  const bteSize = table.length - bteAt;
  const pair = (index: number, fc: number, lcb: number) => {
    u32(w, 154 + index * 8, fc);
    u32(w, 154 + index * 8 + 4, lcb);
  };
  pair(33, clxAt, clxSize);
  pair(15, ffnAt, ffnSize);
  pair(12, bteAt, bteSize);

  // The FKP page: run boundaries, then each run's offset (in words) to its CHPX at the page's end.
  const page = fkpPage * 512;
  let fc = textAt;
  let chpxAt = 511;
  runs.forEach((run, i) => {
    u32(w, page + i * 4, fc);
    fc += run.text.length;
    if (run.font >= 0) {
      chpxAt -= 6;
      chpxAt &= ~1;
      word[page + chpxAt] = 4;
      u16(w, page + chpxAt + 1, 0x4a4f);
      u16(w, page + chpxAt + 3, run.font);
      word[page + (runs.length + 1) * 4 + i] = chpxAt / 2;
    }
  });
  u32(w, page + runs.length * 4, fc);
  word[page + 511] = runs.length;

  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, "WordDocument", Buffer.from(word));
  CFB.utils.cfb_add(container, "1Table", Buffer.from(table));
  return new Uint8Array(CFB.write(container, { type: "buffer" }) as Buffer);
}
