// Positioned text items of one page → lines in reading order. Items on one baseline make a row; a
// row splits into fragments where a gap is too wide for a word space, or where the writer drew the
// two sides at different times (a table cell, a text box). A row of two fragments opens a band of
// two columns — the header (issuer | national motto; number | place and date), the signature
// block beside Nơi nhận — read left column first, then right, so that each column's lines stay
// together; a row of three or more is a table row, read across with ` | ` between the cells.
import type { PdfTextItem } from "./read-pdf.js";

/** A piece of one item's text placed on a line. */
export interface LinePiece {
  /** The item's index among the page's items (content-stream order). */
  item: number;
  /** What the line shows of it (the item's text, or a separator the layout inserts: `item` is then -1). */
  text: string;
}

/** One line of the page in reading order, with where its text came from. */
export interface PdfLine {
  pieces: LinePiece[];
  x: number;
  y: number;
  size: number;
  /** A blank line goes before this one: a paragraph or block break seen in the spacing. */
  breakBefore: boolean;
}

/** A row's run of items close enough to be one line of one column. */
interface Fragment {
  items: PdfTextItem[];
  x0: number;
  x1: number;
  y: number;
  size: number;
}

/** Items on one baseline. */
export interface PdfRow {
  items: PdfTextItem[];
  y: number;
  size: number;
}

const isBlank = (s: string) => !/\S/u.test(s);

/** Groups a page's items into rows, top to bottom, each row's items left to right. */
export function groupRows(items: readonly PdfTextItem[]): PdfRow[] {
  const sorted = items.filter((i) => !isBlank(i.text) || i.width > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfRow[] = [];
  let current: PdfRow | null = null;
  for (const item of sorted) {
    // A superscript footnote mark sits above the baseline in a smaller size: same row.
    if (current && current.y - item.y < 0.45 * Math.max(current.size, item.size)) {
      current.items.push(item);
      if (!isBlank(item.text) && item.size > current.size) current.size = item.size;
      continue;
    }
    current = { items: [item], y: item.y, size: item.size };
    rows.push(current);
  }
  for (const row of rows) row.items.sort((a, b) => a.x - b.x);
  return rows;
}

/** The text of a row or of some of its items, words spaced by their positions. */
export function rowText(items: readonly PdfTextItem[]): string {
  return piecesOf(items)
    .map((p) => p.text)
    .join("");
}

/**
 * Lays out one page's rows (furniture already removed) into lines in reading order.
 * @example layoutRows(groupRows(page.items), page.width).map(lineText)
 */
export function layoutRows(rows: readonly PdfRow[], pageWidth: number): PdfLine[] {
  const fragmented = splitRows(rows);
  const lines: PdfLine[] = [];
  let previousY: number | null = null;
  let i = 0;
  const gapBefore = (y: number, size: number) => previousY !== null && previousY - y > 2.1 * size;
  while (i < fragmented.length) {
    const row = fragmented[i]!;
    if (row.length >= 3) {
      lines.push(tableLine(row, gapBefore(row[0]!.y, row[0]!.size)));
      previousY = row[0]!.y;
      i++;
      continue;
    }
    if (row.length === 2) {
      const gutter = (row[0]!.x1 + row[1]!.x0) / 2;
      const left: Fragment[] = [];
      const right: Fragment[] = [];
      let lastY = row[0]!.y;
      let j = i;
      for (; j < fragmented.length; j++) {
        const next = fragmented[j]!;
        if (j > i && !continuesBand(next, gutter, lastY, pageWidth)) break;
        for (const f of next) (f.x1 <= gutter ? left : right).push(f);
        lastY = Math.min(...next.map((f) => f.y));
      }
      const breakFirst = gapBefore(row[0]!.y, row[0]!.size);
      left.forEach((f, k) => lines.push(fragmentLine(f, k === 0 ? breakFirst : false)));
      right.forEach((f, k) => lines.push(fragmentLine(f, k === 0)));
      previousY = lastY;
      i = j;
      continue;
    }
    const f = row[0]!;
    lines.push(fragmentLine(f, gapBefore(f.y, f.size)));
    previousY = f.y;
    i++;
  }
  return lines;
}

// A band of two columns goes on while each fragment keeps to one side of the gutter, the rows
// stay close, and no line is centred on the page (a title under the header is: `NGHỊ ĐỊNH`).
function continuesBand(row: readonly Fragment[], gutter: number, lastY: number, pageWidth: number): boolean {
  if (row.length >= 3) return false;
  const size = Math.max(...row.map((f) => f.size));
  if (lastY - row[0]!.y > 3.2 * size) return false;
  if (row.some((f) => f.x0 < gutter && f.x1 > gutter)) return false;
  if (row.length === 1) {
    const f = row[0]!;
    const centre = (f.x0 + f.x1) / 2;
    if (Math.abs(centre - pageWidth / 2) < 0.06 * pageWidth && Math.abs(centre - gutter) > 0.02 * pageWidth) return false;
  }
  return true;
}

// Rows → fragments. A split needs a gap wider than any word space (justified text stretches its
// spaces, not the jumps between items), or a smaller gap where the
// items were not drawn one after the other (the writer finished another block in between).
function splitRows(rows: readonly PdfRow[]): Fragment[][] {
  // Stream positions of every row's items, to tell whether two neighbours were drawn in one go.
  const rowOf = new Map<number, number>();
  rows.forEach((row, r) => row.items.forEach((it) => rowOf.set(it.index, r)));
  const out: Fragment[][] = [];
  rows.forEach((row, r) => {
    const visible = row.items.filter((it) => !isBlank(it.text));
    if (!visible.length) return;
    const fragments: Fragment[] = [];
    let current: PdfTextItem[] = [];
    let end = -Infinity;
    for (let k = 0; k < row.items.length; k++) {
      const item = row.items[k]!;
      // A space drawn as its own item counts in the extent: a jump past it is no word space. A
      // wide one is PDF.js's own filler for a gap between two runs, and says nothing.
      if (isBlank(item.text)) {
        if (current.length) {
          current.push(item);
          if (item.width < 0.6 * item.size) end = Math.max(end, item.x + item.width);
        }
        continue;
      }
      const prev = current.findLast((it) => !isBlank(it.text));
      if (prev) {
        const gap = item.x - end;
        const size = Math.max(prev.size, item.size);
        const drawnApart = !drawnTogether(prev.index, item.index, r, rowOf);
        if (gap > 0.9 * size || (gap > 0.3 * size && drawnApart)) {
          fragments.push(fragment(current));
          current = [];
          end = -Infinity;
        }
      }
      current.push(item);
      end = Math.max(end, item.x + item.width);
    }
    if (current.length) fragments.push(fragment(current));
    out.push(fragments);
  });
  return out;
}

// Two items of one row were drawn together when nothing of another row was drawn between them.
// Bounded look: a long stretch in between is a separate block in any case.
function drawnTogether(a: number, b: number, row: number, rowOf: ReadonlyMap<number, number>): boolean {
  if (b < a) return false;
  if (b - a > 64) return false;
  for (let k = a + 1; k < b; k++) {
    const r = rowOf.get(k);
    if (r !== undefined && r !== row) return false;
  }
  return true;
}

function fragment(items: PdfTextItem[]): Fragment {
  while (items.length && isBlank(items.at(-1)!.text)) items.pop();
  const visible = items.filter((it) => !isBlank(it.text));
  return {
    items,
    x0: Math.min(...visible.map((it) => it.x)),
    x1: Math.max(...visible.map((it) => it.x + it.width)),
    y: Math.max(...visible.map((it) => it.y)),
    size: Math.max(...visible.map((it) => it.size)),
  };
}

function fragmentLine(f: Fragment, breakBefore: boolean): PdfLine {
  return { pieces: piecesOf(f.items), x: f.x0, y: f.y, size: f.size, breakBefore };
}

function tableLine(row: readonly Fragment[], breakBefore: boolean): PdfLine {
  const pieces: LinePiece[] = [];
  row.forEach((f, k) => {
    if (k) pieces.push({ item: -1, text: " | " });
    pieces.push(...piecesOf(f.items));
  });
  return { pieces, x: row[0]!.x0, y: row[0]!.y, size: Math.max(...row.map((f) => f.size)), breakBefore };
}

// Items → pieces, with a space where the positions leave one that the text does not hold, and
// without the second copy of text that a writer drew twice, a hair apart, to make it bold.
function piecesOf(items: readonly PdfTextItem[]): LinePiece[] {
  const pieces: LinePiece[] = [];
  let prev: PdfTextItem | null = null;
  let end = -Infinity;
  for (const item of items) {
    if (prev && item.text === prev.text && Math.abs(item.x - prev.x) < 0.25 * item.size) continue;
    if (prev) {
      const gap = item.x - end;
      const last = pieces.at(-1)?.text ?? "";
      if (gap > 0.15 * item.size && !/\s$/u.test(last) && !/^\s/u.test(item.text)) pieces.push({ item: -1, text: " " });
    }
    pieces.push({ item: item.index, text: item.text });
    prev = item;
    end = Math.max(end, item.x + item.width);
  }
  return pieces;
}

/** A line's text. */
export function lineText(line: PdfLine): string {
  return line.pieces.map((p) => p.text).join("");
}
