// Deterministic synthetic records for sharding tests and the search benchmark: paragraphs of real
// documents (the seeds when present, else a built-in sample) recombined under new numbers,
// dates, issuers and references, so that the vocabulary and the identifiers grow with the
// collection the way they do in real ones.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { RecordSpec } from "./record-fixture.js";
import { docTypeByCode } from "../../grammars/vocabulary/doc-type-lookup.js";

const BUILT_IN = [
  "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;",
  "Nhằm tìm ra các giải pháp, các định hướng nâng cao chất lượng giáo dục và đào tạo trên địa bàn huyện về nâng cao chất lượng đội ngũ nhà giáo, nhân viên và cán bộ quản lý giáo dục.",
  "Hội nghị phải được tổ chức nghiêm túc, hiệu quả; có sự phối hợp chặt chẽ giữa các cơ quan, đơn vị trường học, địa phương trên địa bàn huyện.",
  "Tập trung trao đổi làm rõ kết quả đạt được, đồng thời chỉ ra khó khăn, vướng mắc trong quá trình thực hiện nhiệm vụ năm học.",
  "Thường trực Huyện ủy, Thường trực HĐND huyện, lãnh đạo UBND huyện và các phòng, ban, ngành liên quan tham dự hội nghị.",
  "Giao Phòng Giáo dục và Đào tạo chủ trì, phối hợp với các cơ quan, đơn vị liên quan tham mưu UBND huyện tổ chức thực hiện kế hoạch này.",
  "Công tác xã hội hoá giáo dục được đẩy mạnh; cơ sở vật chất, trang thiết bị dạy học từng bước được đầu tư theo hướng chuẩn hoá, hiện đại hoá.",
  "Tăng cường công tác hòa giải ở cơ sở, bảo đảm an ninh, trật tự an toàn xã hội, phòng chống đuối nước cho học sinh trong dịp hè.",
  "Kinh phí thực hiện từ nguồn ngân sách nhà nước được giao trong dự toán năm và các nguồn huy động hợp pháp khác theo quy định.",
  "Trong quá trình tổ chức thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị phản ánh kịp thời về Văn phòng HĐND và UBND huyện để tổng hợp, báo cáo.",
  "Chỉ đạo các trường học thực hiện tốt chương trình giáo dục phổ thông 2018, đổi mới phương pháp dạy học, kiểm tra, đánh giá theo hướng phát triển phẩm chất, năng lực học sinh.",
  "Thủ trưởng các cơ quan, đơn vị và Chủ tịch UBND các xã, thị trấn chịu trách nhiệm thi hành Quyết định này kể từ ngày ký.",
];

// The commonest types of local administrative documents, from the grammars' vocabulary.
const DOC_TYPES = ["KH", "QĐ", "TB", "BC", "CT", "HD", "NQ"].map((code) => {
  const { name } = docTypeByCode(code)!;
  return { code, name };
});
const PLACES = ["Bình Sơn", "Tứ Kỳ", "Quảng Ngãi", "Bắc Sơn", "Hà Nội", "Cần Thơ", "Nghệ An", "Thanh Hóa", "Khánh Hòa", "Thủy Nguyên"];
const STATE_BODIES = ["Ủy ban nhân dân huyện", "Ủy ban nhân dân tỉnh", "Sở Giáo dục và Đào tạo", "Phòng Giáo dục và Đào tạo"];
const PARTY_BODIES = ["Huyện ủy", "Tỉnh ủy", "Ban Thường vụ Huyện uỷ"];
const SIGNERS = ["Nguyễn Tường Duy", "Phạm Quang Sự", "Trần Thị Thủy", "Lê Văn Hoà", "Đặng Ngọc Khoẻ"];

/** A small deterministic PRNG (mulberry32). */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Paragraphs of the real documents under `dirs` (seeds, corpus), or the built-in sample when none exist. */
export function sourceParagraphs(dirs: readonly string[] = [resolve(fileURLToPath(new URL("../..", import.meta.url)), "../shared/seeds")]): string[] {
  const paragraphs: string[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) {
      if (!/\.(txt|md)$/.test(file) || /RAWBYTES/.test(file)) continue;
      const text = readFileSync(`${dir}/${file}`, "utf8").normalize("NFC");
      for (const p of text.split(/\n\s*\n|\n(?=[-+•]|\d+\.|[IVX]+\.)/)) {
        const clean = p.replace(/\s+/g, " ").replace(/[*#|<>]/g, "").trim();
        if (clean.length >= 40) paragraphs.push(clean);
      }
    }
  }
  return paragraphs.length > 0 ? paragraphs : BUILT_IN;
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** Options of `syntheticSpecs`. */
export interface SyntheticOptions {
  /** approximate body size in UTF-16 code units (default 1,500) */
  bodyChars?: number;
  paragraphs?: readonly string[];
}

/** `count` synthetic record specs, the same for the same seed. */
export function syntheticSpecs(count: number, seed: number, options: SyntheticOptions = {}): RecordSpec[] {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const paragraphs = options.paragraphs ?? sourceParagraphs();
  const bodyChars = options.bodyChars ?? 1500;
  const specs: RecordSpec[] = [];
  for (let i = 0; i < count; i++) {
    const party = random() < 0.25;
    const docType = pick(DOC_TYPES);
    const place = pick(PLACES);
    const year = 2015 + Math.floor(random() * 11);
    const date = `${year}-${pad(1 + Math.floor(random() * 12), 2)}-${pad(1 + Math.floor(random() * 28), 2)}`;
    const seq = 1 + Math.floor(random() * 3000);
    // Zero padding and both Party and state spellings occur in real numbers.
    const seqText = random() < 0.2 ? pad(seq, 4) : String(seq);
    const number = party ? `${seqText}-${docType.code}/HU` : random() < 0.3 ? `${seqText}/${year}/${docType.code}-UBND` : `${seqText}/${docType.code}-UBND`;
    const citations: RecordSpec["citations"] = [];
    const body: string[] = [];
    let length = 0;
    while (length < bodyChars) {
      let paragraph = pick(paragraphs);
      if (random() < 0.3) {
        const refSeq = 1 + Math.floor(random() * 200);
        const refType = pick(DOC_TYPES);
        const refYear = 2010 + Math.floor(random() * 15);
        const raw = `${refType.name} số ${refSeq}-${refType.code}/TW ngày ${1 + Math.floor(random() * 28)}/${1 + Math.floor(random() * 12)}/${refYear}`;
        citations.push({ raw, key: `${refType.code}-${refSeq}-TW-${refYear}` });
        paragraph = `Thực hiện ${raw}, ${paragraph.charAt(0).toLowerCase()}${paragraph.slice(1)}`;
      }
      body.push(paragraph);
      length += paragraph.length + 1;
    }
    const titleSource = pick(paragraphs).split(" ").slice(0, 6 + Math.floor(random() * 10)).join(" ");
    specs.push({
      id: `syn-${seed}-${pad(i, 7)}`,
      docType,
      number,
      date,
      place,
      system: party ? "party" : "state",
      issuer: `${pick(party ? PARTY_BODIES : STATE_BODIES)} ${place}`,
      signer: pick(SIGNERS),
      title: titleSource.replace(/[;:,.]+$/, ""),
      body,
      recipients: ["Như trên", `UBND ${place}`, "Lưu: VT"],
      citations,
    });
  }
  return specs;
}
