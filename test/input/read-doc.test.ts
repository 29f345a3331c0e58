// Word 97 files: the text of their pieces, each run decoded by its font, Word's marks turned into
// lines; damaged files refused with a reason, never a throw.
import { describe, expect, it } from "vitest";
import CFB from "cfb";
import { decodeDocument } from "../../src/input/decode-document.js";
import { readDocRuns } from "../../src/input/read-doc.js";
import { makeDoc } from "./make-doc.js";

const FONTS = [".VnTime", ".VnTimeH", "VNI-Times", "Times New Roman"];

describe("readDocRuns", () => {
  it("gives the text of each run with the name of its font", () => {
    const doc = makeDoc([{ text: "Céng hoµ\r", font: 0 }, { text: "Coäng hoøa\r", font: 2 }, { text: "plain", font: -1 }], FONTS);
    expect(readDocRuns(doc)).toEqual({ runs: [{ text: "Céng hoµ\n", font: ".VnTime" }, { text: "Coäng hoøa\n", font: "VNI-Times" }, { text: "plain", font: null }] });
  });

  it.each([
    ["a field's instruction is dropped, its result kept", "see \x13 HYPERLINK x \x14Article 5\x15", "see Article 5"],
    ["line, page and cell marks are breaks; a non-breaking hyphen a hyphen", "a\x0bb\x0cc\x1ed", "a\nb\nc-d"],
    ["a row of one-line cells is one line", "No\x07Name\x07", "No | Name\n"],
  ])("%s", (_why, text, expected) => {
    const read = readDocRuns(makeDoc([{ text, font: 3 }], FONTS));
    expect("runs" in read && read.runs.map((r) => r.text).join("")).toBe(expected);
  });

  it.each([
    ["not a Compound File", new TextEncoder().encode("{\\rtf1 hello}"), /damaged Compound File container|no WordDocument/],
    ["a Compound File without a Word stream (an Excel file)", excelLike(), /no WordDocument stream/],
    ["a .doc cut in half", makeDoc([{ text: "Céng hoµ\r".repeat(200), font: 0 }], FONTS).subarray(0, 2000), /.+/],
  ])("refuses %s with a reason", (_why, bytes, reason) => {
    const read = readDocRuns(bytes);
    expect("error" in read && read.error).toMatch(reason);
  });

  it("never throws on a .doc with bytes flipped or cut", () => {
    const whole = makeDoc([{ text: "Céng hoµ x· héi\r", font: 0 }, { text: "CéNG HOµ\r", font: 1 }], FONTS);
    for (let at = 0; at < whole.length; at += 97) {
      const flipped = whole.slice();
      flipped[at] = flipped[at]! ^ 0xff;
      for (const bytes of [flipped, whole.subarray(0, at)]) {
        const read = readDocRuns(bytes);
        expect("runs" in read ? Array.isArray(read.runs) : typeof read.error).toBeTruthy();
      }
    }
  });
});

describe("decodeDocument on a .doc", () => {
  it("decodes TCVN3, its capitals fonts and VNI by the font of each run, and says so", () => {
    const doc = makeDoc(
      [
        { text: "céng hoµ x· héi chñ nghÜa viÖt nam\r", font: 1 },
        { text: "Hµ Néi, ngµy 13 th¸ng 3 n¨m 2001\r", font: 0 },
        { text: "Coäng hoøa xaõ hoäi\r", font: 2 },
      ],
      FONTS,
    );
    const decoded = decodeDocument(doc);
    expect(decoded.text).toBe("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Nội, ngày 13 tháng 3 năm 2001\nCộng hòa xã hội\n");
    expect(decoded.format).toBe("doc");
    expect(decoded.encoding).toBe("mixed");
    expect(decoded.diagnostics.map((d) => d.code)).toEqual(["legacy-fonts"]);
  });

  it("detects the encoding of text in fonts that say nothing, with the decoded runs as evidence", () => {
    const doc = makeDoc([{ text: "Céng hoµ x· héi chñ nghÜa\r", font: 0 }, { text: "MôC LôC\r", font: 3 }], FONTS);
    expect(decodeDocument(doc).text).toBe("Cộng hoà xã hội chủ nghĩa\nMỤC LỤC\n");
  });

  it("reports an unreadable .doc as such", () => {
    const decoded = decodeDocument(excelLike());
    expect(decoded.text).toBe("");
    expect(decoded.diagnostics[0]?.code).toBe("unreadable-document");
  });
});

function excelLike(): Uint8Array {
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, "Workbook", Buffer.from("not a word document"));
  return new Uint8Array(CFB.write(container, { type: "buffer" }) as Buffer);
}
