// The text of a Word 97–2003 (.doc) document, as runs of characters with the font of each
// ([MS-DOC]). The file is a Compound File (read with `cfb`); its WordDocument stream holds the
// characters, and the table stream says where they are (the piece table, §2.8.35), which font each
// run is set in (character properties in FKP pages, §2.8.26, falling back on the paragraph's style
// and the document's default font, from the style sheet §2.9.271) and which paragraphs end a table
// row (§2.6.2 sprmPFTtp). The font matters: legacy documents store Vietnamese as TCVN3 or VNI bytes
// that only the font name tells apart (see legacy-fonts.ts). Stories come in the order Word keeps
// them: the main text, then footnotes, then endnotes and text boxes; headers and footers (page
// furniture) and comments are left out.
import CFB from "cfb";
import { decodeWindows1252 } from "./decode-windows-1252.js";
import { appendRun, tableRowRuns as tableRow, type FontRun } from "./font-runs.js";

/** The text of a .doc as font runs, or the reason it could not be read. */
export type DocText = { runs: FontRun[] } | { error: string };

/** The largest number of pieces, runs or styles read from one table: a bound on work for a corrupt file. */
const MAX_ENTRIES = 1 << 20;

/**
 * Reads the text of a Word 97–2003 file's bytes as font runs. Never throws.
 * @example readDocRuns(readFileSync("quyet-dinh.doc")) // { runs: [{ text: "Céng hoµ …", font: ".VnTime" }, …] }
 */
export function readDocRuns(bytes: Uint8Array): DocText {
  try {
    let container: CFB.CFB$Container;
    try {
      container = CFB.parse(bytes, { type: "array" });
    } catch (error) {
      return { error: `damaged Compound File container (${(error as Error)?.message ?? String(error)})` };
    }
    const word = stream(container, "WordDocument");
    if (!word) return { error: "no WordDocument stream: not a Word document (an Excel or PowerPoint file?)" };
    return readWordDocument(word, (name) => stream(container, name));
  } catch (error) {
    // No input is known to get here; a defect of the reader must not stop a folder's parse.
    return { error: `unreadable (${(error as Error)?.message ?? String(error)})` };
  }
}

// A stream of the root storage only: embedded objects (ObjectPool) hold WordDocument streams too.
function stream(container: CFB.CFB$Container, name: string): Uint8Array | null {
  const root = container.FullPaths[0] ?? "";
  const index = container.FullPaths.indexOf(root + name);
  const entry = index >= 0 ? container.FileIndex[index] : undefined;
  if (!entry || !entry.content) return null;
  const c = entry.content;
  return c instanceof Uint8Array ? c : Uint8Array.from(c);
}

/** Little-endian reads that answer 0 past the end, so a truncated stream reads as empty fields. */
class Bytes {
  constructor(readonly data: Uint8Array) {}
  u8(at: number): number {
    return at >= 0 && at < this.data.length ? this.data[at]! : 0;
  }
  u16(at: number): number {
    return this.u8(at) | (this.u8(at + 1) << 8);
  }
  u32(at: number): number {
    return (this.u16(at) | (this.u16(at + 2) << 16)) >>> 0;
  }
  get length(): number {
    return this.data.length;
  }
}

// FibRgFcLcb97 (§2.5.6): the (fc, lcb) pairs this reader uses, by index.
const FC_STSHF = 1;
const FC_PLCF_BTE_CHPX = 12;
const FC_PLCF_BTE_PAPX = 13;
const FC_STTBF_FFN = 15;
const FC_CLX = 33;

// Sprms (§2.6): the character font (rgftc of ASCII text), the character style, and the marks of a
// table's row end.
const SPRM_C_RG_FTC0 = 0x4a4f;
const SPRM_C_ISTD = 0x4a30;
const SPRM_P_F_TTP = 0x2417;
const SPRM_P_F_INNER_TTP = 0x244c;

interface Piece {
  cpStart: number;
  cpEnd: number;
  fc: number;
  compressed: boolean;
}

/** A stretch of the WordDocument stream (file offsets) with one property value. */
interface FcRun {
  fcStart: number;
  fcEnd: number;
  value: number;
}

function readWordDocument(wordStream: Uint8Array, open: (name: string) => Uint8Array | null): DocText {
  const word = new Bytes(wordStream);
  if (word.u16(0) !== 0xa5ec) return { error: "not a Word document (no Word signature in its WordDocument stream)" };
  const nFib = word.u16(2);
  const flags = word.u16(0x0a);
  if (flags & 0x0100) return { error: "encrypted (password-protected) Word document" };
  // Word 6 and Word 95 files (nFib below 193) keep their text in one 8-bit stretch, with no
  // piece table of this layout: their text is read as it is, and the detector finds the encoding.
  if (nFib < 193) return readWord6(word);
  const tableName = flags & 0x0200 ? "1Table" : "0Table";
  const tableStream = open(tableName) ?? open(tableName === "1Table" ? "0Table" : "1Table");
  if (!tableStream) return { error: "no table stream (0Table/1Table): damaged Word document" };
  const table = new Bytes(tableStream);

  // FibBase is 32 bytes; then csw and fibRgW, cslw and fibRgLw, cbRgFcLcb and the (fc, lcb) pairs.
  const csw = word.u16(32);
  const lwAt = 34 + csw * 2;
  const cslw = word.u16(lwAt);
  const rgLw = lwAt + 2;
  const fcLcbAt = rgLw + cslw * 4 + 2;
  const cbRgFcLcb = word.u16(rgLw + cslw * 4);
  const pair = (index: number): { fc: number; lcb: number } =>
    index < cbRgFcLcb ? { fc: word.u32(fcLcbAt + index * 8), lcb: word.u32(fcLcbAt + index * 8 + 4) } : { fc: 0, lcb: 0 };
  // FibRgLw97: ccpText, ccpFtn, ccpHdd, (reserved), ccpAtn, ccpEdn, ccpTxbx, ccpHdrTxbx (§2.5.5).
  const ccp = (index: number) => word.u32(rgLw + index * 4);
  const stories = { text: ccp(3), footnotes: ccp(4), headers: ccp(5), comments: ccp(7), endnotes: ccp(8), textBoxes: ccp(9) };

  const pieces = readPieces(table, pair(FC_CLX), word.length);
  if ("error" in pieces) return pieces;
  const fonts = readFontNames(table, pair(FC_STTBF_FFN));
  const styles = readStyles(table, pair(FC_STSHF));
  const characters = readFkpRuns(word, table, pair(FC_PLCF_BTE_CHPX), "chpx");
  const paragraphs = readFkpRuns(word, table, pair(FC_PLCF_BTE_PAPX), "papx");

  const runs: FontRun[] = [];
  const emit = (cpStart: number, cpEnd: number) => emitStory(word, pieces, characters, paragraphs, styles, fonts, cpStart, cpEnd, runs);
  let at = 0;
  emit(at, (at += stories.text));
  const footnotesStart = at;
  at += stories.footnotes;
  const footnotesEnd = at;
  at += stories.headers + stories.comments;
  const rest = [[footnotesStart, footnotesEnd], [at, at + stories.endnotes], [at + stories.endnotes, at + stories.endnotes + stories.textBoxes]] as const;
  for (const [start, end] of rest) {
    if (end <= start) continue;
    appendRun(runs, "\n", null);
    emit(start, end);
  }
  return { runs };
}

// The CLX (§2.9.38): property blocks (0x01) to skip, then the piece table (0x02): n + 1 character
// positions, then n piece descriptors of 8 bytes whose fc (bit 30: 8-bit text, offset doubled).
function readPieces(table: Bytes, clx: { fc: number; lcb: number }, wordLength: number): Piece[] | { error: string } {
  let at = clx.fc;
  const end = Math.min(table.length, clx.fc + clx.lcb);
  while (at < end && table.u8(at) === 0x01) at += 3 + table.u16(at + 1);
  if (at >= end || table.u8(at) !== 0x02) return { error: "no piece table: damaged Word document" };
  const size = table.u32(at + 1);
  const start = at + 5;
  if (start + size > table.length) return { error: "truncated piece table: damaged or cut-off Word document" };
  const n = Math.floor((size - 4) / 12);
  if (n <= 0 || n > MAX_ENTRIES) return { error: "empty piece table: damaged Word document" };
  const pieces: Piece[] = [];
  for (let i = 0; i < n; i++) {
    const cpStart = table.u32(start + i * 4);
    const cpEnd = table.u32(start + (i + 1) * 4);
    const raw = table.u32(start + (n + 1) * 4 + i * 8 + 2);
    const compressed = (raw & 0x40000000) !== 0;
    const fc = compressed ? (raw & 0x3fffffff) / 2 : raw & 0x3fffffff;
    // A piece past the stream's end (a cut-off file) is kept only for what the stream holds.
    const room = Math.max(0, Math.floor((wordLength - fc) / (compressed ? 1 : 2)));
    if (cpEnd > cpStart) pieces.push({ cpStart, cpEnd: cpStart + Math.min(cpEnd - cpStart, room), fc, compressed });
  }
  return pieces;
}

// SttbfFfn (§2.9.286): a count, then FFN records of cbFfnM1 + 1 bytes whose name starts at byte 40.
function readFontNames(table: Bytes, where: { fc: number; lcb: number }): string[] {
  const names: string[] = [];
  if (!where.lcb) return names;
  const end = Math.min(table.length, where.fc + where.lcb);
  const count = Math.min(table.u16(where.fc), MAX_ENTRIES);
  let at = where.fc + 4;
  for (let i = 0; i < count && at < end; i++) {
    const size = table.u8(at) + 1;
    let name = "";
    for (let k = at + 40; k + 1 < at + size && k + 1 < end; k += 2) {
      const c = table.u16(k);
      if (c === 0) break;
      name += String.fromCharCode(c);
    }
    names.push(name);
    at += size;
  }
  return names;
}

/** The fonts the style sheet gives: per style, its own font or the one it inherits; the default. */
interface Styles {
  fontOf: (istd: number) => number;
}

// STSH (§2.9.271): the STSHI (with the default font, rgftcStandardChpStsh[0]), then one STD per
// style: its kind and base style, its name, and its property blocks (UPX), of which the last is
// the style's character properties.
function readStyles(table: Bytes, where: { fc: number; lcb: number }): Styles {
  const none: Styles = { fontOf: () => -1 };
  if (!where.lcb) return none;
  const end = Math.min(table.length, where.fc + where.lcb);
  const cbStshi = table.u16(where.fc);
  const stshi = where.fc + 2;
  const count = Math.min(table.u16(stshi), MAX_ENTRIES);
  const cbBase = table.u16(stshi + 2);
  const defaultFont = cbStshi >= 14 ? table.u16(stshi + 12) : -1;
  const own: number[] = [];
  const base: number[] = [];
  let at = stshi + cbStshi;
  for (let istd = 0; istd < count && at + 2 <= end; istd++) {
    const cb = table.u16(at);
    const std = at + 2;
    at = std + cb;
    own.push(-1);
    base.push(0xfff);
    if (!cb) continue;
    const kind = table.u16(std + 2) & 0x0f;
    const cupx = table.u16(std + 4) & 0x0f;
    base[istd] = table.u16(std + 2) >> 4;
    // The name: a count of UTF-16 units, the units and a terminating NUL.
    let p = std + cbBase;
    p += 2 + table.u16(p) * 2 + 2;
    // A paragraph style's UPXs are its paragraph then character properties; a character style's,
    // its character properties only.
    const chpxIndex = kind === 1 ? 1 : kind === 2 ? 0 : -1;
    for (let u = 0; u < cupx && p + 2 <= at; u++) {
      const size = table.u16(p);
      const data = p + 2;
      if (u === chpxIndex) own[istd] = findSprm(table, data, data + size, SPRM_C_RG_FTC0) ?? -1;
      p = data + size + ((data + size - std) & 1);
    }
  }
  const resolved = new Map<number, number>();
  const fontOf = (istd: number): number => {
    const known = resolved.get(istd);
    if (known !== undefined) return known;
    let font = -1;
    // The chain of base styles, bounded: a corrupt sheet may loop.
    for (let s = istd, depth = 0; s >= 0 && s < own.length && depth < 16; s = base[s]!, depth++) {
      if (own[s]! >= 0) {
        font = own[s]!;
        break;
      }
      if (base[s] === 0xfff) break;
    }
    if (font < 0) font = defaultFont;
    resolved.set(istd, font);
    return font;
  };
  return { fontOf };
}

/** The operand size of a sprm (§2.6.1, spra), or -1 when it is in its first byte. */
function operandSize(sprm: number): number {
  switch (sprm >> 13) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default:
      return -1;
  }
}

/** The operand of the last `wanted` sprm in a grpprl, or null when it has none. */
function findSprm(bytes: Bytes, start: number, end: number, wanted: number): number | null {
  let found: number | null = null;
  let at = start;
  while (at + 2 <= end) {
    const sprm = bytes.u16(at);
    let size = operandSize(sprm);
    let operand = at + 2;
    if (size < 0) {
      // sprmTDefTable and sprmPChgTabs carry their size in two bytes, or otherwise.
      if (sprm === 0xd608) {
        size = bytes.u16(operand) + 1;
        operand += 1;
      } else {
        size = bytes.u8(operand);
        operand += 1;
      }
    }
    if (sprm === wanted) found = size === 1 ? bytes.u8(operand) : bytes.u16(operand);
    at = operand + size;
  }
  return found;
}

// PlcfBteChpx / PlcfBtePapx (§2.8.6, §2.8.8): the FKP pages (512 bytes of the WordDocument
// stream) holding runs of character or paragraph properties, each run by its file offsets.
// Character runs carry a font index (−1: none of their own, or a character style's, as
// −2 − istd); paragraph runs carry their style's index, plus 0x10000 when the paragraph ends a
// table row.
function readFkpRuns(word: Bytes, table: Bytes, where: { fc: number; lcb: number }, kind: "chpx" | "papx"): FcRun[] {
  const runs: FcRun[] = [];
  if (where.lcb < 12) return runs;
  const n = Math.min(Math.floor((where.lcb - 4) / 8), MAX_ENTRIES);
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) {
    const pn = table.u32(where.fc + (n + 1) * 4 + i * 4) & 0x3fffff;
    if (seen.has(pn)) continue;
    seen.add(pn);
    const page = pn * 512;
    if (page + 512 > word.length) continue;
    const crun = word.u8(page + 511);
    for (let r = 0; r < crun; r++) {
      const fcStart = word.u32(page + r * 4);
      const fcEnd = word.u32(page + (r + 1) * 4);
      const valueAt = page + (crun + 1) * 4 + (kind === "chpx" ? r : r * 13);
      const offset = word.u8(valueAt) * 2;
      let value = kind === "chpx" ? -1 : 0;
      if (offset) {
        const at = page + offset;
        if (kind === "chpx") {
          const cb = word.u8(at);
          const font = findSprm(word, at + 1, at + 1 + cb, SPRM_C_RG_FTC0);
          const style = findSprm(word, at + 1, at + 1 + cb, SPRM_C_ISTD);
          value = font ?? (style !== null && style !== 10 ? -2 - style : -1);
        } else {
          let cb = word.u8(at) * 2 - 1;
          let start = at + 1;
          if (cb < 0) {
            cb = word.u8(at + 1) * 2;
            start = at + 2;
          }
          const istd = word.u16(start);
          const rowEnd = findSprm(word, start + 2, start + cb, SPRM_P_F_TTP) || findSprm(word, start + 2, start + cb, SPRM_P_F_INNER_TTP);
          value = istd | (rowEnd ? 0x10000 : 0);
        }
      }
      if (fcEnd > fcStart) runs.push({ fcStart, fcEnd, value });
    }
  }
  runs.sort((a, b) => a.fcStart - b.fcStart);
  return runs;
}

/** The value of the run holding file offset `fc`, searching from `hint` (runs are sorted). */
function runAt(runs: FcRun[], fc: number): FcRun | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = runs[mid]!;
    if (r.fcEnd <= fc) lo = mid + 1;
    else if (r.fcStart > fc) hi = mid - 1;
    else return r;
  }
  return undefined;
}

/**
 * Emits the characters of CPs [cpStart, cpEnd) as font runs: Word's marks turned into line breaks
 * (paragraph, cell, line and page ends), field instructions dropped (their results kept), table
 * rows of one-line cells written `a | b` as the .docx reader does.
 */
function emitStory(word: Bytes, pieces: Piece[], characters: FcRun[], paragraphs: FcRun[], styles: Styles, fonts: string[], cpStart: number, cpEnd: number, out: FontRun[]): void {
  let fieldDepth = 0;
  // Field nesting: whether each open field has reached its result (after its separator).
  const inResult: boolean[] = [];
  let cells: FontRun[][] = [];
  let cell: FontRun[] = [];
  const target = (): FontRun[] => (inTable ? cell : out);
  let inTable = false;
  const fontName = (index: number): string | null => (index >= 0 && index < fonts.length ? fonts[index]! : null);

  for (const piece of pieces) {
    const from = Math.max(piece.cpStart, cpStart);
    const to = Math.min(piece.cpEnd, cpEnd);
    if (to <= from) continue;
    const width = piece.compressed ? 1 : 2;
    let text = "";
    let font: string | null = null;
    const flush = () => {
      appendRun(target(), text, font);
      text = "";
    };
    for (let cp = from; cp < to; cp++) {
      const fc = piece.fc + (cp - piece.cpStart) * width;
      const code = piece.compressed ? word.u8(fc) : word.u16(fc);
      // 8-bit pieces are Windows-1252 (§2.4.1): bytes 0x80–0x9F are not their Unicode code points.
      const ch = piece.compressed ? CP1252[code]! : String.fromCharCode(code);
      if (code === 0x13) {
        fieldDepth++;
        inResult.push(false);
        continue;
      }
      if (code === 0x14) {
        if (inResult.length) inResult[inResult.length - 1] = true;
        continue;
      }
      if (code === 0x15) {
        if (fieldDepth > 0) fieldDepth--;
        inResult.pop();
        continue;
      }
      if (fieldDepth > 0 && !inResult[inResult.length - 1]) continue;
      const run = runAt(characters, fc);
      let fontIndex = run ? run.value : -1;
      const paragraph = runAt(paragraphs, fc);
      if (fontIndex <= -2) fontIndex = styles.fontOf(-2 - fontIndex);
      if (fontIndex < 0) fontIndex = styles.fontOf(paragraph ? paragraph.value & 0xffff : 0);
      const name = fontName(fontIndex);
      if (name !== font) {
        flush();
        font = name;
      }
      switch (code) {
        case 0x0d:
          text += "\n";
          if (inTable) {
            flush();
          }
          break;
        case 0x07: {
          flush();
          if (paragraph && paragraph.value & 0x10000) {
            // The row's end mark: the row is complete.
            out.push(...tableRow(cells));
            cells = [];
            inTable = false;
          } else {
            cells.push(cell);
            cell = [];
            inTable = true;
          }
          break;
        }
        case 0x0b:
        case 0x0c:
          text += "\n";
          break;
        case 0x1e:
          text += "-";
          break;
        case 0x09:
          text += "\t";
          break;
        case 0xa0:
          text += " ";
          break;
        default:
          // Other marks below the space (footnote and picture anchors, optional hyphens) hold no text.
          if (code >= 0x20) text += ch;
      }
    }
    flush();
  }
  // A story cut off inside a table keeps the cells it had.
  if (cell.length) cells.push(cell);
  if (cells.length) out.push(...tableRow(cells));
}

// Word 6 and 95 (§ of the Word 6 format, FIB fcMin/fcMac at 0x18/0x1C): the text is one 8-bit
// stretch of the WordDocument stream, in the system code page; no fonts are read from it.
function readWord6(word: Bytes): DocText {
  const fcMin = word.u32(0x18);
  const fcMac = Math.min(word.u32(0x1c), word.length);
  if (fcMac <= fcMin) return { error: "no text in this Word 6/95 document" };
  let text = "";
  for (let fc = fcMin; fc < fcMac; fc++) {
    const code = word.u8(fc);
    if (code === 0x0d || code === 0x07 || code === 0x0b || code === 0x0c) text += "\n";
    else if (code === 0x09 || code >= 0x20) text += CP1252[code]!;
  }
  return { runs: [{ text, font: null }] };
}

// Every byte as Windows-1252 reads it: 8-bit pieces are in that code page.
const CP1252 = decodeWindows1252(Uint8Array.from({ length: 256 }, (_, b) => b));
