// Documents made up for store tests: state plans of numbered communes, each citing a Party
// resolution and the plan before it, so that a folder of them has a citation graph of its own.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The text of generated document number `n`; `variant` changes its body (a new version of the file). */
export function generatedDocument(n: number, variant = 0): string {
  const day = (n % 27) + 1;
  const lines = [
    "ỦY BAN NHÂN DÂN",
    `XÃ THỬ NGHIỆM ${n}`,
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    `Số: ${100 + n}/KH-UBND`,
    `Thử Nghiệm, ngày ${day} tháng 3 năm 2024`,
    "",
    "KẾ HOẠCH",
    `Thực hiện nhiệm vụ giáo dục năm 2024, đợt ${n}${variant ? `, bản sửa ${variant}` : ""}`,
    "",
    "Căn cứ Nghị quyết số 29-NQ/TW ngày 04/11/2013 của Ban Chấp hành Trung ương Đảng khóa XI;",
    n > 0 ? `Căn cứ Kế hoạch số ${99 + n}/KH-UBND ngày ${((n - 1) % 27) + 1}/3/2024 của UBND xã Thử Nghiệm ${n - 1};` : "Căn cứ Luật Giáo dục năm 2019;",
    "",
    "I. MỤC ĐÍCH, YÊU CẦU",
  ];
  for (let i = 1; i <= 12 + variant; i++) lines.push(`${i}. Nội dung thứ ${i} của kế hoạch: nâng cao chất lượng dạy và học, bảo đảm điều kiện cơ sở vật chất cho các trường.`);
  lines.push("", "II. TỔ CHỨC THỰC HIỆN", "Các trường học tổ chức thực hiện Kế hoạch này.", "", "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", `Người Ký ${n}`);
  return lines.join("\n") + "\n";
}

/** Writes documents `numbers` (with their variants) into `dir` as `doc-NNN.txt`; returns their paths. */
export function writeGeneratedDocuments(dir: string, numbers: readonly number[], variantOf: (n: number) => number = () => 0): string[] {
  mkdirSync(dir, { recursive: true });
  return numbers.map((n) => {
    const path = join(dir, `doc-${String(n).padStart(3, "0")}.txt`);
    writeFileSync(path, generatedDocument(n, variantOf(n)));
    return path;
  });
}
