// Every seed and the clean corpus documents, encoded by the test encoders into each legacy form,
// must decode back to the original (after normalizeCharacters). The budgets are the numbers of
// lines allowed to differ over all files; they may only go down.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { decodeBytes } from "../../src/input/decode-bytes.js";
import { normalizeCharacters } from "../../src/input/normalize-characters.js";
import { as1252Text, asciiPunctuation, encodeMojibake, encodeTcvn3, encodeUtf16, encodeUtf8, encodeViqr, encodeViscii, encodeVni, encodeWindows1258 } from "./encode-legacy.js";

const sharedDir = fileURLToPath(new URL("../../../shared/", import.meta.url));

// [name, encoder, how the original must be adjusted for what the encoding can hold, line budget]
const ENCODINGS: [string, (t: string) => Uint8Array, (t: string) => string, number][] = [
  // TCVN3 has no toned capitals: compared in lower case. The budget covers 058's split capitals.
  ["TCVN3 raw bytes", encodeTcvn3, (t) => t.toLowerCase(), 4],
  ["TCVN3 read as 1252", (t) => as1252Text(encodeTcvn3(t)), (t) => t.toLowerCase(), 4],
  ["VNI raw bytes", encodeVni, (t) => t, 0],
  ["VNI read as 1252", (t) => as1252Text(encodeVni(t)), (t) => t, 0],
  ["Windows-1258", encodeWindows1258, (t) => t, 0],
  ["Windows-1258 read as 1252", (t) => as1252Text(encodeWindows1258(t)), (t) => t, 0],
  ["VIQR", encodeViqr, asciiPunctuation, 15],
  ["VISCII", encodeViscii, asciiPunctuation, 3],
  ["UTF-16LE with BOM", (t) => encodeUtf16(t, true, true), (t) => t, 0],
  ["UTF-16BE without BOM", (t) => encodeUtf16(t, false, false), (t) => t, 0],
  ["NFD", (t) => encodeUtf8(t.normalize("NFD")), (t) => t, 0],
  ["UTF-8 mojibake", encodeMojibake, (t) => t, 0],
];

function documents(): [string, string][] {
  const out: [string, string][] = [];
  for (const dir of ["seeds", "corpus"]) {
    for (const f of readdirSync(`${sharedDir}${dir}`).sort()) {
      // 067 is itself VNI; 068 is its transcript and is included.
      if (/\.(md|txt)$/.test(f) && !f.startsWith("067") && f !== "README.md") out.push([`${dir}/${f}`, readFileSync(`${sharedDir}${dir}/${f}`, "utf8")]);
    }
  }
  return out;
}

describe.skipIf(!existsSync(sharedDir))("round trip through every encoding", () => {
  const docs = existsSync(sharedDir) ? documents() : [];
  const clean = (t: string) => normalizeCharacters(t).text;

  it.each(ENCODINGS)("%s", (_name, encode, adjust, budget) => {
    let wrong = 0;
    const examples: string[] = [];
    let skipped = 0;
    for (const [file, text] of docs) {
      let bytes: Uint8Array;
      try {
        bytes = encode(text);
      } catch {
        // A character the code page has no byte for (066 holds ≥): nothing to round-trip.
        skipped++;
        continue;
      }
      // Both sides cleaned before the adjustment: what the original reads as, against what its
      // bytes read as (cleaning lower-cased text would undo what case tells the repairs).
      const want = adjust(clean(text)).split("\n");
      const got = adjust(clean(decodeBytes(bytes).text)).split("\n");
      for (let i = 0; i < want.length; i++) {
        if (want[i] !== got[i]) {
          wrong++;
          if (examples.length < 3) examples.push(`${file}:${i + 1}: ${got[i]}`);
        }
      }
    }
    expect(wrong, examples.join("\n")).toBeLessThanOrEqual(budget);
    expect(skipped).toBeLessThanOrEqual(1);
  });

  it.each(["000", "001", "002", "003", "004"])("seed %s round-trips exactly through VNI, Windows-1258, UTF-16, NFD and mojibake", (seed) => {
    const [, text] = docs.find(([f]) => f.startsWith(`seeds/${seed}`))!;
    for (const encode of [encodeVni, encodeWindows1258, (t: string) => encodeUtf16(t, true, false), (t: string) => encodeUtf8(t.normalize("NFD")), encodeMojibake]) {
      expect(clean(decodeBytes(encode(text)).text)).toBe(clean(text));
    }
  });
});
