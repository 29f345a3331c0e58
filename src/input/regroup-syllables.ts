// Spaces inside syllables. Some PDF extractors place each glyph run separately and put a space
// where a diacritic glyph was positioned on its own: `ĐIỀ U KHO ẢN`, `Áp dụ ng t ừ ngày`,
// `B Ộ LAO ĐỘNG`, `Ng o ại giao`, `T hành phố Hồ Chí M inh`. Vietnamese writes every syllable as a
// separate word, so fragments that are not syllables on their own but make one together are such
// a split.
//
// Clean text has lone letters too (`điểm a, b, l, m và n`, `Bộ C hoặc`), and `và n` or `C hoặc`
// also join into well-formed syllables. So a text must first show the artefact beyond doubt — a
// fragment of two letters or more that is no syllable (`ĐIỀ`, `ng`, `ươ`, `tướ`) and joins into
// one — before single-letter fragments (`t ừ`, `M inh`) are merged, and before two fragments that
// are syllables themselves (`KHO ẢN`) are, the second starting with the marked vowel such
// extractors split off; `kho an toàn` never merges. Clean text is left exactly as it is.
import { TextBuilder, type OffsetMap } from "./offset-map.js";
import { isVietnameseSyllable } from "./vietnamese-syllable.js";

/**
 * Removes the spaces that split Vietnamese syllables into fragments; null when there are none.
 * @example regroupSyllables("Áp dụ ng t ừ ngày")?.text // "Áp dụng từ ngày"
 */
export function regroupSyllables(text: string): { text: string; map: OffsetMap } | null {
  if (!hasCertainSplit(text)) return null;
  // The text is split: every kind of merge applies, in chains of syllables too.
  const chains = findChains(text);
  for (const chain of chains) mergeToFixpoint(chain);
  const removed: number[] = [];
  for (const chain of chains) for (const g of chain.groups) removed.push(...g.removedSpaces);
  if (removed.length === 0) return null;
  removed.sort((a, b) => a - b);
  const b = new TextBuilder();
  let from = 0;
  for (const at of removed) {
    b.copy(text.slice(from, at), from);
    from = at + 1;
  }
  b.copy(text.slice(from), from);
  return b.finish(text.length);
}

interface Group {
  text: string;
  valid: boolean;
  /** Offsets of the spaces removed inside this group. */
  removedSpaces: number[];
  /** Offset just after the group's last word (the space before the next word). */
  end: number;
  /** Whether the first word starts, and the last word ends, at a space, punctuation or the text's edge. */
  freeLeft: boolean;
  freeRight: boolean;
}

interface Chain {
  groups: Group[];
}

// Letters a Vietnamese syllable can hold: ASCII, Latin-1 and Latin Extended-A/B letters, the
// combining marks, Latin Extended Additional. Other scripts never form a syllable.
function isWordCode(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  if (code < 0xc0) return false;
  if (code <= 0x24f) return code !== 0xd7 && code !== 0xf7;
  return (code >= 0x300 && code <= 0x36f) || (code >= 0x1e00 && code <= 0x1eff);
}

// A fragment must stand free: `h**ành` (bold inside a word) or `QĐ-UBND` are not fragments.
const FREE = /[\s,.;:!?()[\]{}"'“”‘’«»…\-–—/|]/;

function isFree(text: string, at: number): boolean {
  return at < 0 || at >= text.length || FREE.test(text[at]!);
}

// Whether some fragment of two letters or more that is no syllable joins with its neighbours
// into one. A quick scan (one cached syllable check per word, no allocation per word) because
// it runs on every document and clean ones have no such fragment.
function hasCertainSplit(text: string): boolean {
  const n = text.length;
  // The last three words of the current run of single-space-separated words.
  let s0 = -1, e0 = -1, s1 = -1, e1 = -1, s2 = -1, e2 = -1;
  let bad0 = false, bad1 = false, bad2 = false;
  let i = 0;
  while (i < n) {
    if (!isWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isWordCode(text.charCodeAt(i))) i++;
    const adjacent = e2 === start - 1 && text.charCodeAt(start - 1) === 0x20;
    if (adjacent) {
      s0 = s1; e0 = e1; bad0 = bad1;
      s1 = s2; e1 = e2; bad1 = bad2;
    } else {
      s0 = s1 = -1;
      bad0 = bad1 = false;
    }
    s2 = start;
    e2 = i;
    const word = text.slice(start, i);
    bad2 = word.length >= 2 && !isVietnameseSyllable(word);
    // Windows ending at this word that hold such a fragment.
    if (s1 >= 0 && (bad1 || bad2) && joinsInto(text, [s1, e1, s2, e2])) return true;
    if (s0 >= 0 && (bad0 || bad1 || bad2) && joinsInto(text, [s0, e0, s1, e1, s2, e2])) return true;
  }
  return false;
}

function joinsInto(text: string, bounds: number[]): boolean {
  if (!isFree(text, bounds[0]! - 1) || !isFree(text, bounds[bounds.length - 1]!)) return false;
  let joined = "";
  for (let k = 0; k < bounds.length; k += 2) joined += text.slice(bounds[k], bounds[k + 1]);
  return isVietnameseSyllable(joined) && plausibleCase(joined);
}

// Runs of words separated by exactly one space.
function findChains(text: string): Chain[] {
  const chains: Chain[] = [];
  let current: Group[] = [];
  const close = () => {
    if (current.length > 1) chains.push({ groups: current });
    current = [];
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isWordCode(text.charCodeAt(i))) i++;
    const last = current[current.length - 1];
    if (!(last && last.end === start - 1 && text.charCodeAt(start - 1) === 0x20)) close();
    const word = text.slice(start, i);
    const valid = isVietnameseSyllable(word);
    current.push({ text: word, valid, removedSpaces: [], end: i, freeLeft: isFree(text, start - 1), freeRight: isFree(text, i) });
    if (!(text.charCodeAt(i) === 0x20 && i + 1 < n && isWordCode(text.charCodeAt(i + 1)))) close();
  }
  close();
  return chains;
}

// Repeats merge passes until none applies.
function mergeToFixpoint(chain: Chain): void {
  while (mergePass(chain) > 0);
}

function mergePass(chain: Chain): number {
  const g = chain.groups;
  let made = 0;
  for (let i = 0; i + 1 < g.length; i++) {
    // Three fragments first: `Ng o ại` is one syllable, while `Ng o` alone would also be one.
    for (const count of [3, 2]) {
      if (i + count > g.length) continue;
      const parts = g.slice(i, i + count);
      if (!parts[0]!.freeLeft || !parts[count - 1]!.freeRight) continue;
      const text = parts.map((p) => p.text).join("");
      if (!isVietnameseSyllable(text) || !plausibleCase(text)) continue;
      // A fragment that is no syllable, or a second one starting with the split-off marked vowel.
      if (!(parts.some((p) => !p.valid) || (count === 2 && startsWithMarkedVowel(parts[1]!.text)))) continue;
      merge(g, i, count, text);
      made++;
      break;
    }
  }
  return made;
}

function merge(groups: Group[], at: number, count: number, text: string): void {
  const parts = groups.slice(at, at + count);
  const removedSpaces = parts.flatMap((p, k) => (k + 1 < parts.length ? [...p.removedSpaces, p.end] : p.removedSpaces));
  const last = parts[parts.length - 1]!;
  groups.splice(at, count, { text, valid: true, removedSpaces, end: last.end, freeLeft: parts[0]!.freeLeft, freeRight: last.freeRight });
}

// A syllable is written in lower case, capitals, or with a capital initial: `ĐIỀU`, `Thành`.
function plausibleCase(word: string): boolean {
  const rest = word.slice(1);
  return rest === rest.toLowerCase() || word === word.toUpperCase();
}

// The glyphs extractors split off: a vowel carrying a diacritic (ẢN, ại, ừ, Ộ), not đ.
function startsWithMarkedVowel(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 0xc0 && c !== 0x110 && c !== 0x111;
}
