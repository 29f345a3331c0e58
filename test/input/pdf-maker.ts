// Real PDFs made in the test: text set in DejaVu Serif (Debian's fonts-dejavu-core) embedded as a
// Unicode font with pdf-lib, each line placed where a gazette page places it.
import { existsSync, readFileSync } from "node:fs";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, type PDFFont } from "pdf-lib";

/** Where Debian puts the font the PDFs are set in. */
export const FONT_PATH = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";
/** Whether the font is installed (`fonts-dejavu-core`); PDF tests skip without it. */
export const HAS_FONT = existsSync(FONT_PATH);

/** A line of text placed on a page: `x` from the left, `top` from the top of the page, in points. */
export interface PlacedLine {
  text: string;
  x: number;
  top: number;
  size?: number;
}

/** An A4 PDF whose pages hold the given lines. */
export async function makePdf(pages: PlacedLine[][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font: PDFFont = await doc.embedFont(readFileSync(FONT_PATH), { subset: true });
  for (const lines of pages) {
    const page = doc.addPage([595.3, 841.9]);
    for (const line of lines) page.drawText(line.text, { x: line.x, y: 841.9 - line.top, size: line.size ?? 13, font });
  }
  return doc.save({ useObjectStreams: false });
}

/** The first page of a gazette-style Nghị định: running head, two-column header, title, body, signature beside Nơi nhận. */
export function gazettePage(): PlacedLine[] {
  return [
    { text: "CÔNG BÁO/Số 245/Ngày 23-04-2026", x: 200, top: 40, size: 13 },
    { text: "37", x: 525, top: 40, size: 13 },
    { text: "BỘ TÀI CHÍNH", x: 100, top: 80 },
    { text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", x: 265, top: 80 },
    { text: "Độc lập - Tự do - Hạnh phúc", x: 320, top: 96 },
    { text: "Số: 95/2025/TT-BTC", x: 80, top: 125 },
    { text: "Hà Nội, ngày 20 tháng 10 năm 2025", x: 300, top: 125 },
    { text: "THÔNG TƯ", x: 260, top: 170, size: 14 },
    { text: "Hướng dẫn quản lý phí thẩm định", x: 190, top: 188 },
    { text: "Căn cứ Luật Phí và lệ phí số 97/2015/QH13;", x: 85, top: 230 },
    { text: "Căn cứ Nghị định số 14/2023/NĐ-CP ngày 20 tháng 4 năm 2023 của Chính phủ;", x: 85, top: 250, size: 12 },
    { text: "Bộ trưởng Bộ Tài chính ban hành Thông tư hướng dẫn quản lý phí thẩm định.", x: 85, top: 270, size: 12 },
    { text: "Điều 1. Phạm vi điều chỉnh", x: 85, top: 300 },
    { text: "Thông tư này hướng dẫn quản lý phí thẩm định.", x: 85, top: 318 },
    { text: "Điều 2. Hiệu lực thi hành", x: 85, top: 340 },
    { text: "Thông tư này có hiệu lực từ ngày 01 tháng 12 năm 2025./.", x: 85, top: 358 },
    { text: "Nơi nhận:", x: 60, top: 400, size: 11 },
    { text: "KT. BỘ TRƯỞNG", x: 380, top: 400 },
    { text: "- Văn phòng Chính phủ;", x: 60, top: 414, size: 10 },
    { text: "THỨ TRƯỞNG", x: 390, top: 416 },
    { text: "- Lưu: VT, CST.", x: 60, top: 428, size: 10 },
    { text: "Nguyễn Thị Bích Ngọc", x: 365, top: 480 },
  ];
}
