// Test-only encoders: Unicode → the byte forms decodeBytes must read back (TCVN3, VNI, VIQR,
// Windows-1258, VISCII, UTF-16, NFD, mojibake). They are written from the code tables, not by
// inverting the decoders, so a round trip checks the decoders against an independent reading.
import iconv from "iconv-lite";

const LETTERS = "aăâeêioôơuưy";
// Tone order used by all tables here: none, grave, hook, tilde, acute, dot.
const TONED: Record<string, string> = {
  a: "aàảãáạ",
  ă: "ăằẳẵắặ",
  â: "âầẩẫấậ",
  e: "eèẻẽéẹ",
  ê: "êềểễếệ",
  i: "iìỉĩíị",
  o: "oòỏõóọ",
  ô: "ôồổỗốộ",
  ơ: "ơờởỡớợ",
  u: "uùủũúụ",
  ư: "ưừửữứự",
  y: "yỳỷỹýỵ",
};
/** Vietnamese vowel (lower case, NFC) → [toneless vowel, tone 0–5]. */
const SPLIT = new Map<string, [string, number]>();
for (const v of LETTERS) for (let t = 0; t < 6; t++) SPLIT.set(TONED[v]![t]!, [v, t]);

function splitLetter(ch: string): { vowel: string; tone: number; upper: boolean } | null {
  const lower = ch.toLowerCase();
  const hit = SPLIT.get(lower);
  return hit ? { vowel: hit[0], tone: hit[1], upper: lower !== ch } : null;
}

// Windows-1252 bytes of the characters outside ASCII that the seeds hold besides Vietnamese.
const CP1252_EXTRA: Record<string, number> = { "€": 0x80, "…": 0x85, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "•": 0x95, "–": 0x96, "—": 0x97 };

function byteOf1252(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
  const b = CP1252_EXTRA[ch];
  if (b === undefined) throw new Error(`no Windows-1252 byte for ${ch}`);
  return b;
}

/** TCVN3 bytes of `text`; toned capitals become lower case, as TCVN3 has none. */
export function encodeTcvn3(text: string): Uint8Array {
  // The 74 TCVN3 letters at 0xA1–0xFE, in the order of this string (from the TCVN 5712 VN3 table).
  const table: Record<string, number> = {};
  const order: [string, number[]][] = [
    ["ĂÂÊÔƠƯĐăâêôơưđ", [0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae]],
    ["àảãáạ", [0xb5, 0xb6, 0xb7, 0xb8, 0xb9]],
    ["ằẳẵắ", [0xbb, 0xbc, 0xbd, 0xbe]],
    ["ặ", [0xc6]],
    ["ầẩẫấậ", [0xc7, 0xc8, 0xc9, 0xca, 0xcb]],
    ["èẻẽéẹ", [0xcc, 0xce, 0xcf, 0xd0, 0xd1]],
    ["ềểễếệ", [0xd2, 0xd3, 0xd4, 0xd5, 0xd6]],
    ["ìỉĩíị", [0xd7, 0xd8, 0xdc, 0xdd, 0xde]],
    ["òỏõóọ", [0xdf, 0xe1, 0xe2, 0xe3, 0xe4]],
    ["ồổỗốộ", [0xe5, 0xe6, 0xe7, 0xe8, 0xe9]],
    ["ờởỡớợ", [0xea, 0xeb, 0xec, 0xed, 0xee]],
    ["ùủũúụ", [0xef, 0xf1, 0xf2, 0xf3, 0xf4]],
    ["ừửữứự", [0xf5, 0xf6, 0xf7, 0xf8, 0xf9]],
    ["ỳỷỹýỵ", [0xfa, 0xfb, 0xfc, 0xfd, 0xfe]],
  ];
  for (const [chars, bytes] of order) [...chars].forEach((c, i) => (table[c] = bytes[i]!));
  const out: number[] = [];
  for (const ch of text.normalize("NFC")) {
    const direct = table[ch] ?? table[ch.toLowerCase()];
    out.push(direct ?? byteOf1252(ch));
  }
  return Uint8Array.from(out);
}

/** VNI-Windows bytes of `text`. */
export function encodeVni(text: string): Uint8Array {
  // Marks for tones 1–5 (grave, hook, tilde, acute, dot), lower and upper case.
  const tone = ["", "ø", "û", "õ", "ù", "ï"];
  const toneUpper = ["", "Ø", "Û", "Õ", "Ù", "Ï"];
  // Circumflex / breve with tones 0–5.
  const circ = ["â", "à", "å", "ã", "á", "ä"];
  const circUpper = ["Â", "À", "Å", "Ã", "Á", "Ä"];
  const breve = ["ê", "è", "ú", "ü", "é", "ë"];
  const breveUpper = ["Ê", "È", "Ú", "Ü", "É", "Ë"];
  // i and ỵ have single characters for their toned forms.
  const iForms = ["i", "ì", "æ", "ó", "í", "ò"];
  const iFormsUpper = ["I", "Ì", "Æ", "Ó", "Í", "Ò"];
  let out = "";
  for (const ch of text.normalize("NFC")) {
    if (ch === "đ") out += "ñ";
    else if (ch === "Đ") out += "Ñ";
    else {
      const s = splitLetter(ch);
      if (!s) {
        out += ch;
        continue;
      }
      const up = s.upper;
      const t = s.tone;
      const base = (b: string) => (up ? b.toUpperCase() : b);
      switch (s.vowel) {
        case "â":
        case "ê":
        case "ô":
          out += base(s.vowel === "â" ? "a" : s.vowel === "ê" ? "e" : "o") + (up ? circUpper : circ)[t];
          break;
        case "ă":
          out += base("a") + (up ? breveUpper : breve)[t];
          break;
        case "ơ":
          out += (up ? "Ô" : "ô") + (up ? toneUpper : tone)[t];
          break;
        case "ư":
          out += (up ? "Ö" : "ö") + (up ? toneUpper : tone)[t];
          break;
        case "i":
          out += (up ? iFormsUpper : iForms)[t];
          break;
        case "y":
          out += t === 5 ? (up ? "Î" : "î") : base("y") + (up ? toneUpper : tone)[t];
          break;
        default:
          out += base(s.vowel) + (up ? toneUpper : tone)[t];
      }
    }
  }
  return Uint8Array.from([...out].map(byteOf1252));
}

/** Windows-1258 bytes of `text`: base letters (â ê ô ă ơ ư đ precomposed) + combining tone bytes. */
export function encodeWindows1258(text: string): Uint8Array {
  const toneByte = [0, 0xcc, 0xd2, 0xde, 0xec, 0xf2];
  const bases: Record<string, number> = { ă: 0xe3, â: 0xe2, ê: 0xea, ô: 0xf4, ơ: 0xf5, ư: 0xfd, Ă: 0xc3, Â: 0xc2, Ê: 0xca, Ô: 0xd4, Ơ: 0xd5, Ư: 0xdd, đ: 0xf0, Đ: 0xd0 };
  const out: number[] = [];
  for (const ch of text.normalize("NFC")) {
    const s = splitLetter(ch);
    if (s) {
      const b = s.upper ? s.vowel.toUpperCase() : s.vowel;
      out.push(bases[b] ?? b.charCodeAt(0));
      if (s.tone) out.push(toneByte[s.tone]!);
    } else out.push(bases[ch] ?? byteOf1252(ch));
  }
  return Uint8Array.from(out);
}

/** VIQR (RFC 1456) of `text`, escaping marks that follow a vowel literally. */
export function encodeViqr(text: string): Uint8Array {
  const toneMark = ["", "`", "?", "~", "'", "."];
  const modifier: Record<string, [string, string]> = { ă: ["a", "("], â: ["a", "^"], ê: ["e", "^"], ô: ["o", "^"], ơ: ["o", "+"], ư: ["u", "+"] };
  let out = "";
  let afterVowel = false;
  for (const ch of asciiPunctuation(text.normalize("NFC"))) {
    if (ch === "đ" || ch === "Đ") {
      out += ch === "đ" ? "dd" : "DD";
      afterVowel = false;
      continue;
    }
    const s = splitLetter(ch);
    if (s) {
      const [base, mod] = modifier[s.vowel] ?? [s.vowel, ""];
      out += (s.upper ? base.toUpperCase() : base) + mod + toneMark[s.tone];
      afterVowel = true;
      continue;
    }
    if (afterVowel && "(^+`?~'.\\".includes(ch)) out += "\\";
    out += ch;
    afterVowel = false;
  }
  return new TextEncoder().encode(out);
}

/** The ASCII stand-ins for the punctuation ASCII-only encodings (VIQR, VISCII) cannot hold. */
export function asciiPunctuation(text: string): string {
  return text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/[–—]/g, "-").replace(/…/g, "...");
}

/** VISCII bytes of `text` (iconv-lite's table); punctuation outside it becomes ASCII. */
export function encodeViscii(text: string): Uint8Array {
  return Uint8Array.from(iconv.encode(asciiPunctuation(text.normalize("NFC")), "viscii"));
}

/** UTF-16 bytes, little- or big-endian, with or without a byte-order mark. */
export function encodeUtf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = (bom ? "\uFEFF" : "") + text;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const c = units.charCodeAt(i);
    out[2 * i + (littleEndian ? 0 : 1)] = c & 0xff;
    out[2 * i + (littleEndian ? 1 : 0)] = c >> 8;
  }
  return out;
}

/** UTF-8 bytes. */
export function encodeUtf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Bytes read as Windows-1252 and saved as UTF-8: how legacy files reach us as "text". */
export function as1252Text(bytes: Uint8Array): Uint8Array {
  const table = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
  let s = "";
  for (const b of bytes) s += b >= 0x80 && b < 0xa0 ? table[b - 0x80]! : String.fromCharCode(b);
  return encodeUtf8(s);
}

/** UTF-8 mojibake: the UTF-8 bytes of `text` read as Windows-1252 and saved again as UTF-8. */
export function encodeMojibake(text: string): Uint8Array {
  return as1252Text(encodeUtf8(text));
}
