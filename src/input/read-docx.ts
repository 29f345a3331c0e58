// The text of a Word (.docx) document: the paragraphs of word/document.xml in order, automatic
// numbering written out (`I.`, `1.`, `a)` are often Word's list numbers, not typed text), tables
// as rows of cells side by side (`ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI …`, the way a PDF text layer
// lays out the header table, which the line joiner splits into cells again), text boxes, and the
// footnotes at the end as `[n] text` lines, where the footnote grammar looks for them. What Word
// keeps out of the text is left out: deleted revisions, field codes, the fallback copy of drawn
// shapes. A small tag scanner is enough for this: the parts are machine-written XML.
//
// A .docx converted from a legacy document keeps its TCVN3 or VNI bytes as Latin-1 characters in
// runs set in `.VnTime`-style fonts, so the text comes out as font runs (font-runs.ts): the font of
// each run (its own, its character or paragraph style's, or the document default, from
// styles.xml) travels with the text as a mark of two noncharacters around the font's number,
// through the table and footnote layout, and the marks are split off at the end.
import { appendRun, type FontRun } from "./font-runs.js";
import { listZipEntries, readZipEntry, type ZipEntry } from "./read-zip.js";

/** The most a .docx part may unpack to: its text is a fraction of its XML. */
const MAX_PART_BYTES = 64 * 1024 * 1024;

/** The text of a .docx as font runs, or the reason it could not be read. */
export type DocxText = { runs: FontRun[] } | { error: string };

/**
 * Reads the text of a .docx file's bytes as font runs: paragraphs, numbering, tables, text boxes,
 * footnotes. Never throws.
 * @example readDocxText(readFileSync("quyet-dinh.docx")) // { runs: [{ text: "ỦY BAN NHÂN DÂN | CỘNG HÒA …", font: "Times New Roman" }] }
 */
export function readDocxText(bytes: Uint8Array): DocxText {
  try {
    const entries = listZipEntries(bytes);
    if (!entries) return { error: "damaged archive (no central directory)" };
    const part = (name: string): { xml: string } | { error: string } | null => {
      const entry = entries.find((e: ZipEntry) => e.name === name);
      if (!entry) return null;
      const read = readZipEntry(bytes, entry, MAX_PART_BYTES);
      return "error" in read ? read : { xml: new TextDecoder("utf-8").decode(read.data) };
    };
    const document = part("word/document.xml");
    if (!document) return { error: "no word/document.xml in the archive" };
    if ("error" in document) return document;
    const numbering = part("word/numbering.xml");
    const footnotes = part("word/footnotes.xml");
    const styles = part("word/styles.xml");
    const fonts = new FontTable(styles && "xml" in styles ? styles.xml : "");
    const reader = new DocxReader(numbering && "xml" in numbering ? readNumbering(numbering.xml) : new Map(), fonts);
    const lines = reader.read(document.xml);
    if (footnotes && "xml" in footnotes && reader.footnoteOrder.length) append(lines, footnoteLines(footnotes.xml, reader.footnoteOrder, fonts));
    return { runs: fonts.split(lines.join("\n")) };
  } catch (error) {
    // No input is known to get here; a defect of the reader must not stop a folder's parse.
    return { error: `unreadable (${(error as Error)?.message ?? String(error)})` };
  }
}

// Tags, with their attributes, and the text between them.
// (Comments and processing instructions are not tags here: their text falls outside <w:t>.)
const TAG = /<(\/?)([A-Za-z_][\w.:-]*)([^>]*?)(\/?)>/g;

const ATTRIBUTES = new Map<string, RegExp>();

function attribute(attributes: string, name: string): string | null {
  let pattern = ATTRIBUTES.get(name);
  if (!pattern) ATTRIBUTES.set(name, (pattern = new RegExp(`\\s${name}="([^"]*)"`)));
  const m = pattern.exec(attributes);
  return m ? decodeEntities(m[1]!) : null;
}

/** Appends without spreading into arguments, which overflows the stack on a table of 100,000 rows. */
function append(target: string[], items: readonly string[]): void {
  for (const item of items) target.push(item);
}

function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g, (whole, dec?: string, hex?: string, name?: string) => {
    if (name) return { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }[name as "lt"];
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

// A font mark: U+FDD0, the font's number in the table (0: none), U+FDD1. Noncharacters never
// stand in a document's text (any there are dropped), so the marks cannot be confused with it.
const MARK_OPEN = "\uFDD0";
const MARK_CLOSE = "\uFDD1";
const MARKS = /\uFDD0(\d+)\uFDD1/g;
const NONCHARACTERS = /[\uFDD0\uFDD1]/g;

/** The fonts of a document: what styles.xml gives each style and the default, and the marks that carry them. */
class FontTable {
  private readonly names: string[] = [];
  private readonly numbers = new Map<string, number>();
  private readonly ownFont = new Map<string, string>();
  private readonly baseStyle = new Map<string, string>();
  readonly defaultFont: string | null;

  constructor(stylesXml: string) {
    const defaults = /<w:rPrDefault\b[^>]*>([\s\S]*?)<\/w:rPrDefault>/.exec(stylesXml);
    this.defaultFont = defaults ? runFont(defaults[1]!) : null;
    for (const m of stylesXml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
      const id = attribute(m[1]!, "w:styleId");
      if (id === null) continue;
      const font = runFont(m[2]!);
      if (font) this.ownFont.set(id, font);
      const based = /<w:basedOn\b([^>]*)\/?>/.exec(m[2]!);
      const base = based ? attribute(based[1]!, "w:val") : null;
      if (base) this.baseStyle.set(id, base);
    }
  }

  /** The font a style gives its text, through the styles it is based on (a chain bounded against loops). */
  styleFont(id: string | null): string | null {
    for (let s = id, depth = 0; s !== null && s !== undefined && depth < 16; s = this.baseStyle.get(s) ?? null, depth++) {
      const font = this.ownFont.get(s);
      if (font) return font;
    }
    return null;
  }

  /** The mark that sets `font` for the text after it. */
  mark(font: string | null): string {
    if (font === null) return `${MARK_OPEN}0${MARK_CLOSE}`;
    let n = this.numbers.get(font);
    if (n === undefined) {
      this.names.push(font);
      this.numbers.set(font, (n = this.names.length));
    }
    return `${MARK_OPEN}${n}${MARK_CLOSE}`;
  }

  /** Text with marks → font runs. */
  split(text: string): FontRun[] {
    const runs: FontRun[] = [];
    let font: string | null = null;
    let last = 0;
    for (const m of text.matchAll(MARKS)) {
      appendRun(runs, text.slice(last, m.index), font);
      font = this.names[Number(m[1]) - 1] ?? null;
      last = m.index + m[0].length;
    }
    appendRun(runs, text.slice(last), font);
    return runs;
  }
}

/** Whether a line holds nothing but white space and font marks. */
function blank(line: string): boolean {
  return !line.replace(MARKS, "").trim();
}

/** Text trimmed of white space at both ends, font marks there kept. */
function trimMarked(text: string): string {
  return text.replace(/^((?:\uFDD0\d+\uFDD1)*)\s+/, "$1").replace(/\s+((?:\uFDD0\d+\uFDD1)*)$/, "$1");
}

/** The font `<w:rFonts>` names in a run's properties (the one for ASCII text, where legacy bytes are). */
function runFont(xml: string): string | null {
  const fonts = /<w:rFonts\b([^>]*)\/?>/.exec(xml);
  if (!fonts) return null;
  return attribute(fonts[1]!, "w:ascii") ?? attribute(fonts[1]!, "w:hAnsi");
}

/** A level of a Word list: how its number is written. */
interface ListLevel {
  start: number;
  format: string;
  text: string;
}

/** Lists of numbering.xml by numId: each level's format, and start overrides. */
type Numbering = Map<string, ListLevel[]>;

function readNumbering(xml: string): Numbering {
  const abstract = new Map<string, ListLevel[]>();
  for (const m of xml.matchAll(/<w:abstractNum\b([^>]*)>([\s\S]*?)<\/w:abstractNum>/g)) {
    const id = attribute(m[1]!, "w:abstractNumId");
    if (id !== null) abstract.set(id, readLevels(m[2]!));
  }
  const lists: Numbering = new Map();
  for (const m of xml.matchAll(/<w:num\b([^>]*?)(?:\/>|>([\s\S]*?)<\/w:num>)/g)) {
    const id = attribute(m[1]!, "w:numId");
    const body = m[2] ?? "";
    const base = /<w:abstractNumId\b([^>]*)\/?>/.exec(body);
    const levels = (base && abstract.get(attribute(base[1]!, "w:val") ?? "")) ?? [];
    const own = levels.map((l) => ({ ...l }));
    for (const o of body.matchAll(/<w:lvlOverride\b([^>]*)>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const level = Number(attribute(o[1]!, "w:ilvl"));
      const start = /<w:startOverride\b([^>]*)\/?>/.exec(o[2]!);
      if (own[level] && start) own[level]!.start = Number(attribute(start[1]!, "w:val") ?? 1);
    }
    if (id !== null) lists.set(id, own);
  }
  return lists;
}

function readLevels(xml: string): ListLevel[] {
  const levels: ListLevel[] = [];
  for (const m of xml.matchAll(/<w:lvl\b([^>]*)>([\s\S]*?)<\/w:lvl>/g)) {
    const level = Number(attribute(m[1]!, "w:ilvl"));
    if (!Number.isInteger(level) || level < 0 || level > 8) continue;
    const value = (tag: string) => {
      const t = new RegExp(`<w:${tag}\\b([^>]*)\\/?>`).exec(m[2]!);
      return t ? attribute(t[1]!, "w:val") : null;
    };
    levels[level] = { start: Number(value("start") ?? 1), format: value("numFmt") ?? "decimal", text: value("lvlText") ?? "" };
  }
  return levels;
}

/** A list number written in a level's format (`decimal` 3, `upperRoman` III, `lowerLetter` c). */
function formatNumber(n: number, format: string): string {
  switch (format) {
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperLetter":
      return letters(n);
    case "lowerLetter":
      return letters(n).toLowerCase();
    case "decimalZero":
      return String(n).padStart(2, "0");
    case "none":
      return "";
    default:
      return String(n);
  }
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let out = "";
  for (const [value, digits] of table) while (n >= value) ((out += digits), (n -= value));
  return out;
}

// Word's letters: A … Z, then AA … ZZ (the letter repeated).
function letters(n: number): string {
  if (n <= 0) return String(n);
  return String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.min(Math.floor((n - 1) / 26) + 1, 10));
}

/** A table cell or the document body: the lines it holds. */
interface Container {
  lines: string[];
}

interface Paragraph {
  text: string;
  /** Opened inside hidden content (a shape's fallback copy): not the document's. */
  hidden: boolean;
  numId: string | null;
  /** The paragraph's style, for the font of runs that name none. */
  style: string | null;
  /** The font the text so far is marked with (undefined: no mark yet). */
  font?: string | null;
  level: number;
}

class DocxReader {
  /** Footnote ids in the order the text refers to them: Word numbers them in that order. */
  readonly footnoteOrder: string[] = [];
  private readonly footnotesSeen = new Set<string>();
  private readonly counters = new Map<string, number[]>();

  constructor(
    private readonly numbering: Numbering,
    private readonly fonts: FontTable,
  ) {}

  read(xml: string): string[] {
    const body: Container = { lines: [] };
    const containers: Container[] = [body];
    const tables: { rows: string[][][] }[] = [];
    const paragraphs: Paragraph[] = [];
    // Inside text that is not the document's: deleted runs, field instructions, shape fallbacks.
    let hidden = 0;
    let inText = false;
    let last = 0;
    // The run being read: its own font and character style.
    let runFontName: string | null = null;
    let runStyle: string | null = null;
    let inRun = false;
    TAG.lastIndex = 0;
    for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
      const paragraph = paragraphs[paragraphs.length - 1];
      if (inText && paragraph && hidden === 0 && m.index > last) {
        const font = runFontName ?? this.fonts.styleFont(runStyle) ?? this.fonts.styleFont(paragraph.style) ?? this.fonts.defaultFont;
        if (font !== paragraph.font) {
          paragraph.text += this.fonts.mark(font);
          paragraph.font = font;
        }
        paragraph.text += decodeEntities(xml.slice(last, m.index)).replace(NONCHARACTERS, "");
      }
      last = TAG.lastIndex;
      const [, closing, name, attributes = "", selfClosing] = m;
      if (!name) continue;
      const open = !closing;
      switch (name) {
        case "w:t":
          inText = open && !selfClosing;
          break;
        case "w:del":
        case "w:instrText":
        case "w:delInstrText":
        case "mc:Fallback":
          if (!selfClosing) hidden = Math.max(0, hidden + (open ? 1 : -1));
          break;
        case "w:p":
          if (open && !selfClosing) paragraphs.push({ text: "", hidden: hidden > 0, numId: null, level: 0, style: null });
          else if (closing) {
            const done = paragraphs.pop();
            if (done && !done.hidden) append(containers[containers.length - 1]!.lines, this.paragraphLines(done));
          } else if (hidden === 0) containers[containers.length - 1]!.lines.push("");
          break;
        case "w:r":
          inRun = open && !selfClosing;
          runFontName = null;
          runStyle = null;
          break;
        case "w:rFonts":
          if (inRun && open) runFontName = attribute(attributes, "w:ascii") ?? attribute(attributes, "w:hAnsi");
          break;
        case "w:rStyle":
          if (inRun && open) runStyle = attribute(attributes, "w:val");
          break;
        case "w:pStyle":
          if (paragraph && open) paragraph.style = attribute(attributes, "w:val");
          break;
        case "w:numId":
          if (paragraph && open) paragraph.numId = attribute(attributes, "w:val");
          break;
        case "w:ilvl":
          if (paragraph && open) paragraph.level = Number(attribute(attributes, "w:val") ?? 0) || 0;
          break;
        case "w:tab":
          // A tab stop inside a paragraph (not the tab definitions of its properties).
          if (paragraph && open && selfClosing && hidden === 0 && !/w:val=/.test(attributes)) paragraph.text += "\t";
          break;
        case "w:br":
        case "w:cr":
          if (paragraph && open && hidden === 0) paragraph.text += "\n";
          break;
        case "w:noBreakHyphen":
          if (paragraph && open && hidden === 0) paragraph.text += "-";
          break;
        case "w:sym": {
          // A symbol-font character (a Wingdings bullet): its private-use code, which the
          // character repair turns into a bullet.
          const code = parseInt(attribute(attributes, "w:char") ?? "", 16);
          if (paragraph && open && hidden === 0 && Number.isFinite(code) && code > 0 && code <= 0xffff) paragraph.text += String.fromCharCode(code);
          break;
        }
        case "w:footnoteReference": {
          const id = attribute(attributes, "w:id");
          if (id !== null && hidden === 0 && !this.footnotesSeen.has(id)) {
            this.footnotesSeen.add(id);
            this.footnoteOrder.push(id);
          }
          break;
        }
        case "w:tbl":
          if (open) tables.push({ rows: [] });
          else {
            const table = tables.pop();
            if (table) append(containers[containers.length - 1]!.lines, tableLines(table.rows));
          }
          break;
        case "w:tr":
          if (open && !selfClosing) tables[tables.length - 1]?.rows.push([]);
          break;
        case "w:tc":
          if (open && !selfClosing) containers.push({ lines: [] });
          else if (closing && containers.length > 1) {
            const cell = containers.pop()!;
            const row = tables[tables.length - 1]?.rows.at(-1);
            if (row) row.push(cell.lines);
            else append(containers[containers.length - 1]!.lines, cell.lines);
          }
          break;
      }
    }
    // Unclosed elements of a truncated part: what was read still counts.
    while (paragraphs.length) append(containers[containers.length - 1]!.lines, this.paragraphLines(paragraphs.pop()!));
    while (containers.length > 1) append(body.lines, containers.pop()!.lines);
    return body.lines;
  }

  /** A paragraph's lines: its list number written out before its text. */
  private paragraphLines(p: Paragraph): string[] {
    const number = p.numId && p.numId !== "0" ? this.listNumber(p.numId, p.level) : "";
    const text = number && !blank(p.text) ? `${number} ${p.text}` : number || p.text;
    return text.split("\n");
  }

  private listNumber(numId: string, level: number): string {
    const levels = this.numbering.get(numId);
    const def = levels?.[level];
    if (!levels || !def) return "";
    const counts = this.counters.get(numId) ?? [];
    this.counters.set(numId, counts);
    // A level's count goes on; the deeper levels start again.
    counts[level] = counts[level] === undefined ? def.start : counts[level]! + 1;
    counts.length = level + 1;
    if (def.format === "bullet") return def.text;
    return def.text.replace(/%([1-9])/g, (_, k: string) => {
      const i = Number(k) - 1;
      const l = levels[i];
      return l ? formatNumber(counts[i] ?? l.start, i === level ? def.format : l.format) : "";
    });
  }
}

/**
 * A table's rows. A row of one-line cells is one line, its cells separated by `|` (a data table:
 * `1 | Trường Tiểu học số 1 | 25`). A row whose cells hold several paragraphs is a layout table
 * (the header: issuer beside national title; the closing: Nơi nhận beside the signature): its
 * cells follow one another, each as its lines, as the blocks read in a column.
 */
function tableLines(rows: string[][][]): string[] {
  const out: string[] = [];
  for (const row of rows) {
    const cells = row.map((lines) => lines.filter((l) => !blank(l)));
    if (cells.every((c) => c.length <= 1)) {
      const line = cells.map((c) => c[0] ?? "").join(" | ").trim();
      if (!blank(line.replace(/\|/g, ""))) out.push(line);
    } else for (const cell of cells) append(out, cell);
  }
  return out;
}

/** The footnotes the text refers to, in its order, as `[n] text` lines. */
function footnoteLines(xml: string, order: readonly string[], fonts: FontTable): string[] {
  const bodies = new Map<string, string>();
  for (const m of xml.matchAll(/<w:footnote\b([^>]*)>([\s\S]*?)<\/w:footnote>/g)) {
    const id = attribute(m[1]!, "w:id");
    if (id === null) continue;
    // Footnote paragraphs read like body paragraphs; the footnote's own reference mark is dropped.
    const lines = new DocxReader(new Map(), fonts).read(`<w:body>${m[2]!}</w:body>`).filter((l) => !blank(l));
    bodies.set(id, trimMarked(lines.join(" ")));
  }
  const out: string[] = [];
  order.forEach((id, i) => {
    const body = bodies.get(id);
    if (body) out.push(`[${i + 1}] ${body}`);
  });
  return out;
}
