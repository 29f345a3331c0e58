// A PDF's pages → the text the parser reads: furniture removed, each page laid out in reading
// order, pages one after another (a scanned page's items are the words OCR read, placed alike).
// The text keeps a map back to the PDF's own text (every item's
// text in content-stream order, one item per line, pages separated by a form feed), so that any
// span leads to the item, hence to its page and position; a page table says where each page starts.
import { TextBuilder, type OffsetMap } from "./offset-map.js";
import { isVietnameseSyllable } from "./vietnamese-syllable.js";
import { groupRows, layoutRows, lineText, type PdfRow } from "./pdf-layout.js";
import { findSectionHeading, readSigningStamp, removeFurniture, type PdfFurniture, type PdfSigning } from "./pdf-furniture.js";
import type { PdfPage, PdfSignatureStamp, PdfTextItem } from "./read-pdf.js";

/** Where one page's text begins in the text built, and what was removed from it. */
export interface PdfPageText {
  number: number;
  /** Whether the page's text layer looks like garbage (a font without a true ToUnicode map). */
  garbled: boolean;
  /** Offset in the built text where the page's text begins. */
  offset: number;
  /** Letters the page's text holds once furniture is removed: few or none on a scanned page. */
  letters: number;
  furniture: PdfFurniture[];
}

/** The text of a PDF, its map to the PDF's own text, and its pages. */
export interface PdfText {
  text: string;
  map: OffsetMap;
  /** The PDF's own text: every item in content-stream order, one per line, pages separated by a form feed. */
  source: string;
  pages: PdfPageText[];
  signing: PdfSigning[];
  /** Where each item begins in `source`, by page and item index. */
  itemOffsets: number[][];
}

/**
 * Lays out the pages read from a PDF into one text with its map and page table.
 * @example buildPdfText(content.pages, content.stamps).text
 */
export function buildPdfText(pages: readonly PdfPage[], stamps: readonly PdfSignatureStamp[] = []): PdfText {
  const itemOffsets: number[][] = [];
  const sourceParts: string[] = [];
  let sourceLength = 0;
  for (const page of pages) {
    const offsets: number[] = [];
    for (const item of page.items) {
      offsets.push(sourceLength);
      // Items may hold line breaks of their own; the source keeps one item per line.
      const text = item.text.replace(/[\n\f]/gu, " ");
      sourceParts.push(text, "\n");
      sourceLength += text.length + 1;
    }
    sourceParts.push("\f");
    sourceLength += 1;
    itemOffsets.push(offsets);
  }
  const laid: { rows: PdfRow[]; height: number; vertical: string[] }[] = pages.map((p) => ({ rows: groupRows(p.items.filter((i) => !i.vertical)), height: p.height, vertical: verticalLines(p.items) }));
  const furniture = removeFurniture(laid);
  const builder = new TextBuilder();
  const pageTable: PdfPageText[] = [];
  pages.forEach((page, p) => {
    const offsets = itemOffsets[p]!;
    const pageStart = offsets[0] ?? 0;
    if (builder.size && builder.lastChar() !== "\n") builder.insert("\n", pageStart);
    pageTable.push({ number: page.number, offset: builder.size, letters: 0, garbled: false, furniture: furniture[p]! });
    let letters = 0;
    const lines = layoutRows(laid[p]!.rows, page.width);
    const heading = findSectionHeading(lines.map(lineText));
    if (heading >= 0) {
      pageTable[pageTable.length - 1]!.furniture.push({ kind: "section-heading", text: lineText(lines[heading]!) });
      lines.splice(heading, 1);
    }
    const pageText: string[] = [];
    for (const line of lines) {
      const firstItem = line.pieces.find((piece) => piece.item >= 0)?.item ?? 0;
      const at = offsets[firstItem] ?? pageStart;
      if (line.breakBefore && builder.size) builder.insert("\n", at);
      for (const piece of line.pieces) {
        const text = piece.text.replace(/[\n\f]/gu, " ");
        if (piece.item < 0) builder.insert(text, at);
        else builder.copy(text, offsets[piece.item]!);
        pageText.push(text);
        letters += countLetters(text);
      }
      builder.insert("\n", at);
      pageText.push("\n");
    }
    // Vertical text that is no furniture (a rotated table heading) follows the page's lines.
    for (const text of laid[p]!.vertical) {
      builder.insert(`${text}\n`, pageStart);
      letters += countLetters(text);
      pageText.push(text, "\n");
    }
    pageTable[pageTable.length - 1]!.letters = letters;
    pageTable[pageTable.length - 1]!.garbled = isGarbled(pageText.join(""));
  });
  const built = builder.finish(sourceLength);
  const signing: PdfSigning[] = [];
  for (const stamp of stamps) {
    const read = readSigningStamp(stamp.lines, stamp.page);
    if (read) signing.push(read);
  }
  pageTable.forEach((page) => {
    const lines = page.furniture.filter((f) => f.kind === "stamp").map((f) => f.text);
    const read = lines.length ? readSigningStamp(lines, page.number) : null;
    // A scan's OCR reads the stamp that the signature widget already gave.
    if (read && !signing.some((s) => s.raw === read.raw && s.signer === read.signer)) signing.push(read);
  });
  return { text: built.text, map: built.map, source: sourceParts.join(""), pages: pageTable, signing, itemOffsets };
}

/**
 * Whether text from a text layer is garbage: a font whose ToUnicode map is wrong or missing gives
 * letters, but not Vietnamese words. Decided on the words with a lower-case letter (abbreviations
 * and numbers say nothing), once there are enough of them to judge.
 */
export function isGarbled(text: string): boolean {
  let words = 0;
  let syllables = 0;
  let odd = 0;
  let letters = 0;
  for (const ch of text) {
    if (/\p{L}/u.test(ch)) letters++;
    // Private-use and replacement characters: glyph codes passed through without a map.
    else if (/[\uE000-\uF8FF\uFFFD\u0000-\u0008\u000E-\u001F]/u.test(ch)) odd++;
  }
  if (letters + odd >= 40 && odd > 0.05 * (letters + odd)) return true;
  for (const word of text.split(/[^\p{L}]+/u)) {
    if (word.length < 2 || !/\p{Ll}/u.test(word)) continue;
    words++;
    if (isVietnameseSyllable(word)) syllables++;
  }
  return words >= 30 && syllables < 0.5 * words;
}

// Vertical items → lines: those at one x (a column of text turned on its side), read top down.
function verticalLines(items: readonly PdfTextItem[]): string[] {
  const columns = new Map<number, PdfTextItem[]>();
  for (const item of items) {
    if (!item.vertical) continue;
    const key = Math.round(item.x / 4);
    const column = columns.get(key);
    if (column) column.push(item);
    else columns.set(key, [item]);
  }
  return [...columns.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, column]) =>
      column
        .sort((a, b) => b.y - a.y)
        .map((i) => i.text)
        .join("")
        .replace(/\s+/gu, " ")
        .trim(),
    )
    .filter(Boolean);
}

function countLetters(text: string): number {
  let n = 0;
  for (const ch of text) if (/\p{L}/u.test(ch)) n++;
  return n;
}

/** The item a position of the PDF's own text belongs to: its page and index. */
export function itemAt(pdf: Pick<PdfText, "itemOffsets">, sourceOffset: number, pages: readonly { items: readonly PdfTextItem[] }[]): { page: number; item: PdfTextItem } | null {
  for (let p = pdf.itemOffsets.length - 1; p >= 0; p--) {
    const offsets = pdf.itemOffsets[p]!;
    if (!offsets.length || offsets[0]! > sourceOffset) continue;
    let lo = 0;
    let hi = offsets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (offsets[mid]! <= sourceOffset) lo = mid;
      else hi = mid - 1;
    }
    const item = pages[p]?.items[lo];
    return item ? { page: p, item } : null;
  }
  return null;
}
