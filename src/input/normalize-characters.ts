// Character repairs on decoded text, with a map back to it. Word processors and PDF extractors
// leave characters that look right but do not match: NBSP and other spaces, zero-width
// characters, soft hyphens, ligatures, full-width ASCII, `Ð` (eth) for `Đ`, tone marks typed
// before the circumflex (which NFC cannot compose), `d` + combining stroke for `đ`, Word's
// symbol-font bullets, CR line ends, spaces inside syllables (`ĐIỀ U KHO ẢN`) and missing between
// words in capitals (`THỦ TƯỚNGPHÓ THỦ TƯỚNG`). Each repair is
// local, so the text is built through a TextBuilder and every output character maps to the
// input character it came from.
import { OffsetMap, TextBuilder } from "./offset-map.js";
import { regroupSyllables } from "./regroup-syllables.js";
import { splitGluedCapitals } from "./split-glued-capitals.js";
import { isVietnameseSyllable } from "./vietnamese-syllable.js";

/**
 * Repairs characters of decoded text (spaces, invisible characters, ligatures, full-width forms,
 * Đ, mark order, bullets, line ends, split syllables) and returns NFC text with a map to `text`;
 * `hadSpecial` is false when `text` held none of the characters the first repair looks for
 * (controls among them, so a caller counting them need not look again).
 * @example normalizeCharacters("ĐIỀ U 1\r\n").text // "ĐIỀU 1\n"
 */
export function normalizeCharacters(text: string): { text: string; map: OffsetMap; hadSpecial: boolean } {
  const replaced = replaceCharacters(text);
  let result: { text: string; map: OffsetMap } = replaced;
  const marked = repairMarks(result.text);
  if (marked) result = { text: marked.text, map: marked.map.composeWith(result.map) };
  result.text = repairEth(result.text);
  const regrouped = regroupSyllables(result.text);
  if (regrouped) result = { text: regrouped.text, map: regrouped.map.composeWith(result.map) };
  const unglued = splitGluedCapitals(result.text);
  if (unglued) result = { text: unglued.text, map: unglued.map.composeWith(result.map) };
  return { ...result, hadSpecial: replaced.hadSpecial };
}

// Characters the replacement pass looks at; everything else is copied in bulk.
const SPECIAL = /[\u0000-\u0008\u000B-\u001F\u007F-\u00A0\u00AD\u1680\u180E\u2000-\u200D\u202F\u205F\u2060\u3000\uF000-\uF0FF\uFB00-\uFB06\uFEFF\uFF01-\uFF5E]/;
// Word symbol-font bullets that are bullets wherever they stand (•, ▪, ➢, ✓, ❖, ■, →, □, ►, ⇨);
// any other U+F0xx character is taken for a bullet only at the start of a line.
const BULLETS = new Set([0xf0b7, 0xf0a7, 0xf0d8, 0xf0fc, 0xf076, 0xf06e, 0xf0e0, 0xf0a8, 0xf0d7, 0xf0f0]);

function isSpecial(code: number): boolean {
  if (code < 0x20) return code !== 0x09 && code !== 0x0a;
  if (code < 0x7f) return false;
  if (code <= 0xa0) return true;
  if (code < 0x1680) return code === 0xad;
  return (
    code === 0x1680 ||
    code === 0x180e ||
    (code >= 0x2000 && code <= 0x200d) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x2060 ||
    code === 0x3000 ||
    (code >= 0xf000 && code <= 0xf0ff) ||
    (code >= 0xfb00 && code <= 0xfb06) ||
    code === 0xfeff ||
    (code >= 0xff01 && code <= 0xff5e)
  );
}

// One character at a time: spaces, invisibles, ligatures, full-width forms, bullets, CR.
function replaceCharacters(text: string): { text: string; map: OffsetMap; hadSpecial: boolean } {
  if (!SPECIAL.test(text)) return { text, map: OffsetMap.identity(text.length), hadSpecial: false };
  const b = new TextBuilder();
  let copied = 0;
  // Whether the output so far ends at the start of a line (spaces and tabs aside). Decided on the
  // output, not the input: a control or an invisible character this pass drops before a Symbol-font
  // bullet must not keep it from being one, or a second pass would read it differently.
  let lineStart = true;
  const n = text.length;
  for (let i = 0; i < n; ) {
    const code = text.charCodeAt(i);
    if (!isSpecial(code)) {
      i++;
      continue;
    }
    if (i > copied) {
      b.copy(text.slice(copied, i), copied);
      lineStart = endsAtLineStart(text, copied, i, lineStart);
    }
    copied = i + 1;
    i++;
    if (code === 0x0d) {
      // CRLF loses its CR (the LF is copied with what follows); a lone CR becomes LF.
      if (text.charCodeAt(i) !== 0x0a) {
        b.insert("\n", i - 1);
        lineStart = true;
      }
    } else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) {
      // Controls are no text. Word's text exports use some: vertical tab for a line break, form
      // feed for a page break, BEL for a table cell's end, 0x1E for a non-breaking hyphen (0x1F,
      // an optional hyphen inside a word, and the 0x03/0x04 footnote separators just go). An
      // escape sequence (a coloured capture of a terminal) goes whole.
      if (code === 0x0b || code === 0x0c) {
        b.insert("\n", i - 1);
        lineStart = true;
      } else if (code === 0x07) b.insert("\t", i - 1);
      else if (code === 0x1e) {
        b.insert("-", i - 1);
        lineStart = false;
      } else if (code === 0x1b || code === 0x9b) {
        i += escapeSequenceLength(text, i - 1) - 1;
        copied = i;
      }
    } else if (code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x3000) {
      b.insert(" ", i - 1);
    } else if (code >= 0xfb00 && code <= 0xfb06) {
      // NFKC for the ligature only: on the whole text it would also flatten µ, ², … and ½.
      b.insert(text[i - 1]!.normalize("NFKC"), i - 1);
      lineStart = false;
    } else if (code >= 0xff01 && code <= 0xff5e) {
      b.insert(String.fromCharCode(code - 0xfee0), i - 1);
      lineStart = false;
    } else if (code >= 0xf000 && code <= 0xf0ff) {
      if (BULLETS.has(code) || code === 0xf02d || lineStart) b.insert(code === 0xf02d ? "-" : "•", i - 1);
      else b.copy(text[i - 1]!, i - 1);
      lineStart = false;
    }
    // Anything else special is invisible (soft hyphen, zero-width, BOM): dropped.
  }
  if (n > copied) b.copy(text.slice(copied), copied);
  return { ...b.finish(n), hadSpecial: true };
}

// After ESC (or the C1 CSI): a control sequence's parameters and final byte, a control string up
// to its terminator (BEL or ESC \\; at most 512 characters, so a stray ESC never swallows a
// document), or an escape with intermediates (`ESC ( B`) or a cursor or keypad mode; an ESC before
// anything else goes alone, so the word after it keeps its first letter.
const CONTROL_SEQUENCE = /\[[0-?]*[ -/]*[@-~]/y;
const CONTROL_STRING = /[\]PX^_][^\u0007\u001b]{0,512}(?:\u0007|\u001b\\)/y;
const SHORT_ESCAPE = /[ -/]+[0-~]|[=>78]/y;

/** The length of the escape sequence starting at `at` (1 when it is a lone ESC or CSI). */
function escapeSequenceLength(text: string, at: number): number {
  if (text.charCodeAt(at) === 0x9b) {
    const m = /[0-?]*[ -/]*[@-~]/y;
    m.lastIndex = at + 1;
    return m.exec(text) ? m.lastIndex - at : 1;
  }
  for (const pattern of [CONTROL_SEQUENCE, CONTROL_STRING, SHORT_ESCAPE]) {
    pattern.lastIndex = at + 1;
    if (pattern.exec(text)) return pattern.lastIndex - at;
  }
  return 1;
}

const TONE_MARKS = new Set(["\u0300", "\u0301", "\u0303", "\u0309"]);
const MODIFIER_MARKS = new Set(["\u0302", "\u0306"]);

// One base with its marks → NFC, after the two repairs NFC cannot do by itself.
function repairCluster(cluster: string): string {
  const chars = [...cluster.normalize("NFD")];
  // `d` + combining short or long stroke overlay is đ.
  if ((chars[0] === "d" || chars[0] === "D") && chars.some((c) => c === "\u0335" || c === "\u0336")) {
    chars[0] = chars[0] === "d" ? "đ" : "Đ";
    chars.splice(chars.findIndex((c) => c === "\u0335" || c === "\u0336"), 1);
  }
  // A tone typed before the circumflex or breve: both are above marks of one combining class, so
  // canonical ordering keeps them as typed and NFC composes only the first (ẻ + ̂ instead of ể).
  for (let swapped = true; swapped; ) {
    swapped = false;
    for (let k = 0; k + 1 < chars.length; k++) {
      if (TONE_MARKS.has(chars[k]!) && MODIFIER_MARKS.has(chars[k + 1]!)) {
        [chars[k], chars[k + 1]] = [chars[k + 1]!, chars[k]!];
        swapped = true;
      }
    }
  }
  return chars.join("").normalize("NFC");
}

function endsAtLineStart(text: string, from: number, to: number, before: boolean): boolean {
  for (let k = to - 1; k >= from; k--) {
    const c = text.charCodeAt(k);
    if (c === 0x0a) return true;
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return before;
}

// `Ð` (U+00D0, eth) looks exactly like `Đ` and fonts without Vietnamese glyphs produce it; `ð` is
// what Windows-1258 text shows for đ. In text with Vietnamese letters (or where the replacement
// makes a syllable) they are Đ and đ; an Icelandic text keeps its eth. Same length, same map.
const VIETNAMESE_LETTER = /[ăâđêôơưĂÂĐÊÔƠƯ\u1EA0-\u1EF9]/;
const ETH_WORD = /[\p{L}\p{M}]*[Ðð][\p{L}\p{M}]*/gu;

function repairEth(text: string): string {
  if (!/[Ðð]/.test(text)) return text;
  const toDj = (s: string) => s.replace(/Ð/g, "Đ").replace(/ð/g, "đ");
  const vietnamese = VIETNAMESE_LETTER.test(text) || [...text.matchAll(ETH_WORD)].some((m) => isVietnameseSyllable(toDj(m[0]).normalize("NFC")));
  return vietnamese ? toDj(text) : text;
}

// Each base with its combining marks (and Hangul jamo after a leading jamo) is repaired and
// normalised on its own, which equals NFC of the whole because nothing composes across such
// boundaries. Null when the text is NFC and holds no mark to look at.
function repairMarks(text: string): { text: string; map: OffsetMap } | null {
  if (!/[\u0300-\u036F]/.test(text) && text.normalize("NFC") === text) return null;
  const b = new TextBuilder();
  const n = text.length;
  let i = 0;
  while (i < n) {
    let end = i + charLength(text, i);
    while (end < n && (isMarkAt(text, end) || isJamoContinuation(text.charCodeAt(end)))) end += charLength(text, end);
    const cluster = text.slice(i, end);
    const fixed = end - i === 1 && text.charCodeAt(i) < 0x300 ? cluster : repairCluster(cluster);
    if (fixed === cluster) b.copy(cluster, i);
    else b.insert(fixed, i);
    i = end;
  }
  return b.finish(n);
}

function isJamoContinuation(code: number): boolean {
  return code >= 0x1160 && code <= 0x11ff;
}

function charLength(text: string, i: number): number {
  const code = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

const MARK = /^\p{M}/u;

function isMarkAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x300) return false;
  if (code <= 0x36f) return true;
  return MARK.test(text.slice(i, i + 2));
}
