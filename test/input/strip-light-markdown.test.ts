// The one-pass reader of light markdown: what it strips, and what it leaves to remark.
import { describe, expect, it } from "vitest";
import { stripLightMarkdown } from "../../src/input/strip-light-markdown.js";
import { readMarkdown } from "../../src/input/markdown-to-text.js";
import { joinWrappedLines } from "../../src/input/join-lines.js";

const light = (s: string) => stripLightMarkdown(s)?.text ?? null;
const lines = (s: string) => joinWrappedLines(s, { hardBlocks: true }).text;

describe("stripLightMarkdown", () => {
  it.each([
    ["**KẾ HOẠCH**", "KẾ HOẠCH", "bold"],
    ["ngày **24** tháng 11 năm 202**5**", "ngày 24 tháng 11 năm 2025", "bold inside a date"],
    ["### III. ĐÁNH GIÁ CHUNG", "III. ĐÁNH GIÁ CHUNG\n", "an ATX heading keeps its text and is a block of its own"],
    ["|\nSố: 1/KH-UBND\n|", "\nSố: 1/KH-UBND\n", "cell bars become block boundaries"],
    ["<sup>1</sup> Mầm non", "[1] Mầm non", "a footnote body"],
    ["trường.<sup>1</sup> Tiếp", "trường. Tiếp", "a footnote mark in a sentence"],
    ["a<br>b", "a\nb", "a line break tag"],
    ["*\n|", "*\n", "the Party header's lone star is kept"],
    ["<Nội dung> = Nội dung", "<Nội dung> = Nội dung", "not an HTML tag"],
    ["- TT NS&VSMTNT;", "- TT NS&VSMTNT;", "not an HTML entity"],
  ])("%j → %j (%s)", (input, expected) => {
    expect(light(input)).toBe(expected);
  });

  it.each([
    ["[Thông tư [số 32]](#)", "a link with brackets in its label"],
    ["[Thông tư](a b)", "a link whose destination has a space"],
    ["[x]: http://example.com", "a link definition"],
    ["`code`", "a code span"],
    ["\\*not bold\\*", "escapes"],
    ["a &amp; b", "an entity"],
    ["<div>x</div>", "other HTML"],
    ["<strong>x</strong> y", "a tag opening a line (it may open an HTML block)"],
    ["| a | b |\n|---|---|---|\n| c | d |", "a header row and a delimiter row of different widths (not a table)"],
    ["| a | b |\n|---|---|\n| c | d |\n\n| e |\n|--|--|", "a delimiter row of no table"],
    ["| a | b |\n|---|---|\n| c | d |\n- item", "a table followed at once by a line without a bar"],
    ["> quoted", "a block quote"],
  ])("leaves %j to remark (%s)", (input) => {
    expect(stripLightMarkdown(input)).toBeNull();
  });

  it.each([
    "**ỦY BAN NHÂN DÂN**\nTHÀNH PHỐ CẦN THƠ\n-------\n|\n**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\n\n*Căn cứ Luật Tổ chức chính\nquyền địa phương;*\n\n**Điều 1. Vị\ntrí và chức năng**\n\n- Lưu: VT.",
    "# KẾ HOẠCH\n\nThực hiện Nghị quyết số 63-NQ/TU.<sup>1</sup>\n\n<sup>1</sup> Mầm non 18 trường\n\n## **PHẦN THỨ HAI**",
    "| THỦ TƯỚNG CHÍNH PHỦ ------ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc |\n|---|---|\n| Số: 170/2008/QĐ-TTg | Hà Nội, ngày 18 tháng 12 năm 2008 |\n\nQUYẾT ĐỊNH",
    "Căn cứ Luật;\n| STT | Nội dung | Ghi chú |\n|:---|:---:|---:|\n|  | **TỔNG SỐ** | 50.000 |  | thừa |\n| 1 |\n\n**Nơi nhận:**",
    "| <sup>1</sup> Chú thích | a<br>b |\n| --- | --- |\n| * | ** |",
    "| a | b |\n|---|---|\n\n| c |\n|-|\n| d |",
    "| a | b |\n|---|--|\n| c | d |",
    "Thực hiện [Thông tư số 32/2018/TT-BGDĐT](#) ngày 26/12/2018 và ![ảnh](x.png) [**Quyết định**](https://x.vn/a).",
    "Nội dung <strong>chính</strong> và <em>phụ</em>, <span class=\"x\">kèm</span> <Nội dung>.",
  ])("gives the lines remark gives: %j", (input) => {
    expect(lines(light(input)!)).toBe(lines(readMarkdown(input).text));
  });

  it("reads a pipe table cell by cell, each cell a block", () => {
    expect(light("| a | **b** |\n|---|---|\n| c |  |\n\nz")).toBe("a\n\nb\n\nc\n\n\n\nz");
  });

  it("maps each character back to itself", () => {
    const source = "**Điều 1. Vị\ntrí** ngày **24** tháng 11\n<sup>2</sup> Chú thích";
    const out = stripLightMarkdown(source)!;
    for (let i = 0; i < out.text.length; i++) {
      const ch = out.text[i]!;
      if (/[\s[\]\d]/u.test(ch)) continue;
      expect(source[out.map.toSource(i)]).toBe(ch);
    }
  });
});
