import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBytes } from "../../src/input/decode-bytes.js";
import { as1252Text, encodeMojibake, encodeTcvn3, encodeUtf16, encodeUtf8, encodeViqr, encodeVni, encodeWindows1258 } from "./encode-legacy.js";

const utf8 = encodeUtf8;
const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

// Test vectors from shared/notes/vietnamese-text.md: Unicode, TCVN3 read as 1252, VNI read as 1252.
const VECTORS: [string, string, string][] = [
  ["Độc lập - Tự do - Hạnh phúc", "§éc lËp - Tù do - H¹nh phóc", "Ñoäc laäp - Töï do - Haïnh phuùc"],
  ["Ủy ban nhân dân tỉnh Quảng Ngãi", "ñy ban nh©n d©n tØnh Qu¶ng Ng·i", "UÛy ban nhaân daân tænh Quaûng Ngaõi"],
  ["trường học, được, kỹ năng, quyết định", "tr\u00ADêng häc, ®\u00ADîc, kü n¨ng, quyÕt ®Þnh", "tröôøng hoïc, ñöôïc, kyõ naêng, quyeát ñònh"],
];

describe("decodeBytes: test vectors", () => {
  // TCVN3 has no toned capitals: `Ủy` is written `ñy`; as the first word of the text it starts a
  // sentence, which is never lower case, so the capital comes back.
  it.each(VECTORS.map(([u, t]) => [t, u, "TCVN3 read as 1252, saved as UTF-8"]))("%s → %s (%s)", (input, expected) => {
    const r = decodeBytes(utf8(input));
    expect(r.text).toBe(expected);
    expect(r.encoding).toBe("tcvn3");
  });
  it.each(VECTORS.map(([u, , v]) => [v, u, "VNI read as 1252, saved as UTF-8"]))("%s → %s (%s)", (input, expected) => {
    const r = decodeBytes(utf8(input));
    expect(r.text).toBe(expected);
    expect(r.encoding).toBe("vni");
  });
  it.each(VECTORS.map(([u]) => [u, "unicode stays unicode"]))("%s (%s)", (input) => {
    const r = decodeBytes(utf8(input));
    expect(r.text).toBe(input);
    expect(r.encoding).toBe("utf-8");
  });
  it.each(VECTORS.map(([u, t, v]) => [u, t, v]))("Unicode → TCVN3 and VNI encoders give the vectors: %s", (u, t, v) => {
    expect(new TextDecoder().decode(as1252Text(encodeTcvn3(u)))).toBe(t.replace(/\u00AD/g, "\u00AD"));
    expect(new TextDecoder().decode(as1252Text(encodeVni(u)))).toBe(v);
  });
});

describe("decodeBytes: encodings", () => {
  const sample = "Cộng hòa xã hội chủ nghĩa Việt Nam. Điều 1. Quyết định này có hiệu lực kể từ ngày ký.";
  it.each([
    ["UTF-8", utf8(sample), "utf-8"],
    ["UTF-8 with BOM", Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(sample)]), "utf-8"],
    ["UTF-16LE with BOM", encodeUtf16(sample, true, true), "utf-16le"],
    ["UTF-16BE with BOM", encodeUtf16(sample, false, true), "utf-16be"],
    ["UTF-16LE without BOM (NUL pattern)", encodeUtf16(sample, true, false), "utf-16le"],
    ["UTF-16BE without BOM (NUL pattern)", encodeUtf16(sample, false, false), "utf-16be"],
    ["NFD", utf8(sample.normalize("NFD")), "utf-8"],
    ["TCVN3 raw bytes", encodeTcvn3(sample), "tcvn3"],
    ["VNI raw bytes", encodeVni(sample), "vni"],
    ["Windows-1258 raw bytes", encodeWindows1258(sample), "windows-1258"],
    ["Windows-1258 read as 1252", as1252Text(encodeWindows1258(sample)), "windows-1258"],
    ["VIQR", encodeViqr(sample), "viqr"],
    ["UTF-8 mojibake", encodeMojibake(sample), "utf-8-mojibake"],
    ["double mojibake", encodeMojibake(new TextDecoder().decode(encodeMojibake(sample))), "utf-8-mojibake"],
  ])("%s", (_why, bytes, encoding) => {
    const r = decodeBytes(bytes);
    expect(r.text).toBe(sample);
    expect(r.encoding).toBe(encoding);
  });

  it("reports the dropped BOM", () => {
    const r = decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8("Việt")]));
    expect(r.diagnostics.map((d) => d.code)).toContain("bom-dropped");
  });

  it.each([
    ["Cá»™ng hÃ²a", "Cộng hòa", "mojibake"],
    ["Ä‘Æ°á»£c", "được", "mojibake of đ ư ợ (0x90 and 0x81 bytes are C1 controls)"],
    ["Céng hßa x· héi chñ nghÜa ViÖt Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam", "TCVN3 as 1252"],
    ["CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", ".VnTimeH capitals: ASCII letters typed as capitals"],
    ["Hµ Néi vµ TP Hå ChÝ Minh", "Hà Nội và TP Hồ Chí Minh", "a single ASCII capital is not a capitals word"],
    ["tr\u2212êng häc vμ ®\u2212îc", "trường học và được", "PDF extractors' μ for à and − for ư"],
    ["Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam", "VNI as 1252"],
    ["COÄNG HOØA XAÕ HOÄI", "CỘNG HÒA XÃ HỘI", "VNI capitals with lower-case marks: case from the base"],
    ["Co^.ng ho`a xa~ ho^.i chu? nghi~a Vie^.t Nam.", "Cộng hòa xã hội chủ nghĩa Việt Nam.", "VIQR with a sentence-final dot"],
    ["ddu+o+.c nhu+~ng ngu+o+`i", "được những người", "VIQR dd and horn"],
  ])("%s → %s (%s)", (input, expected) => {
    expect(decodeBytes(utf8(input)).text).toBe(expected);
  });
});

describe("decodeBytes: mixed files", () => {
  const header = ["Céng hßa x· héi chñ nghÜa ViÖt Nam", "§éc lËp - Tù do - H¹nh phóc"];
  const body = ["Điều 1. Phê duyệt kế hoạch thực hiện quy hoạch sử dụng rừng.", "Điều 2. Giao Sở Tài chính chủ trì."];

  it("TCVN3 header (read as 1252) above a Unicode body, one UTF-8 file", () => {
    const r = decodeBytes(utf8([...header, "", ...body].join("\n")));
    expect(r.text).toBe(["Cộng hòa xã hội chủ nghĩa Việt Nam", "Độc lập - Tự do - Hạnh phúc", "", ...body].join("\n"));
    expect(r.encoding).toBe("mixed");
    expect(r.lineEncodings).toEqual([
      { startLine: 1, endLine: 3, encoding: "tcvn3" },
      { startLine: 4, endLine: 5, encoding: "utf-8" },
    ]);
    expect(r.diagnostics.some((d) => d.code === "mixed-encodings")).toBe(true);
  });

  it("raw TCVN3 header bytes above UTF-8 body bytes", () => {
    const bytes = Uint8Array.from([...encodeTcvn3(header.join("\n").replace(/§/g, "Đ")), 0x0a, ...utf8(body.join("\n"))]);
    // encodeTcvn3 takes Unicode: re-encode the decoded header.
    const unicodeHeader = ["Cộng hòa xã hội chủ nghĩa Việt Nam", "Độc lập - Tự do - Hạnh phúc"];
    const raw = Uint8Array.from([...encodeTcvn3(unicodeHeader.join("\n")), 0x0a, ...utf8(body.join("\n"))]);
    expect(bytes.length).toBeGreaterThan(0);
    const r = decodeBytes(raw);
    expect(r.text).toBe([...unicodeHeader, ...body].join("\n"));
    expect(r.lineEncodings?.map((l) => l.encoding)).toEqual(["tcvn3", "utf-8"]);
  });

  it("a weak TCVN3 line (vµ alone) follows the encoding of the rest of the file", () => {
    const r = decodeBytes(utf8([...header, "vµ"].join("\n")));
    expect(r.text.split("\n")[2]).toBe("và");
    expect(r.encoding).toBe("tcvn3");
  });

  it("a VNI file with one Unicode line", () => {
    const r = decodeBytes(utf8("UÛY BAN NHAÂN DAÂN TÆNH\nQUYEÁT ÑÒNH\nTrương Tấn Thiệu"));
    expect(r.text).toBe("ỦY BAN NHÂN DÂN TỈNH\nQUYẾT ĐỊNH\nTrương Tấn Thiệu");
    expect(r.lineEncodings).toEqual([
      { startLine: 1, endLine: 2, encoding: "vni" },
      { startLine: 3, endLine: 3, encoding: "utf-8" },
    ]);
  });
});

describe("decodeBytes: no false positives", () => {
  it.each([
    ["© ® · µm Peña Müller Ñuñez x² ± “…” €", "Latin-1 symbols and foreign names"],
    ["Đường kính 5 µm, nhiệt độ 25 °C ± 0,5 — theo “Quy chuẩn” © 2024 của Müller & Peña.", "Vietnamese with symbols"],
    ["He said go. Me? I'm fine, don't do that. See e.g. the U.S. report (a) and (b).", "English ASCII with . and ? after vowels"],
    ["XÃ HỘI, Ã, Â, Ê — chữ hoa", "capital Ã before a space is not mojibake"],
    ["Số 10¹ và 10² là lũy thừa; 5 µm; 3 × 4 ÷ 2", "superscripts and operators"],
    ["The café’s naïve façade — São Paulo, Zürich, Göteborg, Ærø, Łódź, ſ", "accented European text"],
    ["a(b) + c^2 = d~e; x`y", "formulas with VIQR-like marks"],
    ["hòa hoà HÒA HOÀ thủy thuỷ qúy", "both tone placements and a misplaced mark"],
  ])("%s (%s)", (input) => {
    const r = decodeBytes(utf8(input));
    expect(r.text).toBe(input.normalize("NFC"));
    expect(r.encoding).toBe("utf-8");
  });

  it("Latin-1 bytes that are not UTF-8 are read as Windows-1252", () => {
    const r = decodeBytes(latin1("Peña Müller caf\u00e9 \u0093quoted\u0094"));
    expect(r.text).toBe("Peña Müller café “quoted”");
    expect(r.encoding).toBe("windows-1252");
  });
});

describe("decodeBytes: properties", () => {
  it("never throws and always returns NFC text", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const r = decodeBytes(bytes);
        expect(typeof r.text).toBe("string");
        expect(r.text.normalize("NFC")).toBe(r.text);
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on bytes built from legacy-looking pieces", () => {
    const piece = fc.constantFrom(...["Céng", "hßa", "Coäng", "Cá»", "™", "\u00AD", "\n", " ", "\r\n", "\x00", "\xff", "\xfe", "^.", "dd", "µ", "a`"].map(latin1));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const bytes = Uint8Array.from(pieces.flatMap((p) => [...p]));
        expect(() => decodeBytes(bytes)).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });

  it("returns valid UTF-8 unchanged but for NFC when it holds no legacy characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."abcdeghiklmnopqrstuvxyàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ ,.\n".split("")) }), (text) => {
        expect(decodeBytes(utf8(text)).text).toBe(text.normalize("NFC"));
      }),
      { numRuns: 500 },
    );
  });
});

const sharedDir = fileURLToPath(new URL("../../../shared/", import.meta.url));

describe.skipIf(!existsSync(sharedDir))("decodeBytes: the real VNI file (corpus 067 vs its transcript 068)", () => {
  it("matches the hand-checked transcript line by line", () => {
    const corpus = `${sharedDir}corpus/`;
    const raw = readFileSync(`${corpus}067_ubnd-binhphuoc-quyetdinh-991-2008-VNI-RAWBYTES.txt`);
    const transcript = readFileSync(`${corpus}068_ubnd-binhphuoc-quyetdinh-991-2008-transcript.txt`, "utf8");
    const squash = (t: string) => t.normalize("NFC").split("\n").map((l) => l.replace(/\s+/g, " ").trim()).filter(Boolean);
    const got = squash(decodeBytes(raw).text);
    const want = squash(transcript);
    // The header block must be exact.
    expect(got.slice(0, 6)).toEqual(["ỦY BAN NHÂN DÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH BÌNH PHƯỚC Độc lập - Tự do - Hạnh phúc", "Số: 991/QĐ-UBND Đồng Xoài, ngày 14 tháng5 năm 2008", "QUYẾT ĐỊNH", want[4], want[5]]);
    const same = want.filter((line, i) => got[i] === line).length;
    expect(same / want.length).toBeGreaterThanOrEqual(0.95);
  });
});
