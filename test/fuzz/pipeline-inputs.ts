// Generated inputs for the whole pipeline, bytes → record: documents assembled from the lines
// documents are made of (and of the lines hostile files hold), real documents mutated (lines
// deleted, blocks swapped and repeated, hostile lines inserted), each saved in one of the
// encodings files come in (TCVN3, VNI, VIQR, Windows-1258, VISCII, UTF-16, NFD, mojibake) and
// possibly cut at a random byte or with bytes flipped; raw bytes; .docx files.
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { encodeMojibake, encodeTcvn3, encodeUtf16, encodeUtf8, encodeViqr, encodeViscii, encodeVni, encodeWindows1258 } from "../input/encode-legacy.js";
import { makeDocx, NUMBERING, paragraph, table } from "../hostile/make-docx.js";

const corpusDir = new URL("../../corpus/", import.meta.url);
/** The shipped corpus, as lines. */
export const CORPUS_LINES: string[][] = readdirSync(corpusDir)
  .filter((f) => /\.(?:txt|md)$/.test(f))
  .sort()
  .map((f) => readFileSync(new URL(f, corpusDir), "utf8").split("\n"));

// Lines that look like parts of a document, so generated inputs reach deep into the grammars.
const DOCUMENT_LINES = [
  "ỦY BAN NHÂN DÂN",
  "TỈNH QUẢNG NGÃI",
  "HUYỆN ỦY BÌNH SƠN",
  "ĐẢNG CỘNG SẢN VIỆT NAM",
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "Độc lập - Tự do - Hạnh phúc",
  "-------",
  "*",
  "Số: 12/KH-UBND",
  "Số:      /QĐ-UBND",
  "Số 203 /TB-UBND",
  "Hà Nội, ngày 1 tháng 2 năm 2024",
  "Quảng Ngãi, ngày   tháng 01 năm 2024",
  "KẾ HOẠCH",
  "QUYẾT ĐỊNH",
  "CÔNG VĂN",
  "V/v triển khai nhiệm vụ năm học",
  "Kính gửi: Các phòng, ban",
  "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
  "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;",
  "Thực hiện Chỉ thị số 45/CT-TTg; theo Chỉ thị 45, Kết luận số 29-KL/TW",
  "Theo đề nghị của Trưởng phòng Nội vụ,",
  "QUYẾT ĐỊNH:",
  "PHẦN THỨ NHẤT",
  "Chương I",
  "Mục 1. QUY ĐỊNH CHUNG",
  "Điều 1. Phạm vi điều chỉnh",
  "Điều 2.",
  "A. MỤC TIÊU",
  "I. MỤC ĐÍCH, YÊU CẦU",
  "II- NỘI DUNG",
  "1. Mục đích",
  "1.1. Nội dung",
  "1.1.1.1.1.1.1.1. Quá sâu",
  "a) nội dung điểm a",
  "- gạch đầu dòng",
  "+ dấu cộng",
  "• chấm",
  "nội dung tiếp theo của đoạn trước, viết thường",
  "Nơi nhận:",
  "- Như trên;",
  "- Lưu: VT, VP.",
  "TM. ỦY BAN NHÂN DÂN",
  "KT. CHỦ TỊCH",
  "PHÓ CHỦ TỊCH",
  "(Đã ký)",
  "Nguyễn Văn A",
  "PHỤ LỤC I",
  "(Kèm theo Kế hoạch số 12/KH-UBND ngày 1/2/2024)",
  "<sup>1</sup> Chú thích một",
  "[2] Chú thích hai",
  "ngày **24** tháng 11 năm 202**5**",
  "# Tiêu đề",
  "| STT | Tên |",
  "|---|---|",
  "| 1 | Trường |",
  "> trích dẫn",
  "[liên kết](http://example.com) `mã` &amp; \\*",
  "    thụt lề bốn dấu cách",
  "./.",
  "",
  "   ",
];

// Lines no document should hold, which files hold anyway.
const HOSTILE_LINES = [
  "\u0000\u0000\u0000",
  "\u001b[31mđỏ\u001b[0m \u001b]8;;http://x\u0007liên kết\u001b]8;;\u0007",
  "\u009b2J \u0085 \u2028 \u2029 \u202eđảo",
  "\ufeff\u200b\u00ad zero width",
  "\ud800 nửa cặp",
  "Céng hßa x· héi chñ nghÜa ViÖt Nam",
  "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam",
  "Co^.ng ho\\`a xa~ ho^.i chu? nghi~a Vie^.t Nam",
  "Cá»™ng hÃ²a xÃ£ há»™i",
  "ĐIỀ U KHO ẢN",
  "*".repeat(200),
  "[".repeat(100) + "]".repeat(100),
  "1.".repeat(300) + " Mục",
  "Điều " + "9".repeat(40) + ".",
  "a".repeat(3000),
  "số " + "1/".repeat(200),
];

/** The encodings a file's bytes come in. */
const ENCODERS: Record<string, (text: string) => Uint8Array> = {
  "utf-8": encodeUtf8,
  "utf-8 with BOM": (t) => encodeUtf8(`\ufeff${t}`),
  "utf-16le": (t) => encodeUtf16(t, true, true),
  "utf-16be without BOM": (t) => encodeUtf16(t, false, false),
  nfd: (t) => encodeUtf8(t.normalize("NFD")),
  tcvn3: encodeTcvn3,
  vni: encodeVni,
  "windows-1258": encodeWindows1258,
  viqr: encodeViqr,
  viscii: encodeViscii,
  mojibake: encodeMojibake,
  "crlf": (t) => encodeUtf8(t.replace(/\n/g, "\r\n")),
};

const encodable = new Map<string, Map<string, boolean>>();

/** Encodes `text`; characters an encoding has no byte for become `?` first (its encoders throw on them). */
export function encode(name: string, text: string): Uint8Array {
  const encoder = ENCODERS[name]!;
  let cache = encodable.get(name);
  if (!cache) encodable.set(name, (cache = new Map()));
  let clean = "";
  for (const ch of text) {
    let ok = cache.get(ch);
    if (ok === undefined) {
      try {
        encoder(ch);
        ok = true;
      } catch {
        ok = false;
      }
      cache.set(ch, ok);
    }
    clean += ok ? ch : "?";
  }
  return encoder(clean);
}

/** A generated input, with how it was made (fast-check prints it with a failing case). */
export interface PipelineInput {
  how: string;
  bytes: Uint8Array;
}

const line = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...DOCUMENT_LINES) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_LINES) }, { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) });
const encoding = fc.constantFrom(...Object.keys(ENCODERS));

// Byte damage: cut at a random byte (mid-character, mid-line), or bytes flipped.
const damage = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("cut" as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("flip" as const), at: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }) }) },
);

function damaged(bytes: Uint8Array, d: { kind: "cut"; at: number } | { kind: "flip"; at: [number, number][] } | null): { bytes: Uint8Array; how: string } {
  if (!d) return { bytes, how: "" };
  if (d.kind === "cut") {
    const at = Math.floor(d.at * bytes.length);
    return { bytes: bytes.subarray(0, at), how: `, cut at byte ${at}` };
  }
  const out = bytes.slice();
  for (const [where, mask] of d.at) if (out.length) out[Math.floor(where * (out.length - 1))]! ^= mask;
  return { bytes: out, how: `, ${d.at.length} bytes flipped` };
}

const generated = fc.record({ lines: fc.array(line, { maxLength: 60 }), encoding, damage }).map(({ lines, encoding, damage: d }): PipelineInput => {
  const { bytes, how } = damaged(encode(encoding, lines.join("\n")), d);
  return { how: `${lines.length} generated lines in ${encoding}${how}`, bytes };
});

// A window of a real document (a whole one costs too much for ten thousand runs), mutated.
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), count: fc.integer({ min: 1, max: 10 }) }),
  fc.record({ kind: fc.constant("swap" as const), a: fc.nat(), b: fc.nat(), size: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant("repeat" as const), at: fc.nat(), size: fc.integer({ min: 1, max: 8 }), times: fc.integer({ min: 2, max: 20 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), line }),
);

function mutate(lines: string[], m: typeof mutation extends fc.Arbitrary<infer T> ? T : never): string[] {
  const n = Math.max(1, lines.length);
  switch (m.kind) {
    case "delete":
      return [...lines.slice(0, m.at % n), ...lines.slice((m.at % n) + m.count)];
    case "swap": {
      const a = m.a % n;
      const b = m.b % n;
      const [x, y] = a < b ? [a, b] : [b, a];
      if (x + m.size > y) return lines;
      return [...lines.slice(0, x), ...lines.slice(y, y + m.size), ...lines.slice(x + m.size, y), ...lines.slice(x, x + m.size), ...lines.slice(y + m.size)];
    }
    case "repeat": {
      const at = m.at % n;
      const block = lines.slice(at, at + m.size);
      return [...lines.slice(0, at), ...Array.from({ length: m.times }, () => block).flat(), ...lines.slice(at + m.size)];
    }
    case "insert":
      return [...lines.slice(0, m.at % n), m.line, ...lines.slice(m.at % n)];
  }
}

const mutated = fc
  .record({
    doc: fc.nat({ max: CORPUS_LINES.length - 1 }),
    start: fc.nat(),
    length: fc.integer({ min: 1, max: 80 }),
    mutations: fc.array(mutation, { maxLength: 4 }),
    encoding,
    markdown: fc.boolean(),
    damage,
  })
  .map(({ doc, start, length, mutations, encoding, markdown, damage: d }): PipelineInput => {
    const source = CORPUS_LINES[doc]!;
    const from = start % source.length;
    let lines = source.slice(from, from + length);
    for (const m of mutations) lines = mutate(lines, m);
    const text = markdown ? lines.map((l, i) => (i % 7 === 0 ? `**${l}**` : l)).join("\n") : lines.join("\n");
    const { bytes, how } = damaged(encode(encoding, text), d);
    return { how: `lines ${from}–${from + length} of corpus document ${doc}, ${mutations.map((m) => m.kind).join("+") || "unmutated"}, ${encoding}${markdown ? ", bolded" : ""}${how}`, bytes };
  });

const raw = fc.uint8Array({ maxLength: 2000 }).map((bytes): PipelineInput => ({ how: `${bytes.length} random bytes`, bytes }));

const docx = fc
  .record({ paragraphs: fc.array(line, { maxLength: 20 }), rows: fc.array(fc.array(fc.array(line, { maxLength: 3 }), { minLength: 1, maxLength: 3 }), { maxLength: 4 }), damage })
  .map(({ paragraphs, rows, damage: d }): PipelineInput => {
    const xmlSafe = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/gu, "");
    const body = paragraphs.map((p, i) => paragraph(xmlSafe(p), i % 4 === 0 ? { list: { numId: 1, level: i % 3 } } : {})).join("") + table(rows.map((r) => r.map((c) => c.map(xmlSafe))));
    const { bytes, how } = damaged(makeDocx(body, { numbering: NUMBERING }), d);
    return { how: `a .docx of ${paragraphs.length} paragraphs and ${rows.length} rows${how}`, bytes };
  });

/** Every kind of input, weighted towards documents. */
export const pipelineInput: fc.Arbitrary<PipelineInput> = fc.oneof(
  { weight: 4, arbitrary: generated },
  { weight: 4, arbitrary: mutated },
  { weight: 1, arbitrary: raw },
  { weight: 1, arbitrary: docx },
);
