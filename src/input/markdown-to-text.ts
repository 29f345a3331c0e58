// Markdown (and plain text that borrows its marks) → plain lines, with an offset map. The
// documents come from converters and web scrapes, so the markdown is often broken: emphasis split
// inside words and dates, `|` cell fragments without table syntax, bold runs left unclosed,
// `<sup>` footnote marks. remark-parse gives the structure; this file decides what of it is text.
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import type { Nodes, Parent, Root, RootContent, PhrasingContent } from "mdast";
import { TextBuilder, type OffsetMap } from "./offset-map.js";
import { stripLightMarkdown } from "./strip-light-markdown.js";
import { segmentMarkdown, TABLE_DELIMITER_ROW } from "./markdown-segments.js";

/** Plain text made from markdown, where "\n\n" separates blocks and "\n" is a soft line break. */
export interface PlainText {
  text: string;
  map: OffsetMap;
}

// remark reads about 1 MB/s and GFM tables halve that: tables are parsed only when a delimiter
// row is there, and text with no markdown mark at all skips the reader (see markdownToText).
const parser = unified().use(remarkParse);
const gfmParser = unified().use(remarkParse).use(remarkGfm);
// Characters that can start markdown syntax other than list markers and rules, which plain text
// uses as text anyway (`- item`, `1. Mục đích`, `-------`).
const MARKUP_CHAR = /[*_#<>|[\]`\\&~]|^ {4}|^\t/mu;

// Inline HTML that only styles text: the tags go, their content stays.
const STYLE_TAG = /^<\/?(?:b|i|u|em|strong|span|font|p|div|a|small|big|center|s|strike|del|ins|mark|sub)(?:\s[^>]*)?\/?>$/i;
const BREAK_TAG = /^<br\s*\/?>$/i;
const SUP_OPEN = /^<sup[^>]*>$/i;
const SUP_CLOSE = /^<\/sup>$/i;
// Leftover emphasis marks that the markdown parser could not pair (`Quy ****định`, `**` at a
// paragraph's end, `*Căn cứ ...` never closed): they are formatting, never content.
const STRAY_MARKS = /\*+|_{2,}/g;

/** Turns markdown source into plain lines; blocks are separated by a blank line. */
export function markdownToText(source: string): PlainText {
  if (!MARKUP_CHAR.test(source)) {
    // Nothing to strip: blank lines already separate the blocks.
    const out = new TextBuilder();
    out.copy(source, 0);
    return out.finish(source.length);
  }
  return stripLightMarkdown(source) ?? readMarkdown(source);
}

/** Reads markdown with remark (the full reader, for anything beyond light markdown). */
export function readMarkdown(source: string): PlainText {
  const out = new TextBuilder();
  const emitter = new Emitter(out);
  // Large texts are read a chunk at a time, and blocks too long for remark are only stripped of
  // their marks (see markdown-segments.ts); a text of a usual size is one segment.
  for (const segment of segmentMarkdown(source)) {
    const text = source.slice(segment.start, segment.end);
    if (segment.light) emitter.strip(text, segment.start);
    else emitter.read(text, segment.start);
  }
  return out.finish(source.length);
}

/** Where the emitter writes: the builder, with offsets of the segment being read made absolute. */
interface Sink {
  copy(text: string, srcOffset: number): void;
  insert(text: string, srcOffset: number): void;
  readonly size: number;
}

function shifted(out: TextBuilder, base: number): Sink {
  if (base === 0) return out;
  return {
    copy: (text, at) => out.copy(text, at + base),
    insert: (text, at) => out.insert(text, at + base),
    get size() {
      return out.size;
    },
  };
}

class Emitter {
  private pendingBreak = false;
  private footnoteMark: string | null = null;
  private source = "";
  private out: Sink;

  constructor(private readonly builder: TextBuilder) {
    this.out = builder;
  }

  /** Reads one segment with remark; its node offsets count from `base`. */
  read(source: string, base: number): void {
    // A lone `|` line is a table-cell boundary of a collapsed web table: make it a block boundary
    // before parsing, so the cells do not merge into one paragraph (same length: offsets stay).
    const prepared = source.replace(/^[ \t]*\|[ \t]*$/gm, (m) => " ".repeat(m.length));
    const tree = (TABLE_DELIMITER_ROW.test(prepared) ? gfmParser : parser).parse(prepared) as Root;
    this.source = source;
    this.out = shifted(this.builder, base);
    this.blocks(tree.children);
  }

  /** A block too long for remark, as the light reader strips it, a block of its own. */
  strip(source: string, base: number): void {
    const plain = stripLightMarkdown(source, { force: true })!;
    this.out = shifted(this.builder, base);
    if (plain.text) this.startBlock(0);
    const { out, src, copied } = plain.map;
    for (let i = 0; i < out.length; i++) {
      const piece = plain.text.slice(out[i]!, i + 1 < out.length ? out[i + 1]! : plain.text.length);
      if (copied[i]) this.out.copy(piece, src[i]!);
      else this.out.insert(piece, src[i]!);
    }
    this.endBlock();
  }

  blocks(nodes: readonly RootContent[]): void {
    for (const node of nodes) this.block(node);
  }

  private startBlock(at: number): void {
    if (this.out.size > 0 && this.pendingBreak) this.out.insert("\n\n", at);
    this.pendingBreak = false;
  }

  private endBlock(): void {
    this.pendingBreak = true;
  }

  private block(node: RootContent): void {
    const start = node.position?.start.offset ?? 0;
    switch (node.type) {
      case "paragraph":
      case "heading":
      case "tableCell":
        this.startBlock(start);
        this.inlines(node.children, true);
        this.endBlock();
        return;
      case "listItem": {
        // remark drops the list marker, but `-`, `+`, `1.` are structure to this project.
        const first = node.children[0];
        const markerEnd = first?.position?.start.offset ?? node.position?.end.offset ?? start;
        const marker = this.source.slice(start, markerEnd).trimEnd();
        this.startBlock(start);
        if (marker) this.out.copy(marker + (first ? " " : ""), start);
        if (first && first.type === "paragraph") {
          this.inlines(first.children, true);
          this.endBlock();
          this.blocks(node.children.slice(1));
        } else {
          this.endBlock();
          this.blocks(node.children);
        }
        return;
      }
      case "code":
        // Indented lines of a text file (tab-aligned columns), not program code.
        this.startBlock(start);
        this.copyValue(node.value, node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
        this.endBlock();
        return;
      case "html":
        this.startBlock(start);
        this.html(node.value, start, true);
        this.endBlock();
        return;
      case "thematicBreak":
      case "definition":
        this.endBlock();
        return;
      default:
        if ("children" in node) this.blocks((node as Parent).children as RootContent[]);
    }
  }

  private inlines(nodes: readonly PhrasingContent[], atStart: boolean): void {
    let first = atStart;
    for (const node of nodes) {
      this.inline(node, first);
      if (!(node.type === "html" && /^<\/?sup/i.test(node.value))) first = false;
    }
  }

  private inline(node: PhrasingContent, atStart: boolean): void {
    const pos = node.position;
    switch (node.type) {
      case "text":
        if (this.footnoteMark !== null) {
          this.footnoteMark += node.value;
          return;
        }
        this.copyValue(node.value, pos?.start.offset ?? 0, pos?.end.offset ?? 0, true);
        return;
      case "inlineCode":
        this.copyValue(node.value, pos?.start.offset ?? 0, pos?.end.offset ?? 0, true);
        return;
      case "break":
        this.out.insert("\n", pos?.start.offset ?? 0);
        return;
      case "html":
        this.html(node.value, pos?.start.offset ?? 0, atStart);
        return;
      case "image":
      case "imageReference":
      case "footnoteReference":
        return;
      default:
        if ("children" in node) this.inlines((node as Parent).children as PhrasingContent[], atStart);
    }
  }

  private html(value: string, at: number, atStart: boolean): void {
    if (SUP_OPEN.test(value)) {
      this.footnoteMark = "";
      this.footnoteAtStart = atStart;
      return;
    }
    if (SUP_CLOSE.test(value)) {
      const label = (this.footnoteMark ?? "").trim();
      this.footnoteMark = null;
      // A footnote body dropped into the text at a page break starts with its mark: keep the
      // mark as `[n]` so the grammar can lift the body out; a mark inside a sentence is dropped.
      if (this.footnoteAtStart && label) {
        this.out.insert(`[${label}]`, at);
        this.spaceAfterMark = true;
      }
      return;
    }
    if (BREAK_TAG.test(value)) {
      this.out.insert("\n", at);
      return;
    }
    if (STYLE_TAG.test(value)) return;
    // Anything else that looks like HTML is text to us (`<Nội dung>` in a notice).
    this.copyValue(value, at, at + value.length, true);
  }

  private footnoteAtStart = false;
  // A footnote label wants one space before the body's text, whether or not the source had one.
  private spaceAfterMark = false;

  /**
   * Copies a node's value, mapping it onto its source range: the value is mostly the source
   * with marks removed, so a greedy subsequence alignment finds each character's origin.
   */
  private copyValue(value: string, srcStart: number, srcEnd: number, stripMarks = false): void {
    const text = stripMarks ? value.replace(STRAY_MARKS, (m, offset: number, whole: string) => (m === "*" && whole.trim() === "*" ? m : "")) : value;
    if (!text) return;
    if (this.spaceAfterMark) {
      this.spaceAfterMark = false;
      if (!/^\s/u.test(text)) this.out.insert(" ", srcStart);
    }
    const slice = this.source.slice(srcStart, srcEnd);
    if (slice === text) {
      this.out.copy(text, srcStart);
      return;
    }
    let s = 0;
    let runStart = -1;
    let runSrc = 0;
    const flush = (end: number) => {
      if (runStart >= 0) this.out.copy(text.slice(runStart, end), runSrc);
      runStart = -1;
    };
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      let found = -1;
      // Look ahead a short way: escapes and stripped marks are short.
      for (let k = s; k < slice.length && k < s + 16; k++) {
        if (slice[k] === ch) {
          found = k;
          break;
        }
      }
      if (found < 0) {
        flush(i);
        this.out.insert(ch, srcStart + Math.min(s, slice.length));
        continue;
      }
      if (runStart < 0 || found !== s) {
        flush(i);
        runStart = i;
        runSrc = srcStart + found;
      }
      s = found + 1;
    }
    flush(text.length);
  }
}

export type { Nodes };
