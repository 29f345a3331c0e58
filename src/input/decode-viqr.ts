// VIQR (RFC 1456): Vietnamese in ASCII, each diacritic typed after its vowel: ( breve, ^
// circumflex, + horn, then ' acute, ` grave, ? hook, ~ tilde, . dot below; dd is đ; a backslash
// makes the next mark literal. `.` and `?` are also sentence punctuation, so a word-final one is
// read as a tone only when that yields a well-formed syllable (`ho^.i.` is `hội.`, `go.` stays).
import { isVietnameseSyllable } from "./vietnamese-syllable.js";

const MODIFIERS: Record<string, Record<string, string>> = {
  "(": { a: "ă" },
  "^": { a: "â", e: "ê", o: "ô" },
  "+": { o: "ơ", u: "ư" },
};
const TONES: Record<string, string> = { "`": "\u0300", "?": "\u0309", "~": "\u0303", "'": "\u0301", ".": "\u0323" };
const VOWELS = "aeiouyAEIOUY";
const MARK_CHARS = "(^+`?~'.";

// A VIQR word: letters with marks after them, possibly escaped; marks never start a word.
const TOKEN = /[A-Za-z](?:[A-Za-z(^+`?~'.]|\\[(^+`?~'.])*/g;

/** Whether a line holds marks that only VIQR writes (a vowel followed by ^ ( + ` ~, or dd + vowel). */
export function hasViqrMarks(text: string): boolean {
  return /[AEIOUYaeiouy][(^+`~]|(?:^|[^A-Za-z])[Dd][Dd][aeiouyAEIOUY]/.test(text);
}

/**
 * Decodes VIQR text to Unicode (NFC); words that do not decode to Vietnamese keep their `.` and `?`.
 * @example decodeViqrText("Co^.ng ho`a xa~ ho^.i") // "Cộng hòa xã hội"
 */
export function decodeViqrText(text: string): string {
  return text.replace(TOKEN, decodeToken);
}

function decodeToken(token: string): string {
  // Trailing `.` and `?` (escaped or not) are punctuation, except that the first, unescaped,
  // may be the last vowel's tone.
  const tail = /(?:\\?[.?])*$/.exec(token)![0];
  const core = token.slice(0, token.length - tail.length);
  const punctuation = tail.replace(/\\/g, "");
  // Acronyms spell Đ as DD anywhere (GDDDT is GDĐT); pairs are taken from the right, where the
  // letters after the last Đ are plain.
  if (/^[A-Z]*DD[A-Z]*$/.test(core) && !/^DD[AEIOUY]/.test(core)) {
    return core.replace(/(D*)DD/g, (m) => (m.length % 2 ? "D" : "") + "Đ".repeat(m.length >> 1)) + punctuation;
  }
  if (!/[(^+`?~'.\\]|^[Dd][Dd]/.test(token)) return token;
  if (tail[0] === "." || tail[0] === "?") {
    const word = decodeWord(core + tail[0], true);
    if (isVietnameseSyllable(word)) return word + punctuation.slice(1);
  }
  const word = decodeWord(core, true);
  if (isVietnameseSyllable(word)) return word + punctuation;
  // Not a syllable (a name, an acronym): decode only the marks that cannot be punctuation.
  return decodeWord(core, false) + punctuation;
}

function decodeWord(word: string, dotAndQuestion: boolean): string {
  let out = "";
  let i = 0;
  if (/^[Dd][Dd]/.test(word)) {
    out = word[0] === "d" ? "đ" : "Đ";
    i = 2;
  }
  while (i < word.length) {
    const c = word[i]!;
    if (c === "\\" && i + 1 < word.length && MARK_CHARS.includes(word[i + 1]!)) {
      out += word[i + 1];
      i += 2;
      continue;
    }
    if (!VOWELS.includes(c)) {
      out += c;
      i++;
      continue;
    }
    const lower = c.toLowerCase();
    let letter = lower;
    i++;
    const modified = MODIFIERS[word[i] ?? ""]?.[lower];
    if (modified) {
      letter = modified;
      i++;
    }
    const t = word[i];
    if (t !== undefined && TONES[t] && (dotAndQuestion || (t !== "." && t !== "?"))) {
      letter += TONES[t];
      i++;
    }
    letter = letter.normalize("NFC");
    out += c === lower ? letter : letter.toUpperCase();
  }
  return out;
}
