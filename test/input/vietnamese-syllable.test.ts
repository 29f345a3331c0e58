import { describe, expect, it } from "vitest";
import { isVietnameseSyllable } from "../../src/input/vietnamese-syllable.js";

describe("isVietnameseSyllable", () => {
  it.each([
    ["Nguyễn", true, "ng + uyê + n, one tone"],
    ["người", true, "ươi cluster"],
    ["quyết", true, "qu + yê + t"],
    ["quốc", true, "qu + ô + c"],
    ["giữ", true, "gi onset"],
    ["gìn", true, "g before i is the gi onset sharing its i"],
    ["giếng", true, "gi drops the i of iê"],
    ["khuỷu", true, "uyu"],
    ["nghiêng", true, "ngh before iê"],
    ["hoà", true, "new-style tone placement"],
    ["hòa", true, "old-style tone placement"],
    ["qủa", true, "a misplaced mark still reads as Vietnamese"],
    ["ĐỊNH", true, "capitals"],
    ["Đắk", true, "Central Highlands name with final k"],
    ["y", true, "a lone vowel"],
    ["yêu", true, "yê without onset"],
    ["iêu", false, "iê without onset is written yê"],
    ["ngi", false, "ng before i is written ngh"],
    ["ke", true, "k before e"],
    ["ka", false, "k before a is written c"],
    ["ce", false, "c before e is written k"],
    ["cuy", false, "c before a medial is written qu"],
    ["hòap", false, "no such coda after oa with grave"],
    ["tàp", false, "codas p t c ch take only sắc or nặng"],
    ["tạp", true, "nặng with coda p"],
    ["cấ", false, "â needs a coda"],
    ["hóà", false, "two tone marks"],
    ["Müller", false, "ü is not Vietnamese"],
    ["Peña", false, "ñ is not Vietnamese"],
    ["the", true, "an English word that is also a Vietnamese syllable"],
    ["strong", false, "str is no onset"],
    ["QĐ", false, "an abbreviation"],
    ["", false, "empty"],
  ])("%s → %s (%s)", (word, expected) => {
    expect(isVietnameseSyllable(word)).toBe(expected);
  });
});
