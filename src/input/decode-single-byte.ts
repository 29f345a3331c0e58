// Re-reading text through a single-byte Vietnamese code page. A legacy file that was opened as
// Windows-1252 (or whose raw bytes we read as 1252 to start with) holds one 1252 character per
// original byte; turning each character back into its byte and that byte into the legacy code
// page's character recovers the Vietnamese. Characters 1252 cannot hold (a Unicode line pasted
// into the same file) pass through unchanged, so a mixed line keeps both halves.
import iconv from "iconv-lite";
import { windows1252Byte } from "./decode-windows-1252.js";

/** For each byte 0x00–0xFF, the character it stands for in a legacy code page, or undefined to keep the 1252 one. */
export type SingleByteTable = readonly (string | undefined)[];

/** Builds a table from an iconv-lite code page, keeping only the bytes `keep` accepts. */
export function tableFromIconv(encoding: string, keep: (byte: number, char: string) => boolean): SingleByteTable {
  const all = Uint8Array.from({ length: 256 }, (_, b) => b);
  const chars = iconv.decode(Buffer.from(all), encoding);
  return Array.from({ length: 256 }, (_, b) => {
    const c = chars[b];
    return c !== undefined && c !== "\uFFFD" && c !== String.fromCharCode(b) && keep(b, c) ? c : undefined;
  });
}

/** Replaces each character of `text` whose 1252 byte `table` maps by the mapped character. */
export function reinterpretText(text: string, table: SingleByteTable, extra?: ReadonlyMap<string, string>): string {
  let out = "";
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    const byte = windows1252Byte(code);
    const mapped = byte >= 0 ? table[byte] : extra?.get(text[i]!);
    if (mapped === undefined) continue;
    out += text.slice(start, i) + mapped;
    start = i + 1;
  }
  return start === 0 ? text : out + text.slice(start);
}

// Windows-1258 writes tones as combining marks after the letter; NFC composes them afterwards.
const WINDOWS_1258 = tableFromIconv("cp1258", () => true);

/** Re-reads 1252 text as Windows-1258 (result not yet NFC: tones are combining marks). */
export function decodeWindows1258Text(text: string): string {
  return reinterpretText(text, WINDOWS_1258);
}

// VISCII also uses six C0 controls for capitals (Ẳ Ẵ Ẫ Ỷ Ỹ Ỵ); they survive a 1252 reading as is.
const VISCII = tableFromIconv("viscii", () => true);

/** Re-reads 1252 text as VISCII. */
export function decodeVisciiText(text: string): string {
  let out = reinterpretText(text, VISCII);
  if (/[\x02\x05\x06\x14\x19\x1e]/.test(out)) out = out.replace(/[\x02\x05\x06\x14\x19\x1e]/g, (c) => VISCII[c.charCodeAt(0)] ?? c);
  return out;
}
