// Offset maps: each stage's map, and their composition, lead back to the source character.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OffsetMap, TextBuilder } from "../../src/input/offset-map.js";

/** A stage that deletes every `del` character and inserts `ins` before every `at` character. */
function stage(source: string, del: string, at: string, ins: string): { text: string; map: OffsetMap } {
  const out = new TextBuilder();
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === at) out.insert(ins, i);
    if (ch !== del) out.copy(ch, i);
  }
  return out.finish(source.length);
}

const alphabet = fc.constantFrom("a", "b", "c", "*", "\n", "đ", "ệ");
const text = fc.array(alphabet, { maxLength: 80 }).map((a) => a.join(""));

describe("OffsetMap", () => {
  it("identity maps each offset to itself", () => {
    const map = OffsetMap.identity(10);
    for (let i = 0; i <= 10; i++) expect(map.toSource(i)).toBe(i);
  });

  it("a copied character maps to the same character of the source", () => {
    fc.assert(
      fc.property(text, (source) => {
        const { text: out, map } = stage(source, "*", "\n", "  ");
        for (let i = 0; i < out.length; i++) if (out[i] !== " ") expect(source[map.toSource(i)]).toBe(out[i]);
      }),
    );
  });

  it("composed maps lead through two stages to the original", () => {
    fc.assert(
      fc.property(text, (source) => {
        const first = stage(source, "*", "a", "[");
        const second = stage(first.text, "b", "\n", " ");
        const map = second.map.composeWith(first.map);
        for (let i = 0; i < second.text.length; i++) {
          const ch = second.text[i]!;
          if (ch === " " || ch === "[") continue;
          expect(source[map.toSource(i)]).toBe(ch);
        }
        // Source offsets never run backwards for text that was only copied and deleted.
        let last = 0;
        for (let i = 0; i < second.text.length; i++) {
          const s = map.toSource(i);
          expect(s).toBeGreaterThanOrEqual(last);
          last = s;
        }
      }),
    );
  });

  it("composing is mapping through one stage, then the other, at every offset", () => {
    fc.assert(
      fc.property(text, fc.constantFrom("*", "a", "\n"), fc.constantFrom("b", "đ", "\n"), (source, del1, at2) => {
        const first = stage(source, del1, "a", "[[");
        const second = stage(first.text, "c", at2, " ");
        const map = second.map.composeWith(first.map);
        for (let i = 0; i <= second.text.length + 1; i++) expect(map.toSource(i)).toBe(first.map.toSource(second.map.toSource(i)));
      }),
    );
  });

  it("composes a map whose source offsets step back (text inserted from before a copied run)", () => {
    const first = stage("abcdefgh", "c", "e", "--");
    const builder = new TextBuilder();
    builder.copy(first.text.slice(0, 5), 0);
    builder.insert("~", 1);
    builder.copy(first.text.slice(5), 5);
    const second = builder.finish(first.text.length);
    const map = second.map.composeWith(first.map);
    for (let i = 0; i <= second.text.length; i++) expect(map.toSource(i)).toBe(first.map.toSource(second.map.toSource(i)));
  });

  it("maps the end of the text to the end of the source", () => {
    const { text: out, map } = stage("ab*c", "*", "", "");
    expect(map.toSource(out.length)).toBe(4);
  });
});
