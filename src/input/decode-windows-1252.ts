// Windows-1252 both ways, with our own table: Node 20.18.3+ and 22.13+ decode 0x80–0x9F of
// `windows-1252` as C1 controls, losing curly quotes, dashes and `…`. Every legacy Vietnamese
// repair works on text that went through this code page (a TCVN3 or VNI file opened as 1252 and
// saved as UTF-8), so turning such text back into its bytes must be exact.

// Bytes 0x80–0x9F; the five bytes 1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) read as the
// C1 control of the same number, as Windows' own converter does, so no byte is ever lost.
const HIGH_CONTROLS = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

const BYTE_OF = new Map<number, number>(HIGH_CONTROLS.map((code, i) => [code, 0x80 + i]));

/** Decodes bytes as Windows-1252 (never fails: every byte has a character). */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  // Chunks keep String.fromCharCode's argument list short.
  for (let start = 0; start < bytes.length; start += 8192) {
    const end = Math.min(bytes.length, start + 8192);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      codes[i - start] = b >= 0x80 && b < 0xa0 ? HIGH_CONTROLS[b - 0x80]! : b;
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}

/**
 * The Windows-1252 byte of UTF-16 code unit `code`, or -1 when 1252 has no such character. C1
 * controls map to their own byte too, which also undoes text that went through Latin-1 instead.
 */
export function windows1252Byte(code: number): number {
  if (code < 0x100) return code;
  return BYTE_OF.get(code) ?? -1;
}
