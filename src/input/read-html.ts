// The text of a saved web page (a portal's page of a document, or Word's "save as web page"), as
// font runs, through unified's HTML parser (`rehype-parse`, the parse5 parser behind it: real
// pages are not well-formed XML). The document is the page's content, not its chrome: the element
// a site marks as the content root (`data-…-content-root`, `<main>`, `<article>`), else the
// smallest element holding most of the page's paragraph text; menus, scripts, hidden tab panels,
// forms and buttons never count. Blocks become lines as the elements say: paragraphs, headings,
// list items, `<br>`, and table rows, a row of one-line cells as `a | b` and the cells of a layout
// table one after another (as for .docx). Legacy pages set TCVN3 or VNI text in `<font
// face=".VnTime">` or `font-family: VNI-Times`: the font of each text travels with it.
import type { Element, ElementContent, Root, RootContent } from "hast";
import rehypeParse from "rehype-parse";
import { unified } from "unified";
import { appendRun, tableRowRuns, trimTrailingBreaks, type FontRun } from "./font-runs.js";

/** The text of a web page as font runs, or the reason it could not be read. */
export type HtmlText = { runs: FontRun[] } | { error: string };

// Elements whose content is never document text.
const SKIPPED = new Set(["head", "script", "style", "noscript", "template", "svg", "math", "button", "select", "option", "nav", "form", "iframe", "object", "canvas", "input", "textarea"]);
// Elements that stand on lines of their own.
const BLOCKS = new Set([
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "section", "article", "main",
  "header", "footer", "aside", "figure", "figcaption", "center", "address", "hr", "caption", "tbody", "thead", "tfoot",
]);

/** Elements are followed this deep; below, their text is read flat, without recursion. */
const MAX_DEPTH = 400;

/**
 * Reads the document text of a web page (already decoded to a string) as font runs. Never throws.
 * @example readHtmlRuns("<p>Số: 12/KH-UBND</p>") // { runs: [{ text: "Số: 12/KH-UBND\n", font: null }] }
 */
export function readHtmlRuns(html: string): HtmlText {
  try {
    const tree = unified().use(rehypeParse).parse(html);
    const root = contentRoot(tree);
    const runs: FontRun[] = [];
    const walker = new HtmlWalker(runs);
    // A portal's page names the document in its <h1> (`Quyết định số 21/2025/QĐ-TTg Quy định …`)
    // outside the content, which may itself start at the type line: the title line comes first.
    const heading = root.type === "element" ? pageHeading(tree, root) : null;
    if (heading) walker.block({ type: "root", children: [heading] }, null, 0);
    walker.block(root, null, 0);
    return { runs: trimTrailingBreaks(tidyLines(runs)) };
  } catch (error) {
    // The HTML parser recurses: a page nested thousands of elements deep exhausts the stack.
    if (error instanceof RangeError) return { error: "elements nested too deeply to read" };
    // No other input is known to get here; a defect of the reader must not stop a folder's parse.
    return { error: `unreadable (${(error as Error)?.message ?? String(error)})` };
  }
}

/** Whether text opens like an HTML page (after white space, a byte-order mark or an XML declaration). */
export function looksLikeHtml(head: string): boolean {
  return /^\uFEFF?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i.test(head);
}

function isElement(node: RootContent | ElementContent | Root): node is Element {
  return node.type === "element";
}

function hidden(element: Element): boolean {
  const p = element.properties;
  if (p.hidden !== undefined && p.hidden !== false && p.hidden !== null) return true;
  if (p.ariaHidden === "true") return true;
  const style = typeof p.style === "string" ? p.style : "";
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

// The page's content: a marked root if the site marks one, else the smallest element holding
// four fifths of the paragraph text of the page (the document, not the lists around it).
/** The page's first `<h1>` outside the content root, if any. */
function pageHeading(tree: Root, root: Element): Element | null {
  let found: Element | null = null;
  const visit = (node: Root | Element, depth: number) => {
    for (const child of node.children) {
      if (found || !isElement(child) || child === root || SKIPPED.has(child.tagName) || hidden(child)) continue;
      if (child.tagName === "h1") found = child;
      else if (depth < MAX_DEPTH) visit(child, depth + 1);
    }
  };
  visit(tree, 0);
  return found;
}

function contentRoot(tree: Root): Root | Element {
  // A root the site marks beats <main> and <article>, which usually hold the chrome around it.
  let marked: Element | null = null;
  let landmark: Element | null = null;
  const paragraphText = new Map<Element, number>();
  const visit = (node: Root | Element, depth: number): number => {
    let total = 0;
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (SKIPPED.has(child.tagName) || hidden(child)) continue;
      if (!marked && Object.keys(child.properties).some((k) => /^data.*ContentRoot$/i.test(k))) marked = child;
      if (!landmark && (child.tagName === "main" || child.tagName === "article")) landmark = child;
      if (child.tagName === "p" || /^h[1-6]$/.test(child.tagName) || child.tagName === "td") total += textLength(child);
      else if (depth < MAX_DEPTH) total += visit(child, depth + 1);
    }
    if (node.type === "element") paragraphText.set(node, total);
    return total;
  };
  const all = visit(tree, 0);
  if (marked) return marked;
  if (landmark) return landmark;
  let best: Root | Element = tree;
  let bestDepth = -1;
  const descend = (node: Root | Element, depth: number) => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      const t = paragraphText.get(child) ?? 0;
      if (all > 0 && t >= all * 0.8) {
        if (depth > bestDepth) {
          best = child;
          bestDepth = depth;
        }
        if (depth < MAX_DEPTH) descend(child, depth + 1);
      }
    }
  };
  descend(tree, 0);
  return best;
}

function textLength(node: Element | Root): number {
  let n = 0;
  const stack: (Element | Root)[] = [node];
  while (stack.length) {
    for (const child of stack.pop()!.children) {
      if (child.type === "text") n += child.value.trim().length;
      else if (isElement(child) && !SKIPPED.has(child.tagName)) stack.push(child);
    }
  }
  return n;
}

/** The text under an element nested past the depth followed, in order, one line per block. */
function flatText(node: Element): string {
  let text = "";
  const stack: (ElementContent | "\n")[] = [...node.children].reverse();
  while (stack.length) {
    const next = stack.pop()!;
    if (next === "\n") text += "\n";
    else if (next.type === "text") text += next.value.replace(/\s+/g, " ");
    else if (isElement(next) && !SKIPPED.has(next.tagName) && !hidden(next)) {
      if (next.tagName === "br") text += "\n";
      const block = BLOCKS.has(next.tagName) || next.tagName === "tr";
      if (block) stack.push("\n");
      for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i]!);
      if (block) text += "\n";
    }
  }
  return text;
}

/** The font an element sets: `<font face>` or a `font-family` in its style. */
function fontOf(element: Element, inherited: string | null): string | null {
  const face = element.properties.face;
  if (typeof face === "string" && face.trim()) return firstFamily(face);
  const style = element.properties.style;
  if (typeof style === "string") {
    const m = /font-family\s*:\s*([^;]+)/i.exec(style);
    if (m) return firstFamily(m[1]!);
  }
  return inherited;
}

function firstFamily(list: string): string {
  return list.split(",")[0]!.trim().replace(/^["']|["']$/g, "");
}

class HtmlWalker {
  constructor(private readonly out: FontRun[]) {}

  /** Writes a node's content into `target`, breaking lines around blocks. */
  block(node: Root | Element, font: string | null, depth: number, target: FontRun[] = this.out): void {
    for (const child of node.children) {
      if (child.type === "text") {
        appendRun(target, child.value.replace(/\s+/g, " "), font);
        continue;
      }
      if (!isElement(child) || SKIPPED.has(child.tagName) || hidden(child)) continue;
      const tag = child.tagName;
      const childFont = fontOf(child, font);
      if (tag === "br") appendRun(target, "\n", null);
      else if (depth >= MAX_DEPTH) appendRun(target, `\n${flatText(child)}\n`, childFont);
      else if (tag === "table") {
        this.table(child, childFont, depth + 1, target);
      } else if (BLOCKS.has(tag)) {
        appendRun(target, "\n", null);
        this.block(child, childFont, depth + 1, target);
        appendRun(target, "\n", null);
      } else this.block(child, childFont, depth + 1, target);
    }
  }

  private table(table: Element, font: string | null, depth: number, target: FontRun[]): void {
    appendRun(target, "\n", null);
    const rows: Element[] = [];
    const collect = (node: Element, d: number) => {
      for (const child of node.children) {
        if (!isElement(child) || hidden(child)) continue;
        if (child.tagName === "tr") rows.push(child);
        else if (child.tagName !== "table" && d < MAX_DEPTH) collect(child, d + 1);
      }
    };
    collect(table, depth);
    for (const row of rows) {
      const cells: FontRun[][] = [];
      for (const cell of row.children) {
        if (!isElement(cell) || (cell.tagName !== "td" && cell.tagName !== "th") || hidden(cell)) continue;
        const runs: FontRun[] = [];
        this.block(cell, fontOf(cell, font), depth + 1, runs);
        cells.push(tidyLines(runs));
      }
      for (const r of tableRowRuns(cells)) appendRun(target, r.text, r.font);
    }
    appendRun(target, "\n", null);
  }
}

// A cell's runs with the blank lines its blocks opened removed, so that a cell of one paragraph
// is one line.
function tidyLines(runs: FontRun[]): FontRun[] {
  const out: FontRun[] = [];
  let atLineStart = true;
  for (const run of runs) {
    let text = "";
    for (const ch of run.text) {
      if (ch === "\n") {
        if (!atLineStart) text += "\n";
        atLineStart = true;
      } else if (ch === " " && atLineStart) continue;
      else {
        text += ch;
        atLineStart = false;
      }
    }
    appendRun(out, text, run.font);
  }
  return out;
}
