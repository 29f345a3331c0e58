// Inputs that are documents only barely, or not at all, each generated at any size from a fixed
// seed: the growth tests run them at two sizes, the CLI tests write them to files.
import { encodeTcvn3, encodeVni, encodeViqr, encodeMojibake, encodeUtf16 } from "../input/encode-legacy.js";
import { makeDocx, NUMBERING, paragraph, table } from "./make-docx.js";
import { createRandom } from "../search/synthetic-records.js";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A small deterministic generator (mulberry32), so every run sees the same bytes. */
export const seededRandom = createRandom;

/** `n` random bytes from `seed`. */
export function randomBytes(n: number, seed: number): Uint8Array {
  const next = seededRandom(seed);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(next() * 256);
  return out;
}

const lines = (n: number, line: (i: number) => string): string => Array.from({ length: n }, (_, i) => line(i)).join("\n");

const HEADER = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/KH-UBND\nQuảng Ngãi, ngày 1 tháng 2 năm 2024\nKẾ HOẠCH\nTriển khai nhiệm vụ năm 2024\n";
const CLOSING = "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A\n";
const SENTENCE = "Ủy ban nhân dân tỉnh thực hiện Kế hoạch số 12/KH-UBND ngày 1 tháng 2 năm 2024 của Ủy ban nhân dân tỉnh về cải cách hành chính, ";

/**
 * Hostile inputs by name: each builds bytes of about `n` units (lines, entries or repetitions),
 * so that ten times `n` is ten times the input.
 */
export const HOSTILE_DOCUMENTS: Record<string, { why: string; build: (n: number) => Uint8Array }> = {
  "wrapped lines": { why: "a paragraph hard-wrapped over thousands of lines is joined into one", build: (n) => utf8(HEADER + lines(n, () => "nội dung văn bản được ban hành của")) },
  "headings only": { why: "a document of numbered all-caps headings and nothing else", build: (n) => utf8(lines(n, (i) => `${(i % 999) + 1}. MỤC TIÊU VÀ NHIỆM VỤ SỐ ${i + 1}`)) },
  "roman headings": { why: "every heading numbered I., over and over (each a duplicate-number diagnostic)", build: (n) => utf8(HEADER + lines(n, () => "I. MỤC ĐÍCH, YÊU CẦU")) },
  "deep numbering": { why: "sections nested 1.1.1… up to sixty levels, again and again", build: (n) => utf8(HEADER + lines(n, (i) => `${Array.from({ length: (i % 60) + 1 }, () => "1").join(".")}. Nội dung mục`)) },
  "one marker of many levels": { why: "a single numbering marker thousands of levels deep", build: (n) => utf8(HEADER + `${Array.from({ length: n }, () => "1").join(".")}. Nội dung`) },
  "recipients": { why: "a Nơi nhận list of thousands of entries", build: (n) => utf8(HEADER + "Nội dung.\n" + "Nơi nhận:\n" + lines(n, (i) => `- Phòng Giáo dục và Đào tạo số ${i + 1};`) + "\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A\n") },
  "bases": { why: "a preamble of thousands of Căn cứ statements", build: (n) => utf8(HEADER.replace("KẾ HOẠCH", "QUYẾT ĐỊNH") + lines(n, (i) => `Căn cứ Nghị định số ${i + 1}/2020/NĐ-CP ngày 5 tháng 3 năm 2020 của Chính phủ;`) + "\nQUYẾT ĐỊNH:\nĐiều 1. Nội dung." + CLOSING) },
  "one long line of citations": { why: "a single line with a reference every hundred characters", build: (n) => utf8(SENTENCE.repeat(n)) },
  "short forms": { why: "thousands of short references (Chỉ thị 45) to one full one", build: (n) => utf8("Căn cứ Chỉ thị số 45/CT-TTg ngày 1/2/2020 và Chỉ thị số 45, theo Chỉ thị 45; ".repeat(n)) },
  "issuer slips": { why: "one number cited under two issuer codes thousands of times", build: (n) => utf8("Căn cứ Thông tư số 98/2013/TT-BXD của Bộ Tài chính; Thông tư số 98/2013/TT-ABC; ".repeat(n)) },
  "markdown emphasis": { why: "bold and italics in every word", build: (n) => utf8("ngày **24** tháng 11 năm 202**5** *của* __Ủy ban__ ".repeat(n)) },
  "nested lists": { why: "markdown lists nested twenty deep, again and again", build: (n) => utf8(lines(n, (i) => `${"  ".repeat(i % 20)}- mục ${i}`)) },
  "markdown on one line": { why: "links, code, entities and emphasis on one endless line: remark's paragraph resolution grows with its square", build: (n) => utf8("Theo Điều 5 [1] của Luật [Giáo dục](x) và `mã` &amp; **nhấn mạnh** \\* tiếp ".repeat(n)) },
  "open brackets": { why: "unclosed links and emphasis markdown never pairs", build: (n) => utf8("[**_ <sup>".repeat(n)) },
  "table rows": { why: "a markdown table of thousands of rows", build: (n) => utf8("| Số | Tên |\n|---|---|\n" + lines(n, (i) => `| ${i} | Trường Tiểu học số ${i} |`)) },
  "control characters": { why: "NUL bytes, C0 and C1 controls and ANSI escapes between words", build: (n) => utf8(lines(n, (i) => `Số\u0000 ${i}\u0007 \u001b[31mđỏ\u001b[0m \u009b2J \u0001\u0002\u0003 văn bản`)) },
  "random bytes": { why: "bytes that are no text at all", build: (n) => randomBytes(n * 40, 7) },
  "random bytes without line breaks": { why: "binary with no line break: one huge line for the per-line decoder", build: (n) => randomBytes(n * 40, 11).map((b) => (b === 10 || b === 13 ? 32 : b)) },
  "tcvn3 long line": { why: "a TCVN3 file of one long line, capitals to restore", build: (n) => encodeTcvn3("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Vµ GIÁO DỤC VÀ ĐÀO TẠO hòa xã hội chủ nghĩa Việt Nam và ".repeat(n)) },
  "tcvn3 lines": { why: "a TCVN3 document of many lines", build: (n) => encodeTcvn3(lines(n, () => "Ủy ban nhân dân tỉnh Quảng Ngãi thực hiện kế hoạch")) },
  "vni lines": { why: "a VNI document of many lines", build: (n) => encodeVni(lines(n, () => "Độc lập - Tự do - Hạnh phúc, trường học được quyết định")) },
  "viqr lines": { why: "a VIQR document of many lines", build: (n) => encodeViqr(lines(n, () => "Cộng hòa xã hội chủ nghĩa Việt Nam, được quyết định.")) },
  "mojibake": { why: "UTF-8 read as Windows-1252 and saved again", build: (n) => encodeMojibake(lines(n, () => "Ủy ban nhân dân tỉnh Quảng Ngãi")) },
  "utf-16 without bom": { why: "UTF-16LE text with no byte-order mark", build: (n) => encodeUtf16(lines(n, () => "Ủy ban nhân dân tỉnh Quảng Ngãi"), true, false) },
  "letter-spaced": { why: "syllables split by spaces, to be regrouped", build: (n) => utf8(lines(n, () => "ĐIỀ U KHO ẢN Áp dụ ng t ừ ngày ký")) },
  "docx": { why: "a Word file of numbered paragraphs and a table of as many rows", build: (n) => makeDocx(Array.from({ length: n }, (_, i) => paragraph(`Nội dung ${i}`, { list: { numId: 1, level: i % 3 } })).join("") + table(Array.from({ length: n }, (_, i) => [[`${i}`], [`Trường số ${i}`]])), { numbering: NUMBERING }) },
  "mixed encodings": { why: "TCVN3 and Unicode lines alternating", build: (n) => {
    const parts: Uint8Array[] = [];
    for (let i = 0; i < n; i++) parts.push(i % 2 ? encodeTcvn3("Cộng hòa xã hội chủ nghĩa\n") : utf8("Cộng hòa xã hội chủ nghĩa\n"));
    return concat(parts);
  } },
};

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
