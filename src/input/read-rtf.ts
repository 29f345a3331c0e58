// The text of an RTF file (RTF 1.9.1), as runs of characters with the font of each. RTF is
// 7-bit text of groups `{…}`, control words `\word-12` and control symbols `\'e9`; a document's
// characters come as literal text, hexadecimal bytes `\'hh` in the code page `\ansicpg` names, and
// Unicode `\uN` followed by `\ucN` fallback characters to skip. The font table maps `\fN` to a
// font name: legacy Vietnamese documents keep TCVN3 or VNI bytes in `.VnTime` or `VNI-Times`
// runs, which only the name tells apart (see legacy-fonts.ts), so the bytes of runs in such fonts
// are handed on as Windows-1252 characters for their decoder, and other bytes are read in the
// document's code page. Destinations that hold no document text (style sheet, pictures, headers
// and footers, field instructions, any `\*` destination) are skipped; footnotes follow the body.
import iconv from "iconv-lite";
import { decodeWindows1252 } from "./decode-windows-1252.js";
import { appendRun, tableRowRuns, type FontRun } from "./font-runs.js";
import { fontEncoding } from "./legacy-fonts.js";

/** The text of an RTF file as font runs, or the reason it could not be read. */
export type RtfText = { runs: FontRun[] } | { error: string };

/** Deeper nesting than this is no document: groups beyond it are read as the level above. */
const MAX_DEPTH = 256;

// Destinations whose text is not the document's (RTF 1.9.1: document properties, tables of
// fonts, colours, styles and lists, pictures and objects, headers and footers, field instructions).
const SKIPPED = new Set([
  "colortbl", "stylesheet", "info", "pict", "object", "header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf",
  "fldinst", "themedata", "colorschememapping", "datastore", "listtable", "listoverridetable", "rsidtbl", "generator", "xmlnstbl",
  "latentstyles", "pgdsctbl", "filetbl", "revtbl", "mmathPr", "nonshppict", "bkmkstart", "bkmkend", "xe", "tc", "template", "userprops",
  "docvar", "fchars", "lchars", "shpinst", "sp",
]);

// Control words that stand for a character.
const CHARACTERS: Record<string, string> = {
  par: "\n", line: "\n", sect: "\n", page: "\n", tab: "\t", emdash: "—", endash: "–", lquote: "‘", rquote: "’",
  ldblquote: "“", rdblquote: "”", bullet: "•", emspace: " ", enspace: " ", qmspace: " ",
};

interface State {
  font: number | null;
  /** Fallback characters after `\uN`. */
  uc: number;
  destination: "text" | "fonttbl" | "footnote" | "skip";
}

/**
 * Reads the text of an RTF file's bytes as font runs. Never throws.
 * @example readRtfRuns(readFileSync("cong-van.rtf")) // { runs: [{ text: "Sè: 12/CV", font: ".VnTime" }, …] }
 */
export function readRtfRuns(bytes: Uint8Array): RtfText {
  try {
    return new RtfReader(bytes).read();
  } catch (error) {
    // No input is known to get here; a defect of the reader must not stop a folder's parse.
    return { error: `unreadable (${(error as Error)?.message ?? String(error)})` };
  }
}

const isLetter = (b: number) => (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a);
const isDigit = (b: number) => b >= 0x30 && b <= 0x39;
const CP1252 = decodeWindows1252(Uint8Array.from({ length: 256 }, (_, b) => b));

class RtfReader {
  private readonly fonts = new Map<number, string>();
  private readonly charsets = new Map<number, number>();
  private codePage = 1252;
  private defaultFont: number | null = null;
  private state: State = { font: null, uc: 1, destination: "text" };
  private readonly stack: State[] = [];
  private readonly body: FontRun[] = [];
  private readonly footnotes: FontRun[][] = [];
  private cells: FontRun[][] = [];
  private cell: FontRun[] = [];
  private inTable = false;
  /** The font table entry being read, and its name so far. */
  private fontEntry: number | null = null;
  private fontName = "";
  /** Fallback characters still to skip after a `\uN`. */
  private skipFallback = 0;
  /** Bytes of a run of `\'hh` in a non-legacy font, decoded together (a code page's multi-byte characters). */
  private pendingBytes: number[] = [];

  constructor(private readonly bytes: Uint8Array) {}

  read(): RtfText {
    const b = this.bytes;
    let i = 0;
    while (i < b.length) {
      const c = b[i]!;
      if (c === 0x7b) {
        this.flushBytes();
        if (this.stack.length < MAX_DEPTH) this.stack.push({ ...this.state });
        i++;
        // `{\*\dest …}`: a destination a reader may skip when it does not know it.
        if (b[i] === 0x5c && b[i + 1] === 0x2a) {
          this.state.destination = "skip";
          i += 2;
        }
      } else if (c === 0x7d) {
        this.flushBytes();
        this.endGroup();
        i++;
      } else if (c === 0x5c) {
        i = this.control(i);
      } else if (c === 0x0d || c === 0x0a) {
        i++;
      } else {
        this.byte(c);
        i++;
      }
    }
    this.flushBytes();
    if (this.cell.length) this.cells.push(this.cell);
    if (this.cells.length) for (const r of tableRowRuns(this.cells)) appendRun(this.body, r.text, r.font);
    const runs = this.body;
    this.footnotes.forEach((note, n) => {
      appendRun(runs, `\n[${n + 1}] `, null);
      for (const r of note) appendRun(runs, r.text.replace(/\n+/g, " "), r.font);
    });
    if (!runs.some((r) => r.text.trim()) && !this.fonts.size) return { error: "no text found: not an RTF document, or an empty one" };
    return { runs };
  }

  private endGroup(): void {
    const leaving = this.state.destination;
    if (leaving === "fonttbl" && this.fontEntry !== null && this.fontName.trim()) this.fonts.set(this.fontEntry, this.fontName.trim());
    const previous = this.stack.pop();
    if (previous) this.state = previous;
    if (leaving === "fonttbl" && this.state.destination !== "fonttbl") this.fontEntry = null;
    if (leaving === "fonttbl") this.fontName = "";
  }

  /** Reads a control word or symbol at `i`; returns the position after it. */
  private control(i: number): number {
    const b = this.bytes;
    const next = b[i + 1];
    if (next === undefined) return i + 1;
    if (!isLetter(next)) {
      // Control symbols.
      if (next === 0x27) {
        const hex = String.fromCharCode(b[i + 2] ?? 0, b[i + 3] ?? 0);
        const value = /^[0-9a-fA-F]{2}$/.test(hex) ? parseInt(hex, 16) : -1;
        if (value >= 0) this.byte(value, true);
        return i + 4;
      }
      this.flushBytes();
      if (next === 0x7e) this.text(" ");
      else if (next === 0x5f) this.text("-");
      else if (next === 0x5c || next === 0x7b || next === 0x7d) this.text(String.fromCharCode(next));
      else if (next === 0x0d || next === 0x0a) this.text("\n");
      else if (next === 0x2a) this.state.destination = "skip";
      // `\-` (optional hyphen), `\|`, `\:` and others hold no text.
      return i + 2;
    }
    let j = i + 1;
    while (j < b.length && isLetter(b[j]!) && j - i < 33) j++;
    const word = String.fromCharCode(...b.subarray(i + 1, j));
    let param: number | null = null;
    if (b[j] === 0x2d || isDigit(b[j] ?? 0)) {
      let k = j + (b[j] === 0x2d ? 1 : 0);
      const start = k;
      while (k < b.length && isDigit(b[k]!) && k - start < 10) k++;
      if (k > start) {
        param = Number(String.fromCharCode(...b.subarray(j, k)));
        j = k;
      }
    }
    if (b[j] === 0x20) j++;
    if (word !== "u") this.flushBytes();
    this.controlWord(word, param);
    return j;
  }

  private controlWord(word: string, param: number | null): void {
    const s = this.state;
    switch (word) {
      case "ansicpg":
        if (param !== null && param > 0) this.codePage = param;
        return;
      case "deff":
        this.defaultFont = param;
        return;
      case "fonttbl":
        s.destination = "fonttbl";
        return;
      case "footnote":
        if (s.destination !== "skip") {
          s.destination = "footnote";
          this.footnotes.push([]);
        }
        return;
      case "f":
        if (s.destination === "fonttbl") {
          this.fontEntry = param;
          this.fontName = "";
        } else s.font = param;
        return;
      case "fcharset":
        if (s.destination === "fonttbl" && this.fontEntry !== null && param !== null) this.charsets.set(this.fontEntry, param);
        return;
      case "plain":
        s.font = this.defaultFont;
        return;
      case "uc":
        if (param !== null && param >= 0 && param < 16) s.uc = param;
        return;
      case "u":
        if (param !== null) {
          this.flushBytes();
          this.text(String.fromCharCode(param < 0 ? param + 0x10000 : param & 0xffff));
          this.skipFallback = s.uc;
        }
        return;
      case "cell":
      case "nestcell":
        this.endCell();
        return;
      case "row":
      case "nestrow":
        this.endRow();
        return;
      case "intbl":
        this.inTable = true;
        return;
      case "pard":
        return;
    }
    if (SKIPPED.has(word)) {
      s.destination = "skip";
      return;
    }
    const ch = CHARACTERS[word];
    if (ch !== undefined) this.text(ch);
  }

  /** A byte of text: literal, or `\'hh` (hex). */
  private byte(value: number, hex = false): void {
    if (this.skipFallback > 0) {
      this.skipFallback--;
      return;
    }
    if (this.state.destination === "fonttbl") {
      if (value === 0x3b) {
        if (this.fontEntry !== null) this.fonts.set(this.fontEntry, this.fontName.trim());
        this.fontName = "";
      } else this.fontName += CP1252[value]!;
      return;
    }
    if (this.state.destination === "skip") return;
    // A legacy font's bytes go on as 1252 characters, which is what its decoder reads; bytes in
    // other fonts are characters of the document's (or the font's) code page.
    const font = this.state.font === null ? null : (this.fonts.get(this.state.font) ?? null);
    if (!hex || value < 0x80 || fontEncoding(font) || this.codePageOf(this.state.font) === 1252) {
      this.flushBytes();
      this.text(CP1252[value]!);
    } else this.pendingBytes.push(value);
  }

  private codePageOf(font: number | null): number {
    const charset = font === null ? undefined : this.charsets.get(font);
    // \fcharset: 163 Vietnamese, 0 ANSI; others are read in the document's code page.
    if (charset === 163) return 1258;
    return this.codePage;
  }

  private flushBytes(): void {
    if (!this.pendingBytes.length) return;
    const bytes = Buffer.from(this.pendingBytes);
    this.pendingBytes = [];
    const page = `cp${this.codePageOf(this.state.font)}`;
    this.text(iconv.encodingExists(page) ? iconv.decode(bytes, page) : decodeWindows1252(bytes));
  }

  private text(text: string): void {
    const s = this.state;
    if (s.destination === "skip" || s.destination === "fonttbl") return;
    const font = s.font === null ? null : (this.fonts.get(s.font) ?? null);
    if (s.destination === "footnote") {
      const note = this.footnotes[this.footnotes.length - 1];
      if (note) appendRun(note, text, font);
      return;
    }
    appendRun(this.inTable ? this.cell : this.body, text, font);
  }

  private endCell(): void {
    if (this.state.destination !== "text") return;
    this.cells.push(this.cell);
    this.cell = [];
    this.inTable = true;
  }

  private endRow(): void {
    if (this.state.destination !== "text") return;
    if (this.cell.some((r) => r.text.trim())) this.cells.push(this.cell);
    this.cell = [];
    for (const r of tableRowRuns(this.cells)) appendRun(this.body, r.text, r.font);
    this.cells = [];
    this.inTable = false;
  }
}
