// The issuing body (NĐ 30/2020 Điều 8.2: tên cơ quan ban hành, with the superior body's line
// above it), from the header lines, or inferred from the body when the header is missing.
import type { Issuer } from "../model/record.js";

// Words that open the name of a body of its own: a line starting with one after a complete name
// is the issuer under a superior body (`BỘ TÀI CHÍNH` / `CỤC THUẾ`).
const BODY_HEAD = /^(?:SỞ|PHÒNG|BAN|VĂN PHÒNG|CỤC|TỔNG CỤC|CHI CỤC|TRUNG TÂM|VỤ|VIỆN|TRƯỜNG|ĐẠI HỌC|HỌC VIỆN|THANH TRA|BỆNH VIỆN|ĐẢNG ỦY|ĐẢNG UỶ|HUYỆN ỦY|HUYỆN UỶ|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|QUẬN ỦY|QUẬN UỶ|THỊ ỦY|THỊ UỶ|CÔNG AN|BỘ CHỈ HUY|KHO BẠC|BẢO HIỂM|TÒA ÁN|VIỆN KIỂM SÁT|ỦY BAN|UỶ BAN|UBND|HỘI ĐỒNG|HĐND|BỘ|CHÍNH PHỦ|THỦ TƯỚNG)(?![\p{L}])/u;
// A name that still needs its place or level (`ỦY BAN NHÂN DÂN` / `HUYỆN BÌNH SƠN`).
// `CHỦ TỊCH ỦY` / `BAN NHÂN DÂN …`: an `ỦY` that is not a Party committee's (`TỈNH ỦY`) opens `ỦY BAN`.
const INCOMPLETE = /(?:THƯỜNG VỤ|(?<!TỈNH|HUYỆN|THÀNH|QUẬN|THỊ|ĐẢNG|XÃ|PHƯỜNG|KHỐI)\s(?:ỦY|UỶ)|VĂN PHÒNG|NHÂN DÂN|CHẤP HÀNH|ỦY BAN|UỶ BAN|HỘI|CHỦ TỊCH ỦY BAN|CHỦ TỊCH|BAN|SỞ|VÀ|CỦA|VỀ|-|–)$/u;
const PLACE_LEVEL = /^(?:tỉnh|huyện|thành phố|quận|thị xã|thị trấn|xã|phường|tp\.?|đặc khu)$/iu;
const KEEP_UPPER = new Set(["UBND", "HĐND", "TP", "TP.", "BCĐQG1237", "VN"]);

/** Combines the issuer lines of a header into the issuing body and its superior body. */
export function readIssuer(lines: string[]): Issuer | null {
  const cleaned = lines.map((l) => l.replace(/\s+/g, " ").replace(/[*_]+/g, "").trim()).filter((l) => /\p{L}{2}/u.test(l));
  if (cleaned.length === 0) return null;
  const segments: string[] = [];
  for (const line of cleaned) {
    const current = segments[segments.length - 1];
    // A single word is never a whole name: a bold header wrapped after its first word (`ỦY` / `BAN NHÂN DÂN …`).
    if (current !== undefined && !(BODY_HEAD.test(line) && !INCOMPLETE.test(current) && /\s/u.test(current))) segments[segments.length - 1] = `${current} ${line}`;
    else segments.push(line);
  }
  const split = segments.flatMap(splitParentAndChild);
  segments.length = 0;
  segments.push(...split);
  // A line mixing cases (a TCVN3 heading decoded without its toned capitals) is a heading all the same.
  const name = segments[segments.length - 1]!.toUpperCase();
  const parent = segments.length > 1 ? segments[segments.length - 2]! : null;
  return { name: sentenceCase(name), parent, inferred: false };
}

// The office that heads a body, before the body's name in the enacting line of a decision
// (`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X`, `BỘ TRƯỞNG BỘ TÀI CHÍNH`, `GIÁM ĐỐC SỞ Y TẾ`).
const HEAD_OFFICES = "(?:CHỦ TỊCH|BỘ TRƯỞNG|GIÁM ĐỐC|TỔNG GIÁM ĐỐC|CỤC TRƯỞNG|TỔNG CỤC TRƯỞNG|HIỆU TRƯỞNG|VIỆN TRƯỞNG|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|CHÁNH THANH TRA|THỐNG ĐỐC)";
const HEAD_OF_BODY = new RegExp(`^${HEAD_OFFICES}\\s+(?=\\S)`, "u");

/**
 * The issuer named by the enacting line between a title and its preamble (NĐ 30/2020 Phụ lục I:
 * thẩm quyền ban hành), for a page that lost its header: the body, without the office heading it
 * (`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X` → Ủy ban nhân dân tỉnh X). Marked inferred: not read from a header.
 */
export function issuerFromAuthority(line: string): Issuer | null {
  const upper = line.replace(/[*_:]+/g, " ").replace(/\s+/g, " ").trim().toUpperCase();
  // `THỦ TƯỚNG CHÍNH PHỦ` is itself an issuer; any other office needs the body's name after it.
  const body = /^THỦ TƯỚNG/u.test(upper) ? upper : upper.replace(HEAD_OF_BODY, "");
  if (body === upper && HEAD_OF_BODY.test(`${upper} X`) && !/^THỦ TƯỚNG/u.test(upper)) return null;
  const issuer = readIssuer([body]);
  return issuer && { ...issuer, inferred: true };
}

// A superior body's complete name, and the head of a subordinate body's name after it on the same
// line (`BỘ TÀI CHÍNH CỤC HẢI QUAN`, `UBND TỈNH X SỞ Y TẾ`, `BAN CHẤP HÀNH TRUNG ƯƠNG BAN TỔ CHỨC`).
const PARENT_HEAD = /^(?:BỘ\s|ỦY BAN NHÂN DÂN\s|UỶ BAN NHÂN DÂN\s|UBND\s|BAN CHẤP HÀNH\s|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|HUYỆN ỦY|HUYỆN UỶ|ĐẢNG ỦY|ĐẢNG UỶ)/u;
const CHILD_HEAD = /\s(?=(?:SỞ|CỤC|TỔNG CỤC|CHI CỤC|VĂN PHÒNG|TRUNG TÂM|THANH TRA|BAN|PHÒNG)\s)/gu;

/** Splits one line holding a parent body and its child into the two (the child is the issuer). */
function splitParentAndChild(segment: string): string[] {
  const upper = segment.toUpperCase();
  if (!PARENT_HEAD.test(upper)) return [segment];
  for (const m of upper.matchAll(CHILD_HEAD)) {
    const parent = segment.slice(0, m.index).trim();
    // `ỦY BAN NHÂN DÂN` / `BỘ` alone is not yet a name: the word after it is still the parent's.
    if (parent.split(/\s+/).length < 3 || INCOMPLETE.test(parent.toUpperCase()) || /(?:NHÂN DÂN|TỈNH|HUYỆN|THÀNH PHỐ|QUẬN|XÃ|PHƯỜNG)$/u.test(parent.toUpperCase())) continue;
    return [parent, segment.slice(m.index).trim()];
  }
  return [segment];
}

/**
 * A caps title without the enacting authority that a line joiner ran onto its end
 * (`… TRONG TÌNH HÌNH MỚI” ỦY BAN NHÂN DÂN TỈNH KON TUM`): the issuer's own name, maybe after the
 * office that heads it, is no part of the title.
 */
export function dropTrailingAuthority(title: string, issuer: Issuer): string {
  const name = issuer.name.toUpperCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
  const m = new RegExp(`\\s+(?:${HEAD_OFFICES}\\s+)?${name}$`, "u").exec(title.toUpperCase());
  // `… CỦA BỘ TRƯỞNG BỘ GIÁO DỤC VÀ ĐÀO TẠO`: after a word that governs it, the name is the title's own.
  // After a body's head (`THUỘC VĂN PHÒNG ỦY BAN …`) the name completes a name of the title's.
  const before = m ? title.slice(0, m.index).trimEnd() : "";
  if (!m || m.index < 20 || title !== title.toUpperCase() || /(?:^|\s)(?:CỦA|VÀ|VỚI|CHO|TẠI|THUỘC|VỀ|GIỮA|TRONG|ĐỐI|TRÌNH|GỬI)$/u.test(before) || INCOMPLETE.test(before)) return title;
  return title.slice(0, m.index).trim();
}

// The kinds of body a name opens with. Vietnamese capitalises the kind's first word and the first
// word of each field the body covers (NĐ 30/2020 Phụ lục II: `Sở Giáo dục và Đào tạo`, `Cục Thuế`,
// `Bộ Lao động - Thương binh và Xã hội`); places are proper names (`huyện Bình Sơn`).
const BODY_KIND = /^(?:ủy ban nhân dân|uỷ ban nhân dân|hội đồng nhân dân|văn phòng|trung tâm|tổng cục|chi cục|học viện|đại học|bệnh viện|thanh tra|kho bạc|bảo hiểm|sở|bộ|cục|ban|phòng|vụ|viện|trường|chủ tịch)(?=\s|$)/u;

/** Writes an upper-case body name in the sentence form of the record (`Ủy ban nhân dân huyện Bình Sơn`). */
export function sentenceCase(name: string): string {
  if (!isUpper(name)) return name;
  const lower = name.toLowerCase().replace(/\s+/g, " ").trim();
  const words = lower.split(" ");
  const kind = BODY_KIND.exec(lower)?.[0];
  const kindWords = kind ? kind.split(" ").length : 0;
  let proper = false;
  const out = words.map((w, i) => {
    const upper = w.toUpperCase();
    if (KEEP_UPPER.has(upper)) return upper;
    // A Party committee is named for its place (`Tỉnh ủy Lâm Sơn`): both are proper names.
    if (/^(?:ủy|uỷ)$/u.test(w) && PARTY_COMMITTEE_LEVEL.test(words[i - 1] ?? "")) {
      proper = true;
      return w;
    }
    if (i === 0 || proper) return capitalise(w);
    // The first word of the field after the kind, and after `và` or a dash joining fields.
    if (kind && !/^(?:ủy|uỷ|hội) /u.test(kind) && (i === kindWords || (i > kindWords && /^(?:và|-|–)$|,$/u.test(words[i - 1]!)))) return capitalise(w);
    if (PLACE_LEVEL.test(w) || (w === "phố" && words[i - 1] === "thành")) {
      proper = w !== "thành";
      return w;
    }
    return w;
  });
  return out.join(" ").replace(/(?<![\p{L}])(trung ương|việt nam|chính phủ|quốc hội)(?![\p{L}])/gu, (m) => m.split(" ").map((x, i) => (i === 0 ? capitalise(x) : x)).join(" ")).replace(/Việt nam/gu, "Việt Nam").replace(/thường vụ (?=Quốc hội)/gu, "Thường vụ ")
    .replace(/(?<=^Ban )thường vụ/u, "Thường vụ")
    .replace(/(?<=\s)(tỉnh|huyện|thành|quận|thị|đảng)(?= (?:ủy|uỷ)(?![\p{L}]))/gu, (m) => capitalise(m));
}

const PARTY_COMMITTEE_LEVEL = /^(?:tỉnh|huyện|thành|quận|thị|đảng)$/u;

function capitalise(w: string): string {
  return w ? w[0]!.toUpperCase() + w.slice(1) : w;
}

function isUpper(s: string): boolean {
  return s === s.toUpperCase() && s !== s.toLowerCase();
}

const INFER_PATTERNS: RegExp[] = [
  // The promulgation sentence that closes a decree's preamble: `Chính phủ ban hành Nghị định …`.
  /(?:^|\n)(Chính phủ|Quốc hội|(?:Ủy|Uỷ) ban Thường vụ Quốc hội)\s+ban hành\s+(?:Nghị định|Nghị quyết|Luật|Pháp lệnh)/u,
  // `Bộ trưởng Bộ Giáo dục và Đào tạo ban hành Thông tư`: the ministry issues.
  /Bộ trưởng\s+(Bộ\s[\p{L}\s,&–-]+?)\s+ban hành/u,
  // `THỦ TƯỚNG CHÍNH PHỦ điện:` opening a line; in a sentence (`Ngày 6 tháng 5 năm 1991, Thủ tướng
  // Chính phủ quyết định thành lập …`, on a page about a body) it tells of another document.
  /(?:^|\n)[*_\s]*(THỦ TƯỚNG CHÍNH PHỦ|Thủ tướng Chính phủ)\s+(?:điện|ban hành|quyết định|chỉ thị)/u,
  // `Chủ tịch Ủy ban nhân dân Thành phố có ý kiến chỉ đạo` — the committee issues.
  /Chủ tịch\s+((?:Ủy|Uỷ) ban nhân dân\s+(?:tỉnh|huyện|thành phố|Thành phố|quận|thị xã|xã|phường)(?:\s+\p{Lu}[\p{Ll}\p{M}]*)*)\s+(?:có ý kiến|chỉ đạo|yêu cầu)/u,
  // `Sở Giáo dục và Đào tạo (GDĐT) ban hành Kế hoạch`, `UBND huyện ban hành Kế hoạch`.
  /((?:(?:Ủy|Uỷ) ban nhân dân|UBND|Sở\s[\p{L}\s&]+?|Hội đồng nhân dân|HĐND|Phòng\s[\p{L}\s&]+?)(?:\s*\([^)]{1,12}\))?(?:\s+(?:tỉnh|huyện|thành phố|Thành phố|quận|thị xã|xã|phường)(?:\s+\p{Lu}[\p{Ll}\p{M}]*)*)?)\s+(?:ban hành|xây dựng|triển khai|thông báo)\s+(?:Kế hoạch|kế hoạch|Quyết định|Thông báo|Hướng dẫn|Chương trình)/u,
];

/** Infers the issuer from the text when the header names none (seeds with no header block). */
export function inferIssuer(text: string): Issuer | null {
  for (const pattern of INFER_PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    let name = m[1]!.replace(/\s*\([^)]*\)/gu, "").replace(/\s+/g, " ").trim();
    name = name.replace(/^UBND\b/u, "Ủy ban nhân dân").replace(/^HĐND\b/u, "Hội đồng nhân dân");
    name = sentenceCase(name);
    // `UBND huyện` with the place left out: the place the text names most after that level.
    const bare = /^(?:(?:Ủy|Uỷ) ban nhân dân|Hội đồng nhân dân)(?:\s+(tỉnh|huyện|thành phố|quận|thị xã|xã|phường))?$/u.exec(name);
    if (bare) {
      const place = mostNamedPlace(text, bare[1] ?? null);
      if (place) name = `${name.split(" ").slice(0, 4).join(" ")} ${place}`;
    }
    return { name, parent: null, inferred: true };
  }
  return null;
}

function mostNamedPlace(text: string, level: string | null): string | null {
  const counts = new Map<string, number>();
  const re = new RegExp(`(${level ?? "huyện|tỉnh|thành phố|quận|thị xã"})\\s+((?:\\p{Lu}[\\p{Ll}\\p{M}]*)(?:\\s+\\p{Lu}[\\p{Ll}\\p{M}]*){0,3})`, "gu");
  for (const m of text.matchAll(re)) {
    const key = `${m[1]} ${m[2]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let best: string | null = null;
  let n = 0;
  for (const [k, v] of counts) if (v > n) [best, n] = [k, v];
  return best;
}
