// Relevance on real documents: the seeds and ../shared/corpus as plain-text bodies, with queries
// written from them, each naming the document that must rank in the top 3 — with and without
// diacritics, either tone placement, numbers in other spellings, phrases and filters.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { search, type SearchOptions } from "../../src/search/search.js";
import { SearchIndex } from "../../src/search/search-index.js";
import { makeRecord } from "./record-fixture.js";

// ../shared beside the checkout, wherever the clone is; the tests are skipped without it.
const SHARED = resolve(fileURLToPath(new URL("../..", import.meta.url)), "../shared");
const SEEDS = resolve(SHARED, "seeds");
const CORPUS = resolve(SHARED, "corpus");

function documents(dir: string): { file: string; text: string }[] {
  return readdirSync(dir)
    .filter((file) => /\.(txt|md)$/.test(file) && file !== "README.md" && !/RAWBYTES/.test(file))
    .sort()
    .map((file) => ({ file, text: readFileSync(`${dir}/${file}`, "utf8").normalize("NFC") }));
}

// [query, options, the file that must be in the top 3, what it exercises]
const SEED_QUERIES: [string, SearchOptions, string, string][] = [
  ["Hội nghị nâng cao chất lượng giáo dục và đào tạo huyện Bình Sơn", {}, "000_", "title words"],
  ["hoi nghi nang cao chat luong giao duc binh son", {}, "000_", "the same without diacritics"],
  ["Huyện ủy Bình Sơn tuần 04", {}, "000_", "old tone placement for a text written in the new one"],
  ["1658-TB/HU", {}, "000_", "a Party number"],
  ["1658/TB-HU", {}, "000_", "a Party number with its connectors swapped"],
  ["Nguyễn Tường Duy kết luận", {}, "001_", "a person and a word"],
  ["203/TB-UBND", {}, "001_", "the number, written with a space before the slash in the text"],
  ["an toàn trường học 128/KH-UBND", {}, "001_", "words and a reference"],
  ["Sơ kết học kỳ I Tứ Kỳ", {}, "002_", "a place"],
  ['"trường học điển hình chuyển đổi số"', {}, "002_", "a phrase across a wrapped line"],
  ["224-KH/TU làm việc với Ủy ban nhân dân các huyện", {}, "003_", "reference and words"],
  ["51/KL-TW", {}, "003_", "51-KL/TW in another spelling"],
  ["đề cương báo cáo", {}, "003_", "the annex title"],
  ["63-NQ/TU Bắc Sơn", {}, "004_", "reference and place"],
  ['"phổ thông dân tộc bán trú"', {}, "004_", "a phrase"],
  ["15314 học sinh", {}, "004_", "a number written 15.314"],
  ["chuyen doi so truong hoc dien hinh", {}, "002_", "folded words"],
];

const CORPUS_QUERIES: [string, SearchOptions, string, string][] = [
  ["383-QĐ/TW phông lưu trữ", {}, "001_tw-quydinh-383", "Party regulation by number"],
  ["phong luu tru dang", {}, "001_tw-quydinh-383", "the same without diacritics"],
  ["tài nguyên nước dưới đất Cần Thơ", {}, "027_ubnd-cantho-chithi-09", "subject and place"],
  ["09/CT-UBND", {}, "027_ubnd-cantho-chithi-09", "a short number"],
  ["634/TB-VPCP Thanh Hóa", {}, "029_vpcp-thongbao-634", "number and place, old placement"],
  ["Thanh Hoá Phạm Minh Chính", {}, "029_vpcp-thongbao-634", "new placement"],
  ["2500/QĐ-TTg bí mật nhà nước", {}, "044_ttg-quyetdinh-2500", "number and subject"],
  ["158/2025/NĐ-CP bảo hiểm xã hội bắt buộc", {}, "048_chinhphu-nghidinh-158", "decree number with year"],
  ["điều dưỡng luân phiên người có công", {}, "056_ubnd-hanoi-quyetdinh-6154", "subject words"],
  ["học bổng khuyến khích học tập Bách khoa", {}, "066_dhbkhn-quyetdinh-5778", "subject words"],
  ['"phòng, chống ma túy"', {}, "078_ubnd-cantho-kehoach-153", "a phrase with a comma"],
  ["ma tuy 2030 Can Tho", {}, "078_ubnd-cantho-kehoach-153", "folded"],
];

describe.skipIf(!existsSync(SEEDS))("relevance on the seeds and the corpus", () => {
  const all = [...documents(SEEDS), ...(existsSync(CORPUS) ? documents(CORPUS) : [])];
  const index = new SearchIndex({ shardSize: 16 });
  index.addAll(all.map(({ file, text }) => makeRecord({ id: file, body: text, content: text })));

  const top3 = (query: string, options: SearchOptions) => search(index, query, { ...options, limit: 3 }).map((r) => r.id);

  it.each(SEED_QUERIES)("%s %o → %s in the top 3 (%s)", (query, options, file) => {
    expect(top3(query, options).some((id) => id.startsWith(file))).toBe(true);
  });

  it.skipIf(!existsSync(CORPUS)).each(CORPUS_QUERIES)("%s %o → %s in the top 3 (%s)", (query, options, file) => {
    expect(top3(query, options).some((id) => id.startsWith(file))).toBe(true);
  });
});
