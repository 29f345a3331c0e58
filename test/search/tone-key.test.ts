import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasDiacritics, readingTerm, spellingOfToneKey, spellingsOf, toneKey, toneKeyOfReading } from "../../src/search/tone-key.js";

// Old and new tone placement (../shared/notes/vietnamese-text.md, "Tone-mark placement").
const PLACEMENT_PAIRS: [string, string][] = [
  ["hòa", "hoà"], ["hóa", "hoá"], ["họa", "hoạ"], ["khóa", "khoá"], ["tòa", "toà"], ["thỏa", "thoả"],
  ["khỏe", "khoẻ"], ["xòe", "xoè"], ["thủy", "thuỷ"], ["thúy", "thuý"], ["tùy", "tuỳ"], ["lũy", "luỹ"],
  ["hủy", "huỷ"], ["ủy", "uỷ"], ["Ủy", "Uỷ"], ["nhụy", "nhuỵ"], ["HÒA", "HOÀ"], ["THỦY", "THUỶ"], ["óe", "oé"],
  ["Huyện ủy", "Huyện uỷ"],
];

describe("toneKey", () => {
  it.each(PLACEMENT_PAIRS)("%s and %s share a key (old and new placement)", (oldStyle, newStyle) => {
    expect(toneKey(oldStyle)).toBe(toneKey(newStyle));
  });

  it.each([
    ["hoà", "hoá", "different tones are different words"],
    ["hơn", "hôn", "quality marks are letters, not tones"],
    ["da", "đa", "đ is its own letter"],
    ["hoa", "hoà", "no tone is a tone of its own"],
    ["thủy", "thùy", "hook and grave differ"],
  ])("%s and %s differ (%s)", (a, b) => {
    expect(toneKey(a)).not.toBe(toneKey(b));
  });

  it.each([
    ["Huyện ủy", "huyên5 uy3", "base letters keep ê, the tone is a digit at the end"],
    ["qúy", "quy1", "a misplaced mark gives the key of the correct form quý"],
    ["hòan", "hoan2", "hòan matches hoàn"],
    ["ho\u0300a", "hoa2", "decomposed input"],
    ["UBND", "ubnd", "no tone, no digit"],
  ])("%s → %s (%s)", (input, expected) => {
    expect(toneKey(input)).toBe(expected);
  });

  it("gives one key to a word in NFC, NFD and upper case", () => {
    const word = fc.constantFrom("hòa", "thuỷ", "Nguyễn", "được", "khuỷu", "người", "quyết", "ĐẢNG", "gìn");
    fc.assert(
      fc.property(word, (w) => toneKey(w.normalize("NFD")) === toneKey(w) && toneKey(w.toUpperCase()) === toneKey(w)),
    );
  });
});

describe("toneKey on generated syllables", () => {
  // Open oa/oe/uy syllables are where the old (first vowel) and new (second vowel) styles differ.
  const ONSETS = ["", "h", "kh", "th", "t", "x", "l", "ng", "nh", "s", "ch", "tr", "đ"];
  const NUCLEI: [string, string][] = [["o", "a"], ["o", "e"], ["u", "y"]];
  const MARKS = ["\u0301", "\u0300", "\u0309", "\u0303", "\u0323"];
  const syllable = fc.record({
    onset: fc.constantFrom(...ONSETS),
    nucleus: fc.constantFrom(...NUCLEI),
    mark: fc.integer({ min: 0, max: MARKS.length - 1 }),
    upper: fc.boolean(),
  });
  const spell = (onset: string, [v1, v2]: [string, string], mark: string, onFirst: boolean, upper: boolean) => {
    const word = (onset + (onFirst ? v1 + mark + v2 : v1 + v2 + mark)).normalize("NFC");
    return upper ? word.toUpperCase() : word;
  };

  it("gives old and new placement one key", () => {
    fc.assert(
      fc.property(syllable, ({ onset, nucleus, mark, upper }) => {
        const m = MARKS[mark]!;
        return toneKey(spell(onset, nucleus, m, true, upper)) === toneKey(spell(onset, nucleus, m, false, !upper));
      }),
    );
  });

  it("keeps different tones apart", () => {
    fc.assert(
      fc.property(syllable, fc.integer({ min: 0, max: MARKS.length - 1 }), ({ onset, nucleus, mark, upper }, other) => {
        fc.pre(other !== mark);
        return toneKey(spell(onset, nucleus, MARKS[mark]!, false, upper)) !== toneKey(spell(onset, nucleus, MARKS[other]!, false, upper));
      }),
    );
  });
});

describe("hasDiacritics", () => {
  it.each([
    ["hoa", false],
    ["UBND", false],
    ["hòa", true],
    ["đi", true],
    ["Sơn", true],
    ["ho\u0300a", true],
  ])("%s → %s", (word, expected) => {
    expect(hasDiacritics(word)).toBe(expected);
  });
});

describe("spellingsOf", () => {
  it.each([
    ["hoà", ["hòa", "hoà"], "both placements of an open oa"],
    ["Huyện", ["huyện"], "the usual placement is among them"],
    ["Sơn", ["sơn"], "no tone: only case variants"],
  ])("%s includes %o (%s)", (word, expected) => {
    const spellings = spellingsOf(word);
    for (const spelling of expected) {
      expect(spellings).toContain(spelling);
      expect(spellings).toContain(spelling.toUpperCase());
      expect(spellings).toContain(spelling.charAt(0).toUpperCase() + spelling.slice(1));
    }
  });

  it("only yields spellings with the same tone key", () => {
    for (const word of ["hoà", "thuỷ", "khoẻ", "Nguyễn", "quyết", "ĐẢNG", "gìn", "người"]) {
      for (const spelling of spellingsOf(word)) expect(toneKey(spelling)).toBe(toneKey(word));
    }
  });

  it("does not yield another tone", () => {
    expect(spellingsOf("hoà")).not.toContain("hoá");
    expect(spellingsOf("hoà")).not.toContain("hoa");
  });
});

describe("spellingOfToneKey", () => {
  it.each([
    ["hòa", "an open oa takes the mark on o (the older placement most documents use)"],
    ["giải", "gi is an initial: the mark goes on a"],
    ["quý", "qu is an initial: the mark goes on y"],
    ["thủy", "an open uy takes the mark on u"],
    ["toàn", "before a final consonant the mark goes on the last vowel"],
    ["trường", "on the vowel with a quality mark, the last of ươ"],
    ["nguyện", "on ê of uyê"],
    ["nghĩa", "on i of an open ia"],
    ["đơn", "no tone: the quality marks only"],
    ["con", "no diacritics at all"],
    ["bão", "a single vowel"],
  ])("spells the key of %s back as it (%s)", (word) => {
    expect(spellingOfToneKey(toneKey(word))).toBe(word);
  });

  it("reads the key back from a reading term", () => {
    expect(toneKeyOfReading(readingTerm("hoa", toneKey("hòa")))).toBe(toneKey("hòa"));
  });

  it("gives a spelling with the same key for other syllables", () => {
    for (const word of ["hoà", "thuỷ", "khoẻ", "Nguyễn", "quyết", "ĐẢNG", "gìn", "người", "chuyển", "giữa", "quả", "ưu", "yêu", "khuya", "tuổi"]) {
      expect(toneKey(spellingOfToneKey(toneKey(word)))).toBe(toneKey(word));
    }
  });
});
