// Snippets: the passage of a document's stored text that best matches the query, with the
// matched words marked. Offsets are UTF-16 offsets into the original (unfolded) text, which is
// why folding must preserve length.
import type { Occurrence } from "./match-text.js";

/** A highlighted span, relative to the snippet's text. */
export interface Highlight {
  start: number;
  length: number;
}

/** A passage of a document's stored text with the query's matches marked. */
export interface Snippet {
  /** the passage, exactly as stored (it may contain line breaks) */
  text: string;
  /** where `text` starts in the document's stored text (`SearchIndex.text(id)`) */
  offset: number;
  /** matched words and phrases, as offsets into `text` */
  highlights: Highlight[];
}

/** The matches of one query item (word or phrase) in a text. */
export interface ItemOccurrences {
  /** which query item they belong to: passages covering more distinct items win */
  item: number;
  occurrences: readonly Occurrence[];
}

/** Default snippet length in UTF-16 code units. */
export const SNIPPET_WIDTH = 240;

function isSpace(code: number): boolean {
  return code <= 0x20 || code === 0xa0 || code === 0x2028 || code === 0x2029;
}

// Moves the window edges out to whole words (by at most `slack` characters, else inwards), so
// that a snippet neither starts nor ends inside a word.
function trimToWords(text: string, start: number, end: number, limit: { start: number; end: number }, slack = 24): [number, number] {
  let s = start;
  while (s > limit.start && s > start - slack && !isSpace(text.charCodeAt(s - 1))) s--;
  if (s > limit.start && !isSpace(text.charCodeAt(s - 1))) {
    s = start;
    while (s < end && !isSpace(text.charCodeAt(s))) s++;
  }
  while (s < end && isSpace(text.charCodeAt(s))) s++;
  let e = end;
  while (e < limit.end && e < end + slack && !isSpace(text.charCodeAt(e))) e++;
  if (e < limit.end && !isSpace(text.charCodeAt(e))) {
    e = end;
    while (e > s && !isSpace(text.charCodeAt(e - 1))) e--;
  }
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return [s, e];
}

/**
 * Picks the passage of `range` in `text` that covers the most distinct query items (then the
 * most exact matches, then the earliest) and marks every match inside it.
 */
export function buildSnippet(
  text: string,
  matches: readonly ItemOccurrences[],
  range: { start: number; end: number },
  width: number = SNIPPET_WIDTH,
): Snippet {
  const hits: { start: number; end: number; exact: boolean; item: number }[] = [];
  for (const { item, occurrences } of matches) {
    for (const o of occurrences) if (o.start >= range.start && o.end <= range.end) hits.push({ ...o, item });
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);

  let bestFrom = -1;
  let bestTo = -1;
  let bestScore = -1;
  const counts = new Map<number, number>();
  let distinct = 0;
  let exact = 0;
  let to = 0;
  const enter = (hit: (typeof hits)[number]): void => {
    const n = counts.get(hit.item) ?? 0;
    if (n === 0) distinct++;
    counts.set(hit.item, n + 1);
    if (hit.exact) exact++;
  };
  // Two pointers over the hits: the window [from, to) spans at most `width` characters (or is
  // one hit longer than that).
  for (let from = 0; from < hits.length; from++) {
    if (to === from) enter(hits[to++]!);
    while (to < hits.length && hits[to]!.end - hits[from]!.start <= width) enter(hits[to++]!);
    const score = distinct * 1_000_000 + exact;
    if (score > bestScore) {
      bestScore = score;
      bestFrom = from;
      bestTo = to;
    }
    const leaving = hits[from]!;
    const n = counts.get(leaving.item)!;
    if (n === 1) distinct--;
    counts.set(leaving.item, n - 1);
    if (leaving.exact) exact--;
  }

  let start: number;
  let end: number;
  if (bestFrom < 0) {
    start = range.start;
    end = Math.min(range.end, range.start + width);
  } else {
    const first = hits[bestFrom]!.start;
    const last = Math.max(...hits.slice(bestFrom, bestTo).map((h) => h.end));
    const pad = Math.max(0, Math.floor((width - (last - first)) / 2));
    start = Math.max(range.start, first - pad);
    end = Math.min(range.end, Math.max(last, start + width));
    start = Math.max(range.start, Math.min(start, end - width));
  }
  const [s, e] = trimToWords(text, start, end, range);
  const highlights: Highlight[] = [];
  let covered = s;
  for (const hit of hits) {
    if (hit.start < covered || hit.end > e) continue;
    highlights.push({ start: hit.start - s, length: hit.end - hit.start });
    covered = hit.end;
  }
  return { text: text.slice(s, e), offset: s, highlights };
}
