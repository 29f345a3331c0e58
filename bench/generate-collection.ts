// A deterministic generator of realistic documents for benchmarks: the parts of real documents
// (titles, preamble statements, sections, recipients, signatures) recombined under new numbers,
// dates, issuers and references, so that vocabulary and citation graphs grow with the collection
// the way they do in real ones. Same seed, same documents.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocumentText } from "../src/document/parse-document.js";
import type { Section } from "../src/model/record.js";
import { createRandom } from "../test/search/synthetic-records.js";

/** The parts real documents are made of, gathered once from the source folders. */
export interface DocumentParts {
  titles: string[];
  bases: string[];
  sections: string[][];
  recipients: string[][];
  sources: { path: string; bytes: Buffer }[];
}

const PLACES = ["Bình Sơn", "Tứ Kỳ", "Bắc Sơn", "Tư Nghĩa", "Sơn Tịnh", "Mộ Đức", "Đức Phổ", "Nghĩa Hành", "Ba Tơ", "Minh Long", "Trà Bồng", "Lý Sơn"];
const PROVINCES = ["Quảng Ngãi", "Lạng Sơn", "Hải Dương", "Cần Thơ", "Nghệ An", "Đắk Lắk", "Bình Định", "Gia Lai"];
const TYPES = [
  { name: "KẾ HOẠCH", code: "KH" },
  { name: "QUYẾT ĐỊNH", code: "QĐ" },
  { name: "THÔNG BÁO", code: "TB" },
  { name: "BÁO CÁO", code: "BC" },
  { name: "CHỈ THỊ", code: "CT" },
];
const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ"];
const GIVEN = ["Văn An", "Thị Bình", "Quang Sự", "Tường Duy", "Thanh Thương", "Hà Hải", "Ngọc Thái", "Minh Khoa", "Thu Hà", "Đức Long"];

/** Reads the real documents and takes them apart (the seeds and any corpus folders given). */
export function gatherParts(folders: string[]): DocumentParts {
  const parts: DocumentParts = { titles: [], bases: [], sections: [], recipients: [], sources: [] };
  for (const folder of folders) {
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) {
      if (!/\.(?:txt|md)$/u.test(name) || /^README/iu.test(name)) continue;
      const path = join(folder, name);
      const bytes = readFileSync(path);
      parts.sources.push({ path, bytes });
      const { record } = parseDocumentText(bytes.toString("utf8"), { path });
      if (record.title) parts.titles.push(record.title);
      for (const b of record.bases) parts.bases.push(b.raw);
      const flat = (list: Section[], depth: number, out: string[]) => {
        for (const s of list) {
          out.push(`${"  ".repeat(0)}${s.marker ?? ""}${s.kind === "roman" || s.kind === "bullet" || s.marker?.endsWith(".") ? "" : "."} ${[s.heading, ...s.text].filter(Boolean).join(" ")}`.trim());
          if (depth < 3) flat(s.children, depth + 1, out);
        }
        return out;
      };
      const body = flat(record.sections, 0, []);
      if (body.length >= 3) parts.sections.push(body);
      if (record.recipients.length) parts.recipients.push(record.recipients.map((r) => r.name + (r.note ? ` (${r.note})` : "")));
    }
  }
  return parts;
}

/** The text of generated document `n` of a collection. */
export function generateDocument(parts: DocumentParts, n: number, seed: number): string {
  const random = createRandom(seed * 1_000_003 + n);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const place = pick(PLACES);
  const province = pick(PROVINCES);
  const type = pick(TYPES);
  const year = 2015 + Math.floor(random() * 11);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const seq = 1 + (n % 997);
  // Earlier documents of the collection are cited, so the graph grows with it.
  const cite = (k: number) => {
    const m = Math.max(0, n - 1 - Math.floor(random() * Math.min(n, 50)));
    const t = TYPES[(m * 7 + k) % TYPES.length]!;
    return `${t.name[0]}${t.name.slice(1).toLocaleLowerCase("vi")} số ${1 + (m % 997)}/${t.code}-UBND ngày ${1 + (m % 28)}/${1 + (m % 12)}/${2015 + (m % 11)} của UBND huyện ${PLACES[m % PLACES.length]}`;
  };
  const lines = [
    "ỦY BAN NHÂN DÂN",
    `HUYỆN ${place.toLocaleUpperCase("vi")}`,
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    `Số: ${seq}/${type.code}-UBND`,
    `${place}, ngày ${day} tháng ${month} năm ${year}`,
    "",
    type.name,
    parts.titles.length ? pick(parts.titles) : `Về việc thực hiện nhiệm vụ năm ${year}`,
    "",
  ];
  const bases = 1 + Math.floor(random() * 4);
  for (let i = 0; i < bases; i++) lines.push(i === 0 && n > 0 ? `Căn cứ ${cite(i)};` : parts.bases.length ? pick(parts.bases) : `Căn cứ ${cite(i)};`);
  lines.push(`UBND huyện ${place}, tỉnh ${province} ban hành ${type.name.toLocaleLowerCase("vi")} như sau:`, "");
  // About 9 KB of body, like the documents the figures of the issues were measured on.
  let bodyChars = 0;
  for (let round = 0; round < 6 && bodyChars < 7000; round++) {
    const body = parts.sections.length ? pick(parts.sections) : ["I. NỘI DUNG", "1. Tổ chức thực hiện."];
    for (const line of body) {
      lines.push(line, "");
      bodyChars += line.length;
      if (bodyChars > 9000) break;
    }
  }
  lines.push("Nơi nhận:");
  for (const r of parts.recipients.length ? pick(parts.recipients) : ["Như trên", "Lưu: VT"]) lines.push(`- ${r};`);
  lines.push("", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", `${pick(FAMILY)} ${pick(GIVEN)}`, "");
  return lines.join("\n");
}

/** Writes `count` generated documents into `dir` (one folder per thousand); returns their total bytes. */
export function writeCollection(parts: DocumentParts, dir: string, count: number, seed: number): number {
  let bytes = 0;
  for (let n = 0; n < count; n++) {
    const folder = join(dir, String(Math.floor(n / 1000)).padStart(4, "0"));
    if (n % 1000 === 0) mkdirSync(folder, { recursive: true });
    const text = generateDocument(parts, n, seed);
    writeFileSync(join(folder, `doc-${String(n).padStart(7, "0")}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}
