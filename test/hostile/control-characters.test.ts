// Control characters are no text: the character repair removes them (whole escape sequences at
// once), turns Word's break marks into breaks, and says how many it met.
import { describe, expect, it } from "vitest";
import { normalizeCharacters } from "../../src/input/normalize-characters.js";
import { decodeDocument } from "../../src/input/decode-document.js";

describe("normalizeCharacters on control characters", () => {
  it.each([
    ["THÔNG\u0000 BÁO", "THÔNG BÁO", "a NUL goes"],
    ["nư\u001fớc", "nước", "Word's optional hyphen inside a word goes, and the word is whole again"],
    ["dòng một\u000bdòng hai\u000ctrang hai", "dòng một\ndòng hai\ntrang hai", "vertical tab (Word's line break) and form feed (a page break) break the line"],
    ["ô một\u0007ô hai", "ô một\tô hai", "BEL, the end of a Word table cell, separates cells like a tab"],
    ["2021\u001e2025", "2021-2025", "0x1E is Word's non-breaking hyphen"],
    ["\u0003\n\u0004\nPAGE", "\n\nPAGE", "Word's footnote separator marks go"],
    ["\u001b[1;31mđỏ\u001b[0m", "đỏ", "an SGR escape sequence goes whole"],
    ["\u001b]8;;http://x.example\u0007liên kết\u001b]8;;\u0007", "liên kết", "an OSC hyperlink goes whole"],
    ["\u009b2Jxóa", "xóa", "a C1 control sequence goes whole"],
    ["x\u001bTHÔNG BÁO", "xTHÔNG BÁO", "a lone ESC goes alone: the word after it keeps its letter"],
    ["a\u0085b\u0080c\u009fd\u007fe", "abcde", "C1 controls and DEL go"],
    ["\u001b]" + "x".repeat(600), "]" + "x".repeat(600), "an unterminated control string is not followed past 512 characters: only ESC goes"],
  ])("%j → %j (%s)", (input, expected) => {
    expect(normalizeCharacters(input).text).toBe(expected);
  });

  it("maps the text after a removed sequence back to where it stood", () => {
    const input = "ab\u001b[31mcd";
    const { text, map } = normalizeCharacters(input);
    expect(text).toBe("abcd");
    expect(input[map.toSource(2)]).toBe("c");
  });

  it("reports how many it removed", () => {
    const decoded = decodeDocument(new TextEncoder().encode("Số\u0000 12\u0007 \u001b[31mđỏ"));
    expect(decoded.text).toBe("Số 12\t đỏ");
    expect(decoded.diagnostics).toContainEqual({ severity: "warning", code: "control-characters", message: "3 control characters (NUL, escape sequences, Word's hidden marks) removed or turned into breaks", line: 0, column: 0 });
  });
});
