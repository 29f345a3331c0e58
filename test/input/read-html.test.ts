// Saved web pages: the document's blocks as lines, the portal's chrome left out, fonts kept.
import { describe, expect, it } from "vitest";
import { decodeDocument } from "../../src/input/decode-document.js";
import { looksLikeHtml, readHtmlRuns } from "../../src/input/read-html.js";

const text = (html: string) => {
  const read = readHtmlRuns(html);
  if ("error" in read) throw new Error(read.error);
  return read.runs.map((r) => r.text).join("");
};

const PORTAL = (content: string, marked = true) => `<!DOCTYPE html><html><head><title>Portal</title><script>var x = "<p>no</p>";</script></head><body>
<nav><a href="/">Trang chủ</a> <a href="/vb">Văn bản</a></nav>
<header><div>Cơ sở dữ liệu quốc gia về văn bản pháp luật</div></header>
<h1>Quyết định số 21/2025/QĐ-TTg Quy định tiêu chí môi trường</h1>
<div role="tabpanel" aria-hidden="true"><p>Thuộc tính: hidden tab</p></div>
<div ${marked ? 'data-site-content-root="true"' : ""}>${content}</div>
<footer><p>Bản quyền thuộc về cổng thông tin.</p></footer></body></html>`;

describe("readHtmlRuns", () => {
  it("reads the marked content with the page's title first, and nothing of the chrome", () => {
    const out = text(PORTAL("<p align=center><b>QUYẾT ĐỊNH</b></p><p>Căn cứ Luật Tổ chức Chính phủ;</p>"));
    expect(out.split("\n")).toEqual(["Quyết định số 21/2025/QĐ-TTg Quy định tiêu chí môi trường", "QUYẾT ĐỊNH", "Căn cứ Luật Tổ chức Chính phủ;"]);
  });

  it("without a mark, takes the smallest element holding most of the paragraph text", () => {
    const body = `<div class="doc">${"<p>Điều 1. Phạm vi điều chỉnh của văn bản này.</p>".repeat(30)}</div><aside><p>Văn bản liên quan</p></aside>`;
    const out = text(PORTAL(body, false));
    expect(out).toContain("Điều 1. Phạm vi");
    expect(out).not.toContain("Văn bản liên quan");
    expect(out).not.toContain("Trang chủ");
  });

  it.each([
    ["the header table: layout cells one after another, a data row as a | b", "<table><tr><td><p>BỘ XÂY DỰNG</p><p>-------</p></td><td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập</p></td></tr><tr><td>1</td><td>Trường A</td></tr></table>", "BỘ XÂY DỰNG\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập\n1 | Trường A"],
    ["line breaks and list items are lines; runs of white space one space", "<p>Nơi nhận:<br>- Như trên;</p><ul><li>a   b</li><li>c</li></ul>", "Nơi nhận:\n- Như trên;\na b\nc"],
  ])("%s", (_why, content, expected) => {
    expect(text(PORTAL(content)).split("\n").slice(1).join("\n")).toBe(expected);
  });

  it("keeps the font of each text: a .VnTime page decodes by it", () => {
    const page = PORTAL(`<p><font face=".VnTime">Céng hoµ x· héi</font></p><p style="font-family: 'VNI-Times'">Coäng hoøa</p>`);
    const decoded = decodeDocument(new TextEncoder().encode(page));
    expect(decoded.format).toBe("html");
    expect(decoded.text.split("\n").slice(1)).toEqual(["Cộng hoà xã hội", "Cộng hòa"]);
  });

  it.each([
    ["<!DOCTYPE html><html>", true],
    ["\uFEFF  <?xml version='1.0'?>\n<html xmlns:o='urn:schemas-microsoft-com:office:office'>", true],
    ["<!-- saved --><HTML><body>", true],
    ["Số: 12/KH-UBND <html>", false],
  ])("looksLikeHtml(%j) is %s", (head, expected) => {
    expect(looksLikeHtml(head)).toBe(expected);
  });

  it("reads a Word file saved as a web page under a .doc name", () => {
    const decoded = decodeDocument(new TextEncoder().encode("<html xmlns:w='urn:schemas-microsoft-com:office:word'><body><p class=MsoNormal>Số: 12/KH-UBND</p></body></html>"));
    expect(decoded.text).toBe("Số: 12/KH-UBND");
  });
});
