// Font runs (from .doc, RTF, .docx) → Unicode text. A run set in a legacy Vietnamese font is
// decoded by the code its font implies (legacy-fonts.ts); the runs in other fonts are detected as
// the lines of a text file are (decode-bytes.ts), with the decoded runs as evidence of what the
// document holds. The font is not trusted when its runs already hold Unicode Vietnamese: a
// document converted to Unicode keeps its old font names.
import type { Diagnostic } from "../model/record.js";
import { decodeSegments, type TextEncodingName, type TextSegment } from "./decode-bytes.js";
import { scoreVietnamese } from "./decode-score.js";
import { decodeTcvn3Text } from "./decode-tcvn3.js";
import { decodeVniText } from "./decode-vni.js";
import { hasLegacyCharacter } from "./decode-words.js";
import type { FontRun } from "./font-runs.js";
import { fontEncoding, type FontEncoding } from "./legacy-fonts.js";

/** Text decoded from font runs, what it was decoded from, and a note saying how. */
export interface DecodedRuns {
  text: string;
  encoding: TextEncodingName;
  diagnostics: Diagnostic[];
}

// Vietnamese letters Windows-1252 has no byte for: a run holding one is Unicode already.
const BEYOND_1252 = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01A0\u01A1\u01AF\u01B0\u1EA0-\u1EF9]/;
// Symbol-charset fonts store their bytes at U+F000 + byte.
const SYMBOL_AREA = /[\uF020-\uF0FF]/g;

const DECODERS: Record<FontEncoding, (text: string) => string> = {
  tcvn3: decodeTcvn3Text,
  // The capitals fonts draw every letter as a capital, whatever its code.
  "tcvn3-capitals": (text) => decodeTcvn3Text(text).toUpperCase(),
  vni: decodeVniText,
};

const LABELS: Record<FontEncoding, "tcvn3" | "vni"> = { tcvn3: "tcvn3", "tcvn3-capitals": "tcvn3", vni: "vni" };

/**
 * Decodes a document's font runs into NFC text; never throws.
 * @example decodeFontRuns([{ text: "Céng hoµ", font: ".VnTime" }]).text // "Cộng hoà"
 */
export function decodeFontRuns(runs: readonly FontRun[]): DecodedRuns {
  // Fonts whose runs hold Unicode Vietnamese somewhere say nothing about their bytes.
  const untrusted = new Set<string>();
  for (const run of runs) if (run.font && !untrusted.has(run.font) && BEYOND_1252.test(run.text)) untrusted.add(run.font);
  // A run of such a font is still decoded by it when it holds characters only a legacy reading
  // explains and no Unicode Vietnamese (a document converted to Unicode in part); the rest of
  // its runs are detected.
  const classOf = (run: FontRun): FontEncoding | null => {
    const encoding = fontEncoding(run.font);
    if (!encoding || !run.font) return null;
    if (!untrusted.has(run.font)) return encoding;
    return !BEYOND_1252.test(run.text) && hasLegacyCharacter(run.text) ? encoding : null;
  };

  const segments: TextSegment[] = [];
  const counts = new Map<string, { characters: number; fonts: Set<string> }>();
  let pending = "";
  let pendingClass: FontEncoding | null = null;
  const close = (continues: boolean) => {
    const text = pending;
    pending = "";
    if (pendingClass === null) {
      segments.push({ text, continues });
      return;
    }
    const bytes = text.replace(SYMBOL_AREA, (c) => String.fromCharCode(c.charCodeAt(0) - 0xf000));
    const decoded = DECODERS[pendingClass](bytes);
    // A font name can lie (TCVN3 text in a run marked VNI-Times): a reading that leaves words
    // that are not Vietnamese and reads no better than the bytes did is left to detection.
    if (decoded !== bytes && /[^\x00-\x7f]/.test(bytes)) {
      const after = scoreVietnamese(decoded.normalize("NFC"));
      if (after.garbage > 0 && after.value <= scoreVietnamese(bytes.normalize("NFC")).value) {
        segments.push({ text, continues });
        return;
      }
    }
    segments.push({ text, continues, fixed: { label: LABELS[pendingClass], text: decoded } });
  };
  for (const run of runs) {
    const cls = classOf(run);
    if (cls !== null && run.font && /[^\x00-\x7f]/.test(run.text)) {
      const c = counts.get(LABELS[cls]) ?? { characters: 0, fonts: new Set() };
      c.characters += run.text.length;
      c.fonts.add(run.font);
      counts.set(LABELS[cls], c);
    }
    const parts = run.text.split("\n");
    parts.forEach((part, i) => {
      if (i > 0) {
        close(false);
        pendingClass = cls;
      }
      if (!part) return;
      // A new segment where the class changes within a line.
      if (cls !== pendingClass && pending) close(true);
      pendingClass = cls;
      pending += part;
    });
  }
  close(false);
  const decoded = decodeSegments(segments);
  const diagnostics: Diagnostic[] = [];
  if (counts.size) {
    const what = [...counts].map(([label, c]) => `${label === "tcvn3" ? "TCVN3" : "VNI"} (${[...c.fonts].slice(0, 4).join(", ")})`).join(" and ");
    diagnostics.push({ severity: "info", code: "legacy-fonts", message: `text in legacy Vietnamese fonts decoded by its font: ${what}`, line: 0, column: 0 });
  }
  for (const font of untrusted) {
    if (fontEncoding(font)) diagnostics.push({ severity: "info", code: "legacy-font-unicode", message: `the font ${font} holds Unicode text here: its runs were not decoded by its name`, line: 0, column: 0 });
  }
  return { text: decoded.text, encoding: decoded.encoding, diagnostics };
}
