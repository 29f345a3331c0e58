// UTF-8 mojibake: UTF-8 bytes that were read as Windows-1252 (or Latin-1) and saved again, so each
// multi-byte letter became two to four characters (`Cá»™ng hÃ²a` for `Cộng hòa`). Turning every
// run that forms a valid UTF-8 sequence back into its bytes and decoding them undoes it; text
// that went through the round trip twice is undone by repeating the repair.
import { windows1252Byte } from "./decode-windows-1252.js";

/** The repaired text and how many multi-byte sequences were rebuilt. */
export interface MojibakeRepair {
  text: string;
  repaired: number;
}

/**
 * Rebuilds the UTF-8 sequences that `text` holds as 1252 characters; `repaired` is 0 when none.
 * @example repairMojibake("Cá»™ng hÃ²a").text // "Cộng hòa"
 */
export function repairMojibake(text: string): MojibakeRepair {
  let total = 0;
  let current = text;
  // Three rounds undo triple encoding; a fourth is never seen.
  for (let round = 0; round < 3; round++) {
    let { text: next, repaired } = repairOnce(current, false);
    if (repaired === 0) break;
    // Editors often turn the NBSP of `à` (C3 A0) into a plain space; trusted only in text that
    // has shown real mojibake, or `XÃ HỘI` would become `Xà HỘI`.
    if (current.includes("\u00C3 ")) ({ text: next, repaired } = repairOnce(current, true));
    total += repaired;
    current = next;
  }
  return { text: current, repaired: total };
}

function repairOnce(text: string, spaceForNbsp: boolean): MojibakeRepair {
  let out = "";
  let start = 0;
  let repaired = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const lead = text.charCodeAt(i);
    if (lead < 0xc2 || lead > 0xf4) continue;
    const length = lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
    if (i + length > n) continue;
    let code = lead & (length === 2 ? 0x1f : length === 3 ? 0x0f : 0x07);
    let ok = true;
    for (let k = 1; k < length; k++) {
      let byte = windows1252Byte(text.charCodeAt(i + k));
      if (byte === 0x20 && spaceForNbsp && length === 2 && lead === 0xc3) byte = 0xa0;
      if (byte < 0x80 || byte > 0xbf) {
        ok = false;
        break;
      }
      // The second byte's range after E0, ED, F0, F4 rules out overlong forms and surrogates.
      if (k === 1 && ((lead === 0xe0 && byte < 0xa0) || (lead === 0xed && byte > 0x9f) || (lead === 0xf0 && byte < 0x90) || (lead === 0xf4 && byte > 0x8f))) {
        ok = false;
        break;
      }
      code = (code << 6) | (byte & 0x3f);
    }
    // Vietnamese text's mojibake decodes to Latin letters, marks and punctuation; a sequence
    // that would decode to Greek through Devanagari (U+0370–U+1DFF) is a legacy byte pair that
    // happens to be valid UTF-8 (VISCII's `ß¶` for ườ reads as N'Ko).
    if (!ok || (code >= 0x370 && code < 0x1e00)) continue;
    out += text.slice(start, i) + String.fromCodePoint(code);
    start = i + length;
    i += length - 1;
    repaired++;
  }
  return { text: repaired ? out + text.slice(start) : text, repaired };
}
