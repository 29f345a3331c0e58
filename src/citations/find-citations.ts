// The citations of a document, eyecite-style: the pre-filter finds where references may start,
// the reference grammar reads each one (a few words from its start), subjects are measured in the
// text, and buildCitations resolves what was found.
import { referenceLexer } from "../../grammars/reference-tokens.js";
import { LineIndex } from "../input/line-index.js";
import type { Citation, CitationContext } from "../model/record.js";
import { buildCitations, type LocatedReference } from "./build-citations.js";
import { findAnchors } from "./find-anchors.js";
import { readEntry, type EntryReading } from "./reference-visitor.js";
import { subjectEnd } from "./subject-extent.js";

/** A part of the text to search, and where in the document it stands. */
export interface CitationRegion {
  start: number;
  end: number;
  context: CitationContext;
}

/** Options of findCitations. */
export interface FindCitationsOptions {
  /** Line index of the whole text (built when absent). */
  lineIndex?: LineIndex;
  /** The document's own number (`986/QĐ-UBND`): citations of it get `context: "self"`. */
  selfNumber?: string | null;
}

/** Characters read after a reference's start at first: enough for its type word, name, number,
 * date and body in 99 cases out of 100 (the corpus's median is 30, its 99th centile 95). */
const FIRST_WINDOW = 128;
/** A parse that stops this close to a cut window may have been cut short (`ngày 12/8/20|24`). */
const CUT_MARGIN = 32;
/** The most read for one reference (a long list sharing one type word). */
const LAST_WINDOW = 3840;

/** Reads the reference starting at `start`, widening the window while the parse runs to its end. */
function readAt(text: string, start: number, to: number): EntryReading {
  let scanned = start;
  for (let size = FIRST_WINDOW; ; size *= 2) {
    let end = Math.min(to, start + size);
    // A reference never reaches past the `;` or line break that ends its clause.
    const clause = clauseEnd(text, scanned, end);
    let natural = clause < end || end >= to;
    end = clause;
    scanned = end;
    // Nor past `về`: the subject starts there, and the grammar reads no token after it (most of
    // what a 128-character window held was lexed for nothing, and left over as redundant input).
    const subject = subjectCut(text, start, end);
    if (subject >= 0) {
      end = subject;
      natural = true;
    }
    const source = text.slice(start, end);
    const reading = readEntry(source, referenceLexer.tokenize(source).tokens);
    const cutShort = reading.consumedAll || reading.end > source.length - CUT_MARGIN;
    if (natural || !cutShort || size >= LAST_WINDOW) return reading;
  }
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/**
 * Just past the first `về` after `from` and before `to` that the reference lexer reads as its
 * `Ve` token (`về`, `Về` or `VỀ`, a word of its own), or -1. A loop bounded by the window: a
 * pattern run from `from` would search the rest of the text when the window has none.
 */
function subjectCut(text: string, from: number, to: number): number {
  for (let i = from + 1; i + 2 <= to; i++) {
    const v = text.charCodeAt(i);
    if (v !== 0x76 && v !== 0x56) continue;
    const e = text.charCodeAt(i + 1);
    if (!(e === 0x1ec1 || (e === 0x1ec0 && v === 0x56))) continue;
    if (WORD_CHAR.test(text.charAt(i - 1)) || (i + 2 < text.length && WORD_CHAR.test(text.charAt(i + 2)))) continue;
    return i + 2;
  }
  return -1;
}

/** The first `;` or line break between `from` and `to`, or `to`. */
function clauseEnd(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 59 || c === 10) return i;
  }
  return to;
}

/** The subject's text: white space squashed, `việc`, an opening quote's partner and end punctuation left out. */
function subjectText(raw: string, quoted: boolean): string | null {
  let text = raw.replace(/\s+/g, " ").trim().replace(/^việc\s+/iu, "");
  if (quoted) text = text.replace(/["”»’]\s*$/u, "");
  text = text.replace(/[\s,.;:]+$/u, "").trim();
  return text || null;
}

// After a subject that ends where another member of its list begins: `, ` or ` và `.
const LIST_JOINER = /^[ \t\u00a0]*(?:,|[vV]à)[ \t\u00a0]*/;

/**
 * The regions cut into pieces that do not overlap, each piece taking the context of the smallest
 * region holding it (a basis inside the body is a basis), so that each occurrence is found once.
 */
export function disjointRegions(text: string, regions: readonly CitationRegion[]): CitationRegion[] {
  const clamp = (n: number): number => Math.max(0, Math.min(text.length, n));
  const valid = regions
    .map((r) => ({ start: clamp(r.start), end: clamp(r.end), context: r.context }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const points = [...new Set(valid.flatMap((r) => [r.start, r.end]))].sort((a, b) => a - b);
  // A sweep over the boundaries with the regions begun so far in a heap, smallest on top; a region
  // that has ended never covers a later piece, so it leaves the heap when it reaches the top.
  const heap = new RegionHeap();
  const pieces: CitationRegion[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    while (next < valid.length && valid[next]!.start <= start) heap.push(valid[next++]!);
    while (heap.top() && heap.top()!.end <= start) heap.pop();
    const best = heap.top();
    if (!best) continue;
    const last = pieces[pieces.length - 1];
    if (last && last.end === start && last.context === best.context) last.end = end;
    else pieces.push({ start, end, context: best.context });
  }
  return pieces;
}

/** A binary heap of regions, the shortest on top (the first given among equals). */
class RegionHeap {
  private readonly items: { region: CitationRegion; order: number }[] = [];
  private pushed = 0;

  private less(a: number, b: number): boolean {
    const x = this.items[a]!;
    const y = this.items[b]!;
    const dx = x.region.end - x.region.start;
    const dy = y.region.end - y.region.start;
    return dx < dy || (dx === dy && x.order < y.order);
  }

  private swap(a: number, b: number): void {
    const t = this.items[a]!;
    this.items[a] = this.items[b]!;
    this.items[b] = t;
  }

  top(): CitationRegion | undefined {
    return this.items[0]?.region;
  }

  push(region: CitationRegion): void {
    this.items.push({ region, order: this.pushed++ });
    for (let i = this.items.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): void {
    const last = this.items.pop();
    if (!last || this.items.length === 0) return;
    this.items[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.items.length && this.less(l, m)) m = l;
      if (r < this.items.length && this.less(r, m)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }
}

/** Every reference found in the regions, with document offsets, in the order found. */
export function locateReferences(text: string, regions: readonly CitationRegion[]): LocatedReference[] {
  const located: LocatedReference[] = [];
  for (const region of disjointRegions(text, regions)) {
    const from = region.start;
    const to = region.end;
    // Subjects still open where the scan stands: a reference inside one is nested in its owner's.
    const open: { end: number; owner: number }[] = [];
    let resumeAt = from;
    let listMember: { at: number; owner: number } | null = null;
    for (const anchor of findAnchors(text, from, to)) {
      if (anchor.start < resumeAt) continue;
      while (open.length && open[open.length - 1]!.end <= anchor.start) open.pop();
      const parent = open.length ? open[open.length - 1]!.owner : null;
      const reading = readAt(text, anchor.start, to);
      if (reading.references.length === 0) {
        resumeAt = anchor.start + 1;
        continue;
      }
      const base = located.length;
      for (const r of reading.references) {
        const at = r as LocatedReference;
        at.start += anchor.start;
        at.end += anchor.start;
        at.parent = parent;
        at.context = region.context;
        located.push(at);
      }
      // `Công điện số 217/CĐ-TTg ... về ... và số 218/CĐ-TTg`: the bare member after a subject
      // belongs to the list of the reference before it, whose type word and body it shares.
      const first = located[base]!;
      if (listMember && listMember.at === anchor.start && first.typeWord === null && first.kind === "number") {
        const owner = located[listMember.owner]!;
        first.typeWord = owner.typeWord;
        first.issuer ??= owner.issuer;
        first.parent = owner.parent;
      }
      listMember = null;
      resumeAt = anchor.start + reading.end;
      if (reading.subject) {
        const owner = base + reading.subject.owner;
        const start = anchor.start + reading.subject.start;
        const end = subjectEnd(text, start, to, reading.subject.quoted);
        located[owner]!.subject = subjectText(text.slice(start, end), reading.subject.quoted);
        open.push({ end, owner });
        resumeAt = start;
        const joiner = LIST_JOINER.exec(text.slice(end, end + 8));
        if (joiner) listMember = { at: end + joiner[0].length, owner };
      }
    }
  }
  return located;
}

/**
 * Finds the references to documents in the given regions of `text` (default: the whole text, as
 * body): citations in document order, each occurrence once, spans in `text` coordinates
 * (`text.slice(offset, offset + length) === raw`), `target` left null for the knowledge base to
 * fill. Never throws.
 * @example
 * const text = "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;";
 * findCitations(text, [{ start: 0, end: text.length, context: "basis" }])[0]?.key // → "NĐ:30:CP@2020"
 * findCitations(text)[0]?.context // → "body"
 */
export function findCitations(text: string, regions: readonly CitationRegion[] = [{ start: 0, end: text.length, context: "body" }], options: FindCitationsOptions = {}): Citation[] {
  const lineIndex = options.lineIndex ?? new LineIndex(text);
  return buildCitations(locateReferences(text, regions), text, lineIndex, options.selfNumber);
}
