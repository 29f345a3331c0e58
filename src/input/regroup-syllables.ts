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
//
// In a split text the longest merge wins (`T h à nh ủ y` is `Thành ủy`, not `Thà nhủy`); a lone
// `i`, `u`, `y` or `o` after a fragment is the rest of its syllable (`Xã hộ i`, `Cự u`, `ủ y`),
// since Vietnamese writes none of them as a word of its own; runs of unmarked capitals standing
// alone are an abbreviation spelled out (`T T U B` is `TTUB`, `V T` is `VT`), and Roman numeral
// pieces one (`V.II I` is `V.III`).
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
  const vocabulary = collectVocabulary(text);
  for (const chain of chains) mergeChain(chain, vocabulary);
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
function isWordLetter(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  if (code < 0xc0) return false;
  if (code <= 0x24f) return code !== 0xd7 && code !== 0xf7;
  return (code >= 0x300 && code <= 0x36f) || (code >= 0x1e00 && code <= 0x1eff);
}

// Vowel letters, with or without marks; combining marks continue the vowel before them.
const VOWELS = new Set([..."aeiouyàáâãèéêìíòóôõùúýăĩũơưAEIOUYÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĨŨƠƯ"].map((c) => c.charCodeAt(0)));
function isVowelLetter(code: number): boolean {
  return VOWELS.has(code) || (code >= 0x1ea0 && code <= 0x1ef9) || (code >= 0x300 && code <= 0x36f);
}

// Both tests as one table read per code unit (bit 1: word letter, bit 2: vowel), since the scan
// for a split runs on every character of every document.
const WORD = 1;
const VOWEL = 2;
const LETTER_KIND = new Uint8Array(0x1f00);
for (let code = 0; code < LETTER_KIND.length; code++) LETTER_KIND[code] = (isWordLetter(code) ? WORD : 0) | (isVowelLetter(code) ? VOWEL : 0);

function letterKind(code: number): number {
  return code < 0x1f00 ? LETTER_KIND[code]! : 0;
}

function isWordCode(code: number): boolean {
  return (letterKind(code) & WORD) !== 0;
}

// A fragment must stand free: `h**ành` (bold inside a word) or `QĐ-UBND` are not fragments.
const FREE = /[\s,.;:!?()[\]{}"'“”‘’«»…\-–—/|]/;

function isFree(text: string, at: number): boolean {
  return at < 0 || at >= text.length || FREE.test(text[at]!);
}

// Whether some fragment of two letters or more that is no syllable joins with its neighbours
// into one. It runs on every document and clean ones have no such fragment, so it first counts
// vowel groups without allocating: a syllable has exactly one, and two words (each with its
// own vowels) only join into one when the first ends and the second starts with a vowel
// (`kho ản`), so most adjacent pairs are ruled out before any string is built.
function hasCertainSplit(text: string): boolean {
  const n = text.length;
  // The last three words of the current run of single-space-separated words: bounds, vowel
  // groups, whether they start and end with a vowel.
  let s0 = -1, e0 = -1, g0 = 0, v0 = 0;
  let s1 = -1, e1 = -1, g1 = 0, v1 = 0;
  let s2 = -1, e2 = -1, g2 = 0, v2 = 0;
  let i = 0;
  while (i < n) {
    if (!isWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    const shapeOfWord = scanWord(text, start);
    i = scannedEnd;
    const groups = shapeOfWord >> 2;
    const edges = shapeOfWord & 3;
    const adjacent = e2 === start - 1 && text.charCodeAt(start - 1) === 0x20;
    if (adjacent) {
      s0 = s1; e0 = e1; g0 = g1; v0 = v1;
      s1 = s2; e1 = e2; g1 = g2; v1 = v2;
    } else s0 = s1 = -1;
    s2 = start; e2 = i; g2 = groups; v2 = edges;
    if (s1 >= 0 && g1 + g2 - (v1 & 2 && v2 & 1 ? 1 : 0) === 1 && e2 - s1 <= 9) {
      if (certainWindow(text, [s1, e1, s2, e2])) return true;
    }
    if (s0 >= 0 && g0 + g1 + g2 - (v0 & 2 && v1 & 1 ? 1 : 0) - (v1 & 2 && v2 & 1 ? 1 : 0) === 1 && e2 - s0 <= 10) {
      if (certainWindow(text, [s0, e0, s1, e1, s2, e2])) return true;
    }
  }
  return false;
}

// Where the last `scanWord` stopped: kept in a variable rather than a returned object, because
// the scan runs on every word of every document.
let scannedEnd = 0;

/**
 * Scans the word starting at `start` (its end goes to `scannedEnd`) and returns its shape:
 * vowel groups × 4, plus bit 1 when it starts with a vowel and bit 2 when it ends with one.
 */
function scanWord(text: string, start: number): number {
  let i = start;
  let groups = 0;
  let inVowel = false;
  let edges = 0;
  while (i < text.length) {
    const kind = letterKind(text.charCodeAt(i));
    if ((kind & WORD) === 0) break;
    const vowel = (kind & VOWEL) !== 0;
    if (vowel && !inVowel) groups++;
    if (i === start && vowel) edges |= 1;
    inVowel = vowel;
    i++;
  }
  if (inVowel) edges |= 2;
  scannedEnd = i;
  return groups * 4 + edges;
}

// A window of words holding a fragment of two letters or more that is no syllable, and joining into one.
function certainWindow(text: string, bounds: number[]): boolean {
  let fragment = false;
  for (let k = 0; k < bounds.length && !fragment; k += 2) {
    const word = text.slice(bounds[k], bounds[k + 1]);
    fragment = word.length >= 2 && !isVietnameseSyllable(word);
  }
  return fragment && joinsInto(text, bounds);
}

function joinsInto(text: string, bounds: number[]): boolean {
  if (!isFree(text, bounds[0]! - 1) || !isFree(text, bounds[bounds.length - 1]!)) return false;
  let joined = "";
  for (let k = 0; k < bounds.length; k += 2) joined += text.slice(bounds[k], bounds[k + 1]);
  return isVietnameseSyllable(joined) && plausibleCase(joined);
}

// Runs of words separated by exactly one space that hold a window of two or three words with a
// single vowel group between them (the only windows that can join into a syllable); other runs
// are left alone without building anything for them.
function findChains(text: string): Chain[] {
  const chains: Chain[] = [];
  let bounds: number[] = [];
  let shape: number[] = []; // per word: vowel groups × 4 + edges (1 starts, 2 ends with a vowel)
  let promising = false;
  const close = () => {
    if (promising && shape.length > 1) {
      const groups: Group[] = [];
      for (let k = 0; k < bounds.length; k += 2) {
        const start = bounds[k]!;
        const end = bounds[k + 1]!;
        const word = text.slice(start, end);
        groups.push({ text: word, valid: isVietnameseSyllable(word), removedSpaces: [], end, freeLeft: isFree(text, start - 1), freeRight: isFree(text, end) });
      }
      chains.push({ groups });
    }
    bounds = [];
    shape = [];
    promising = false;
  };
  const joins = (a: number, b: number) => ((a & 2) !== 0 && (b & 1) !== 0 ? 1 : 0);
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    const shapeOfWord = scanWord(text, start);
    i = scannedEnd;
    const k = bounds.length;
    if (!(k > 0 && bounds[k - 1] === start - 1 && text.charCodeAt(start - 1) === 0x20)) close();
    bounds.push(start, i);
    shape.push(shapeOfWord);
    const m = shape.length;
    const c = shape[m - 1]!;
    if (m >= 2) {
      const b = shape[m - 2]!;
      if ((b >> 2) + (c >> 2) - joins(b, c) === 1) promising = true;
      // Two lone capitals: an abbreviation spelled out (`V T`), which holds no vowel group.
      if (!promising && i - start === 1 && bounds[k - 1]! - bounds[k - 2]! === 1 && isLoneCapital(text, start) && isLoneCapital(text, bounds[k - 2]!)) promising = true;
      if (m >= 3) {
        const a = shape[m - 3]!;
        if ((a >> 2) + (b >> 2) + (c >> 2) - joins(a, b) - joins(b, c) === 1) promising = true;
      }
    }
  }
  close();
  return chains;
}

// Abbreviations spelled out first (their letters would otherwise feed syllables: `T T U B` is not
// `T TU B`), then the chain's best division into syllables.
function mergeChain(chain: Chain, vocabulary: Vocabulary): void {
  mergeCapitalRuns(chain);
  mergeSyllables(chain, vocabulary);
}

// The longest Vietnamese syllable (`nghiêng`) has seven letters: longer joins are not tried.
const MAX_FRAGMENTS = 6;
const MAX_SYLLABLE = 8;

interface Division {
  /** Fragments joined away, plus one for each syllable the text also holds as a whole word, less
   * two for each fragment left that is no syllable, one for each left on a marked vowel. */
  score: number;
  /** Syllables made that start with a vowel: fewer is likelier (`CHÍ MINH`, not `CHÍM INH`). */
  onsetless: number;
  /** How many fragments the last syllable joins. */
  count: number;
}

// Fragments can often be divided two ways (`T h à nh ủ y`: `Thành ủy` or `Thà nhủy`; `C H Í M I NH`:
// `CHÍ MINH` or `CHÍM INH`): the division whose syllables the document writes elsewhere whole wins,
// found by dynamic programming over the chain.
function mergeSyllables(chain: Chain, vocabulary: Vocabulary): void {
  const g = chain.groups;
  const best: Division[] = [{ score: 0, onsetless: 0, count: 0 }];
  for (let i = 1; i <= g.length; i++) {
    // A fragment left alone that is no syllable (`CH`) is what the division is for: it costs; so,
    // less, does one opening on the marked vowel extractors split off (`Nguy ễn`).
    const alone = g[i - 1]!;
    const cost = alone.valid ? (startsWithMarkedVowel(alone.text) ? 1 : 0) : 2;
    let pick: Division = { score: best[i - 1]!.score - cost, onsetless: best[i - 1]!.onsetless, count: 1 };
    for (let count = 2; count <= Math.min(MAX_FRAGMENTS, i); count++) {
      const parts = g.slice(i - count, i);
      if (!parts[0]!.freeLeft || !parts[count - 1]!.freeRight) continue;
      const text = parts.map((p) => p.text).join("");
      if (text.length > MAX_SYLLABLE || !joinsAsSplit(parts, text)) continue;
      const before = best[i - count]!;
      const score = before.score + count - 1 + (vocabulary.has(text.toLowerCase()) ? 1 : 0);
      const onsetless = before.onsetless + (isVowelLetter(text.charCodeAt(0)) ? 1 : 0);
      if (score > pick.score || (score === pick.score && onsetless < pick.onsetless)) pick = { score, onsetless, count };
    }
    best.push(pick);
  }
  // From the end, so that the indices of what is still to merge stay put.
  for (let i = g.length; i > 0; ) {
    const { count } = best[i]!;
    if (count > 1) merge(g, i - count, count, g.slice(i - count, i).map((p) => p.text).join(""));
    i -= count;
  }
}

type Vocabulary = ReadonlySet<string>;

// The words a text writes (lower case), for telling a division into known syllables from another.
function collectVocabulary(text: string): Vocabulary {
  const words = new Set<string>();
  for (const m of text.matchAll(/[\p{L}\p{M}]+/gu)) words.add(m[0].toLowerCase());
  return words;
}

// Whether fragments that join into `text` are pieces of it: a fragment that is no syllable, a last
// one starting with the split-off marked vowel or being a lone vowel no word is made of; Roman
// numeral pieces (`II I`) join into a numeral.
function joinsAsSplit(parts: Group[], text: string): boolean {
  const last = parts[parts.length - 1]!.text;
  if (isVietnameseSyllable(text) && plausibleCase(text)) {
    return parts.some((p) => !p.valid) || startsWithMarkedVowel(last) || LONE_VOWEL.test(last);
  }
  return ROMAN.test(text) && parts.every((p) => /^[IVX]+$/.test(p.text)) && parts.some((p) => p.text.length > 1);
}

// Lower-case vowels Vietnamese never writes as a word of their own (`a`, `e` are list letters).
const LONE_VOWEL = /^[iuyo]$/;
const ROMAN = /^X{0,3}(?:IX|IV|V?I{0,3})$/;

// Merges each maximal run of one-letter unmarked capitals (`T T U B`), with a capital fragment
// after it that is no syllable (`U B ND`), when its ends stand free. A run beside a one-letter
// fragment with a mark is syllable material (`X Â Y D Ự N G`; `C H í` from a legacy font that
// lost the toned capital).
function mergeCapitalRuns(chain: Chain): void {
  const g = chain.groups;
  const isCapital = (p: Group | undefined) => p !== undefined && /^[A-ZĐ]$/.test(p.text);
  const isMarked = (p: Group | undefined) => p !== undefined && p.text.length === 1 && /[^A-Za-zĐđ]/.test(p.text);
  for (let i = 0; i < g.length; i++) {
    if (!isCapital(g[i])) continue;
    let j = i;
    while (j < g.length && isCapital(g[j])) j++;
    if (j < g.length && /^[A-ZĐ]{2,3}$/.test(g[j]!.text) && !g[j]!.valid) j++;
    const run = g.slice(i, j);
    if (run.length >= 2 && !isMarked(g[i - 1]) && !isMarked(g[j]) && run[0]!.freeLeft && run[run.length - 1]!.freeRight) {
      merge(g, i, run.length, run.map((p) => p.text).join(""));
    }
    i = j - 1;
  }
}

function isLoneCapital(text: string, at: number): boolean {
  return /^[A-ZĐ]$/.test(text[at]!) && isFree(text, at - 1) && isFree(text, at + 1);
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
