// Bytes in any encoding a Vietnamese government file comes in → Unicode NFC text.
//
// The container (UTF-8, UTF-16, or bytes that are not UTF-8) is settled from byte-order marks,
// NUL patterns and a strict UTF-8 decode. What the container holds is another matter: a TCVN3 or
// VNI file opened as Windows-1252 and saved as UTF-8 is valid UTF-8 full of `Céng hßa` or
// `Coäng hoøa`, and a TCVN3 header is often pasted above a Unicode body. Byte-level detectors
// cannot tell these apart, so each line that holds characters a legacy decoding would explain is
// decoded by every plausible decoder, and the output with the most well-formed Vietnamese
// syllables wins — by a margin, so that clean text with `© µm Peña Müller` stays as it is. A
// second pass lets the encoding most lines chose also take the lines whose evidence alone was
// too weak (`vµ` by itself). Clean UTF-8 costs one strict decode and one regular-expression scan.
import type { Diagnostic } from "../model/record.js";
import { repairMojibake } from "./decode-mojibake.js";
import { scoreVietnamese, type VietnameseScore } from "./decode-score.js";
import { decodeVisciiText, decodeWindows1258Text } from "./decode-single-byte.js";
import { capitaliseParagraphStarts, decodeTcvn3Text } from "./decode-tcvn3.js";
import { decodeViqrText, hasViqrMarks } from "./decode-viqr.js";
import { decodeVniText } from "./decode-vni.js";
import { decodeWords } from "./decode-words.js";
import { decodeWindows1252 } from "./decode-windows-1252.js";

/** The encodings decodeBytes reports; `mixed` when lines were decoded from different ones. */
export type TextEncodingName =
  | "utf-8"
  | "utf-16le"
  | "utf-16be"
  | "windows-1252"
  | "windows-1258"
  | "tcvn3"
  | "vni"
  | "viqr"
  | "viscii"
  | "utf-8-mojibake"
  | "mixed";

/** A run of lines (1-based, inclusive) decoded from one encoding. */
export interface LineEncoding {
  startLine: number;
  endLine: number;
  encoding: Exclude<TextEncodingName, "mixed">;
}

/** The decoded text, what it was decoded from, and notes on anything repaired or doubtful. */
export interface DecodedText {
  /** Unicode text in NFC; a byte-order mark is dropped; line breaks are kept as they were. */
  text: string;
  encoding: TextEncodingName;
  /** Present when `encoding` is `mixed`: which lines came from which encoding. */
  lineEncodings?: LineEncoding[];
  diagnostics: Diagnostic[];
}

type Container = "utf-8" | "utf-16le" | "utf-16be";
type Label = Exclude<TextEncodingName, "mixed">;

interface Candidate {
  name: Label;
  decode: (text: string) => { text: string; repaired?: number };
  /** VIQR reads ASCII, whose words never score as garbage, so it cannot be asked to reduce any. */
  fromAscii?: boolean;
}

// Order breaks ties between equal scores: the commoner encoding first.
const CANDIDATES: Candidate[] = [
  { name: "tcvn3", decode: (t) => ({ text: decodeTcvn3Text(t) }) },
  { name: "vni", decode: (t) => ({ text: decodeVniText(t) }) },
  { name: "windows-1258", decode: (t) => ({ text: decodeWindows1258Text(t) }) },
  { name: "utf-8-mojibake", decode: repairMojibake },
  { name: "viscii", decode: (t) => ({ text: decodeVisciiText(t) }) },
  { name: "viqr", decode: (t) => ({ text: decodeViqrText(t) }), fromAscii: true },
];

// Characters that clean Vietnamese Unicode does not hold but legacy text read as 1252 does:
// C1 controls and 1252's 0x80–0x9F letters, Latin-1 symbols and non-Vietnamese letters (TCVN3's
// letters, VNI's marks, Windows-1258's tones), μ and − from PDF extractors.
const LEGACY_CHARS = "\\u0080-\\u009F\\u00A1-\\u00BF\\u00C4-\\u00C7\\u00CB\\u00CE-\\u00D1\\u00D6-\\u00D8\\u00DB\\u00DC\\u00DE\\u00DF\\u00E4-\\u00E7\\u00EB\\u00EE-\\u00F1\\u00F6-\\u00F8\\u00FB\\u00FC\\u00FE\\u00FF\\u03BC\\u2212";
// What a UTF-8 continuation byte looks like after a 1252 reading.
const CONTINUATION = "\\u0080-\\u00BF\\u0152\\u0153\\u0160\\u0161\\u0178\\u017D\\u017E\\u0192\\u02C6\\u02DC\\u2013\\u2014\\u2018-\\u201A\\u201C-\\u201E\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203A\\u20AC\\u2122";
const LEGACY_CHAR = new RegExp(`[${LEGACY_CHARS}]`);
const CONTINUATION_CHAR = new RegExp(`[${CONTINUATION}]`);

// Per code below 0x100: 1 a legacy character, 2 a UTF-8 lead byte's character (C2–EF), 4 a
// vowel, 8 a VIQR mark ( ^ + ` ~, 16 a Windows-1258 tone or VNI tone mark, 32 a VNI circumflex
// (â), 64 a VNI breve (ê), 128 an ASCII letter.
const CLASS = new Uint8Array(0x100);
for (let c = 0; c < 0x100; c++) {
  const ch = String.fromCharCode(c);
  if (LEGACY_CHAR.test(ch)) CLASS[c]! |= 1;
  if (c >= 0xc2 && c <= 0xef) CLASS[c]! |= 2;
  if ("aeiouyâêôAEIOUYÂÊÔ".includes(ch)) CLASS[c]! |= 4;
  if ("(^+`~".includes(ch)) CLASS[c]! |= 8;
  if ("ÌìÒòÞùÙõÕ".includes(ch)) CLASS[c]! |= 16;
  if ("âÂ".includes(ch)) CLASS[c]! |= 32;
  if ("êÊ".includes(ch)) CLASS[c]! |= 64;
  if (/[A-Za-z]/.test(ch)) CLASS[c]! |= 128;
}

/**
 * Whether text holds what only a legacy reading explains: characters clean Vietnamese Unicode
 * does not use, a UTF-8 lead byte's character before a continuation byte's (mojibake), tone
 * marks after a vowel as Windows-1258 and VNI write them (`oò`, `aù`, `oâ`, `aê`), or VIQR marks.
 * A loop over char codes, because it runs over every clean file.
 */
const MARK_CLASSES = 1 | 8 | 16 | 32 | 64;

function isSuspicious(text: string): boolean {
  let prev = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x100) {
      const k = CLASS[c]!;
      // Most characters are none of the marks below: the previous character is looked at only
      // for the few that are.
      if (k & MARK_CLASSES) {
        if (k & 1) return true;
        const p = prev < 0x100 ? CLASS[prev]! : prev === 0x103 || prev === 0x1a1 || prev === 0x1b0 || prev === 0x102 || prev === 0x1a0 || prev === 0x1af ? 4 : 0;
        if (k & 8 && p & 4 && prev < 0x80) return true;
        if (k & 16 && p & 4) return true;
        if (k & 32 && (prev | 0x20) !== 0x75 && p & 4 && prev < 0x80) return true; // uâ is Vietnamese (xuân)
        if (k & 64 && (prev | 0x20) === 0x61) return true;
      }
      // VIQR đ: dd or DD starting a word, before a vowel.
      if ((c | 0x20) === 0x64 && (prev | 0x20) === 0x64 && i + 1 < n && CLASS[text.charCodeAt(i + 1) & 0xff]! & 4 && text.charCodeAt(i + 1) < 0x80 && !(i >= 2 && CLASS[text.charCodeAt(i - 2) & 0xff]! & 128 && text.charCodeAt(i - 2) < 0x100)) return true;
    } else if (c === 0x3bc || c === 0x2212) return true;
    if (prev >= 0xc2 && prev <= 0xef && c >= 0x80 && CONTINUATION_CHAR.test(text[i]!)) return true;
    prev = c;
  }
  return false;
}

const NON_ASCII = /[^\x00-\x7F]/;
// Lines one encoding must have won, with next to none for the others, before it is tried first.
const SETTLED_AFTER = 50;
// A line with a non-ASCII character and every one of them a Latin-1 letter.
const LATIN1_LETTERS_ONLY = /^(?=[^]*[\u00C0-\u00FF])[\x00-\x7F\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF]*$/;
const VIQR_ANY_MARK = /[AEIOUYaeiouy][(^+`?~'.]|(?:^|[^A-Za-z])[Dd][Dd]|[A-Z]DD|DD[A-Z]|\\[(^+`?~'.]/;
const LEGACY = new RegExp(`[${LEGACY_CHARS}]`);
// Vietnamese letters that Windows-1252 has no byte for: a line holding one is Unicode.
const BEYOND_1252 = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01A0\u01A1\u01AF\u01B0\u1EA0-\u1EF9]/;

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Decodes a file's bytes into Unicode NFC text, detecting the encoding (legacy Vietnamese ones
 * included, line by line when they are mixed). Never throws.
 * @example decodeBytes(new TextEncoder().encode("Céng hßa")).text // "Cộng hòa"
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  try {
    return decode(bytes);
  } catch (error) {
    // No input is known to get here; a decoder bug must still not cost the caller the document.
    return {
      text: new TextDecoder("utf-8").decode(bytes).normalize("NFC"),
      encoding: "utf-8",
      diagnostics: [diagnostic("error", "decode-failed", `decoding failed (${String(error)}); read as UTF-8`, 0)],
    };
  }
}

function decode(input: Uint8Array): DecodedText {
  const diagnostics: Diagnostic[] = [];
  let bytes = input;
  let container: Container = "utf-8";
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bytes = bytes.subarray(3);
    diagnostics.push(diagnostic("info", "bom-dropped", "UTF-8 byte-order mark dropped", 1));
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    container = "utf-16le";
    bytes = bytes.subarray(2);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    container = "utf-16be";
    bytes = bytes.subarray(2);
  } else {
    const guess = guessUtf16(bytes);
    if (guess) {
      container = guess;
      diagnostics.push(diagnostic("info", "utf-16-without-bom", `no byte-order mark; NUL bytes show ${guess}`, 1));
    }
  }

  let lines: Line[];
  if (container !== "utf-8") {
    const text = decodeUtf16(bytes, container === "utf-16le");
    if (text.includes("\uFFFD")) diagnostics.push(diagnostic("warning", "invalid-utf-16", "unpaired surrogates or an odd byte replaced by U+FFFD", 1));
    if (!isSuspicious(text)) return { text: text.normalize("NFC"), encoding: container, diagnostics };
    lines = text.split("\n").map((t) => ({ text: t, raw: false }));
  } else {
    let text: string | null = null;
    try {
      text = STRICT_UTF8.decode(bytes);
    } catch {
      text = null;
    }
    if (text !== null) {
      // The quick path: clean UTF-8 has none of the characters legacy decodings explain.
      if (!isSuspicious(text)) return { text: text.normalize("NFC"), encoding: "utf-8", diagnostics };
      lines = text.split("\n").map((t) => ({ text: t, raw: false }));
    } else {
      lines = splitRawLines(bytes);
    }
  }
  return repairLines(lines, container, diagnostics);
}

/** A line of text; `raw` when its bytes were not UTF-8 and were read as Windows-1252. */
interface Line {
  text: string;
  raw: boolean;
  /** Decoded already, by what the format said (a run's font): taken as it is, and counted as evidence. */
  fixed?: { label: Label; text: string };
  /** The next line continues this one (a stretch of a line in another font): joined without a break. */
  continues?: boolean;
}

interface Decision {
  label: Label | null;
  text: string;
  /** The score of the chosen reading, when one was chosen. */
  value?: number;
}

/** A stretch of text a document format handed over: decoded already when its font said how. */
export interface TextSegment {
  text: string;
  /** The encoding the segment was decoded from, with its decoded text; absent: detect it. */
  fixed?: { label: Exclude<TextEncodingName, "mixed" | "utf-8-mojibake">; text: string };
  /** The next segment continues this one's line. */
  continues?: boolean;
}

/**
 * Decodes segments of a document whose format tells the encoding of some of them (runs in legacy
 * fonts): those are taken as decoded and count as evidence for the rest, which are detected as
 * lines of a file are. Line numbers mean nothing here, so the result says only which encodings
 * were found. Never throws.
 */
export function decodeSegments(segments: readonly TextSegment[]): { text: string; encoding: TextEncodingName } {
  try {
    // Text in no legacy font and with nothing a legacy reading explains is Unicode as it stands.
    if (!segments.some((s) => s.fixed || isSuspicious(s.text))) return { text: joinSegments(segments), encoding: "utf-8" };
    const lines: Line[] = segments.map((s) => ({ text: s.text, raw: false, fixed: s.fixed, continues: s.continues }));
    const { text, encoding } = repairLines(lines, "utf-8", [], false);
    return { text, encoding };
  } catch {
    // No input is known to get here; the segments' own text is still the document's.
    return { text: joinSegments(segments), encoding: "mixed" };
  }
}

function joinSegments(segments: readonly TextSegment[]): string {
  let text = "";
  segments.forEach((s, i) => (text += (s.fixed?.text ?? s.text) + (s.continues || i === segments.length - 1 ? "" : "\n")));
  return text.normalize("NFC");
}

function repairLines(lines: Line[], container: Container, diagnostics: Diagnostic[], describe = true): DecodedText {
  const decisions: Decision[] = [];
  const cache: (Map<Label, { text: string; score: VietnameseScore }> | undefined)[] = [];
  const originals: (VietnameseScore | undefined)[] = [];
  const wins = new Map<Label, number>();

  const original = (i: number): VietnameseScore => (originals[i] ??= scoreVietnamese(lines[i]!.text.normalize("NFC")));
  const candidate = (i: number, c: Candidate) => {
    const map = (cache[i] ??= new Map());
    let hit = map.get(c.name);
    if (!hit) {
      const out = c.decode(lines[i]!.text);
      const text = out.text.normalize("NFC");
      // A mojibake candidate that rebuilt no sequence changed nothing worth keeping.
      hit = { text, score: out.repaired === 0 ? original(i) : scoreVietnamese(text) };
      map.set(c.name, hit);
    }
    return hit;
  };

  // A legacy reading must repair words that were not Vietnamese (clean text has none to repair,
  // while TCVN3 would happily turn its `tháng` into the equally well-formed `thỏng`), gain clearly,
  // gain syllables with letters beyond Latin-1 (`5 µm` → `5 àm` gains none), and itself read
  // mostly as Vietnamese. Mojibake needs only a rebuilt UTF-8 sequence.
  const accepts = (c: Candidate, score: VietnameseScore, base: VietnameseScore): boolean =>
    c.name === "utf-8-mojibake"
      ? score.value >= base.value
      : (score.garbage < base.garbage || c.fromAscii === true) && score.value - base.value >= 3 && score.specific - base.specific >= 2 && score.garbage * 3 <= score.syllables;
  let totalWins = 0;
  const settledEncoding = (): Candidate | null => {
    totalWins = 0;
    let top: Candidate | null = null;
    for (const c of CANDIDATES) {
      const n = wins.get(c.name) ?? 0;
      totalWins += n;
      if (!top || n > (wins.get(top.name) ?? 0)) top = c;
    }
    const n = top ? (wins.get(top.name) ?? 0) : 0;
    return top && !top.fromAscii && top.name !== "utf-8-mojibake" && n >= SETTLED_AFTER && totalWins - n <= n / 50 ? top : null;
  };

  // Pass 1: lines whose own evidence is strong.
  const strong: (Set<Label> | undefined)[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.fixed) {
      decisions.push({ label: line.fixed.label, text: line.fixed.text });
      wins.set(line.fixed.label, (wins.get(line.fixed.label) ?? 0) + 1);
      continue;
    }
    decisions.push({ label: null, text: line.text });
    // In a file that holds legacy text, a line of Latin-1 letters only (`MôC LôC`, TCVN3 for MỤC
    // LỤC) is as likely legacy as Unicode: it is read by every decoder too.
    if (!(line.raw || isSuspicious(line.text) || LATIN1_LETTERS_ONLY.test(line.text))) continue;
    const base = original(i);
    let best: { name: Label; text: string; value: number } | null = null;
    // Once one encoding has won many lines and no other has won any to speak of, a line it
    // reads well is taken without trying the others (most of the cost of a legacy file).
    const settled = settledEncoding();
    if (settled) {
      const { text, score } = candidate(i, settled);
      if (text !== line.text.normalize("NFC") && accepts(settled, score, base)) {
        (strong[i] ??= new Set()).add(settled.name);
        decisions[i] = { label: settled.name, text, value: score.value };
        wins.set(settled.name, (wins.get(settled.name) ?? 0) + 1);
        continue;
      }
    }
    for (const c of CANDIDATES) {
      // English has `go.` and `me?`: VIQR is only tried on lines with marks only it writes.
      if (c.fromAscii && !hasViqrMarks(line.text)) continue;
      const { text, score } = candidate(i, c);
      if (text === line.text.normalize("NFC")) continue;
      if (!accepts(c, score, base)) continue;
      (strong[i] ??= new Set()).add(c.name);
      if (!best || score.value > best.value) best = { name: c.name, text, value: score.value };
    }
    if (best) {
      decisions[i] = { label: best.name, text: best.text, value: best.value };
      wins.set(best.name, (wins.get(best.name) ?? 0) + 1);
    }
  }

  // Pass 2: the encoding most lines chose takes every line where it is strong, even where another
  // scored higher (VISCII reads TCVN3's `träng t©m` as `trảng tẹm`), and the lines where it merely
  // reads better. How much better depends on whether the file also holds Unicode Vietnamese
  // (letters 1252 has no byte for): then a line must have words to repair, or TCVN3 would turn
  // a body line's `tháng` into `thỏng`; a file without any is legacy throughout, and the
  // dominant reading (chosen by two lines or more) is right unless it reads worse: `HÑND` →
  // `HĐND` and `chó` → `chú` score no better.
  let dominant: Candidate | undefined;
  let most = 0;
  for (const c of CANDIDATES) {
    const count = wins.get(c.name) ?? 0;
    if (c.name !== "utf-8-mojibake" && count > most) {
      most = count;
      dominant = c;
    }
  }
  if (dominant) {
    const unicode = lines.some((l, i) => decisions[i]!.label === null && BEYOND_1252.test(l.text));
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const decided = decisions[i]!.label;
      if (line.fixed || decided === dominant.name || decided === "utf-8-mojibake") continue;
      if (!(NON_ASCII.test(line.text) || (dominant.fromAscii && VIQR_ANY_MARK.test(line.text)))) continue;
      let take = strong[i]?.has(dominant.name) ?? false;
      // A line with Unicode Vietnamese letters only takes a reading it was strong for.
      if (!take && BEYOND_1252.test(line.text)) continue;
      const { text, score } = candidate(i, dominant);
      if (text === line.text.normalize("NFC")) continue;
      const base = original(i);
      if (!take) {
        take = unicode
          ? score.value > base.value && (score.garbage < base.garbage || dominant.fromAscii === true)
          : score.garbage <= base.garbage && (score.value > base.value || (score.value === base.value && (most >= 2 || LEGACY.test(line.text))));
        // Another reading chosen on its own evidence yields only when it was not far better.
        if (decided !== null) take &&= score.value >= (decisions[i]!.value ?? 0) - 2;
      }
      if (take) decisions[i] = { label: dominant.name, text };
    }
  }

  // Pass 3: a file that mixes encodings has a second one (and more) that won lines of its own:
  // each, from the commonest down, takes the lines where it was strong but a rarer reading
  // scored higher (VISCII's `Sẻ Tễ phịp` for TCVN3's `Sở Tư pháp`), and the lines still
  // undecided that it reads clearly better (`CH¦¥NG I:` → `CHƯƠNG I:`, too short to be strong).
  const ranked = CANDIDATES.filter((c) => c !== dominant && c.name !== "utf-8-mojibake" && (wins.get(c.name) ?? 0) >= 2).sort((a, b) => (wins.get(b.name) ?? 0) - (wins.get(a.name) ?? 0));
  for (const c of ranked) {
    const count = wins.get(c.name) ?? 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const decided = decisions[i]!.label;
      if (line.fixed || decided === c.name || decided === "utf-8-mojibake" || (decided !== null && (wins.get(decided) ?? 0) >= count)) continue;
      if (!NON_ASCII.test(line.text) || BEYOND_1252.test(line.text)) continue;
      let take = strong[i]?.has(c.name) ?? false;
      const { text, score } = candidate(i, c);
      if (!take && decided === null) {
        const base = original(i);
        // A line with letters lost from its words (`kt ni m¹ng di¦n rng`) keeps garbage in any
        // reading: halving it is evidence enough for an encoding the file is known to use.
        take = score.garbage < base.garbage && score.value > base.value && (score.garbage * 3 <= score.syllables || score.garbage * 2 <= base.garbage);
      }
      if (take) decisions[i] = { label: c.name, text };
    }
  }

  // Pass 4: lines no reading of the whole fits — left undecoded, or holding Unicode letters beside
  // legacy words (a document converted in part, a font switched mid-line) — are decoded word by
  // word by the encodings the file is known to use, each word kept only where it becomes a
  // syllable (decode-words.ts).
  const known = CANDIDATES.filter((c) => c.name !== "utf-8-mojibake" && !c.fromAscii && (wins.get(c.name) ?? 0) >= 1).sort((a, b) => (wins.get(b.name) ?? 0) - (wins.get(a.name) ?? 0));
  if (known.length) {
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const d = decisions[i]!;
      if (line.fixed || d.label === "utf-8-mojibake" || !LEGACY.test(line.text)) continue;
      const mixed = BEYOND_1252.test(line.text);
      if (d.label !== null && !mixed) continue;
      let best: { label: Label; text: string; fixed: number } | null = null;
      for (const c of known) {
        const words = decodeWords(line.text, (w) => c.decode(w).text);
        if (words.fixed > (best?.fixed ?? 0)) best = { label: c.name, text: words.text.normalize("NFC"), fixed: words.fixed };
      }
      if (!best) continue;
      if (d.label !== null && scoreVietnamese(best.text).value <= scoreVietnamese(d.text).value) continue;
      decisions[i] = { label: best.label, text: best.text };
    }
  }

  // Lines left as they were still say what they were read as, unless they are plain ASCII.
  for (let i = 0; i < lines.length; i++) {
    const d = decisions[i]!;
    const line = lines[i]!;
    if (d.label === null && NON_ASCII.test(line.text)) d.label = line.raw ? "windows-1252" : container;
    // Mojibake repair of bytes that were not UTF-8 is UTF-8 with a few bad bytes.
    if (d.label === "utf-8-mojibake" && line.raw) d.label = "utf-8";
  }

  const restored = capitaliseParagraphStarts(decisions.map((d) => ({ text: d.text, tcvn3: d.label === "tcvn3" })));
  let text = "";
  for (let i = 0; i < restored.length; i++) text += i + 1 < restored.length && !lines[i]!.continues ? `${restored[i]!}\n` : restored[i]!;
  text = text.normalize("NFC");
  const runs = toRuns(decisions.map((d) => d.label));
  if (describe) describeRuns(runs, lines, container, diagnostics);
  const labels = new Set(runs.map((r) => r.encoding));
  if (labels.size === 0) return { text, encoding: lines.some((l) => l.raw) ? "windows-1252" : container, diagnostics };
  if (labels.size === 1) return { text, encoding: runs[0]!.encoding, diagnostics };
  if (!describe) return { text, encoding: "mixed", diagnostics };
  const listed = runs.slice(0, MAX_RUN_NOTES).map((r) => `${r.encoding} (${lineRange(r)})`);
  if (runs.length > MAX_RUN_NOTES) listed.push(`${runs.length - MAX_RUN_NOTES} more runs`);
  const summary = listed.join(", ");
  diagnostics.push(diagnostic("warning", "mixed-encodings", `lines come in different encodings: ${summary}`, 1));
  return { text, encoding: "mixed", lineEncodings: runs, diagnostics };
}

// Neutral (ASCII) lines join the run before them, or the first run when they open the file.
function toRuns(labels: (Label | null)[]): LineEncoding[] {
  const runs: LineEncoding[] = [];
  let leading = 0;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    const last = runs[runs.length - 1];
    if (label === null) {
      if (last) last.endLine = i + 1;
      else leading++;
    } else if (last && last.encoding === label) last.endLine = i + 1;
    else runs.push({ startLine: runs.length ? i + 1 : 1, endLine: i + 1, encoding: label });
  }
  return leading === labels.length ? [] : runs;
}

const NAMES: Record<Label, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16LE",
  "utf-16be": "UTF-16BE",
  "windows-1252": "Windows-1252",
  "windows-1258": "Windows-1258",
  tcvn3: "TCVN3 (ABC)",
  vni: "VNI-Windows",
  viqr: "VIQR",
  viscii: "VISCII",
  "utf-8-mojibake": "UTF-8 that had been read as Windows-1252 (mojibake)",
};

// A file can change encoding on every line (binary data, a corrupt file): past this many runs
// the notes are summed up in one, so the diagnostics stay readable and bounded.
const MAX_RUN_NOTES = 20;

function describeRuns(runs: LineEncoding[], lines: Line[], container: Container, diagnostics: Diagnostic[]): void {
  let notes = 0;
  let unlisted: LineEncoding | null = null;
  let more = 0;
  for (const run of runs) {
    const raw = lines.slice(run.startLine - 1, run.endLine).some((l) => l.raw);
    const where = lineRange(run);
    if (run.encoding === container && !raw) continue;
    if (notes++ >= MAX_RUN_NOTES) {
      unlisted ??= run;
      more++;
      continue;
    }
    if (run.encoding === "windows-1252") {
      diagnostics.push(diagnostic("warning", "not-utf-8", `${where}: not UTF-8 and no Vietnamese encoding fits; read as Windows-1252`, run.startLine));
    } else if (run.encoding === "utf-8") {
      diagnostics.push(diagnostic("warning", "invalid-utf-8", `${where}: UTF-8 with invalid bytes, kept as Windows-1252 characters`, run.startLine));
    } else if (run.encoding === "utf-8-mojibake") {
      diagnostics.push(diagnostic("info", "mojibake-repaired", `${where}: repaired ${NAMES[run.encoding]}`, run.startLine));
    } else {
      const how = raw ? "bytes" : `text that had been read as Windows-1252 and saved as ${NAMES[container]}`;
      diagnostics.push(diagnostic("info", "legacy-encoding", `${where}: decoded from ${NAMES[run.encoding]} ${how}`, run.startLine));
    }
  }
  if (unlisted) diagnostics.push(diagnostic("warning", "more-encodings", `${more} more runs of lines from line ${unlisted.startLine} on were decoded from other encodings or had invalid bytes`, unlisted.startLine));
}

function lineRange(run: LineEncoding): string {
  return run.startLine === run.endLine ? `line ${run.startLine}` : `lines ${run.startLine}–${run.endLine}`;
}

function diagnostic(severity: Diagnostic["severity"], code: string, message: string, line: number): Diagnostic {
  return { severity, code, message, line, column: line > 0 ? 1 : 0 };
}

// UTF-16 without a byte-order mark: text that is mostly ASCII (as Vietnamese is, in spaces,
// digits and base letters) has a NUL in every other byte. UTF-8 and 8-bit text never hold NULs.
function guessUtf16(bytes: Uint8Array): Container | null {
  const n = Math.min(bytes.length, 65536) & ~1;
  if (n < 2 || bytes.indexOf(0) < 0) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros >= pairs * 0.3 && evenZeros <= oddZeros * 0.1) return "utf-16le";
  if (evenZeros >= pairs * 0.3 && oddZeros <= evenZeros * 0.1) return "utf-16be";
  return null;
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  if (littleEndian) return new TextDecoder("utf-16le").decode(bytes);
  // Swap to little-endian rather than rely on a utf-16be decoder being built in.
  const swapped = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1]!;
    swapped[i + 1] = bytes[i]!;
  }
  if (bytes.length % 2) swapped[bytes.length - 1] = bytes[bytes.length - 1]!;
  return new TextDecoder("utf-16le").decode(swapped);
}

// Bytes that are not valid UTF-8 as a whole: each line is UTF-8 if it is valid on its own (a
// Unicode body under a legacy header), else read as Windows-1252 for the legacy decoders.
function splitRawLines(bytes: Uint8Array): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const end = bytes.indexOf(0x0a, start);
    const chunk = bytes.subarray(start, end < 0 ? bytes.length : end);
    let text: string | null;
    try {
      text = STRICT_UTF8.decode(chunk);
    } catch {
      text = null;
    }
    // A short legacy line can be valid UTF-8 by chance (VISCII's `ĐỊ` is the bytes of `И`); real
    // UTF-8 in a Vietnamese file does not hold Greek through Devanagari or C1 controls.
    if (text !== null && /[\u0080-\u009F\u0370-\u1DFF]/.test(text)) text = null;
    lines.push(text === null ? { text: decodeWindows1252(chunk), raw: true } : { text, raw: false });
    if (end < 0) return lines;
    start = end + 1;
  }
}
