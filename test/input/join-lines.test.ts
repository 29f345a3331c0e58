// Re-joining wrapped lines: [input, expected, why].
import { describe, expect, it } from "vitest";
import { joinWrappedLines } from "../../src/input/join-lines.js";
import { markdownToText } from "../../src/input/markdown-to-text.js";
import { prepareText, detectFormat } from "../../src/input/prepare-text.js";

const text = (s: string) => joinWrappedLines(s, { hardBlocks: false }).text;
const md = (s: string) => prepareText(s, "markdown").text;

describe("joinWrappedLines (plain text)", () => {
  it.each([
    ["Căn cứ Chỉ thị số 18/CT-TTg ngày 13/4/2020 của\n\nThủ tướng Chính phủ về việc xây dựng;", "Căn cứ Chỉ thị số 18/CT-TTg ngày 13/4/2020 của Thủ tướng Chính phủ về việc xây dựng;", "a line ending on `của` continues; blank lines carry no meaning in plain text"],
    ["kinh tế - xã hội 5 năm 2021-\n2025;", "kinh tế - xã hội 5 năm 2021-2025;", "a range wrapped after its dash is glued without a space"],
    ["đội ngũ nhà giáo, nhân\nviên và cán bộ", "đội ngũ nhà giáo, nhân viên và cán bộ", "a lower-case line continues"],
    ["I. MỤC ĐÍCH\n1. Mục đích", "I. MỤC ĐÍCH\n1. Mục đích", "nothing is glued onto a block start"],
    ["II. THÀNH PHẦN, THỜI GIAN, ĐỊA ĐIỂM TỔ\nCHỨC HỘI NGHỊ", "II. THÀNH PHẦN, THỜI GIAN, ĐỊA ĐIỂM TỔ CHỨC HỘI NGHỊ", "a numbered all-caps heading continues onto an all-caps line"],
    ["II. Nhiệm vụ trọng tâm trong thời gian đến\nĐể thực hiện đồng bộ", "II. Nhiệm vụ trọng tâm trong thời gian đến\nĐể thực hiện đồng bộ", "a heading may end on a connective word"],
    ["KẾ HOẠCH\nlàm việc với Ủy ban nhân dân", "KẾ HOẠCH\nlàm việc với Ủy ban nhân dân", "the type name stands alone on its line"],
    ["hội nhập quốc tế./.\nNơi nhận:", "hội nhập quốc tế./.\nNơi nhận:", "nothing follows the end mark"],
    ["Điều\n2. Quy định mức học phí", "Điều 2. Quy định mức học phí", "an article marker broken before its number"],
    ["Số:\n44/2025/QĐ-CTUBND", "Số: 44/2025/QĐ-CTUBND", "a number label wrapped away from its value"],
    ["ỦY BAN NHÂN DÂN\nHUYỆN BÌNH SƠN", "ỦY BAN NHÂN DÂN\nHUYỆN BÌNH SƠN", "header lines stay apart"],
    ["HUYỆN BÌNH SƠN\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "HUYỆN BÌNH SƠN\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "a rule under a header cell is no hyphen to glue on"],
    ["ỦY BAN NHÂN DÂN \t CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "tab-aligned columns are split"],
    ["Quyết định 5/QĐ-UBND năm 2020. ỦY BAN NHÂN DÂN TỈNH A\nQuyết định 5/QĐ-UBND năm 2020. Điều 1.\nNội dung một.\nQuyết định 5/QĐ-UBND năm 2020. Điều 2. Nội dung hai.", "ỦY BAN NHÂN DÂN TỈNH A\nĐiều 1. Nội dung một.\nĐiều 2. Nội dung hai.", "a retrieval chunk's caption repeated before each chunk is dropped"],
    ["PHỤ LỤC\nChương trình. TRIỂN KHAI KẾ HOẠCH\nChương trình. I. MỤC ĐÍCH\nChương trình. II. NỘI DUNG\nChương trình. III. TỔ CHỨC", "PHỤ LỤC\nChương trình. TRIỂN KHAI KẾ HOẠCH\nI. MỤC ĐÍCH\nII. NỘI DUNG\nIII. TỔ CHỨC", "a caption that does not open the text goes only before a block start"],
    [`- ${"Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương; - ".repeat(4)}Lưu: VT, PC | KT. BỘ TRƯỞNG THỨ TRƯỞNG Trần Văn Bình |`, `- ${"Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương; - ".repeat(4)}Lưu: VT, PC\nKT. BỘ TRƯỞNG THỨ TRƯỞNG Trần Văn Bình`, "a collapsed closing row is split however long its recipients cell"],
    [`| Mẫu số 01 | ${"Đơn đề nghị xác nhận thời gian công tác ".repeat(5)}|`, `| Mẫu số 01 | ${"Đơn đề nghị xác nhận thời gian công tác ".repeat(5)}|`, "a table row with a long cell and no signature stays one line"],
    ["Số: 435/QĐ-UBND Kon Tum, ngày 04 tháng 5 năm 2020 QUYẾT ĐỊNH V/V BAN HÀNH", "Số: 435/QĐ-UBND Kon Tum, ngày 04 tháng 5 năm 2020\nQUYẾT ĐỊNH\nV/V BAN HÀNH", "flattened header components are split"],
  ])("%j", (input, expected) => {
    expect(text(input)).toBe(expected);
  });
});

describe("markdown through prepareText", () => {
  it.each([
    ["**Điều 1. Vị\ntrí và chức năng**", "Điều 1. Vị trí và chức năng", "a bold heading wrapped mid-phrase"],
    ["Hà Nội, ngày **24** tháng 11 năm 202**5**", "Hà Nội, ngày 24 tháng 11 năm 2025", "bold inside a date"],
    ["Quy ****định", "Quy định", "unpaired emphasis runs are dropped"],
    ["**DANH MỤC**\n\n*(Ban hành kèm theo Quyết đ*\n\n*ịnh số 7/QĐ-UBND*\n\n*ng*\n\n*ày 3 tháng 2 năm 2024 c*\n\n*ủa Ủy ban)*\n\n1. Mục một", "DANH MỤC\n(Ban hành kèm theo Quyết định số 7/QĐ-UBND ngày 3 tháng 2 năm 2024 của Ủy ban)\n1. Mục một", "emphasis cut syllables over paragraphs (`đ` / `ịnh`); an open parenthesis goes on"],
    ["Lưu: VT, TH\n\nng\n\nNguyễn Văn A", "Lưu: VT, TH\nng\nNguyễn Văn A", "a bare onset glues only onto the vowel that completes it"],
    ["**ỦY BAN NHÂN DÂN**\nTHÀNH PHỐ CẦN THƠ\n-------", "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ", "a header cell: all-caps lines stay apart, the rule goes"],
    ["|\n**BAN CHẤP HÀNH**\n|\nSố 221-KL/TW\n|", "BAN CHẤP HÀNH\nSố 221-KL/TW", "lone `|` cell bars separate blocks"],
    ["Năm học 2022-2023, toàn huyện có 55 trường.<sup>1</sup>\n\n<sup>1</sup> Mầm non 18 trường", "Năm học 2022-2023, toàn huyện có 55 trường.\n[1] Mầm non 18 trường", "a footnote mark in a sentence goes, a footnote body keeps its label"],
    ["- Căn cứ Điều lệ Đảng;\n- Căn cứ Luật Lưu trữ;", "- Căn cứ Điều lệ Đảng;\n- Căn cứ Luật Lưu trữ;", "list markers are kept"],
    ["[Thông tư số 32/2018/TT-BGDĐT](#) ngày 26/12/2018", "Thông tư số 32/2018/TT-BGDĐT ngày 26/12/2018", "a link keeps its text"],
    ["*Xét Tờ trình số 404/TTr-UBND;\nBáo cáo thẩm tra số 103/BC-BVHXH;*", "Xét Tờ trình số 404/TTr-UBND; Báo cáo thẩm tra số 103/BC-BVHXH;", "a semicolon inside a paragraph does not end it"],
  ])("%j", (input, expected) => {
    expect(md(input)).toBe(expected);
  });

  it("maps every character of the result back to the same character of the source", () => {
    const source = "**Điều 1. Vị\ntrí và chức năng**\n\nHà Nội, ngày **24** tháng 11 năm 202**5**";
    const plain = markdownToText(source);
    for (let i = 0; i < plain.text.length; i++) {
      const ch = plain.text[i]!;
      if (/\s/.test(ch)) continue;
      expect(source[plain.map.toSource(i)]).toBe(ch);
    }
  });

  it.each([
    ["a.md", "plain", "markdown", "the extension decides"],
    ["a.txt", "**KẾ HOẠCH**\n\n# I. MỤC ĐÍCH\n<sup>1</sup> **a** **b** **c** **d** **e** **f**", "markdown", "a .txt full of markdown marks"],
    ["a.txt", "Nơi nhận:\n- **Lưu**: VT.", "text", "one stray bold does not make markdown"],
  ])("detectFormat(%s)", (path, content, expected) => {
    expect(detectFormat(content, path)).toBe(expected);
  });
});

describe("full-width lines", () => {
  // Lines that certainly wrap (the next starts lower case) teach the joiner the width.
  const wrapped = Array.from({ length: 7 }, (_, i) => `Dòng thứ ${i + 1} của đoạn văn bản được ngắt ở cuối dòng theo bề rộng trang giấy`).join("\nvà ");
  const fullWidthTitle = "V/v ban hành Chương trình Cải cách hành chính của thành phố Cần Thơ giai đoạn 2004";

  it("a full-width line continues onto a line in ordinary case", () => {
    expect(text(`${wrapped}\n${fullWidthTitle}\nCần Thơ và các huyện`).split("\n").at(-1)).toBe(`${fullWidthTitle} Cần Thơ và các huyện`);
  });

  it("but not onto a heading that a legacy font left mostly in capitals", () => {
    expect(text(`${wrapped}\n${fullWidthTitle}\nủY BAN NHÂN DÂN THÀNH PHỐ Cần Thơ`).split("\n").slice(-2)).toEqual([fullWidthTitle, "ủY BAN NHÂN DÂN THÀNH PHỐ Cần Thơ"]);
  });
});
